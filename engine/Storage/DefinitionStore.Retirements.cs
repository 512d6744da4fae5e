using EmploymentProcedures.Engine.Storage.Rows;
using EmploymentProcedures.Engine.Workflow;
using Microsoft.EntityFrameworkCore;

namespace EmploymentProcedures.Engine.Storage;

/// <summary>A retired procedure: when (UTC), by whom, and why.</summary>
public sealed record Retirement(string ProcedureId, DateTime RetiredAt, string RetiredBy, string RetiredByName, string Reason);

/// <summary>What a retirement or a reinstatement did.</summary>
public enum RetirementChange
{
    /// <summary>Retired, or reinstated, now (audited).</summary>
    Done,

    /// <summary>No version of the procedure was ever published: there is nothing to retire.</summary>
    NotPublished,

    /// <summary>Nothing to do: already retired (for a retirement) or not retired (for a reinstatement).</summary>
    Unchanged,
}

/// <summary>
/// Retiring: a procedure withdrawn from new applications by an analyst, stored (table <c>RetiredProcedures</c>) so every
/// instance sharing the database stops offering it, and audited with who, when and why. It stays retired whatever is
/// published after (a file deployed, a new version from the designer) until an analyst reinstates it: withdrawing a
/// procedure is a decision, and only another decision brings it back. Its versions stay: the applications already
/// submitted on it go on to their decision.
/// </summary>
public sealed partial class DefinitionStore
{
    /// <summary>The longest reason a retirement keeps.</summary>
    public const int MaxReasonLength = 1000;

    /// <summary>Retires <paramref name="procedureId"/> for <paramref name="reason"/>, by <paramref name="analyst"/>.</summary>
    /// <exception cref="ArgumentException">The reason is blank or longer than <see cref="MaxReasonLength"/>.</exception>
    public async Task<RetirementChange> RetireAsync(string procedureId, Actor analyst, string reason, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(procedureId);
        ArgumentNullException.ThrowIfNull(analyst);
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        reason = reason.Trim();
        if (reason.Length > MaxReasonLength)
            throw new ArgumentException($"a retirement's reason has at most {MaxReasonLength} characters ({reason.Length} given)", nameof(reason));

        await using var db = await _databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        if (!await db.Definitions.AnyAsync(d => d.ProcedureId == procedureId, cancellationToken).ConfigureAwait(false))
            return RetirementChange.NotPublished;
        if (await db.RetiredProcedures.AnyAsync(r => r.ProcedureId == procedureId, cancellationToken).ConfigureAwait(false))
            return RetirementChange.Unchanged;
        var now = _clock.GetUtcNow().UtcDateTime;
        db.RetiredProcedures.Add(new RetiredProcedure { ProcedureId = procedureId, RetiredAt = now, RetiredBy = analyst.UserId, RetiredByName = analyst.Name, Reason = reason });
        await AuditRetirementAsync(db, StorageEvents.Retired, procedureId, analyst, reason, now, cancellationToken).ConfigureAwait(false);
        try
        {
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (DbUpdateException)
        {
            // Another analyst (or instance) retired it between the check and the write: theirs stands.
            if (await RetirementAsync(procedureId, cancellationToken).ConfigureAwait(false) is not null)
                return RetirementChange.Unchanged;
            throw;
        }
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return RetirementChange.Done;
    }

    /// <summary>Opens a retired procedure to new applications again, by <paramref name="analyst"/> (audited with the retirement it ends).</summary>
    public async Task<RetirementChange> ReinstateAsync(string procedureId, Actor analyst, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(procedureId);
        ArgumentNullException.ThrowIfNull(analyst);
        await using var db = await _databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var row = await db.RetiredProcedures.FirstOrDefaultAsync(r => r.ProcedureId == procedureId, cancellationToken).ConfigureAwait(false);
        if (row is null)
            return RetirementChange.Unchanged;
        db.RetiredProcedures.Remove(row);
        var now = _clock.GetUtcNow().UtcDateTime;
        await AuditRetirementAsync(db, StorageEvents.Reinstated, procedureId, analyst, null, now, cancellationToken).ConfigureAwait(false);
        try
        {
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Another analyst reinstated it first.
            return RetirementChange.Unchanged;
        }
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return RetirementChange.Done;
    }

    /// <summary>Every retired procedure, by id: one query, what each catalog refresh round reads.</summary>
    public async Task<IReadOnlyDictionary<string, Retirement>> RetirementsAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await _databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var rows = await db.RetiredProcedures.AsNoTracking().ToListAsync(cancellationToken).ConfigureAwait(false);
        return rows.ToDictionary(r => r.ProcedureId, ToRetirement, StringComparer.Ordinal);
    }

    /// <summary>The retirement of <paramref name="procedureId"/>, or null while it is open to new applications.</summary>
    public async Task<Retirement?> RetirementAsync(string procedureId, CancellationToken cancellationToken = default)
    {
        await using var db = await _databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await RetirementAsync(db, procedureId, cancellationToken).ConfigureAwait(false);
    }

    internal static async Task<Retirement?> RetirementAsync(ProceduresDb db, string procedureId, CancellationToken cancellationToken)
    {
        var row = await db.RetiredProcedures.AsNoTracking().FirstOrDefaultAsync(r => r.ProcedureId == procedureId, cancellationToken).ConfigureAwait(false);
        return row is null ? null : ToRetirement(row);
    }

    /// <summary>The refusal of a new draft or a first submission of a retired procedure, naming the day (in the clock's time zone) it was retired.</summary>
    internal Refusal RetiredRefusal(Retirement retirement) =>
        Refusal.Of(RefusalCodes.ProcedureRetired,
            TimeZoneInfo.ConvertTimeFromUtc(retirement.RetiredAt, _clock.LocalTimeZone).ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture));

    private static Task AuditRetirementAsync(ProceduresDb db, string kind, string procedureId, Actor analyst, string? reason, DateTime now, CancellationToken cancellationToken) =>
        AuditLog.AppendAsync(db, [new AuditEntry
        {
            ActorId = analyst.UserId,
            ActorName = analyst.Name,
            ActorRole = analyst.Role,
            Kind = kind,
            Detail = procedureId,
            Comment = reason,
            PreviousHash = "",
            Hash = "",
        }], now, cancellationToken);

    private static Retirement ToRetirement(RetiredProcedure row) => new(row.ProcedureId, row.RetiredAt, row.RetiredBy, row.RetiredByName, row.Reason);
}
