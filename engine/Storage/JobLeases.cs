using EmploymentProcedures.Engine.Storage.Rows;
using Microsoft.EntityFrameworkCore;

namespace EmploymentProcedures.Engine.Storage;

/// <summary>
/// Leases on periodic jobs, so that when several host instances share one database each job's round runs on one of
/// them at a time. Taking and renewing is one conditional write whose affected-row count answers: an UPDATE of the job's
/// row where this holder already holds it or its lease has lapsed, else an INSERT of the row, which the job's primary key
/// lets only one instance make. No read comes before the write, so two instances racing cannot both win.
/// </summary>
public sealed class JobLeases(IDbContextFactory<ProceduresDb> databases, TimeProvider clock)
{
    /// <summary>The longest job name and holder kept.</summary>
    public const int NameLength = 100;
    public const int HolderLength = 200;

    /// <summary>
    /// Takes the lease on <paramref name="job"/> for <paramref name="holder"/> until <paramref name="duration"/> from now,
    /// or renews it when the holder already has it. False when another holder's lease has not lapsed.
    /// </summary>
    public async Task<bool> HoldAsync(string job, string holder, TimeSpan duration, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(job);
        ArgumentException.ThrowIfNullOrEmpty(holder);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(duration, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(job.Length, NameLength, nameof(job));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(holder.Length, HolderLength, nameof(holder));
        var now = clock.GetUtcNow().UtcDateTime;
        var until = now + duration;
        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var held = await db.JobLeases.Where(l => l.Job == job && (l.Holder == holder || l.Until <= now))
            .ExecuteUpdateAsync(s => s
                .SetProperty(l => l.TakenAt, l => l.Holder == holder && l.Until > now ? l.TakenAt : now)
                .SetProperty(l => l.Holder, holder)
                .SetProperty(l => l.Until, until), cancellationToken)
            .ConfigureAwait(false);
        if (held > 0)
            return true;
        db.JobLeases.Add(new JobLease { Job = job, Holder = holder, TakenAt = now, Until = until });
        try
        {
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (DbUpdateException)
        {
            // Another instance inserted the row first: its lease, until it lapses. Any other failure is no answer.
            if (await ExistsAsync(job, cancellationToken).ConfigureAwait(false))
                return false;
            throw;
        }
    }

    /// <summary>
    /// Gives the lease up now (the row stays, lapsed, naming who held it last), so another instance takes the job at its
    /// next round rather than after the lease's duration. Nothing when <paramref name="holder"/> no longer holds it.
    /// </summary>
    public async Task<bool> ReleaseAsync(string job, string holder, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await db.JobLeases.Where(l => l.Job == job && l.Holder == holder && l.Until > now)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.Until, now), cancellationToken).ConfigureAwait(false) > 0;
    }

    /// <summary>Every job's lease, held or lapsed, by job name.</summary>
    public async Task<IReadOnlyList<JobLeaseView>> ListAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var rows = await db.JobLeases.AsNoTracking().OrderBy(l => l.Job).ToListAsync(cancellationToken).ConfigureAwait(false);
        // The model reads every time as UTC (UtcTimes).
        return rows.Select(l => new JobLeaseView(l.Job, l.Holder, l.TakenAt, l.Until, l.Until > now)).ToList();
    }

    private async Task<bool> ExistsAsync(string job, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await db.JobLeases.AnyAsync(l => l.Job == job, cancellationToken).ConfigureAwait(false);
    }
}

/// <summary>A job's lease as the operations page shows it: who holds (or last held) it, since and until when (UTC).</summary>
public sealed record JobLeaseView(string Job, string Holder, DateTime TakenAt, DateTime Until, bool Held);
