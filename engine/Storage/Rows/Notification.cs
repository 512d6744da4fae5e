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

    /// <summary>How many times sending it failed (a refused recipient or message; not an unreachable server).</summary>
    public int Attempts { get; set; }

    /// <summary>After a failure: not tried again before this time (a delay that grows with <see cref="Attempts"/>).</summary>
    public DateTime? NextAttemptAt { get; set; }

    /// <summary>Why the last attempt failed, for the log and whoever looks at a notification set aside.</summary>
    public string? LastError { get; set; }

    /// <summary>When it was set aside after too many failures: never tried again unless someone clears this.</summary>
    public DateTime? SetAsideAt { get; set; }

    /// <summary>The batch of the dispatcher sending it now, so that another instance does not send it too.</summary>
    public string? ClaimedBy { get; set; }

    /// <summary>Until when the claim holds: a dispatcher that stopped mid-batch leaves claims that lapse.</summary>
    public DateTime? ClaimedUntil { get; set; }
}
