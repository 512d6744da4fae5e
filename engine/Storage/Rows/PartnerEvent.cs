namespace EmploymentProcedures.Engine.Storage.Rows;

/// <summary>
/// One "application changed" push to one partner's webhook (the partners' outbox): written in the same transaction as the
/// change, for each client whose grant covers the application (<see cref="PartnerSubscription"/>), then delivered by the
/// host, which claims it first. It holds the line a partner's list would show, no personal data, and nothing of what was
/// sent or answered beyond the status code and a short, cleaned error.
/// </summary>
internal sealed class PartnerEvent
{
    public long Id { get; set; }

    /// <summary>The API client it goes to (the accounts database's <c>ApiClient.Id</c>).</summary>
    public required string ClientId { get; set; }

    public Guid ApplicationId { get; set; }
    public required string Reference { get; set; }
    public required string ProcedureId { get; set; }
    public int DefinitionVersion { get; set; }
    public required string Status { get; set; }
    public string? Step { get; set; }
    public string? Province { get; set; }
    public bool Erased { get; set; }

    /// <summary>The application's <c>UpdatedAt</c> as this change left it (the list's <c>changedAt</c>), UTC.</summary>
    public DateTime ChangedAt { get; set; }

    /// <summary>When it was queued (UTC): it is given up once it is older than the give-up time.</summary>
    public DateTime CreatedAt { get; set; }

    public int Attempts { get; set; }
    public DateTime? LastAttemptAt { get; set; }

    /// <summary>The last answer's HTTP status code, or null when no answer came (the error says why).</summary>
    public int? LastStatus { get; set; }

    /// <summary>Why the last attempt failed: a short, cleaned text (one line, never the response's body beyond an excerpt).</summary>
    public string? LastError { get; set; }

    /// <summary>Not tried again before this time (after a failure).</summary>
    public DateTime? NextAttemptAt { get; set; }

    /// <summary>When the partner answered 2xx: never sent again.</summary>
    public DateTime? DeliveredAt { get; set; }

    /// <summary>When it was given up (too old, or the client no longer covers the application): kept for an administrator.</summary>
    public DateTime? GivenUpAt { get; set; }

    /// <summary>The dispatcher's batch sending it now, so that another instance does not send it too.</summary>
    public string? ClaimedBy { get; set; }

    /// <summary>Until when the claim holds: a dispatcher that stopped mid-batch leaves claims that lapse.</summary>
    public DateTime? ClaimedUntil { get; set; }
}

/// <summary>
/// An API client that registered a webhook, with its grant, as the engine needs it to queue <see cref="PartnerEvent"/>s in a
/// transition's transaction: a copy of the accounts database's client, written by the host whenever an administrator changes
/// it (and again at each start). The host checks the client itself again before each delivery.
/// </summary>
internal sealed class PartnerSubscription
{
    public required string ClientId { get; set; }

    /// <summary>The granted procedures' ids, one per line.</summary>
    public required string Procedures { get; set; }

    /// <summary>The granted provinces, one per line; empty: every province.</summary>
    public string Provinces { get; set; } = "";

    /// <summary>The token's last day (Morocco's date); null: until revoked.</summary>
    public DateOnly? ExpiresOn { get; set; }
}
