using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using EmploymentProcedures.Engine.Deadlines;
using EmploymentProcedures.Engine.Storage.Rows;
using Microsoft.EntityFrameworkCore;

namespace EmploymentProcedures.Engine.Storage;

/// <summary>
/// Daily seals of the audit chain. The chain proves that nobody edited one entry, but whoever can write to the database
/// could rewrite it from an edited entry onward and compute every hash again. Once a day (Morocco's day), a seal records
/// where the chain ended that day (the last entry's sequence and hash) and how many entries the day added, chained to the
/// previous seal by its hash; the portal publishes the seals (<c>/audit-seals</c>) for anyone to keep a copy. A chain
/// rewritten before a published seal no longer ends, at that seal's sequence, with the hash the copies hold, whatever was
/// done to the seals table: <see cref="VerifyAsync"/> with the copy says so.
/// </summary>
/// <remarks>
/// A day is sealed once it has been over for <see cref="Grace"/> (a transaction that took its time before midnight has
/// committed by then), and every day not yet sealed since the last seal is sealed in the same round, each with the chain
/// as it stood at that day's end (entries carry their time): a portal that was down seals the days it missed when it comes
/// back. The head of a day is the last entry by sequence written before the day ended; an entry numbered after a seal but
/// timed before it (a clock a little behind on another instance) belongs to the next seal. Redaction
/// (<see cref="AuditLog.RedactAsync"/>) never changes an entry's hash, so seals stay valid through erasures.
/// </remarks>
public sealed class AuditSeals(IDbContextFactory<ProceduresDb> databases, TimeProvider clock)
{
    /// <summary>What the first seal follows: all zeros, as the audit chain's own start.</summary>
    public const string Genesis = AuditHead.Genesis;

    /// <summary>How long after a day's end it is sealed, so that no transaction begun before midnight is still writing.</summary>
    public static readonly TimeSpan Grace = TimeSpan.FromMinutes(5);

    /// <summary>Above this many, the head entries' hashes are read in several queries.</summary>
    private const int HeadsPerQuery = 500;

    /// <summary>The last day that should be sealed now: yesterday in Morocco, once <see cref="Grace"/> has passed today.</summary>
    public DateOnly DueThrough => DayOf((clock.GetUtcNow() - Grace).UtcDateTime).AddDays(-1);

    /// <summary>Since when the seal of <see cref="DueThrough"/> has been due: the end of that day plus <see cref="Grace"/>, UTC.</summary>
    public DateTimeOffset DueSince => new(StartOf(DueThrough.AddDays(1)) + Grace, TimeSpan.Zero);

