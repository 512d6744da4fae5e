using System.Security.Cryptography;
using System.Text;
using EmploymentProcedures.Engine.Storage.Rows;
using EmploymentProcedures.Engine.Workflow;
using Microsoft.EntityFrameworkCore;

namespace EmploymentProcedures.Engine.Storage;

/// <summary>An analyst's working copy of a procedure in the designer.</summary>
/// <param name="BasedOnVersion">The published version it started from; null for a new procedure.</param>
public sealed record Draft(string ProcedureId, string Yaml, int? BasedOnVersion, string UpdatedBy, DateTime UpdatedAt);

/// <summary>
/// The designer's drafts, one per procedure id, kept on the server so nothing typed is lost. Saving is
/// frequent (as the analyst types), so the audit chain records a draft's creation, its discarding, and a
/// save only when someone else saved last or the last audited save is older than <see cref="AuditEvery"/>.
/// </summary>
public sealed class Drafts(IDbContextFactory<ProceduresDb> databases, TimeProvider? clock = null)
{
    public const string Created = "draft_created";
    public const string Saved = "draft_saved";
    public const string Discarded = "draft_discarded";

    /// <summary>The longest run of saves by one person that leaves a single audit entry.</summary>
    public static readonly TimeSpan AuditEvery = TimeSpan.FromMinutes(10);

    private readonly TimeProvider _clock = clock ?? TimeProvider.System;

    public async Task<Draft?> GetAsync(string procedureId, CancellationToken cancellationToken = default)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var row = await db.DesignerDrafts.AsNoTracking().FirstOrDefaultAsync(d => d.ProcedureId == procedureId, cancellationToken).ConfigureAwait(false);
        return row is null ? null : ToDraft(row);
    }

    /// <summary>Every draft, by procedure id.</summary>
    public async Task<IReadOnlyList<Draft>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var rows = await db.DesignerDrafts.AsNoTracking().OrderBy(d => d.ProcedureId).ToListAsync(cancellationToken).ConfigureAwait(false);
        return rows.Select(ToDraft).ToList();
    }

    /// <summary>Creates or replaces the draft of <paramref name="procedureId"/> with <paramref name="yaml"/>.</summary>
    public async Task<Draft> SaveAsync(string procedureId, string yaml, int? basedOnVersion, Actor who, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        ArgumentNullException.ThrowIfNull(who);
        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var now = _clock.GetUtcNow().UtcDateTime;
        var row = await db.DesignerDrafts.FirstOrDefaultAsync(d => d.ProcedureId == procedureId, cancellationToken).ConfigureAwait(false);
        string? audit = null;
        if (row is null)
        {
            row = new DesignerDraft { ProcedureId = procedureId, Yaml = yaml, BasedOnVersion = basedOnVersion, CreatedBy = who.UserId, CreatedAt = now, UpdatedBy = who.UserId, UpdatedAt = now, AuditedAt = now };
            db.DesignerDrafts.Add(row);
            audit = Created;
        }
        else
        {
            if (row.UpdatedBy != who.UserId || now - row.AuditedAt >= AuditEvery)
            {
                audit = Saved;
                row.AuditedAt = now;
            }
            row.Yaml = yaml;
            row.UpdatedBy = who.UserId;
            row.UpdatedAt = now;
        }
        if (audit is not null)
            await AuditAsync(db, audit, procedureId, yaml, who, now, cancellationToken).ConfigureAwait(false);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return ToDraft(row);
    }

    /// <summary>Removes the draft of <paramref name="procedureId"/>; false when there was none.</summary>
    public async Task<bool> DiscardAsync(string procedureId, Actor who, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(who);
        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var row = await db.DesignerDrafts.FirstOrDefaultAsync(d => d.ProcedureId == procedureId, cancellationToken).ConfigureAwait(false);
        if (row is null)
            return false;
        db.DesignerDrafts.Remove(row);
        await AuditAsync(db, Discarded, procedureId, row.Yaml, who, _clock.GetUtcNow().UtcDateTime, cancellationToken).ConfigureAwait(false);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return true;
    }

    private static Task AuditAsync(ProceduresDb db, string kind, string procedureId, string yaml, Actor who, DateTime now, CancellationToken cancellationToken) =>
        AuditLog.AppendAsync(db, [new AuditEntry
        {
            ActorId = who.UserId,
            ActorName = who.Name,
            ActorRole = who.Role,
            Kind = kind,
            Detail = $"{procedureId} {Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(yaml)))}",
            PreviousHash = "",
            Hash = "",
        }], now, cancellationToken);

    private static Draft ToDraft(DesignerDraft row) => new(row.ProcedureId, row.Yaml, row.BasedOnVersion, row.UpdatedBy, row.UpdatedAt);
}
