namespace EmploymentProcedures.Engine.Storage.Rows;

/// <summary>One line of the append-only, hash-chained audit log. Never updated or deleted.</summary>
internal sealed class AuditEntry
{
    /// <summary>1, 2, 3... with no gap: the primary key, so two writers can never both append entry N.</summary>
    public long Sequence { get; set; }

    /// <summary>UTC, to the millisecond (every provider keeps that much, so the hash survives a round trip).</summary>
    public DateTime At { get; set; }

    public Guid? ApplicationId { get; set; }
    public required string ActorId { get; set; }
    public required string ActorName { get; set; }
    public required string ActorRole { get; set; }

    /// <summary>A workflow event kind (<c>submitted</c>, <c>step_approved</c>...), <c>started</c>, <c>published</c> or <c>refused</c>.</summary>
    public required string Kind { get; set; }

    public string? Step { get; set; }
    public string? Action { get; set; }
    public string? FromStatus { get; set; }
    public string? ToStatus { get; set; }
    public string? Comment { get; set; }

    /// <summary>What else matters: the items of the event, or for a refusal the command and the refusal code.</summary>
    public string? Detail { get; set; }

    public required string PreviousHash { get; set; }
    public required string Hash { get; set; }
}
