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
/// and hash, so deleting entries from the end is seen too. Since format 2, the encoding holds, instead of each
/// personal text (a comment, an applicant's name, a message's fingerprint), a digest of it salted with a random
/// value of the entry's own: the erasure of an application can then remove those texts and the salt
/// (<see cref="RedactAsync"/>) and the chain still verifies, while nobody can find a removed text back by guessing.
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
    /// <summary>The format every new entry is written in: personal texts covered by salted digests (<see cref="Canonical"/>).</summary>
    internal const int CurrentFormat = 2;

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
            if (!TextsMatch(entry))
                return AuditVerification.Broken(expected - 1, entry.Sequence, $"entry {entry.Sequence}'s personal texts do not match their digests (changed after it was written)");
            if (HashOf(previous, entry) != entry.Hash)
                return AuditVerification.Broken(expected - 1, entry.Sequence, $"entry {entry.Sequence} was changed after it was written");
            previous = entry.Hash;
            expected++;
        }
        var head = await db.AuditHeads.AsNoTracking().SingleAsync(cancellationToken).ConfigureAwait(false);
        if (head.Sequence != expected - 1 || head.Hash != previous)
            return AuditVerification.Broken(expected - 1, expected, $"the chain ends at entry {expected - 1}, but the head says {head.Sequence}: entries were removed from the end");
        // Redaction keeps the chain whole, so it is only due where an erasure (or a draft's deletion) did it.
        var undue = await db.Audit.AsNoTracking()
            .Where(a => a.Format >= CurrentFormat && a.Salt == null && (a.CommentDigest != null || a.ActorNameDigest != null || a.DetailDigest != null)
                && (a.ApplicationId == null || db.Applications.Any(r => r.Id == a.ApplicationId && r.ErasedAt == null)))
            .OrderBy(a => a.Sequence).Select(a => (long?)a.Sequence)
            .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        if (undue is { } redacted)
            return AuditVerification.Broken(redacted - 1, redacted, $"entry {redacted}'s personal texts were removed, but its application was not erased");
        return new AuditVerification(true, expected - 1, null, null);
    }

    /// <summary>Appends <paramref name="entries"/> (in order) to the chain, inside the caller's transaction; saved with the caller's other changes.</summary>
    internal static async Task AppendAsync(ProceduresDb db, IReadOnlyList<AuditEntry> entries, DateTime now, CancellationToken cancellationToken)
    {
        if (entries.Count == 0)
            return;
        Append(db, await Head.For(db)(db, cancellationToken).ConfigureAwait(false), entries, now);
    }

    /// <summary>The head, tracked: read by every transaction that audits something.</summary>
    private static readonly CompiledQuery<Func<ProceduresDb, CancellationToken, Task<AuditHead>>> Head = new(() => EF.CompileAsyncQuery((ProceduresDb db, CancellationToken _) => db.AuditHeads.Single()));

    /// <summary>
    /// Appends <paramref name="entries"/> after <paramref name="head"/>, read (and tracked) by the caller's transaction, in
    /// the current format: each personal text (the comment; the actor's name when <see cref="AuditEntry.ActorIsPerson"/>; the
    /// detail when <see cref="AuditEntry.DetailIsPersonal"/>) gets its digest under a salt of the entry's own.
    /// </summary>
    internal static void Append(ProceduresDb db, AuditHead head, IReadOnlyList<AuditEntry> entries, DateTime now)
    {
        var at = new DateTime(now.Ticks - (now.Ticks % TimeSpan.TicksPerMillisecond), DateTimeKind.Utc);
        foreach (var entry in entries)
        {
            entry.Sequence = ++head.Sequence;
            entry.At = at;
            entry.Format = CurrentFormat;
            Seal(entry);
            entry.PreviousHash = head.Hash;
            entry.Hash = HashOf(head.Hash, entry);
            head.Hash = entry.Hash;
            db.Audit.Add(entry);
        }
    }

    /// <summary>Draws the entry's salt and digests its personal texts; an entry with none gets no salt.</summary>
    private static void Seal(AuditEntry entry)
    {
        var personal = entry.Comment is not null || entry.ActorIsPerson || (entry.DetailIsPersonal && entry.Detail is not null);
        if (!personal)
            return;
        var salt = RandomNumberGenerator.GetBytes(16);
        entry.Salt = Convert.ToHexStringLower(salt);
        entry.ActorNameDigest = entry.ActorIsPerson ? Digest(salt, entry.ActorName) : null;
        entry.CommentDigest = entry.Comment is null ? null : Digest(salt, entry.Comment);
        entry.DetailDigest = entry.DetailIsPersonal && entry.Detail is not null ? Digest(salt, entry.Detail) : null;
    }

    /// <summary>HMAC-SHA-256, hex, of <paramref name="text"/> keyed with the entry's salt: without the salt, no guess of the text can be checked.</summary>
    private static string Digest(byte[] salt, string text) => Convert.ToHexStringLower(HMACSHA256.HashData(salt, Encoding.UTF8.GetBytes(text)));

    /// <summary>
    /// Redacts the personal texts of <paramref name="applicationId"/>'s format-2 entries, inside the caller's transaction:
    /// the comment, the applicant's name (left empty), a personal detail and the salt go, and <see cref="AuditEntry.RedactedAt"/>
    /// says when; nothing else changes, so the chain verifies from the digests they keep. Format-1 entries cannot be
    /// redacted without breaking the chain and are left as they are. Gives how many entries were redacted.
    /// </summary>
    internal static Task<int> RedactAsync(ProceduresDb db, Guid applicationId, DateTime now, CancellationToken cancellationToken) =>
        db.Audit.Where(a => a.ApplicationId == applicationId && a.Format >= CurrentFormat && a.Salt != null)
            .ExecuteUpdateAsync(s => s
                .SetProperty(a => a.Salt, (string?)null)
                .SetProperty(a => a.Comment, (string?)null)
                .SetProperty(a => a.ActorName, a => a.ActorNameDigest != null ? "" : a.ActorName)
                .SetProperty(a => a.Detail, a => a.DetailDigest != null ? (string?)null : a.Detail)
                .SetProperty(a => a.RedactedAt, now), cancellationToken);

    /// <summary>
    /// Whether a format-2 entry's personal texts are what its digests say: recomputed from the text and the salt while they
    /// are there; once redacted (no salt), the texts must be gone too and the stored digests stand for them in the hash.
    /// A format-1 entry has no digest: its hash covers its texts.
    /// </summary>
    internal static bool TextsMatch(AuditEntry entry)
    {
        if (entry.Format < CurrentFormat)
            return true;
        if (entry.Salt is null)
        {
            return entry.Comment is null
                && (entry.ActorNameDigest is null || entry.ActorName.Length == 0)
                && (entry.DetailDigest is null || entry.Detail is null);
        }
        if (entry.Salt.Length != 32 || !entry.Salt.All(char.IsAsciiHexDigitLower))
            return false;
        var salt = Convert.FromHexString(entry.Salt);
        return (entry.Comment is null ? entry.CommentDigest is null : entry.CommentDigest == Digest(salt, entry.Comment))
            && (entry.ActorNameDigest is null || entry.ActorNameDigest == Digest(salt, entry.ActorName))
            && (entry.DetailDigest is null || (entry.Detail is not null && entry.DetailDigest == Digest(salt, entry.Detail)));
    }

    /// <summary>Whether the entry is as it was written, after <paramref name="previousHash"/>: its texts match their digests and its hash its fields.</summary>
    internal static bool Holds(string previousHash, AuditEntry entry) => TextsMatch(entry) && HashOf(previousHash, entry) == entry.Hash;

    /// <summary>SHA-256, hex, of the previous hash and the entry's canonical encoding.</summary>
    internal static string HashOf(string previousHash, AuditEntry entry) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(previousHash + "\n" + Canonical(entry))));

    /// <summary>
    /// Every field that matters, each as its length, a colon, the text and a semicolon (null as <c>~;</c>): no text an
    /// applicant types can make two different entries encode alike. Format 1: the fields as written. Format 2 starts with
    /// its format and has, where a personal text would be, its digest instead (the actor's name in its place when it is
    /// not personal, then the digest's place, and the same for the detail; the comment by its digest only), so a
    /// redacted entry encodes exactly as it did whole. The salt is not encoded: each digest stands for it.
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

        var format2 = entry.Format >= CurrentFormat;
        if (format2)
            Add("format " + entry.Format.ToString(CultureInfo.InvariantCulture));
        Add(entry.Sequence.ToString(CultureInfo.InvariantCulture));
        Add(DateTime.SpecifyKind(entry.At, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
        Add(entry.ApplicationId?.ToString("D"));
        Add(entry.ActorId);
        if (format2)
        {
            Add(entry.ActorNameDigest is null ? entry.ActorName : null);
            Add(entry.ActorNameDigest);
        }
        else
        {
            Add(entry.ActorName);
        }
        Add(entry.ActorRole);
        Add(entry.Kind);
        Add(entry.Step);
        Add(entry.Action);
        Add(entry.FromStatus);
        Add(entry.ToStatus);
        if (format2)
        {
            Add(entry.CommentDigest);
            Add(entry.DetailDigest is null ? entry.Detail : null);
            Add(entry.DetailDigest);
        }
        else
        {
            Add(entry.Comment);
            Add(entry.Detail);
        }
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
