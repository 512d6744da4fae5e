using EmploymentProcedures.Engine.Definitions;
using EmploymentProcedures.Engine.Workflow;
using Microsoft.EntityFrameworkCore;

namespace EmploymentProcedures.Engine.Storage;

public sealed partial class Applications
{
    /// <summary>Why an application was erased: its definition's retention after closing ended (law 09-08).</summary>
    public const string RetentionEnded = "retention";

    /// <summary>How many applications the erasure sweep reads at a time.</summary>
    public const int ErasureBatch = 100;

    /// <summary>
    /// A file stored (or stored again) this recently is never deleted by an erasure: an upload of the same content places
    /// its file before its row commits, so the file may be about to be referred to again.
    /// </summary>
    public static readonly TimeSpan RecentlyStored = TimeSpan.FromMinutes(10);

    /// <summary>
    /// Erases the personal data of a closed application (approved, rejected, acknowledged or withdrawn), keeping what the
    /// statistics and the legal record need. Kept: its id, procedure, definition version, reference, province, status, the
    /// dates of its steps (submitted, decided, the pauses for changes, closed), its owner's account id (so the owner still
    /// finds it, erased, among their applications) and the audit chain. Erased: the answers and the answers before changes,
    /// the documents (their rows, and their files when nothing else refers to the same content), the reviewer fields and
    /// opinions (an inspector's report names people and says what was seen at their workplace), the applicant's name, the
    /// messages and their files, the letters' content (each prints the applicant's name and answers; the row stays with its
    /// kind, date and verification code, <see cref="CheckLetterAsync"/>), the texts of its notifications,
    /// any pending work, and the personal texts of its audit entries of format 2 (<see cref="AuditLog.RedactAsync"/>). The
    /// row keeps a tombstone (<see cref="Application.ErasedAt"/>, why) and an <c>erased</c> entry is appended to the audit. False when there is nothing to erase: unknown, still open, or erased already.
    /// </summary>
    /// <remarks>
    /// It writes over the version it read (<c>WHERE Version = read</c>) in its own transaction, taking its turn with the
    /// transitions: a transition of the same application meanwhile (none is permitted on a closed one) makes it read again.
    /// Files are deleted after the commit, each only when no document, message attachment or letter of any application,
    /// draft included, still refers to its hash and it was not stored again lately (<see cref="RecentlyStored"/>). A crash
    /// between the commit and the deletions leaves files nothing refers to: never a reference without its file.
    /// </remarks>
    public Task<bool> EraseAsync(Guid id, string because, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(because);
        return InTurnAsync(async db =>
        {
            var row = await db.Applications.FirstOrDefaultAsync(a => a.Id == id, cancellationToken).ConfigureAwait(false);
            if (row is null || row.ErasedAt is not null || !ApplicationStatuses.ByName[row.Status].IsFinal())
                return null;
            var now = Now;
            var hashes = await HashesOfAsync(db, [id], cancellationToken).ConfigureAwait(false);

            await db.Documents.Where(d => d.ApplicationId == id).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
            await db.MessageAttachments.Where(a => a.ApplicationId == id).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
            await db.Messages.Where(m => m.ApplicationId == id).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
            // A letter's row stays, emptied, so that its verification code still tells a third party that a letter of that
            // kind was issued on that day under that reference, and that its content was erased (and when).
            await db.Letters.Where(l => l.ApplicationId == id).ExecuteUpdateAsync(l => l
                .SetProperty(x => x.Content, (byte[]?)null)
                .SetProperty(x => x.Hash, "")
                .SetProperty(x => x.SizeBytes, 0)
                .SetProperty(x => x.ErasedAt, now), cancellationToken).ConfigureAwait(false);
            await db.PendingWork.Where(p => p.ApplicationId == id).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
            await db.Notifications.Where(n => n.ApplicationId == id && n.Comment != null)
                .ExecuteUpdateAsync(n => n.SetProperty(x => x.Comment, (string?)null), cancellationToken).ConfigureAwait(false);

            row.ApplicantName = "";
            row.Answers = "{}";
            row.AnswersBeforeChanges = null;
            row.Carried = "[]";
            row.Prefilled = null;
            row.Documents = "[]";
            row.StepFields = "{}";
            row.Opinions = "[]";
            row.Reopened = "[]";
            row.ErasedAt = now;
            row.ErasedBecause = because;
            // UpdatedAt stays: it is when the applicant last saw it change, and a withdrawal's month for the figures.
            row.Version++;
            var status = ApplicationStatuses.ByName[row.Status];
            // The chain forgets its personal texts too (format-2 entries), before the tombstone is appended.
            await AuditLog.RedactAsync(db, id, now, cancellationToken).ConfigureAwait(false);
            await AuditLog.AppendAsync(db, [Audited(id, Actor.System, StorageEvents.Erased, detail: because, from: status, to: status)], now, cancellationToken).ConfigureAwait(false);
            // The partners' line now says erased (its changedAt stays): those listening are told, as of any other change.
            await PartnerEvents.QueueAsync(db, row, Today, now, cancellationToken).ConfigureAwait(false);
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            return await UnreferencedAsync(db, hashes, cancellationToken).ConfigureAwait(false);
        }, cancellationToken);
    }

