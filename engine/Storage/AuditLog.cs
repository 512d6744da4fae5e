using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using EmploymentProcedures.Engine.Storage.Rows;
using Microsoft.EntityFrameworkCore;

namespace EmploymentProcedures.Engine.Storage;

/// <summary>
/// The audit log: append-only and hash-chained. Entry N stores the hash of entry N-1 and its own hash,
/// SHA-256 over that previous hash and a canonical encoding of its fields, so editing, deleting or
/// reordering any entry breaks the chain from there on; the <c>AuditHead</c> row holds the last sequence
/// and hash, so deleting entries from the end is seen too.
/// </summary>
/// <remarks>
/// One chain for the whole database, not one per application: refusals (which change no application, and
/// may name none) and definition publications are audited in the same order as transitions, and a verifier
/// walks a single sequence. Concurrent writers cannot fork it: every append happens inside the writing
/// transaction, takes the next sequence numbers after the head and updates the head with its sequence as
/// the concurrency token; a second transaction that read the same head fails its update (and the primary
/// key on the sequence refuses a duplicate entry), so it is retried from the start. On SQLite, where the
/// writing transaction holds the database's single write lock from its first statement, that retry never
/// happens; on PostgreSQL the head row serialises appends, which costs little at hundreds of transitions
/// per second.
/// </remarks>
public sealed class AuditLog(IDbContextFactory<ProceduresDb> databases)
{
    /// <summary>Walks the whole chain and says whether it is intact, or where it first breaks.</summary>
    public async Task<AuditVerification> VerifyAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var previous = AuditHead.Genesis;
        long expected = 1;
        await foreach (var entry in db.Audit.AsNoTracking().OrderBy(a => a.Sequence).AsAsyncEnumerable().WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            if (entry.Sequence != expected)
                return AuditVerification.Broken(expected - 1, entry.Sequence, $"entry {expected} is missing (the next one is {entry.Sequence})");
            if (entry.PreviousHash != previous)
                return AuditVerification.Broken(expected - 1, entry.Sequence, $"entry {entry.Sequence} does not follow entry {entry.Sequence - 1} (removed, reordered or rewritten)");
            if (HashOf(previous, entry) != entry.Hash)
                return AuditVerification.Broken(expected - 1, entry.Sequence, $"entry {entry.Sequence} was changed after it was written");
            previous = entry.Hash;
            expected++;
        }
        var head = await db.AuditHeads.AsNoTracking().SingleAsync(cancellationToken).ConfigureAwait(false);
        if (head.Sequence != expected - 1 || head.Hash != previous)
            return AuditVerification.Broken(expected - 1, expected, $"the chain ends at entry {expected - 1}, but the head says {head.Sequence}: entries were removed from the end");
        return new AuditVerification(true, expected - 1, null, null);
    }

    /// <summary>Appends <paramref name="entries"/> (in order) to the chain, inside the caller's transaction; saved with the caller's other changes.</summary>
    internal static async Task AppendAsync(ProceduresDb db, IReadOnlyList<AuditEntry> entries, DateTime now, CancellationToken cancellationToken)
    {
        if (entries.Count == 0)
            return;
        Append(db, await Head(db, cancellationToken).ConfigureAwait(false), entries, now);
    }

    /// <summary>The head, tracked: read by every transaction that audits something.</summary>
    private static readonly Func<ProceduresDb, CancellationToken, Task<AuditHead>> Head = EF.CompileAsyncQuery((ProceduresDb db, CancellationToken _) => db.AuditHeads.Single());

    /// <summary>Appends <paramref name="entries"/> after <paramref name="head"/>, read (and tracked) by the caller's transaction.</summary>
    internal static void Append(ProceduresDb db, AuditHead head, IReadOnlyList<AuditEntry> entries, DateTime now)
    {
        var at = new DateTime(now.Ticks - (now.Ticks % TimeSpan.TicksPerMillisecond), DateTimeKind.Utc);
        foreach (var entry in entries)
        {
            entry.Sequence = ++head.Sequence;
            entry.At = at;
            entry.PreviousHash = head.Hash;
            entry.Hash = HashOf(head.Hash, entry);
            head.Hash = entry.Hash;
            db.Audit.Add(entry);
        }
    }

    /// <summary>SHA-256, hex, of the previous hash and the entry's canonical encoding.</summary>
    internal static string HashOf(string previousHash, AuditEntry entry) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(previousHash + "\n" + Canonical(entry))));

    /// <summary>
    /// Every field that matters, each as its length, a colon, the text and a semicolon (null as <c>~;</c>):
    /// no text an applicant types can make two different entries encode alike.
    /// </summary>
    internal static string Canonical(AuditEntry entry)
    {
        var text = new StringBuilder(256);
        void Add(string? value)
        {
            if (value is null)
                text.Append("~;");
            else
                text.Append(value.Length.ToString(CultureInfo.InvariantCulture)).Append(':').Append(value).Append(';');
        }

        Add(entry.Sequence.ToString(CultureInfo.InvariantCulture));
        Add(DateTime.SpecifyKind(entry.At, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
        Add(entry.ApplicationId?.ToString("D"));
        Add(entry.ActorId);
        Add(entry.ActorName);
        Add(entry.ActorRole);
        Add(entry.Kind);
        Add(entry.Step);
        Add(entry.Action);
        Add(entry.FromStatus);
        Add(entry.ToStatus);
        Add(entry.Comment);
        Add(entry.Detail);
        return text.ToString();
    }
}

/// <summary>The result of walking the audit chain.</summary>
/// <param name="Entries">How many entries verified before the first break (all of them when intact).</param>
/// <param name="BrokenAt">The sequence number where the chain first breaks; null when intact.</param>
/// <param name="Problem">What is wrong there, in English, for the administrator.</param>
public sealed record AuditVerification(bool Intact, long Entries, long? BrokenAt, string? Problem)
{
    internal static AuditVerification Broken(long verified, long at, string problem) => new(false, verified, at, problem);
}
