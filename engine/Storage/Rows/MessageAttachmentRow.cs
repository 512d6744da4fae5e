namespace EmploymentProcedures.Engine.Storage.Rows;

/// <summary>A file sent with a message: its bytes in the document store under <see cref="Hash"/>, its name a label only.</summary>
internal sealed class MessageAttachmentRow
{
    public long Id { get; set; }
    public Guid MessageId { get; set; }

    /// <summary>The application of the message, so an attachment is found (and authorised) by application.</summary>
    public Guid ApplicationId { get; set; }

    public required string FileName { get; set; }
    public required string Hash { get; set; }
    public long SizeBytes { get; set; }
    public required string Format { get; set; }
}
