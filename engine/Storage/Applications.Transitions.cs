using EmploymentProcedures.Engine.Definitions;
using EmploymentProcedures.Engine.Expressions;
using EmploymentProcedures.Engine.Storage.Rows;
using EmploymentProcedures.Engine.Workflow;
using Microsoft.EntityFrameworkCore;

namespace EmploymentProcedures.Engine.Storage;

public sealed partial class Applications
{
    /// <summary>How many times a command is re-run on a fresh application after losing a race, before answering "busy".</summary>
    private const int MaxAttempts = 5;

    /// <summary>The events by which a reviewer (or the deadline) settles a step: who did it is named when someone else tries again.</summary>
    private static readonly string[] SettlingEvents =
    [
        WorkflowEvents.StepApproved, WorkflowEvents.Opinion, WorkflowEvents.ChangesRequested,
        WorkflowEvents.Returned, WorkflowEvents.Decided, WorkflowEvents.DeadlineLapsed,
    ];

    private sealed record Loaded(Application Application, ProcedureDefinition Definition)
    {
        /// <summary>The row it was read from: a transition writes only the columns that change, and keeps the JSON of the parts that do not.</summary>
        public required ApplicationRow Row { get; init; }

        /// <summary>A draft moved to a newer version for this command: the draft as it was read (what the row holds). Null when it did not move.</summary>
        public Application? Unmoved { get; init; }

        /// <summary>The <see cref="StorageEvents.DraftMoved"/> event the command's transaction records first; null when the draft did not move.</summary>
        public WorkflowEvent? Move { get; init; }

        /// <summary>The definition version the moved draft was on; null when it did not move.</summary>
        public ProcedureDefinition? MovedFrom { get; init; }

        /// <summary>The application as the row holds it: what a transition's row is compared with.</summary>
        public Application AsStored => Unmoved ?? Application;
    }

    /// <summary>The application's row, read by every command: compiled, so it is not looked up in EF's query cache each time.</summary>
    private static readonly CompiledQuery<Func<ProceduresDb, Guid, CancellationToken, Task<ApplicationRow?>>> StoredRow = new(() => EF.CompileAsyncQuery(
        (ProceduresDb db, Guid id, CancellationToken _) => db.Applications.AsNoTracking().FirstOrDefault(a => a.Id == id)));

