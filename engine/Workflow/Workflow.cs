using EmploymentProcedures.Engine.Deadlines;
using EmploymentProcedures.Engine.Definitions;
using EmploymentProcedures.Engine.Expressions;
using EmploymentProcedures.Engine.Validation;

namespace EmploymentProcedures.Engine.Workflow;

/// <summary>
/// The approval circuit of a definition's <c>steps:</c>, as a pure function: an application, who asks,
/// what they ask and the day → the next application and its events, or a refusal with its reason.
/// <see cref="PermittedActions"/> is the single source of truth for what a user may do; <see cref="Execute"/>
/// refuses exactly what it does not list. Storage persists the result; nothing here does I/O.
/// </summary>
public sealed class Workflow(IReadOnlyDictionary<string, RoleDefinition> roles)
{
    /// <summary>Whether <paramref name="actor"/> may see <paramref name="application"/> at all; null when allowed.</summary>
    public Refusal? Authorize(ProcedureDefinition definition, Application application, Actor actor)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(application);
        ArgumentNullException.ThrowIfNull(actor);
        var allowed = actor.Kind switch
        {
            RoleKind.Applicant => actor.UserId == application.OwnerId,
            RoleKind.Reviewer => application.Status != ApplicationStatus.Draft
                && definition.Steps.Any(s => s.Roles.Contains(actor.Role, StringComparer.Ordinal) && InTerritory(definition, s, application, actor)),
            _ => actor.IsSystem || actor.Role == "administrator",
        };
        return allowed ? null : Refusal.Of(RefusalCodes.NotYours);
    }

    /// <summary>Everything <paramref name="actor"/> may do now on <paramref name="application"/>.</summary>
    public IReadOnlyList<PermittedAction> PermittedActions(ProcedureDefinition definition, Application application, Actor actor)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(application);
        ArgumentNullException.ThrowIfNull(actor);
        if (Authorize(definition, application, actor) is not null || !Pinned(definition, application))
            return [];
        var permitted = new List<PermittedAction>();
        if (actor.Kind == RoleKind.Applicant)
        {
            if (application.Status == ApplicationStatus.Draft)
                permitted.AddRange([new PermittedAction(ActionKind.Edit), new PermittedAction(ActionKind.Submit)]);
            if (application.Status == ApplicationStatus.ChangesRequested)
                permitted.AddRange([new PermittedAction(ActionKind.Edit, Editable: application.Reopened), new PermittedAction(ActionKind.Submit)]);
            if (application.Status.IsPending())
                permitted.Add(new PermittedAction(ActionKind.Withdraw));
            return permitted;
        }
        if (actor.Kind != RoleKind.Reviewer || application.Status != ApplicationStatus.InReview || Current(definition, application) is not { } step)
            return permitted;
        foreach (var action in step.Actions)
        {
            if (CheckDecider(definition, application, actor, step, action) is not null)
                continue;
            var targets = action == StepAction.Return ? EarlierSteps(definition, application, step).Select(s => s.Id).ToList() : null;
            if (targets is { Count: 0 })
                continue;
            permitted.Add(new PermittedAction(ActionKind.Decide, step.Id, action, targets));
        }
        return permitted;
    }

    /// <summary>Applies <paramref name="command"/> as of <paramref name="today"/>.</summary>
    public WorkflowResult Execute(ProcedureDefinition definition, Application application, Actor actor, WorkflowCommand command, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(application);
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(command);
        if (Authorize(definition, application, actor) is { } hidden)
            return WorkflowResult.Refused(hidden);
        if (!Pinned(definition, application))
            return WorkflowResult.Refused(Refusal.Of(RefusalCodes.WrongDefinition));
        var run = new Run(definition, application, today);
        var refusal = command switch
        {
            WorkflowCommand.Decide decide => Decide(run, actor, decide),
            WorkflowCommand.LapseDeadline => Lapse(run, actor),
            _ when actor.Kind != RoleKind.Applicant => Refusal.Of(RefusalCodes.NotYours),
            WorkflowCommand.SaveAnswers save => Save(run, save),
            WorkflowCommand.EmptySection empty => Empty(run, empty),
            WorkflowCommand.AttachDocument attach => Attach(run, attach.Document),
            WorkflowCommand.RemoveDocument remove => Remove(run, remove),
            WorkflowCommand.Submit submit => Submit(run, submit.Reference),
            WorkflowCommand.Withdraw withdraw => Withdraw(run, withdraw),
            _ => throw new ArgumentOutOfRangeException(nameof(command)),
        };
        if (refusal is not null)
            return WorkflowResult.Refused(refusal);
        if (run.Invalid is { } report)
            return WorkflowResult.Invalid(report);
        // The applicant's language follows them: the letters of what comes next are issued in the one they last used.
        var language = actor.Kind == RoleKind.Applicant ? actor.Language : run.App.Language;
        return WorkflowResult.Done(run.App with { Version = application.Version + 1, Language = language }, run.Events);
    }

    private static bool Pinned(ProcedureDefinition definition, Application application) =>
        definition.Id == application.ProcedureId && definition.ContentHash == application.DefinitionHash;

    private static StepDefinition? Current(ProcedureDefinition definition, Application application) =>
        definition.Steps.FirstOrDefault(s => s.Id == application.Step);

    private static Refusal? Save(Run run, WorkflowCommand.SaveAnswers save)
    {
        var app = run.App;
        var answers = save.Answers;
        if (save.BasedOn is { } basedOn && basedOn != app.Version)
            return Refusal.Of(RefusalCodes.Stale);
        if (app.Status == ApplicationStatus.ChangesRequested)
        {
            var outside = AnswerDiff.Compare(app.Answers, answers).FirstOrDefault(c => !app.Reopened.Any(item => AnswerDiff.Covers(item, c.Path)));
            if (outside is not null)
                return Refusal.Of(RefusalCodes.NotReopened, outside.Path);
        }
        else if (app.Status != ApplicationStatus.Draft)
            return WrongStatus(app);
        run.Move(app with { Answers = answers }, WorkflowEvents.Saved);
        return null;
    }

    private static Refusal? Empty(Run run, WorkflowCommand.EmptySection empty)
    {
        var app = run.App;
        if (empty.BasedOn is { } basedOn && basedOn != app.Version)
            return Refusal.Of(RefusalCodes.Stale);
        if (app.Status != ApplicationStatus.Draft)
            return WrongStatus(app);
        if (run.Definition.Sections.FirstOrDefault(s => s.Id == empty.Section) is not { } section)
            return Refusal.Of(RefusalCodes.UnknownItem, empty.Section);
        // A fragment's answers are nested under the section's id; a plain section's are the answers of its own fields.
        var answers = section.Include is not null
            ? app.Answers.With(section.Id, null)
            : section.Fields.Aggregate(app.Answers, (kept, field) => kept.With(field.Id, null));
        run.Move(app with { Answers = answers, Carried = [.. app.Carried.Where(c => c.Section != section.Id)] },
            WorkflowEvents.SectionEmptied, items: [section.Id]);
        return null;
    }

    private static Refusal? Attach(Run run, AttachedDocument document)
    {
        if (EditableDocument(run, document.DocumentId) is { } refusal)
            return refusal;
        var definition = run.Definition.Documents.First(d => d.Id == document.DocumentId);
        var kept = run.App.Documents.Where(d => d.DocumentId != document.DocumentId || (definition.MaxFiles > 1 && d.FileName != document.FileName));
        run.Move(run.App with { Documents = [.. kept, document] }, WorkflowEvents.DocumentAttached, items: [document.DocumentId]);
        return null;
    }

    private static Refusal? Remove(Run run, WorkflowCommand.RemoveDocument remove)
    {
        if (EditableDocument(run, remove.DocumentId) is { } refusal)
            return refusal;
        var kept = run.App.Documents.Where(d => d.DocumentId != remove.DocumentId || d.FileName != remove.FileName).ToList();
        run.Move(run.App with { Documents = kept }, WorkflowEvents.DocumentRemoved, items: [remove.DocumentId]);
        return null;
    }

    private static Refusal? EditableDocument(Run run, string documentId)
    {
        if (run.Definition.Documents.All(d => d.Id != documentId))
            return Refusal.Of(RefusalCodes.UnknownDocument, documentId);
        return run.App.Status switch
        {
            ApplicationStatus.Draft => null,
            ApplicationStatus.ChangesRequested when run.App.Reopened.Contains(documentId, StringComparer.Ordinal) => null,
            ApplicationStatus.ChangesRequested => Refusal.Of(RefusalCodes.NotReopened, documentId),
            _ => WrongStatus(run.App),
        };
    }

    private static Refusal? Submit(Run run, string reference)
    {
        var app = run.App;
        if (app.Status is not (ApplicationStatus.Draft or ApplicationStatus.ChangesRequested))
            return WrongStatus(app);
        var report = SubmissionValidator.Validate(run.Definition, new Submission(app.Answers, app.Documents), run.Context);
        if (!report.IsValid)
        {
            run.Invalid = report;
            return null;
        }
        if (app.Status == ApplicationStatus.ChangesRequested)
        {
            var changed = AnswerDiff.Compare(app.AnswersBeforeChanges ?? app.Answers, app.Answers).Select(c => c.Path).ToList();
            run.Move(app with
            {
                Status = ApplicationStatus.InReview,
                Reopened = [],
                Opinions = [],
                StepStartedOn = run.Today,
                Pauses = ClosePause(app.Pauses, run.Today),
            }, WorkflowEvents.Resubmitted, app.Step, items: changed);
            return null;
        }
        run.Move(app with
        {
            Status = ApplicationStatus.InReview,
            Reference = reference,
            Province = Province(run.Definition, app.Answers),
            SubmittedOn = run.Today,
        }, WorkflowEvents.Submitted);
        Advance(run, 0);
        return null;
    }

    private static Refusal? Withdraw(Run run, WorkflowCommand.Withdraw withdraw)
    {
        if (!run.App.Status.IsPending())
            return WrongStatus(run.App);
        run.Move(run.App with { Status = ApplicationStatus.Withdrawn, Pauses = ClosePause(run.App.Pauses, run.Today) },
            WorkflowEvents.Withdrawn, run.App.Step, comment: withdraw.Reason);
        return null;
    }

    /// <summary>
    /// Why <paramref name="actor"/> may not take <paramref name="action"/> on <paramref name="application"/> together with
    /// others, from the inbox (null when they may): only <c>acknowledge</c> and <c>approve</c>, which need nothing but the
    /// reviewer's word, when <see cref="PermittedActions"/> lists them and the step asks the role for no required field;
    /// otherwise the reason a decision would be refused. <c>reject</c>, <c>request_changes</c> and <c>return</c> need a
    /// reason (and items or a target) per file: they are never taken in batch.
    /// </summary>
    public Refusal? RefusalInBatch(ProcedureDefinition definition, Application application, Actor actor, StepAction action)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(application);
        ArgumentNullException.ThrowIfNull(actor);
        if (action is not (StepAction.Acknowledge or StepAction.Approve))
            throw new ArgumentOutOfRangeException(nameof(action), action, "only acknowledge and approve are taken in batch");
        if (!PermittedActions(definition, application, actor).Any(a => a.Kind == ActionKind.Decide && a.Action == action))
        {
            return Authorize(definition, application, actor)
                ?? (Pinned(definition, application) ? null : Refusal.Of(RefusalCodes.WrongDefinition))
                ?? CheckDecision(definition, application, actor, application.Step ?? "", action, out _)
                ?? Refusal.Of(RefusalCodes.ActionNotOffered, action.Name(), application.Step ?? "");
        }
        var step = Current(definition, application)!;
        return step.FieldsFor(actor.Role).Any(Required) ? Refusal.Of(RefusalCodes.StepFieldsRequired, step.Id) : null;

        // A condition may make a field required: the reviewer must then see the step's fields, on the case page.
        static bool Required(FieldDefinition field) => field.Required != Condition.Never || field.Fields.Any(Required);
    }

    private Refusal? Decide(Run run, Actor actor, WorkflowCommand.Decide decide)
    {
        var app = run.App;
        if (CheckDecision(run.Definition, app, actor, decide.Step, decide.Action, out var step) is { } refusal)
            return refusal;
        if (CheckArguments(run, step, decide) is { } invalid)
            return invalid;
        if (CheckStepFields(run, step, actor.Role, decide) is { } badFields)
            return badFields;

        var fields = decide.Fields is { Count: > 0 } given
            ? app.StepFields.GetValueOrDefault(step.Id, Answers.Empty).Merge(given)
            : app.StepFields.GetValueOrDefault(step.Id);
        if (fields is not null)
            run.App = app with { StepFields = new Dictionary<string, Answers>(app.StepFields, StringComparer.Ordinal) { [step.Id] = fields } };

        switch (decide.Action)
        {
            case StepAction.Approve or StepAction.Acknowledge or StepAction.Reject when step.Parallel is { } parallel:
                Opine(run, actor, step, parallel, decide);
                break;
            case StepAction.Approve or StepAction.Acknowledge:
                CloseStep(run, step, decide.Action, decide.Comment);
                break;
            case StepAction.Reject:
                Finish(run, ApplicationStatus.Rejected, step.Id, decide.Action, decide.Comment);
                break;
            case StepAction.RequestChanges:
                run.Move(run.App with
                {
                    Status = ApplicationStatus.ChangesRequested,
                    Reopened = decide.Reopen!.Distinct(StringComparer.Ordinal).ToList(),
                    AnswersBeforeChanges = run.App.Answers,
                    Opinions = [],
                    Pauses = [.. run.App.Pauses, new DeadlinePause(run.Today, null)],
                }, WorkflowEvents.ChangesRequested, step.Id, decide.Action, decide.Comment, decide.Reopen);
                break;
            case StepAction.Return:
                var target = decide.ReturnTo ?? EarlierSteps(run.Definition, app, step).Last().Id;
                run.Move(run.App with { Step = target, Opinions = [], StepStartedOn = run.Today }, WorkflowEvents.Returned, target, decide.Action, decide.Comment, [step.Id]);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(decide));
        }
        return null;
    }

    /// <summary>Whether <paramref name="actor"/> may take <paramref name="action"/> on the step <paramref name="stepId"/> now, whatever its arguments.</summary>
    private Refusal? CheckDecision(ProcedureDefinition definition, Application app, Actor actor, string stepId, StepAction action, out StepDefinition step)
    {
        step = null!;
        if (actor.Kind != RoleKind.Reviewer)
            return Refusal.Of(RefusalCodes.NotYourRole, stepId);
        if (app.Status != ApplicationStatus.InReview)
            return app.Status.IsFinal() || app.Status == ApplicationStatus.ChangesRequested ? Refusal.Of(RefusalCodes.NotAtStep, stepId) : WrongStatus(app);
        if (stepId != app.Step || Current(definition, app) is not { } current)
            return Refusal.Of(RefusalCodes.NotAtStep, stepId);
        step = current;
        return CheckDecider(definition, app, actor, step, action);
    }

    private Refusal? CheckDecider(ProcedureDefinition definition, Application app, Actor actor, StepDefinition step, StepAction action)
    {
        if (!step.Roles.Contains(actor.Role, StringComparer.Ordinal))
            return Refusal.Of(RefusalCodes.NotYourRole, step.Id);
        if (!InTerritory(definition, step, app, actor))
            return Refusal.Of(RefusalCodes.NotYourTerritory, app.Province);
        if (!step.Actions.Contains(action))
            return Refusal.Of(RefusalCodes.ActionNotOffered, action.Name(), step.Id);
        if (step.Parallel is not null && action is StepAction.Approve or StepAction.Acknowledge or StepAction.Reject
            && app.Opinions.Any(o => o.Role == actor.Role))
            return Refusal.Of(RefusalCodes.OpinionGiven);
        return null;
    }

    private static Refusal? CheckArguments(Run run, StepDefinition step, WorkflowCommand.Decide decide)
    {
        switch (decide.Action)
        {
            case StepAction.Reject when string.IsNullOrWhiteSpace(decide.Comment):
                return Refusal.Of(RefusalCodes.ReasonRequired);
            case StepAction.RequestChanges:
                if (decide.Reopen is not { Count: > 0 })
                    return Refusal.Of(RefusalCodes.ReopenRequired);
                if (string.IsNullOrWhiteSpace(decide.Comment))
                    return Refusal.Of(RefusalCodes.ReasonRequired);
                var unknown = decide.Reopen.FirstOrDefault(item => !IsItem(run.Definition, item));
                return unknown is null ? null : Refusal.Of(RefusalCodes.UnknownItem, unknown);
            case StepAction.Return:
                var earlier = EarlierSteps(run.Definition, run.App, step);
                var valid = decide.ReturnTo is null ? earlier.Count > 0 : earlier.Any(s => s.Id == decide.ReturnTo);
                return valid ? null : Refusal.Of(RefusalCodes.InvalidReturn, decide.ReturnTo ?? "");
            default:
                return null;
        }
    }

    /// <summary>The step's reviewer fields: only its own and the acting role's, valid by type; the required ones when approving.</summary>
    private Refusal? CheckStepFields(Run run, StepDefinition step, string role, WorkflowCommand.Decide decide)
    {
        var given = decide.Fields ?? Answers.Empty;
        var stranger = given.Keys.FirstOrDefault(k => step.Fields.All(f => f.Id != k));
        if (stranger is not null)
            return Refusal.Of(RefusalCodes.InvalidStepFields, stranger);
        // A field of a parallel step that belongs to another role: only that role fills it.
        if (step.Fields.FirstOrDefault(f => f.Role is not null && f.Role != role && given.ContainsKey(f.Id)) is { } others)
            return Refusal.Of(RefusalCodes.NotYourField, others.Id, Role(others.Role!));
        var errors = ReviewerFields.Check(step, role, run.App.StepFields.GetValueOrDefault(step.Id, Answers.Empty), given, decide.Action, run.Context).Errors
            .Select(e => e.Path)
            .Distinct(StringComparer.Ordinal)
            .ToList();
        return errors.Count == 0 ? null : Refusal.Of(RefusalCodes.InvalidStepFields, string.Join(", ", errors));
    }

    private static void Opine(Run run, Actor actor, StepDefinition step, ParallelDefinition parallel, WorkflowCommand.Decide decide)
    {
        var opinions = run.App.Opinions.Append(new Opinion(actor.Role, actor.UserId, decide.Action, decide.Comment)).ToList();
        run.Move(run.App with { Opinions = opinions }, WorkflowEvents.Opinion, step.Id, decide.Action, decide.Comment);
        var approvals = opinions.Count(o => o.Action != StepAction.Reject);
        var rejections = opinions.Count - approvals;
        if (approvals >= parallel.Quorum)
            CloseStep(run, step, decide.Action == StepAction.Reject ? StepAction.Approve : decide.Action, null);
        else if (rejections > parallel.Roles.Count - parallel.Quorum)
            Finish(run, ApplicationStatus.Rejected, step.Id, StepAction.Reject, string.Join(" / ", opinions.Where(o => o.Action == StepAction.Reject).Select(o => o.Comment)));
    }

    private static void CloseStep(Run run, StepDefinition step, StepAction action, string? comment)
    {
        run.Move(run.App, WorkflowEvents.StepApproved, step.Id, action, comment);
        var index = run.Definition.Steps.ToList().IndexOf(step);
        if (!Advance(run, index + 1))
            Finish(run, action == StepAction.Acknowledge ? ApplicationStatus.Acknowledged : ApplicationStatus.Approved, step.Id, action, comment);
    }

    /// <summary>Enters the first step from <paramref name="index"/> whose condition holds; false when none is left.</summary>
    private static bool Advance(Run run, int index)
    {
        var steps = run.Definition.Steps;
        var values = Values(run.Definition, run.App, run.Context);
        for (var i = index; i < steps.Count; i++)
        {
            var step = steps[i];
            if (step.When is not null && !values.Evaluate(step.When).IsTrue)
            {
                run.Move(run.App, WorkflowEvents.StepSkipped, step.Id);
                continue;
            }
            run.Move(run.App with { Step = step.Id, Opinions = [], StepStartedOn = run.Today }, WorkflowEvents.StepEntered, step.Id);
            return true;
        }
        if (index == 0)
            Finish(run, steps.Any(s => s.Actions.Contains(StepAction.Acknowledge)) ? ApplicationStatus.Acknowledged : ApplicationStatus.Approved, null, null, null);
        return false;
    }

    private static void Finish(Run run, ApplicationStatus status, string? step, StepAction? action, string? comment) =>
        run.Move(run.App with { Status = status, Opinions = [], DecidedOn = run.Today, Pauses = ClosePause(run.App.Pauses, run.Today) },
            WorkflowEvents.Decided, step, action, comment);

    private static Refusal? Lapse(Run run, Actor actor)
    {
        if (!actor.IsSystem)
            return Refusal.Of(RefusalCodes.NotYourRole, run.App.Step);
        if (run.App.Status != ApplicationStatus.InReview)
            return WrongStatus(run.App);
        var status = run.Definition.OnDeadline switch
        {
            "approve" => ApplicationStatus.Approved,
            "reject" => ApplicationStatus.Rejected,
            _ => (ApplicationStatus?)null,
        };
        if (status is null)
            return Refusal.Of(RefusalCodes.NoDeadlineOutcome);
        run.Move(run.App, WorkflowEvents.DeadlineLapsed, run.App.Step);
        Finish(run, status.Value, run.App.Step, null, null);
        return null;
    }

    /// <summary>The steps before <paramref name="step"/> that run for this application (a return may go back to them).</summary>
    private static List<StepDefinition> EarlierSteps(ProcedureDefinition definition, Application app, StepDefinition step)
    {
        var values = Values(definition, app, new EvaluationContext(app.StepStartedOn ?? DateOnly.MinValue));
        return definition.Steps.TakeWhile(s => s != step).Where(s => s.When is null || values.Evaluate(s.When).IsTrue).ToList();
    }

    /// <summary>
    /// The roles that must act now (the current step's, less those of a parallel step that have spoken),
    /// each saying whether only reviewers of the application's province may act: what the inbox lists.
    /// </summary>
    public IReadOnlyList<Assignee> Assignees(ProcedureDefinition definition, Application application)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(application);
        if (application.Status != ApplicationStatus.InReview || Current(definition, application) is not { } step)
            return [];
        return step.Roles
            .Distinct(StringComparer.Ordinal)
            .Where(role => step.Parallel is null || application.Opinions.All(o => o.Role != role))
            .Select(role => new Assignee(role, IsTerritorial(definition, step, role)))
            .ToList();
    }

    /// <summary>A role's name in the three languages (its id when roles.yaml does not know it).</summary>
    private object Role(string role) =>
        roles.TryGetValue(role, out var known) && known.Label is { } label ? label : role;

    private bool InTerritory(ProcedureDefinition definition, StepDefinition step, Application app, Actor actor) =>
        !IsTerritorial(definition, step, actor.Role)
        || (app.Province is { } province && actor.Provinces.Contains(province, StringComparer.Ordinal));

    /// <summary>In a routed procedure, a step is territorial when it says so, else when its role is (roles.yaml).</summary>
    private bool IsTerritorial(ProcedureDefinition definition, StepDefinition step, string role) =>
        definition.Routing is not null && (step.Territorial ?? (roles.TryGetValue(role, out var known) && known.Territorial));

    private static AnswerValues Values(ProcedureDefinition definition, Application app, EvaluationContext context)
    {
        var values = AnswerValues.ForApplication(definition, app.Answers, context);
        foreach (var step in definition.Steps)
        {
            if (app.StepFields.TryGetValue(step.Id, out var fields))
                values = values.WithStep(step, fields);
        }
        return values;
    }

    private static string? Province(ProcedureDefinition definition, Answers answers) =>
        definition.Routing is { } routing
            ? answers.Get(routing) switch
            {
                Answers address => address["province"] as string,
                string province => province,
                _ => null,
            }
            : null;

    private static bool IsItem(ProcedureDefinition definition, string item) =>
        definition.Documents.Any(d => d.Id == item)
        || definition.Sections.Any(s => s.Id == item)
        || definition.AllFields().Any(f => f.Path == item);

    private static IReadOnlyList<DeadlinePause> ClosePause(IReadOnlyList<DeadlinePause> pauses, DateOnly today) =>
        pauses.Count > 0 && pauses[^1].To is null ? [.. pauses.Take(pauses.Count - 1), pauses[^1] with { To = today }] : pauses;

    private static Refusal WrongStatus(Application app) => Refusal.Of(RefusalCodes.WrongStatus, app.Status.Name());

    /// <summary>One command being applied: the application as it evolves and the events so far.</summary>
    private sealed class Run(ProcedureDefinition definition, Application app, DateOnly today)
    {
        public ProcedureDefinition Definition { get; } = definition;
        public Application App { get; set; } = app;
        public DateOnly Today { get; } = today;
        public EvaluationContext Context { get; } = new(today);
        public List<WorkflowEvent> Events { get; } = [];
        public ValidationReport? Invalid { get; set; }

        public void Move(Application next, string kind, string? step = null, StepAction? action = null, string? comment = null, IReadOnlyList<string>? items = null)
        {
            Events.Add(new WorkflowEvent(kind, App.Status, next.Status, step, action, comment, items));
            App = next;
        }
    }
}

/// <summary>A role that must act now on an application; <paramref name="Territorial"/>: only reviewers of the application's province.</summary>
public sealed record Assignee(string Role, bool Territorial);