    /// <summary>
    /// Runs <paramref name="write"/> in one transaction, taking its turn with the transitions (<see cref="WriteTurns"/>);
    /// it gives the store's files it freed, or null when it had nothing to do (nothing is committed). The freed files are
    /// deleted after the commit (<see cref="DeleteFiles"/>). True when it wrote.
    /// </summary>
    private async Task<bool> InTurnAsync(Func<ProceduresDb, Task<IReadOnlyList<string>?>> write, CancellationToken cancellationToken)
    {
        IReadOnlyList<string>? freed;
        await using (var db = await _databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false))
        {
            var writer = WriteTurns.Of(db);
            var turn = await writer.WaitAsync(SqliteStorage.DefaultBusyTimeout, cancellationToken).ConfigureAwait(false);
            try
            {
                await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
                freed = await write(db).ConfigureAwait(false);
                if (freed is null)
                    return false;
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                if (turn)
                    writer.Release();
            }
        }
        _ = DeleteFiles(freed);
        return true;
    }

    /// <summary>
    /// The erasure sweep, run with the deadline sweep by the host: every closed application whose erasure date (the time it
    /// closed plus the <c>privacy.retention</c> of the definition version it is pinned to) has passed is erased
    /// (<see cref="EraseAsync"/>), <see cref="ErasureBatch"/> read at a time, oldest closed first. A version published
    /// before definitions declared a retention takes its procedure's latest one; a procedure that declares none keeps
    /// its applications. Idempotent: an application erased already, or by another instance meanwhile, is skipped.
    /// Gives how many were erased.
    /// </summary>
    public async Task<int> EraseExpiredAsync(CancellationToken cancellationToken = default)
    {
        var latest = new Dictionary<string, RetentionPeriod?>(StringComparer.Ordinal);
        async Task<RetentionPeriod?> RetentionOf(ProcedureDefinition definition)
        {
            if (definition.Privacy?.Retention is { } own)
                return own;
            if (!latest.TryGetValue(definition.Id, out var retention))
                latest[definition.Id] = retention = (await _definitions.LatestAsync(definition.Id, cancellationToken).ConfigureAwait(false))?.Definition.Privacy?.Retention;
            return retention;
        }
        return await EraseExpiredAsync(async (definition, closedAt) =>
            await RetentionOf(definition).ConfigureAwait(false) is { } retention
                ? retention.ErasedAfter(new DateTimeOffset(closedAt, TimeSpan.Zero)).UtcDateTime
                : null, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The sweep of <see cref="EraseExpiredAsync(CancellationToken)"/> with the erasure date of an application given by
    /// <paramref name="erasureDate"/> from its pinned definition version and the time (UTC) it closed; null: kept.
    /// </summary>
    internal async Task<int> EraseExpiredAsync(Func<ProcedureDefinition, DateTime, Task<DateTime?>> erasureDate, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(erasureDate);
        var now = Now;
        List<(string ProcedureId, int Version)> versions;
        await using (var db = await _databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false))
        {
            versions = (await db.Applications.AsNoTracking()
                .Where(a => a.ErasedAt == null && a.ClosedAt != null)
                .Select(a => new { a.ProcedureId, a.DefinitionVersion })
                .Distinct()
                .ToListAsync(cancellationToken).ConfigureAwait(false))
                .Select(v => (v.ProcedureId, v.DefinitionVersion)).ToList();
        }

        var erased = 0;
        foreach (var (procedureId, version) in versions)
        {
            var definition = await _definitions.GetAsync(procedureId, version, cancellationToken).ConfigureAwait(false);
            if (definition is null)
                continue;
            while (true)
            {
                List<(Guid Id, DateTime ClosedAt)> batch;
                await using (var db = await _databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false))
                {
                    batch = (await db.Applications.AsNoTracking()
                        .Where(a => a.ErasedAt == null && a.ProcedureId == procedureId && a.DefinitionVersion == version && a.ClosedAt != null)
                        .OrderBy(a => a.ClosedAt)
                        .Select(a => new { a.Id, a.ClosedAt })
                        .Take(ErasureBatch)
                        .ToListAsync(cancellationToken).ConfigureAwait(false))
                        .Select(a => (a.Id, DateTime.SpecifyKind(a.ClosedAt!.Value, DateTimeKind.Utc))).ToList();
                }
                // Oldest closed first: the first one not yet due ends this version's round (its retention is the same for all).
                var due = new List<(Guid Id, DateTime ClosedAt)>(batch.Count);
                foreach (var closed in batch)
                {
                    if (await erasureDate(definition, closed.ClosedAt).ConfigureAwait(false) is not { } on || on > now)
                        break;
                    due.Add(closed);
                }
                var done = 0;
                foreach (var (id, _) in due)
                    done += await EraseAsync(id, RetentionEnded, cancellationToken).ConfigureAwait(false) ? 1 : 0;
                erased += done;
                // A full batch all erased: there may be more; otherwise this version is done for this round.
                if (due.Count < ErasureBatch || done == 0)
                    break;
            }
        }
        return erased;
    }

    /// <summary>The hashes of the document store's files that <paramref name="ids"/> refer to: documents, message attachments, letters kept as files.</summary>
    private static async Task<List<string>> HashesOfAsync(ProceduresDb db, IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken) =>
        await db.Documents.Where(d => ids.Contains(d.ApplicationId)).Select(d => d.Hash)
            .Concat(db.MessageAttachments.Where(a => ids.Contains(a.ApplicationId)).Select(a => a.Hash))
            .Concat(db.Letters.Where(l => ids.Contains(l.ApplicationId) && l.Content == null && l.ErasedAt == null).Select(l => l.Hash))
            .Distinct()
            .ToListAsync(cancellationToken).ConfigureAwait(false);

    /// <summary>Of <paramref name="hashes"/>, those no row refers to any more (read in the erasing transaction, after its deletions).</summary>
    private static async Task<IReadOnlyList<string>> UnreferencedAsync(ProceduresDb db, List<string> hashes, CancellationToken cancellationToken)
    {
        if (hashes.Count == 0)
            return [];
        var still = await db.Documents.Where(d => hashes.Contains(d.Hash)).Select(d => d.Hash)
            .Concat(db.MessageAttachments.Where(a => hashes.Contains(a.Hash)).Select(a => a.Hash))
            .Concat(db.Letters.Where(l => hashes.Contains(l.Hash) && l.Content == null && l.ErasedAt == null).Select(l => l.Hash))
            .Distinct()
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return hashes.Except(still, StringComparer.Ordinal).ToList();
    }

    /// <summary>Deletes the files nothing refers to any more, but not one stored again lately (<see cref="RecentlyStored"/>); gives how many went.</summary>
    private int DeleteFiles(IReadOnlyList<string> freed)
    {
        var recently = Now - RecentlyStored;
        return freed.Count(hash => _documents.Delete(hash, recently));
    }

    /// <summary>How many files nothing refers to one round of <see cref="DeleteUnreferencedFilesAsync"/> deletes at most.</summary>
    public const int UnreferencedFilesPerRound = 1000;

    /// <summary>How many of the store's files one question to the database checks.</summary>
    private const int ReferenceCheckBatch = 500;

    /// <summary>
    /// Deletes from the document store the files no document (a draft's included), message attachment or letter refers to,
    /// stored (or stored again) more than <see cref="RecentlyStored"/> ago, at most <see cref="UnreferencedFilesPerRound"/>:
    /// those a crash left between an erasure's commit and its deletions, or an upload whose row never committed. The
    /// erasure's rules, shared: the same question to the database (<see cref="UnreferencedAsync"/>) and the same deletion
    /// (<see cref="DeleteFiles"/>), which keeps a file stored again meanwhile. An upload still being written is never
    /// seen (<see cref="IDocumentStore.StoredBefore"/>); the temporary files of uploads a crash interrupted go too
    /// (<see cref="IDocumentStore.DeleteAbandonedUploads"/>). Gives how many files went.
    /// </summary>
    public async Task<int> DeleteUnreferencedFilesAsync(CancellationToken cancellationToken = default)
    {
        var deleted = _documents.DeleteAbandonedUploads();
        foreach (var batch in _documents.StoredBefore(Now - RecentlyStored).Chunk(ReferenceCheckBatch))
        {
            IReadOnlyList<string> unreferenced;
            await using (var db = await _databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false))
                unreferenced = await UnreferencedAsync(db, [.. batch], cancellationToken).ConfigureAwait(false);
            deleted += DeleteFiles([.. unreferenced.Take(UnreferencedFilesPerRound - deleted)]);
            if (deleted >= UnreferencedFilesPerRound)
                break;
        }
        return deleted;
    }
}
