namespace EmploymentProcedures.Engine.Storage.Rows;

/// <summary>
/// A letter issued to the applicant (receipt, decision, request for changes, acknowledgement): written in the
/// transaction of the transition it reports, so a letter exists exactly when that transition happened, with its
/// HTML in <see cref="Content"/>.
/// </summary>
internal sealed class LetterRow
{
    public long Id { get; set; }
    public Guid ApplicationId { get; set; }

    /// <summary>The definition's output key: <c>receipt</c>, <c>approved</c>, <c>rejected</c>, <c>changes_requested</c>, <c>acknowledged</c>.</summary>
    public required string Kind { get; set; }

    /// <summary>The template it was rendered from (its name under <c>procedures/templates</c>).</summary>
    public required string Template { get; set; }

    public required string Language { get; set; }
    public required string FileName { get; set; }
    /// <summary>SHA-256 of the HTML, hex.</summary>
    public required string Hash { get; set; }
    public long SizeBytes { get; set; }

    /// <summary>The audit entry of the event the letter reports (submitted, changes_requested, decided).</summary>
    public long AuditSequence { get; set; }

    public DateTime IssuedAt { get; set; }

    /// <summary>
    /// The HTML as issued (UTF-8). Null only for letters issued before letters were kept in their row: those are in the
    /// document store under <see cref="Hash"/>.
    /// </summary>
    public byte[]? Content { get; set; }

    /// <summary>
    /// The code printed on the letter for third parties to check it (<see cref="Templates.VerificationCode.Value"/>, unique):
    /// null only for letters issued before letters carried one.
    /// </summary>
    public string? VerificationCode { get; set; }

    /// <summary>
    /// When the application's personal data was erased: the row stays so that its code still says a letter of this kind
    /// was issued on that day under that reference, but its content and hash are gone.
    /// </summary>
    public DateTime? ErasedAt { get; set; }
}
