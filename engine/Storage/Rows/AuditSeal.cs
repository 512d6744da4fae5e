namespace EmploymentProcedures.Engine.Storage.Rows;

/// <summary>
/// One day's seal of the audit chain (<see cref="AuditSeals"/>): where the chain ended at the end of that day in Morocco,
/// how many entries the day added, and the previous seal's hash, under a hash of its own. Append-only: never updated or
/// deleted, and published for anyone to keep (<c>/audit-seals.json</c>).
/// </summary>
internal sealed class AuditSeal
{
    /// <summary>The day sealed, in Morocco (<c>Africa/Casablanca</c>): the primary key, so a day is sealed once.</summary>
    public DateOnly Day { get; set; }

    /// <summary>The sequence of the chain's last entry written before the day ended (0 when the chain was still empty).</summary>
    public long HeadSequence { get; set; }

    /// <summary>That entry's hash (the chain's genesis, all zeros, when the chain was still empty).</summary>
    public required string HeadHash { get; set; }

    /// <summary>How many entries the day added: the entries after the previous seal's head up to this one's.</summary>
    public long Entries { get; set; }

    /// <summary>UTC, to the millisecond: when the seal was written (a day sealed late, after the portal was down, shows it).</summary>
    public DateTime SealedAt { get; set; }

    /// <summary>The previous day's seal's hash; the genesis for the first seal.</summary>
    public required string PreviousHash { get; set; }

    /// <summary>SHA-256 (hex) of the seal's canonical text (<see cref="AuditSeals.Canonical"/>).</summary>
    public required string Hash { get; set; }
}
