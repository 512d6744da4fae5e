using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using EmploymentProcedures.Engine.Definitions;
using EmploymentProcedures.Engine.Storage.Rows;
using EmploymentProcedures.Engine.Workflow;
using Microsoft.EntityFrameworkCore;

namespace EmploymentProcedures.Engine.Storage;

public sealed partial class Applications
{
    /// <summary>Longest message, in characters (UTF-16 code units, as a browser's <c>maxlength</c> counts them), after trimming.</summary>
    public const int MessageMaxLength = 4000;

    /// <summary>Most files one message carries.</summary>
    public const int MessageMaxAttachments = 5;

    /// <summary>Largest file a message carries, in megabytes.</summary>
    public const int MessageAttachmentMaxMegabytes = 10;

    /// <summary>The formats a message's file may be, detected from its bytes (never from its name).</summary>
    public static readonly IReadOnlyList<string> MessageAttachmentFormats = ["pdf", "jpg", "png"];

    /// <summary>
    /// Posts a message on an application, from its applicant to the reviewers or from a reviewer (or an administrator)
    /// to the applicant. Whoever may see the application may write, from its submission until it is decided or
    /// withdrawn: a draft has nobody to read it, and a final application has nobody left to act (the thread stays
    /// readable). The text is required, trimmed, at most <see cref="MessageMaxLength"/> characters; each file is
    /// checked like a document (size, format from its bytes, its name a label only) and kept in the document store.
    /// The message, its files, an audit entry and the notifications of the other side (the applicant, or the roles
    /// that must act) are written in one transaction. Every refusal is a value, audited.
    /// </summary>
    public async Task<Outcome<ApplicationMessage>> PostMessageAsync(Guid id, Actor actor, string text, IReadOnlyList<MessageFile> attachments, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(attachments);
        const string What = "post_message";
        try
        {
            var loaded = await LoadAsync(id, cancellationToken).ConfigureAwait(false);
            var clean = CleanMessage(text);
            var refusal = await MayNotWriteAsync(loaded, actor, cancellationToken).ConfigureAwait(false);
            refusal ??= actor.IsSystem ? Refusal.Of(RefusalCodes.NotYours)
                : Closed(loaded!.Application) ?? CheckMessage(clean, attachments.Count);
            if (refusal is not null)
                return await RefuseMessageAsync(id, actor, What, loaded?.Application.Step, refusal, cancellationToken).ConfigureAwait(false);

            var stored = await StoreAttachmentsAsync(attachments, cancellationToken).ConfigureAwait(false);
            if (stored.Refusal is { } rejected)
                return await RefuseMessageAsync(id, actor, What, loaded!.Application.Step, rejected, cancellationToken).ConfigureAwait(false);
            return await WriteMessageAsync(id, actor, What, clean, stored.Value!, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (StorageErrors.IsBusy(e))
        {
            return Outcome.Refused<ApplicationMessage>(Refusal.Of(RefusalCodes.Busy));
        }
    }

    /// <summary>
    /// Keeps each file in the document store, reading its stream once and checking it like a document (size, format from
    /// its bytes); the first refused refuses them all, naming the file. A file kept before a refusal is left to the sweep
    /// of unreferenced files.
    /// </summary>
    private async Task<Outcome<IReadOnlyList<KeptAttachment>>> StoreAttachmentsAsync(IReadOnlyList<MessageFile> attachments, CancellationToken cancellationToken)
    {
        var kept = new List<KeptAttachment>(attachments.Count);
        foreach (var attachment in attachments)
        {
            var name = FileNames.Clean(attachment.FileName);
            var stored = await _documents.SaveAsync(attachment.Content, MessageAttachmentMaxMegabytes * 1024L * 1024L, MessageAttachmentFormats.ToList(), cancellationToken).ConfigureAwait(false);
            if (stored.Refusal is { } rejected)
                return Outcome.Refused<IReadOnlyList<KeptAttachment>>(Naming(name, rejected));
            kept.Add(new KeptAttachment(name, stored.Value!));
        }
        return Outcome.Of<IReadOnlyList<KeptAttachment>>(kept);
    }

    /// <summary>
    /// Writes a checked message (<paramref name="clean"/>, its files already in the store) on application <paramref name="id"/>:
    /// the message, its files, the audit entry, the inbox's "new message" and the other side's notifications, in one
    /// transaction. A file decided or withdrawn meanwhile is refused, audited as an attempt to <paramref name="what"/>.
    /// </summary>
    private async Task<Outcome<ApplicationMessage>> WriteMessageAsync(Guid id, Actor actor, string what, string clean, IReadOnlyList<KeptAttachment> kept, CancellationToken cancellationToken)
    {
        // Several files over a slow line (or a batch of many applications) may take longer than RecentlyStored: the files
        // are marked as stored again now, so the sweep of unreferenced files leaves them while the message commits; should
        // it have taken one already, the post is refused (to be sent again) rather than refer to a missing file.
        if (kept.Any(f => !_documents.Renew(f.Stored.Hash)))
            return await RefuseMessageAsync(id, actor, what, null, Refusal.Of(RefusalCodes.Busy), cancellationToken).ConfigureAwait(false);

        var now = Now;
        await using var db = await _databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        // Read again under the write lock: the application may have been decided while the files arrived.
        var (application, definition) = (await LoadAsync(db, id, cancellationToken).ConfigureAwait(false))!;
        if (Closed(application) is { } closed)
        {
            await transaction.RollbackAsync(cancellationToken).ConfigureAwait(false);
            return await RefuseMessageAsync(id, actor, what, application.Step, closed, cancellationToken).ConfigureAwait(false);
        }

        var fromApplicant = actor.Kind == RoleKind.Applicant;
        var message = new MessageRow
        {
            Id = Guid.NewGuid(),
            ApplicationId = id,
            AuthorId = actor.UserId,
            AuthorName = actor.Name,
            AuthorRole = actor.Role,
            FromApplicant = fromApplicant,
            Text = clean,
            PostedAt = now,
        };
        var files = kept.Select(f => new MessageAttachmentRow
        {
            ApplicationId = id,
            MessageId = message.Id,
            FileName = f.FileName,
            Hash = f.Stored.Hash,
            SizeBytes = f.Stored.SizeBytes,
            Format = f.Stored.Format,
        }).ToList();
        // The text stays in the messages; the chain vouches for it by its hash, a fingerprint of a personal text: the
        // entry's detail is personal, covered by its salted digest and redacted with the rest when the file is erased.
        var entry = Audited(id, actor, StorageEvents.MessagePosted, application.Step, detail: string.Create(CultureInfo.InvariantCulture,
            $"sha256 {Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(clean)))}; {files.Count} attachment(s)"),
            from: application.Status, to: application.Status);
        entry.DetailIsPersonal = true;
        await AuditLog.AppendAsync(db, [entry], now, cancellationToken).ConfigureAwait(false);
        message.AuditSequence = entry.Sequence;
        db.Messages.Add(message);
        db.MessageAttachments.AddRange(files);
        // The inbox's "new message": the applicant wrote last, or a reviewer has answered. Every role's row says the same.
        await db.PendingWork.Where(p => p.ApplicationId == id && p.AwaitingReply != fromApplicant)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.AwaitingReply, fromApplicant), cancellationToken).ConfigureAwait(false);

        IEnumerable<(string Recipient, string Territory)> readers = fromApplicant
            ? Assignments.Readers(definition, application, _workflow).Select(r => (Recipient: Notification.RolePrefix + r.Role, r.Territory))
            : [(application.OwnerId, "")];
        db.Notifications.AddRange(readers.Select(r => new Notification
        {
            ApplicationId = id,
            Recipient = r.Recipient,
            Territory = r.Territory,
            Kind = StorageEvents.MessagePosted,
            Comment = clean,
            Step = application.Step,
            Status = application.Status.Name(),
            CreatedAt = now,
        }));
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return Outcome.Of(ApplicationMessage.From(message, files));
    }

