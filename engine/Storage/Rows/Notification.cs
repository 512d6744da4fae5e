namespace EmploymentProcedures.Engine.Storage.Rows;

/// <summary>
/// A message to send (the outbox): written in the same transaction as what it tells, sent later by a
/// dispatcher that marks it sent, so nothing is told that did not happen and nothing that happened is lost.
/// </summary>
internal sealed class Notification
{
    public const string RolePrefix = "role:";

    public long Id { get; set; }
    public Guid ApplicationId { get; set; }

    /// <summary>A user id (the applicant), or <c>role:</c> and a role for the reviewers of a role.</summary>
    public required string Recipient { get; set; }

    /// <summary>For a role: the province whose reviewers are told, or empty for all of them.</summary>
    public string Territory { get; set; } = "";

    /// <summary>The workflow event kind, or <c>deadline_near</c>.</summary>
    public required string Kind { get; set; }

    public string? Step { get; set; }
    public required string Status { get; set; }
    public string? Comment { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? SentAt { get; set; }
}
