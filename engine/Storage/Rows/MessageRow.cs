namespace EmploymentProcedures.Engine.Storage.Rows;

/// <summary>One message between the applicant and the reviewers of an application. Never edited.</summary>
internal sealed class MessageRow
{
    public Guid Id { get; set; }
    public Guid ApplicationId { get; set; }
    public required string AuthorId { get; set; }
    public required string AuthorName { get; set; }
    public required string AuthorRole { get; set; }

    /// <summary>Whether the applicant wrote it (the other side being the administration).</summary>
    public bool FromApplicant { get; set; }

    /// <summary>The audit entry that records it: the thread's order.</summary>
    public long AuditSequence { get; set; }

    public required string Text { get; set; }
    public DateTime PostedAt { get; set; }
}
