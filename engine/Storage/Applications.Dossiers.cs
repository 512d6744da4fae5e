using EmploymentProcedures.Engine.Archiving;
using EmploymentProcedures.Engine.Definitions;
using EmploymentProcedures.Engine.Storage.Rows;
using EmploymentProcedures.Engine.Workflow;
using Microsoft.EntityFrameworkCore;

namespace EmploymentProcedures.Engine.Storage;

public sealed partial class Applications
{
    /// <summary>
    /// Everything about one application for its "whole file" archive (<see cref="DossierArchive"/>), for whoever may open
    /// it (<see cref="GetAsync"/>'s rule: its applicant, a reviewer of its circuit and territory, an administrator);
    /// anyone else gets the same refusal as for an application that does not exist, audited. Staff get the audit trail
    /// with each entry verified against the chain, and their download is itself audited (who and when) before a byte is
    /// written; the applicant gets their timeline's history and no audit.
    /// </summary>
    public async Task<Outcome<Dossier>> DossierAsync(Guid id, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        try
        {
            var seen = await SeeAsync(id, actor, "download_dossier", cancellationToken).ConfigureAwait(false);
            if (seen.Refusal is { } refusal)
                return Outcome.Refused<Dossier>(refusal);
            var (application, definition) = seen.Loaded!;
            var staff = actor.Kind != RoleKind.Applicant;
            var now = Now;
            // A reviewer's (or an administrator's) download is in the application's audit trail before a byte goes out.
            if (staff)
            {
                await AppendAuditAsync(Audited(application.Id, actor, StorageEvents.DossierDownloaded, application.Step, from: application.Status, to: application.Status),
                    now, cancellationToken).ConfigureAwait(false);
            }

            await using var db = await _databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
            var documents = await db.Documents.AsNoTracking().Where(d => d.ApplicationId == id).OrderBy(d => d.Id)
                .Select(d => new DossierFile(d.DocumentId, d.FileName, d.Format, d.SizeBytes, d.Hash))
                .ToListAsync(cancellationToken).ConfigureAwait(false);
            var letters = await db.Letters.AsNoTracking().Where(l => l.ApplicationId == id && l.ErasedAt == null).OrderBy(l => l.AuditSequence)
                .ToListAsync(cancellationToken).ConfigureAwait(false);
            var attachments = await db.MessageAttachments.AsNoTracking().Where(a => a.ApplicationId == id)
                .ToDictionaryAsync(a => a.Id, a => new DossierFile(a.MessageId.ToString("D"), a.FileName, a.Format, a.SizeBytes, a.Hash), cancellationToken)
                .ConfigureAwait(false);
            var messages = await MessagesAsync(db, id, cancellationToken).ConfigureAwait(false);
            var entries = await db.Audit.AsNoTracking().Where(a => a.ApplicationId == id).OrderBy(a => a.Sequence)
                .ToListAsync(cancellationToken).ConfigureAwait(false);
            var erasedOwner = application.ErasedAt is null ? null : application.OwnerId;
            var history = entries
                .Where(e => ShownTo(actor, e))
                .Select(e => Shown(AuditRecord.From(e), erasedOwner)).ToList();

            return Outcome.Of(new Dossier(_documents)
            {
                Application = application,
                Definition = definition,
                DefinitionVersion = application.DefinitionVersion,
                // Attached files in the order the application lists them (the rows' order for the same document).
                Documents = [.. application.Documents.Select(d => documents.FirstOrDefault(r => r.Owner == d.DocumentId && r.FileName == d.FileName)).OfType<DossierFile>()],
                Letters = [.. letters.Select(l => new DossierLetter(
                    new IssuedLetter(l.Id, l.ApplicationId, l.Kind, l.Template, l.Language, l.FileName, l.Hash, l.SizeBytes, l.AuditSequence, DateTime.SpecifyKind(l.IssuedAt, DateTimeKind.Utc))
                    {
                        VerificationCode = l.VerificationCode,
                    },
                    l.Content ?? ReadStored(l.Hash)))],
                Messages = messages,
                MessageFiles = attachments,
                History = history,
                Audit = staff ? await VerifiedAsync(db, entries, erasedOwner, cancellationToken).ConfigureAwait(false) : null,
                RequestedBy = actor,
                GeneratedAt = now,
            });
        }
        catch (Exception e) when (StorageErrors.IsBusy(e))
        {
            return Outcome.Refused<Dossier>(Refusal.Of(RefusalCodes.Busy));
        }
    }

    /// <summary>
    /// The application's entries, each checked: its hash is what its fields and previous hash give, and the entry before
    /// it in the chain (another application's, often) has that previous hash. The whole chain is checked by
    /// <see cref="AuditLog.VerifyAsync"/>; this checks the file's own entries in one more read. Of an erased file, the entries
    /// are verified as stored and shown without their free texts (<see cref="Shown"/>).
    /// </summary>
    private static async Task<DossierAudit> VerifiedAsync(ProceduresDb db, List<AuditEntry> entries, string? erasedOwner, CancellationToken cancellationToken)
    {
        var before = entries.Select(e => e.Sequence - 1).ToList();
        var previous = await db.Audit.AsNoTracking().Where(a => before.Contains(a.Sequence))
            .ToDictionaryAsync(a => a.Sequence, a => a.Hash, cancellationToken).ConfigureAwait(false);
        return new DossierAudit([.. entries.Select(e => new DossierAuditEntry(Shown(AuditRecord.From(e), erasedOwner), e.PreviousHash, e.Hash,
            AuditLog.Holds(e.PreviousHash, e)
            && (e.Sequence == 1 ? e.PreviousHash == AuditHead.Genesis : previous.TryGetValue(e.Sequence - 1, out var hash) && hash == e.PreviousHash)))]);
    }

    /// <summary>A letter issued before letters were kept in their row: its bytes from the document store (empty if it is gone).</summary>
    private byte[] ReadStored(string hash)
    {
        using var stored = _documents.OpenRead(hash);
        if (stored is null)
            return [];
        using var copy = new MemoryStream();
        stored.CopyTo(copy);
        return copy.ToArray();
    }
}
