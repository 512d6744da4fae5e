namespace EmploymentProcedures.Engine.Storage.Rows;

/// <summary>A file attached to an application: where its bytes are (by hash) and what the applicant called it.</summary>
internal sealed class StoredDocument
{
    public long Id { get; set; }
    public Guid ApplicationId { get; set; }
    public required string DocumentId { get; set; }

    /// <summary>The original name, cleaned of control characters: shown to people, never used as a path.</summary>
    public required string FileName { get; set; }

    /// <summary>SHA-256 of the content, hex: the file's name in the document store.</summary>
    public required string Hash { get; set; }

    public long SizeBytes { get; set; }
    public required string Format { get; set; }
    public required string UploadedBy { get; set; }
    public DateTime UploadedAt { get; set; }
}