    private async Task<Loaded?> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var db = await _databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await LoadAsync(db, id, cancellationToken).ConfigureAwait(false);
    }

    private async Task<Loaded?> LoadAsync(ProceduresDb db, Guid id, CancellationToken cancellationToken)
    {
        var row = await StoredRow.For(db)(db, id, cancellationToken).ConfigureAwait(false);
        if (row is null)
            return null;
        var definition = await _definitions.GetAsync(db, row.ProcedureId, row.DefinitionVersion, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"application {id} is pinned to '{row.ProcedureId}' version {row.DefinitionVersion}, which is not stored");
        return new Loaded(row.ToApplication(), definition) { Row = row };
    }

    private Task<WorkflowResult> RunAsync(Guid id, Actor actor, WorkflowCommand? command, Func<ProceduresDb, Application, Task>? alongside, CancellationToken cancellationToken) =>
        RunAsync(id, actor, command, Today, alongside, cancellationToken);

    /// <summary>
    /// Runs <paramref name="command"/> on the stored application and writes the outcome in one transaction;
    /// re-runs it on the fresh application when another write got there first. A draft behind its procedure's latest
    /// version is moved to it first, in the same transaction (<see cref="LoadForCommandAsync(ProceduresDb, Guid, CancellationToken)"/>),
    /// and stays moved when the command itself is refused or its submission invalid: what the applicant is told then is
    /// about the version they are now on. No command (null): only that move, when there is one.
    /// </summary>
    private async Task<WorkflowResult> RunAsync(Guid id, Actor actor, WorkflowCommand? command, DateOnly today, Func<ProceduresDb, Application, Task>? alongside, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        try
        {
            if (await InactiveAsync(actor, cancellationToken).ConfigureAwait(false) is { } inactive)
                return await RefuseAsync(id, actor, Describe(command), null, inactive, cancellationToken).ConfigureAwait(false);
            for (var attempt = 1; ; attempt++)
            {
                await using var db = await _databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
                // One connection for the read and the write: it is opened (and set up) once.
                await db.Database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
                var loaded = await LoadForCommandAsync(db, id, cancellationToken).ConfigureAwait(false);
                if (loaded is null)
                    return await RefuseAsync(id, actor, Describe(command), null, Refusal.Of(RefusalCodes.NotYours), cancellationToken).ConfigureAwait(false);
                var (application, definition) = loaded;
                var moves = loaded.Move is not null && Hidden(loaded, actor) is null;
                var run = moves && command is WorkflowCommand.SaveAnswers save
                    // Typed on the form of the version the draft was on: what it says of fields gone goes as the stored answers' did.
                    ? save with { Answers = DraftCarry.Carry(loaded.MovedFrom!, definition, save.Answers, [], new EvaluationContext(today)).Answers }
                    : command;
                var result = run is not null ? _workflow.Execute(definition, application, actor, run, today)
                    : Hidden(loaded, actor) is { } hidden ? WorkflowResult.Refused(hidden)
                    : WorkflowResult.Done(application, []);
                if (result.Refusal is { } refusal && !moves)
                {
                    refusal = command is null ? refusal : await ExplainAsync(db, application, actor, command, refusal, cancellationToken).ConfigureAwait(false);
                    return await RefuseAsync(id, actor, Describe(command), application.Step, refusal, cancellationToken).ConfigureAwait(false);
                }
                if (!moves && (command is null || result.Application is null))
                    return result;

                // The move alone when the command changed nothing (refused, invalid, or none): the draft is on the new version all the same.
                var next = result.Application is { } changed && result.Refusal is null ? changed : application with { Version = application.Version + 1 };
                IReadOnlyList<WorkflowEvent> events = moves ? [loaded.Move!, .. result.Events] : result.Events;
                if (next.Status != ApplicationStatus.Draft && next.Moved is not null)
                    next = next with { Moved = null };
                try
                {
                    var (written, retired) = await WriteAsync(db, definition, loaded, next, actor, events, today, moves ? WithDocuments(alongside, cancellationToken) : alongside, cancellationToken).ConfigureAwait(false);
                    if (retired is not null)
                        return await RefuseAsync(id, actor, Describe(command), null, _definitions.RetiredRefusal(retired), cancellationToken).ConfigureAwait(false);
                    if (written is null)
                        return WorkflowResult.Refused(Refusal.Of(RefusalCodes.Busy));
                    if (result.Refusal is { } refused)
                        return await RefuseAsync(id, actor, Describe(command), application.Step, refused, cancellationToken).ConfigureAwait(false);
                    return result.Application is null && command is not null ? result : WorkflowResult.Done(written, events);
                }
                catch (DbUpdateConcurrencyException) when (attempt < MaxAttempts)
                {
                    // Another write got there first: run the command again on what it wrote.
                }
                catch (DbUpdateConcurrencyException)
                {
                    return WorkflowResult.Refused(Refusal.Of(RefusalCodes.Busy));
                }
            }
        }
        catch (Exception e) when (StorageErrors.IsBusy(e))
        {
            return WorkflowResult.Refused(Refusal.Of(RefusalCodes.Busy));
        }
    }

    /// <summary>What comes alongside a moved draft's transition: its document rows follow its documents (files of documents the new version no longer asks for go).</summary>
    private static Func<ProceduresDb, Application, Task> WithDocuments(Func<ProceduresDb, Application, Task>? alongside, CancellationToken cancellationToken) =>
        alongside ?? ((db, next) => SyncDocumentsAsync(db, next, null, cancellationToken));

    /// <summary>
    /// The transaction of one transition: the application (only over the version it was read at), its reference
    /// at the first submission, the pending work, what comes <paramref name="alongside"/>, the audit, the outbox, the
    /// partners' pushes and the letters issued.
    /// </summary>
    /// <remarks>
    /// SQLite writes one transaction at a time, so whatever is done while the write lock is held holds up every other
    /// transition: the rows are prepared before it is taken (<see cref="Prepare"/>: the letters rendered, the
    /// application's row, the pending work, the audit entries and the notifications), and the transaction only reads the
    /// counters and heads it must, writes and commits. A first submission's receipt and rows carry the reference it is
    /// about to take: they are prepared with the number the counter will give once the first submissions ahead in the
    /// queue have committed, and again inside should it give another. Transactions of the same database take turns, in
    /// the order they come (<see cref="WriteTurns"/>); no application when the turn did not come within the busy timeout.
    /// A first submission of a procedure retired meanwhile writes nothing and gives the retirement.
    /// </remarks>
    private async Task<(Application? Written, Retirement? Retired)> WriteAsync(
        ProceduresDb db, ProcedureDefinition definition, Loaded stored, Application next, Actor actor,
        IReadOnlyList<WorkflowEvent> events, DateOnly today, Func<ProceduresDb, Application, Task>? alongside, CancellationToken cancellationToken)
    {
        var now = Now;
        var before = stored.Application;
        var due = DueDates.Legal(_calendar, definition, next);
        var first = before.Reference is null && next.Status != ApplicationStatus.Draft && next.SubmittedOn is not null;
        using var coming = first ? WriteTurns.Join(db, References.PrefixOf(definition), today.Year) : null;
        var predicted = coming is null ? null : await References.PeekAsync(db, coming, today.Year, cancellationToken).ConfigureAwait(false);
        var writes = Prepare(definition, stored, first ? next with { Reference = predicted } : next, actor, events, due, today, now);

        var writer = WriteTurns.Of(db);
        if (!await writer.WaitAsync(SqliteStorage.DefaultBusyTimeout, cancellationToken).ConfigureAwait(false))
            return (null, null);
        try
        {
            return await WriteAsync(db, definition, stored, next, actor, events, today, now, alongside, due, coming, predicted, writes, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            writer.Release();
        }
    }

    /// <summary>
    /// The transaction itself, prepared by the other <c>WriteAsync</c>; at a first submission <paramref name="coming"/> counts it
    /// on its way to a number and <paramref name="predicted"/> is the reference the rows carry.
    /// </summary>
    private async Task<(Application? Written, Retirement? Retired)> WriteAsync(
        ProceduresDb db, ProcedureDefinition definition, Loaded stored, Application next, Actor actor, IReadOnlyList<WorkflowEvent> events,
        DateOnly today, DateTime now, Func<ProceduresDb, Application, Task>? alongside, DateOnly? due, WriteTurns.Coming? coming, string? predicted, Writes writes,
        CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        // The whole transaction fails or succeeds: SaveChanges needs no savepoint of its own.
        db.Database.AutoSavepointsEnabled = false;
        // A retired procedure files nothing more: a draft's first submission is refused here, in the transaction that would
        // write it, not in the command's read. Write transactions take turns (SQLite's BEGIN IMMEDIATE, PostgreSQL's
        // WriterLock), and the retirement is one, so it either committed before this read, which sees it, or begins after
        // this commit: no retirement slips between the check and the write.
        var before = stored.Application;
        if (before.Status == ApplicationStatus.Draft && next.Status != ApplicationStatus.Draft
            && await DefinitionStore.RetirementAsync(db, next.ProcedureId, cancellationToken).ConfigureAwait(false) is { } retirement)
        {
            return (null, retirement);
        }
        var taken = coming is null ? null : await References.NextAsync(db, coming.Prefix, today.Year, cancellationToken).ConfigureAwait(false);
        if (taken is not null)
        {
            next = next with { Reference = taken.Reference };
            if (next.Reference != predicted)
                writes = Prepare(definition, stored, next, actor, events, due, today, now);
        }

        // The row as read is the original: the update sets only the columns that differ, and its version is the concurrency check.
        db.Applications.Attach(writes.Row).OriginalValues.SetValues(stored.Row);

        // Only an application in review or waiting for changes has pending work to replace; its claims stay only
        // while the step stays in review (another role's opinion on a parallel step).
        if (before.Status.IsPending())
        {
            if (before.Status == ApplicationStatus.InReview && next.Status == ApplicationStatus.InReview && next.Step == before.Step)
                await KeepClaimsAsync(db, next.Id, writes.Work, cancellationToken).ConfigureAwait(false);
            // A message awaiting a reply still does at the next step: only a reply (or "no reply needed") answers it.
            if (writes.Work.Count > 0 && await db.PendingWork.AnyAsync(p => p.ApplicationId == next.Id && p.AwaitingReply, cancellationToken).ConfigureAwait(false))
                writes.Work.ForEach(w => w.AwaitingReply = true);
            await db.PendingWork.Where(p => p.ApplicationId == next.Id).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
        }
        db.PendingWork.AddRange(writes.Work);
        if (alongside is not null)
            await alongside(db, next).ConfigureAwait(false);
        await Reporting.Figures.RecordAsync(db, _calendar, before, next, due, today, cancellationToken).ConfigureAwait(false);

        if (taken is null)
            await AuditLog.AppendAsync(db, writes.Entries, now, cancellationToken).ConfigureAwait(false);
        else
            AuditLog.Append(db, taken.Head, writes.Entries, now);
        foreach (var (letter, audited) in writes.Letters)
        {
            letter.AuditSequence = audited.Sequence;
            db.Letters.Add(letter);
        }
        db.Notifications.AddRange(writes.Notifications);
        // Every write of a submitted application moves its changedAt (UpdatedAt): the partners listening are told in this transaction.
        await PartnerEvents.QueueAsync(db, writes.Row, today, now, cancellationToken).ConfigureAwait(false);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        if (taken is not null)
            coming!.Took(taken.Number);
        return (next, null);
    }

    /// <summary>What a transition writes, ready before the write lock is taken; the audit entries are chained inside.</summary>
    private sealed record Writes(
        ApplicationRow Row, List<PendingWork> Work, List<AuditEntry> Entries, List<(LetterRow Letter, AuditEntry For)> Letters, List<Notification> Notifications);

    /// <summary>The rows of the transition to <paramref name="next"/>, with the letters its events call for rendered.</summary>
    private Writes Prepare(ProcedureDefinition definition, Loaded stored, Application next, Actor actor, IReadOnlyList<WorkflowEvent> events, DateOnly? due, DateOnly today, DateTime now)
    {
        var letters = Issue(definition, next, actor, events, due, today, now);
        var entries = new List<AuditEntry>(events.Count);
        var issued = new List<(LetterRow Letter, AuditEntry For)>();
        for (var i = 0; i < events.Count; i++)
        {
            var audited = Entry(next, actor, events[i]);
            entries.Add(audited);
            if (letters[i]?.Letter is { } letter)
                issued.Add((letter, audited));
            if (letters[i]?.Failure is { } failure)
                entries.Add(failure);
        }
        var notifications = events.Where(e => e.ConcernsApplicant).Select(told => new Notification
        {
            ApplicationId = next.Id,
            Recipient = next.OwnerId,
            Kind = told.Kind,
            Step = told.Step,
            Status = told.To.Name(),
            Comment = told.CommentForApplicant,
            CreatedAt = now,
        }).ToList();
        var work = Assignments.For(_calendar, definition, next, _workflow, due);
        notifications.AddRange(Arrivals(stored.Application, next, events, work, now));
        return new Writes(ApplicationRow.From(next, due, now, stored.AsStored, stored.Row), work, entries, issued, notifications);
    }

    /// <summary>The events that bring a file to a step, most telling first: what the reviewers it arrives at are told.</summary>
    private static readonly string[] ArrivalKinds =
        [WorkflowEvents.Resubmitted, WorkflowEvents.Returned, WorkflowEvents.Submitted, WorkflowEvents.StepEntered];

    /// <summary>
    /// When the file comes to a step in review that it was not in review at (submitted, resubmitted, moved on, returned),
    /// each role that must now act is told, in its territory; another role's opinion on the same parallel step tells nobody.
    /// </summary>
    private static IEnumerable<Notification> Arrivals(Application before, Application next, IReadOnlyList<WorkflowEvent> events, List<PendingWork> work, DateTime now)
    {
        if (next.Status != ApplicationStatus.InReview || (before.Status == ApplicationStatus.InReview && before.Step == next.Step))
            return [];
        var kind = ArrivalKinds.FirstOrDefault(k => events.Any(e => e.Kind == k)) ?? WorkflowEvents.StepEntered;
        return work.Select(w => new Notification
        {
            ApplicationId = next.Id,
            Recipient = Notification.RolePrefix + w.Role,
            Territory = w.Territory,
            Kind = kind,
            Step = next.Step,
            Status = InReview,
            CreatedAt = now,
        });
    }

    /// <summary>
    /// A decision on a step that is no longer current (or an opinion the role already gave) because someone
    /// else has just settled it is "already decided by" them, as the audit says.
    /// </summary>
    private static async Task<Refusal> ExplainAsync(ProceduresDb db, Application application, Actor actor, WorkflowCommand command, Refusal refusal, CancellationToken cancellationToken)
    {
        if (command is not WorkflowCommand.Decide decide || refusal.Code is not (RefusalCodes.NotAtStep or RefusalCodes.OpinionGiven))
            return refusal;
        var sameRole = refusal.Code == RefusalCodes.OpinionGiven;
        var settled = await db.Audit.AsNoTracking()
            .Where(a => a.ApplicationId == application.Id && a.Step == decide.Step && SettlingEvents.Contains(a.Kind) && (!sameRole || a.ActorRole == actor.Role))
            .OrderByDescending(a => a.Sequence)
            .Select(a => a.ActorName)
            .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        return settled is null ? refusal : Refusal.Of(RefusalCodes.AlreadyDecided, settled);
    }

    /// <summary>
    /// Audits a refusal (in its own short transaction) and returns it. It takes its turn with the transitions
    /// (<see cref="WriteTurns"/>): the many losers of a race are refused one after the other rather than polling SQLite's
    /// lock; should the turn not come within the busy timeout, it meets the lock like any other writer.
    /// </summary>
    private async Task<WorkflowResult> RefuseAsync(Guid? id, Actor actor, string what, string? step, Refusal refusal, CancellationToken cancellationToken)
    {
        await AppendAuditAsync(Audited(id, actor, WorkflowEvents.Refused, step, what, refusal.Message.Get("en"), refusal.Code), Now, cancellationToken).ConfigureAwait(false);
        return WorkflowResult.Refused(refusal);
    }

    /// <summary>
    /// Appends one entry that changes nothing else (a refusal, a download) in its own short transaction, taking its turn
    /// with the transitions (<see cref="WriteTurns"/>).
    /// </summary>
    private async Task AppendAuditAsync(AuditEntry entry, DateTime now, CancellationToken cancellationToken)
    {
        await using var db = await _databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var writer = WriteTurns.Of(db);
        var turn = await writer.WaitAsync(SqliteStorage.DefaultBusyTimeout, cancellationToken).ConfigureAwait(false);
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await AuditLog.AppendAsync(db, [entry], now, cancellationToken).ConfigureAwait(false);
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            if (turn)
                writer.Release();
        }
    }

    private static AuditEntry Entry(Application application, Actor actor, WorkflowEvent e) =>
        Audited(application.Id, actor, e.Kind, e.Step, e.Action?.Name(), e.Comment,
            e.Kind == WorkflowEvents.Submitted ? application.Reference
            : e.Items is { Count: > 0 } items ? string.Join(", ", items)
            : null,
            e.From, e.To);

    /// <summary>An audit entry of <paramref name="actor"/>'s, chained when it is appended.</summary>
    private static AuditEntry Audited(
        Guid? id, Actor actor, string kind, string? step = null, string? action = null, string? comment = null, string? detail = null,
        ApplicationStatus? from = null, ApplicationStatus? to = null) => new()
    {
        ApplicationId = id,
        ActorId = actor.UserId,
        ActorName = actor.Name,
        ActorRole = actor.Role,
        // An applicant is a private person: their name is one of the entry's personal texts; staff act in their office.
        ActorIsPerson = actor.Kind == RoleKind.Applicant,
        Kind = kind,
        Step = step,
        Action = action,
        FromStatus = from?.Name(),
        ToStatus = to?.Name(),
        Comment = comment,
        Detail = detail,
        PreviousHash = "",
        Hash = "",
    };

    /// <summary>What was asked, for the audit of a refusal.</summary>
    private static string Describe(WorkflowCommand? command) => command switch
    {
        null => "follow_latest",
        WorkflowCommand.SaveAnswers => "save_answers",
        WorkflowCommand.EmptySection empty => "empty_section " + empty.Section,
        WorkflowCommand.AttachDocument attach => "attach_document " + attach.Document.DocumentId,
        WorkflowCommand.RemoveDocument remove => "remove_document " + remove.DocumentId,
        WorkflowCommand.Submit => "submit",
        WorkflowCommand.Withdraw => "withdraw",
        WorkflowCommand.Decide decide => $"decide {decide.Step}.{decide.Action.Name()}",
        WorkflowCommand.LapseDeadline => "lapse_deadline",
        _ => command.GetType().Name,
    };
}