    /// <summary>The application's messages, oldest first, with their files' names, formats and sizes; for whoever may see it.</summary>
    public Task<Outcome<IReadOnlyList<ApplicationMessage>>> MessagesAsync(Guid id, Actor actor, CancellationToken cancellationToken = default) =>
        ReadAsync(id, actor, "messages", db => MessagesAsync(db, id, cancellationToken), cancellationToken);

    /// <summary>The thread of application <paramref name="id"/>, oldest first, with its files; rights checked by the caller.</summary>
    private static async Task<List<ApplicationMessage>> MessagesAsync(ProceduresDb db, Guid id, CancellationToken cancellationToken)
    {
        var messages = await db.Messages.AsNoTracking()
            .Where(m => m.ApplicationId == id)
            .OrderBy(m => m.AuditSequence)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var files = (await db.MessageAttachments.AsNoTracking()
            .Where(a => a.ApplicationId == id)
            .OrderBy(a => a.Id)
            .ToListAsync(cancellationToken).ConfigureAwait(false))
            .ToLookup(a => a.MessageId);
        return messages.Select(m => ApplicationMessage.From(m, files[m.Id])).ToList();
    }

    /// <summary>The content of a message's file, for whoever may see the application; refusals are audited.</summary>
    public Task<Outcome<Stream>> OpenMessageAttachmentAsync(Guid id, Actor actor, long attachmentId, CancellationToken cancellationToken = default) =>
        OpenStoredAsync(id, actor, "open_message_attachment " + attachmentId.ToString(CultureInfo.InvariantCulture),
            db => db.MessageAttachments.AsNoTracking().Where(a => a.ApplicationId == id && a.Id == attachmentId).Select(a => a.Hash).FirstOrDefaultAsync(cancellationToken),
            () => Refusal.Of(RefusalCodes.UnknownAttachment), null, cancellationToken);