    /// <summary>
    /// Seals every day not sealed yet up to <see cref="DueThrough"/>, in one transaction; gives the seals written (none when
    /// all were sealed, or another instance sealed them first). The first seal is of the day of the chain's first entry (of
    /// yesterday when the chain is empty).
    /// </summary>
    public async Task<IReadOnlyList<PublishedSeal>> SealAsync(CancellationToken cancellationToken = default)
    {
        var through = DueThrough;
        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var writer = WriteTurns.Of(db);
        var turn = await writer.WaitAsync(SqliteStorage.DefaultBusyTimeout, cancellationToken).ConfigureAwait(false);
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            var (last, first) = await FirstToSealAsync(db, through, cancellationToken).ConfigureAwait(false);
            if (first > through)
                return [];

            var seals = await SealDaysAsync(db, last, first, through, cancellationToken).ConfigureAwait(false);
            db.AuditSeals.AddRange(seals);
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return seals.Select(Published).ToList();
        }
        catch (DbUpdateException)
        {
            // Another instance sealed the same days first (its lease lapsed under it): the seals are there, once.
            if (await SealedAsync(through, cancellationToken).ConfigureAwait(false))
                return [];
            throw;
        }
        finally
        {
            if (turn)
                writer.Release();
        }
    }

    /// <summary>
    /// The seals of <paramref name="first"/> to <paramref name="through"/>: one pass over the entries after the last seal's
    /// head written before the last day ended, keeping each day's last sequence; a day without any keeps the head before it.
    /// </summary>
    private async Task<List<AuditSeal>> SealDaysAsync(ProceduresDb db, AuditSeal? last, DateOnly first, DateOnly through, CancellationToken cancellationToken)
    {
        var after = last?.HeadSequence ?? 0;
        var end = StartOf(through.AddDays(1));
        var lastOfDay = new Dictionary<DateOnly, (long Sequence, string Hash)>();
        await foreach (var entry in db.Audit.AsNoTracking().Where(a => a.Sequence > after && a.At < end).OrderBy(a => a.Sequence)
            .Select(a => new { a.Sequence, a.At, a.Hash }).AsAsyncEnumerable().WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            // An entry timed before the days being sealed (after the last seal was written) counts in the first of them.
            var day = DayOf(entry.At) is var d && d < first ? first : d;
            lastOfDay[day] = (entry.Sequence, entry.Hash);
        }

        var now = Milliseconds(clock.GetUtcNow().UtcDateTime);
        var (headSequence, headHash, previous) = (after, last?.HeadHash ?? Genesis, last?.Hash ?? Genesis);
        var seals = new List<AuditSeal>();
        for (var day = first; day <= through; day = day.AddDays(1))
        {
            var before = headSequence;
            if (lastOfDay.TryGetValue(day, out var head) && head.Sequence > headSequence)
                (headSequence, headHash) = head;
            var seal = new AuditSeal { Day = day, HeadSequence = headSequence, HeadHash = headHash, Entries = headSequence - before, SealedAt = now, PreviousHash = previous, Hash = "" };
            seal.Hash = HashOf(Published(seal));
            previous = seal.Hash;
            seals.Add(seal);
        }
        return seals;
    }

    /// <summary>
    /// The last seal and the first day to seal after it: the next day, or before any seal the day of the chain's first entry
    /// (an empty chain is sealed from <paramref name="through"/>, a start sealed too).
    /// </summary>
    private async Task<(AuditSeal? Last, DateOnly First)> FirstToSealAsync(ProceduresDb db, DateOnly through, CancellationToken cancellationToken)
    {
        var last = await db.AuditSeals.AsNoTracking().OrderByDescending(s => s.Day).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        if (last is not null)
            return (last, last.Day.AddDays(1));
        var start = await db.Audit.AsNoTracking().OrderBy(a => a.Sequence).Select(a => (DateTime?)a.At).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        return (null, start is { } at ? DayOf(at) : through);
    }

    /// <summary>How many days are due and not sealed yet (0 when the seals are up to date): what an overdue seal is measured in.</summary>
    public async Task<int> UnsealedDaysAsync(CancellationToken cancellationToken = default)
    {
        var through = DueThrough;
        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var (_, first) = await FirstToSealAsync(db, through, cancellationToken).ConfigureAwait(false);
        return Math.Max(0, through.DayNumber - first.DayNumber + 1);
    }

    private async Task<bool> SealedAsync(DateOnly day, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await db.AuditSeals.AnyAsync(s => s.Day == day, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Every seal, oldest first; or only the last <paramref name="last"/> of them (still oldest first).</summary>
    public async Task<IReadOnlyList<PublishedSeal>> ListAsync(int? last = null, CancellationToken cancellationToken = default)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var query = db.AuditSeals.AsNoTracking();
        var rows = last is { } count
            ? (await query.OrderByDescending(s => s.Day).Take(count).ToListAsync(cancellationToken).ConfigureAwait(false)).AsEnumerable().Reverse()
            : await query.OrderBy(s => s.Day).ToListAsync(cancellationToken).ConfigureAwait(false);
        return rows.Select(Published).ToList();
    }

    /// <summary>The last day sealed; null before the first seal.</summary>
    public async Task<DateOnly?> LastSealedAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await db.AuditSeals.AsNoTracking().OrderByDescending(s => s.Day).Select(s => (DateOnly?)s.Day).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Checks the seals against the chain and each other: each seal's hash, its link to the previous day's seal, no day
    /// missing between the first and the last, the entry at its head still there with its hash, and as many entries between
    /// two heads as the seal counts. With <paramref name="saved"/> (a copy kept outside, <see cref="AuditSealFiles.ReadJson"/>),
    /// also that each saved seal is in the database as it was and the chain still ends, at its head, with its hash: a chain
    /// rewritten along with the seals table is then found.
    /// </summary>
    public async Task<SealVerification> VerifyAsync(IReadOnlyList<PublishedSeal>? saved = null, CancellationToken cancellationToken = default)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var seals = (await db.AuditSeals.AsNoTracking().OrderBy(s => s.Day).ToListAsync(cancellationToken).ConfigureAwait(false)).Select(Published).ToList();
        var heads = await HeadHashesAsync(db, seals.Select(s => s.HeadSequence).Concat(saved?.Select(s => s.HeadSequence) ?? []), cancellationToken).ConfigureAwait(false);
        var problems = new List<string>();
        PublishedSeal? previous = null;
        foreach (var seal in seals)
        {
            if (previous is not null && seal.Day != previous.Day.AddDays(1))
                problems.Add($"no seal from {Text(previous.Day.AddDays(1))} to {Text(seal.Day.AddDays(-1))}: removed");
            if (seal.PreviousHash != (previous?.Hash ?? Genesis))
                problems.Add($"the seal of {Text(seal.Day)} does not follow {(previous is null ? "the start" : "the seal of " + Text(previous.Day))} (a seal removed, reordered or rewritten)");
            if (HashOf(seal) != seal.Hash)
                problems.Add($"the seal of {Text(seal.Day)} was changed after it was written (its hash does not match its fields)");
            var after = previous?.HeadSequence ?? 0;
            if (HeadProblem(seal, heads, "the seal") is { } head)
            {
                problems.Add(head);
            }
            else if (seal.HeadSequence < after)
            {
                problems.Add($"the seal of {Text(seal.Day)} ends the chain at entry {seal.HeadSequence}, before the previous seal's entry {after}");
            }
            else
            {
                var count = await db.Audit.LongCountAsync(a => a.Sequence > after && a.Sequence <= seal.HeadSequence, cancellationToken).ConfigureAwait(false);
                if (count != seal.Entries || seal.Entries != seal.HeadSequence - after)
                    problems.Add($"the seal of {Text(seal.Day)} counts {seal.Entries:N0} entries after entry {after}, the chain has {count:N0} up to entry {seal.HeadSequence}");
            }
            previous = seal;
        }

        if (saved is not null)
        {
            var byDay = seals.ToDictionary(s => s.Day);
            foreach (var copy in saved)
            {
                if (HashOf(copy) != copy.Hash)
                    problems.Add($"the saved seal of {Text(copy.Day)} does not match its own hash: the saved file was changed");
                if (!byDay.TryGetValue(copy.Day, out var stored))
                    problems.Add($"the saved seal of {Text(copy.Day)} is not in the database: removed");
                else if (stored != copy)
                    problems.Add($"the database's seal of {Text(copy.Day)} differs from the saved one (head entry {stored.HeadSequence} {Short(stored.HeadHash)}, saved: entry {copy.HeadSequence} {Short(copy.HeadHash)}): the seals were rewritten");
                if (HeadProblem(copy, heads, "the saved seal") is { } head)
                    problems.Add(head);
            }
        }
        return new SealVerification(seals.Count, seals.Count > 0 ? seals[^1].Day : null, saved?.Count, problems);
    }

    /// <summary>What is wrong with the chain at the seal's head, or null: the entry there must exist and have the sealed hash.</summary>
    private static string? HeadProblem(PublishedSeal seal, Dictionary<long, string> heads, string whose)
    {
        if (seal.HeadSequence == 0)
            return seal.HeadHash == Genesis ? null : $"{whose} of {Text(seal.Day)} seals an empty chain with a hash other than the start's";
        if (!heads.TryGetValue(seal.HeadSequence, out var hash))
            return $"the chain has no entry {seal.HeadSequence}, which {whose} of {Text(seal.Day)} ends with: entries were removed";
        return hash == seal.HeadHash
            ? null
            : $"the chain's entry {seal.HeadSequence} has the hash {Short(hash)}, {whose} of {Text(seal.Day)} says {Short(seal.HeadHash)}: the chain was rewritten at or before that entry";
    }

    private static async Task<Dictionary<long, string>> HeadHashesAsync(ProceduresDb db, IEnumerable<long> sequences, CancellationToken cancellationToken)
    {
        var hashes = new Dictionary<long, string>();
        foreach (var chunk in sequences.Where(s => s > 0).Distinct().Chunk(HeadsPerQuery))
        {
            foreach (var entry in await db.Audit.AsNoTracking().Where(a => chunk.Contains(a.Sequence)).Select(a => new { a.Sequence, a.Hash }).ToListAsync(cancellationToken).ConfigureAwait(false))
                hashes[entry.Sequence] = entry.Hash;
        }
        return hashes;
    }

    /// <summary>
    /// The text a seal's hash is SHA-256 of, UTF-8, lines separated by a line feed: <c>audit-seal 1</c>, the day
    /// (<c>yyyy-MM-dd</c>), the head's sequence, the head's hash, the entries, the time sealed (<c>yyyy-MM-ddTHH:mm:ss.fffZ</c>)
    /// and the previous seal's hash. Every field has a fixed form (no free text), so a line feed cannot be forged into one.
    /// </summary>
    public static string Canonical(PublishedSeal seal)
    {
        ArgumentNullException.ThrowIfNull(seal);
        return string.Join('\n', "audit-seal 1", Text(seal.Day), seal.HeadSequence.ToString(CultureInfo.InvariantCulture), seal.HeadHash,
            seal.Entries.ToString(CultureInfo.InvariantCulture), Text(seal.SealedAt), seal.PreviousHash);
    }

    /// <summary>SHA-256, lower-case hex, of <see cref="Canonical"/>.</summary>
    public static string HashOf(PublishedSeal seal) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Canonical(seal))));

    internal static string Text(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    internal static string Text(DateTime utc) => DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private static string Short(string hash) => hash.Length > 12 ? hash[..12] + "…" : hash;

    private static DateTime Milliseconds(DateTime utc) => new(utc.Ticks - (utc.Ticks % TimeSpan.TicksPerMillisecond), DateTimeKind.Utc);

    /// <summary>The day, in the clock's zone (Morocco's), of a stored UTC time.</summary>
    private DateOnly DayOf(DateTime utc) => DateOnly.FromDateTime(MoroccoTime.Local(clock, utc).DateTime);

    /// <summary>When <paramref name="day"/> begins, in UTC (its first valid local time, should a change of offset skip midnight).</summary>
    private DateTime StartOf(DateOnly day)
    {
        var zone = clock.LocalTimeZone;
        var local = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        while (zone.IsInvalidTime(local))
            local = local.AddMinutes(30);
        return TimeZoneInfo.ConvertTimeToUtc(local, zone);
    }

    private static PublishedSeal Published(AuditSeal seal) =>
        new(seal.Day, seal.HeadSequence, seal.HeadHash, seal.Entries, DateTime.SpecifyKind(seal.SealedAt, DateTimeKind.Utc), seal.PreviousHash, seal.Hash);
}

/// <summary>A seal as published and kept by anyone: the fields its hash covers (<see cref="AuditSeals.Canonical"/>) and the hash.</summary>
/// <param name="Day">The day sealed, in Morocco.</param>
/// <param name="HeadSequence">The chain's last entry written before the day ended (0: the chain was empty).</param>
/// <param name="HeadHash">That entry's hash.</param>
/// <param name="Entries">How many entries the day added.</param>
/// <param name="SealedAt">When the seal was written, UTC, to the millisecond.</param>
/// <param name="PreviousHash">The previous seal's hash (<see cref="AuditSeals.Genesis"/> for the first).</param>
/// <param name="Hash">SHA-256 of the canonical text.</param>
public sealed record PublishedSeal(DateOnly Day, long HeadSequence, string HeadHash, long Entries, DateTime SealedAt, string PreviousHash, string Hash);

/// <summary>What <see cref="AuditSeals.VerifyAsync"/> found: how many seals, the last day sealed, how many saved seals were compared, and each problem in English.</summary>
public sealed record SealVerification(int Seals, DateOnly? LastDay, int? Saved, IReadOnlyList<string> Problems)
{
    public bool Intact => Problems.Count == 0;
}
