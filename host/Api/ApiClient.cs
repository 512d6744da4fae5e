namespace EmploymentProcedures.Host.Api;

/// <summary>
/// A partner administration's system allowed to read the API (<c>/api/v1</c>): who it is, what it may read, and the hash
/// of its secret token (<see cref="ApiTokens"/>). Kept in the accounts database with the people who may use the portal:
/// it is managed by the same administrators, its changes are recorded beside theirs (<see cref="ApiClientChange"/>), and
/// a backup takes both together. Never deleted: a revoked client keeps its history and its name in the audit trails.
/// </summary>
public sealed class ApiClient
{
    /// <summary>Sixteen lowercase hexadecimal characters, random; the token's prefix carries it (<c>epk_&lt;id&gt;_…</c>).</summary>
    public required string Id { get; init; }

    /// <summary>The partner system's name ("DGSN — contrôle des visas"): the audit trails say it read.</summary>
    public required string Name { get; set; }

    public required string Organisation { get; set; }

    public required string ContactEmail { get; set; }

    /// <summary>The procedures it may read, by id; never empty.</summary>
    public List<string> Procedures { get; set; } = [];

    /// <summary>The provinces it may read; empty: every province.</summary>
    public List<string> Provinces { get; set; } = [];

    /// <summary>The last day its token works (Morocco's date); null: until revoked.</summary>
    public DateOnly? ExpiresOn { get; set; }

    /// <summary>SHA-256 of the whole token, hexadecimal (<see cref="ApiTokens.Hash"/>): the token itself is never stored.</summary>
    public required string SecretHash { get; set; }

    /// <summary>When the current secret was made (at creation, then at each renewal), UTC.</summary>
    public DateTime SecretIssuedAt { get; set; }

    public DateTime CreatedAt { get; init; }

    /// <summary>When an administrator revoked it (UTC); null while it works.</summary>
    public DateTime? RevokedAt { get; set; }

    /// <summary>Its last request that was let in (UTC); null if it never used its token.</summary>
    public DateTime? LastUsedAt { get; set; }

    /// <summary>How many lists it read (<c>GET /api/v1/applications</c>): lists are not audited per application.</summary>
    public long ListReads { get; set; }

    /// <summary>How many applications, documents and letters it read (each also in that application's audit trail).</summary>
    public long ApplicationReads { get; set; }

    /// <summary>
    /// Where the portal pushes "application changed" events (<c>https://</c>, set by an administrator only: <see cref="WebhookAddresses"/>);
    /// null: no push.
    /// </summary>
    public string? WebhookUrl { get; set; }

    /// <summary>
    /// The secret that signs every push (<c>whsec_</c> and 32 random bytes in base64, <see cref="WebhookSigning"/>), while a
    /// webhook is set, encrypted with the portal's data-protection keys (<see cref="WebhookSecrets"/>): the portal needs it
    /// back to sign, so it cannot be hashed like the token, and a copy of the database alone does not give it.
    /// </summary>
    public string? WebhookSecret { get; set; }
}

/// <summary>One change an administrator made to an API client, kept for good and shown on the client's page, newest first.</summary>
public sealed class ApiClientChange
{
    public long Id { get; set; }

    public required string ClientId { get; init; }

    /// <summary>One of <see cref="ApiClientChangeKinds"/>.</summary>
    public required string Kind { get; init; }

    /// <summary>For a change: <c>name</c>, <c>organisation</c>, <c>contact</c>, <c>procedures</c>, <c>provinces</c>, <c>expires</c> or <c>webhook</c>.</summary>
    public string? Field { get; init; }

    /// <summary>The value before (ids joined by commas, a date <c>yyyy-MM-dd</c>); for a creation, null.</summary>
    public string? From { get; init; }

    public string? To { get; init; }

    /// <summary>The administrator's account id and name.</summary>
    public required string ById { get; init; }

    public required string ByName { get; init; }

    /// <summary>UTC.</summary>
    public DateTime At { get; init; }
}

/// <summary>What an <see cref="ApiClientChange"/> records.</summary>
public static class ApiClientChangeKinds
{
    public const string Created = "created";
    public const string Changed = "changed";
    public const string Renewed = "renewed";
    public const string Revoked = "revoked";

    /// <summary>The webhook's signing secret was renewed (the first one comes with the address, recorded as its change).</summary>
    public const string WebhookSecretRenewed = "webhook_secret_renewed";
}