    /// <summary>Whether messages may be posted on <paramref name="application"/>: from its submission until it is decided or withdrawn.</summary>
    public static bool MessagesOpen(Application application)
    {
        ArgumentNullException.ThrowIfNull(application);
        return application.Status.IsPending();
    }

    private static Refusal? Closed(Application application) =>
        MessagesOpen(application) ? null : Refusal.Of(RefusalCodes.MessagesClosed, application.Status.Name());

    private static Refusal? CheckMessage(string text, int attachments) =>
        text.Length == 0 ? Refusal.Of(RefusalCodes.MessageEmpty)
        : text.Length > MessageMaxLength ? Refusal.Of(RefusalCodes.MessageTooLong, MessageMaxLength, text.Length)
        : attachments > MessageMaxAttachments ? Refusal.Of(RefusalCodes.TooManyAttachments, MessageMaxAttachments)
        : null;

    /// <summary>The text as kept: line breaks as <c>\n</c>, no other control character, trimmed.</summary>
    private static string CleanMessage(string? text)
    {
        var clean = new StringBuilder((text ?? "").Length);
        foreach (var c in (text ?? "").ReplaceLineEndings("\n"))
        {
            if (!char.IsControl(c) || c is '\n' or '\t')
                clean.Append(c);
        }
        return clean.ToString().Trim();
    }

    /// <summary>A file's refusal, saying which file it is about.</summary>
    private static Refusal Naming(string fileName, Refusal refusal) => refusal with
    {
        Message = LocalizedText.Of(
            $"« {fileName} » : {refusal.Message.Get("fr")}",
            $"«{fileName}»: {refusal.Message.Get("ar")}",
            $"'{fileName}': {refusal.Message.Get("en")}"),
    };

    private async Task<Outcome<ApplicationMessage>> RefuseMessageAsync(Guid id, Actor actor, string what, string? step, Refusal refusal, CancellationToken cancellationToken)
    {
        await RefuseAsync(id, actor, what, step, refusal, cancellationToken).ConfigureAwait(false);
        return Outcome.Refused<ApplicationMessage>(refusal);
    }
}

/// <summary>A message's file once in the document store: its clean name and what the store kept.</summary>
internal sealed record KeptAttachment(string FileName, StoredFile Stored);

/// <summary>A file sent with a message: what the person called it (a label only) and its content, read once.</summary>
public sealed record MessageFile(string FileName, Stream Content);

/// <summary>One message of an application's thread.</summary>
/// <param name="FromApplicant">True when the applicant wrote it; false for a reviewer or an administrator.</param>
/// <param name="PostedAt">UTC.</param>
public sealed record ApplicationMessage(
    Guid Id, Guid ApplicationId, string AuthorId, string AuthorName, string AuthorRole, bool FromApplicant, string Text, DateTime PostedAt,
    IReadOnlyList<MessageAttachment> Attachments)
{
    internal static ApplicationMessage From(MessageRow m, IEnumerable<MessageAttachmentRow> files) =>
        new(m.Id, m.ApplicationId, m.AuthorId, m.AuthorName, m.AuthorRole, m.FromApplicant, m.Text, m.PostedAt,
            files.Select(f => new MessageAttachment(f.Id, f.FileName, f.Format, f.SizeBytes)).ToList());
}

/// <summary>A message's file, as the thread lists it; its content opens with <see cref="Applications.OpenMessageAttachmentAsync"/>.</summary>
public sealed record MessageAttachment(long Id, string FileName, string Format, long SizeBytes);
