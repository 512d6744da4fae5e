namespace EmploymentProcedures.Engine.Storage.Rows;

/// <summary>
/// One line of the append-only, hash-chained audit log. Never deleted; an entry of format 2 is updated once at most, when
/// its application is erased: its personal texts and its salt are set to null (<see cref="AuditLog.RedactAsync"/>), and
/// its hash still verifies from the digests it keeps.
/// </summary>
internal sealed class AuditEntry
{
    /// <summary>1, 2, 3... with no gap: the primary key, so two writers can never both append entry N.</summary>
    public long Sequence { get; set; }

    /// <summary>UTC, to the millisecond (every provider keeps that much, so the hash survives a round trip).</summary>
    public DateTime At { get; set; }

    public Guid? ApplicationId { get; set; }
    public required string ActorId { get; set; }

    /// <summary>Who acted, by name; empty once redacted when the actor was the applicant (<see cref="ActorNameDigest"/>).</summary>
    public required string ActorName { get; set; }
    public required string ActorRole { get; set; }

    /// <summary>A workflow event kind (<c>submitted</c>, <c>step_approved</c>...), <c>started</c>, <c>published</c> or <c>refused</c>.</summary>
    public required string Kind { get; set; }

    public string? Step { get; set; }
    public string? Action { get; set; }
    public string? FromStatus { get; set; }
    public string? ToStatus { get; set; }
    /// <summary>A free text (a reason, a comment, a refusal's or a failure's message): personal in format 2, covered by <see cref="CommentDigest"/>.</summary>
    public string? Comment { get; set; }

    /// <summary>What else matters: the items of the event, or for a refusal the command and the refusal code.</summary>
    public string? Detail { get; set; }

    /// <summary>
    /// 1: the hash covers every text as written (entries written before format 2, kept as they are). 2: it covers, instead
    /// of each personal text, a digest of it salted with <see cref="Salt"/> (<see cref="AuditLog.Canonical"/>).
    /// </summary>
    public int Format { get; set; } = AuditLog.CurrentFormat;

    /// <summary>Format 2: 16 random bytes (hex) that salt the digests of the personal texts; null when the entry has none, or once redacted.</summary>
    public string? Salt { get; set; }

    /// <summary>Format 2: HMAC-SHA-256 (hex) of the actor's name under <see cref="Salt"/>, when the actor is an applicant (a private person); null otherwise.</summary>
    public string? ActorNameDigest { get; set; }

    /// <summary>Format 2: HMAC-SHA-256 (hex) of <see cref="Comment"/> under <see cref="Salt"/>; null when there is no comment.</summary>
    public string? CommentDigest { get; set; }

    /// <summary>Format 2: HMAC-SHA-256 (hex) of <see cref="Detail"/> under <see cref="Salt"/>, when the detail fingerprints a personal text (a message's); null otherwise.</summary>
    public string? DetailDigest { get; set; }

    /// <summary>When its personal texts were removed (its application erased, or its draft deleted); null while whole.</summary>
    public DateTime? RedactedAt { get; set; }

    /// <summary>Not stored: set by whoever writes the entry when the actor is a private person (an applicant), so that their name is a personal text.</summary>
    public bool ActorIsPerson { get; set; }

    /// <summary>Not stored: set by whoever writes the entry when <see cref="Detail"/> fingerprints a personal text.</summary>
    public bool DetailIsPersonal { get; set; }

    public required string PreviousHash { get; set; }
    public required string Hash { get; set; }
}
