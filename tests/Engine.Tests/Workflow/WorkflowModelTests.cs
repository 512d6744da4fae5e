using EmploymentProcedures.Engine.Definitions;
using EmploymentProcedures.Engine.Validation;
using EmploymentProcedures.Engine.Workflow;
using static EmploymentProcedures.Engine.Tests.Workflow.Circuit;

namespace EmploymentProcedures.Engine.Tests.Workflow;

/// <summary>
/// Random sequences of commands by random people against the test circuit, checked against a small
/// reference model of the circuit and against the invariants: what PermittedActions offers succeeds and
/// nothing else does, every transition is legal and recorded as linked events, the version grows by
/// one per change, and a file is decided at most once.
/// </summary>
public sealed class WorkflowModelTests
{
    private static readonly Actor[] People =
    [
        Owner, Stranger, Reviewer("desk-agent"), Reviewer("desk-agent", "rabat"), Reviewer("labour-inspector"),
        Reviewer("regional-director"), Reviewer("governor-office"), Reviewer("labour-directorate", "tanger-assilah"),
        Reviewer("provincial-delegate"), Reviewer("court-clerk"), Actor.System,
    ];

    private static readonly HashSet<(ApplicationStatus, ApplicationStatus)> Legal =
    [
        (ApplicationStatus.Draft, ApplicationStatus.Draft),
        (ApplicationStatus.Draft, ApplicationStatus.InReview),
        (ApplicationStatus.InReview, ApplicationStatus.InReview),
        (ApplicationStatus.InReview, ApplicationStatus.ChangesRequested),
        (ApplicationStatus.InReview, ApplicationStatus.Approved),
        (ApplicationStatus.InReview, ApplicationStatus.Rejected),
        (ApplicationStatus.InReview, ApplicationStatus.Withdrawn),
        (ApplicationStatus.ChangesRequested, ApplicationStatus.ChangesRequested),
        (ApplicationStatus.ChangesRequested, ApplicationStatus.InReview),
        (ApplicationStatus.ChangesRequested, ApplicationStatus.Withdrawn),
    ];

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void RandomSequences_KeepTheInvariantsAndFollowTheModel(int seed)
    {
        var random = new Random(seed);
        var transitions = 0;
        for (var sequence = 0; sequence < 500; sequence++)
        {
            var app = Draft(headcount: random.Next(2) == 0 ? 12 : 80);
            var model = new Model();
            var decisions = 0;
            var afterTheEnd = 0;
            for (var move = 0; move < 40 && afterTheEnd < 5; move++)
            {
                if (app.Status.IsFinal())
                    afterTheEnd++;
                var actor = People[random.Next(People.Length)];
                var permitted = Flow.PermittedActions(Definition, app, actor);
                var command = permitted.Count > 0 && random.Next(10) < 7 ? FromPermitted(random, permitted[random.Next(permitted.Count)], app) : Command(random, actor, app);
                var expectedToSucceed = Offered(app, actor, command);
                var result = Run(app, actor, command);
                var trace = $"seed {seed}, sequence {sequence}, move {move}: {command} by {actor.UserId} on {app.Status.Name()}/{app.Step}";

                Assert.True(expectedToSucceed == result.Succeeded, $"{trace}: offered={expectedToSucceed} but got {result}");
                if (!result.Succeeded)
                {
                    Assert.NotNull(result.Refusal);
                    continue;
                }

                var next = result.Application!;
                Assert.Equal(app.Version + 1, next.Version);
                Assert.NotEmpty(result.Events);
                Assert.Equal(app.Status, result.Events[0].From);
                Assert.Equal(next.Status, result.Events[^1].To);
                for (var i = 0; i < result.Events.Count; i++)
                {
                    Assert.True(Legal.Contains((result.Events[i].From, result.Events[i].To)), $"{trace}: illegal {result.Events[i]}");
                    if (i > 0)
                        Assert.Equal(result.Events[i - 1].To, result.Events[i].From);
                }
                decisions += result.Events.Count(e => e.Kind == WorkflowEvents.Decided);
                Assert.True(decisions <= 1, trace);

                model.Apply(app, actor, command);
                Assert.True((model.Status, model.Step) == (next.Status, next.Step is null || next.Status.IsPending() ? next.Step : model.Step),
                    $"{trace}: the model expects {model.Status.Name()}/{model.Step}, the workflow gave {next.Status.Name()}/{next.Step}");
                app = next;
                transitions++;
            }
        }
        Assert.True(transitions > 1000, $"only {transitions} transitions were exercised");
    }

    /// <summary>Whether the command is one PermittedActions offers (the lapse of the deadline belongs to the system alone).</summary>
    private static bool Offered(Application app, Actor actor, WorkflowCommand command)
    {
        var permitted = Flow.PermittedActions(Definition, app, actor);
        return command switch
        {
            WorkflowCommand.LapseDeadline => actor.IsSystem && app.Status == ApplicationStatus.InReview,
            WorkflowCommand.Submit => permitted.Any(p => p.Kind == ActionKind.Submit),
            WorkflowCommand.Withdraw => permitted.Any(p => p.Kind == ActionKind.Withdraw),
            WorkflowCommand.SaveAnswers save => permitted.Any(p => p.Kind == ActionKind.Edit
                && (p.Editable is null || AnswerDiff.Compare(app.Answers, save.Answers).All(c => p.Editable.Any(item => AnswerDiff.Covers(item, c.Path))))),
            WorkflowCommand.AttachDocument attach => permitted.Any(p => p.Kind == ActionKind.Edit && (p.Editable is null || p.Editable.Contains(attach.Document.DocumentId))),
            WorkflowCommand.Decide decide => permitted.Any(p => p.Kind == ActionKind.Decide && p.Step == decide.Step && p.Action == decide.Action
                && (decide.ReturnTo is null || p.ReturnTargets!.Contains(decide.ReturnTo))),
            _ => false,
        };
    }

    /// <summary>A well-formed command for an action the workflow offers.</summary>
    private static WorkflowCommand FromPermitted(Random random, PermittedAction permitted, Application app)
    {
        string[] items = ["salary", "headcount", "contract"];
        return permitted.Kind switch
        {
            ActionKind.Submit => new WorkflowCommand.Submit("CT-2026-000001"),
            ActionKind.Withdraw => new WorkflowCommand.Withdraw("Plus nécessaire"),
            ActionKind.Edit when permitted.Editable?.Contains("contract") == true => new WorkflowCommand.AttachDocument(new AttachedDocument("contract", "v2.pdf", 1000, "pdf")),
            ActionKind.Edit when permitted.Editable is null || permitted.Editable.Contains("headcount") =>
                new WorkflowCommand.SaveAnswers(app.Answers.With("headcount", random.Next(2) == 0 ? "12" : "80")),
            ActionKind.Edit => new WorkflowCommand.SaveAnswers(app.Answers.With("salary", random.Next(8000, 20000).ToString(System.Globalization.CultureInfo.InvariantCulture))),
            _ => Decide(
                permitted.Step!,
                permitted.Action!.Value,
                comment: "Motif",
                reopen: [items[random.Next(items.Length)]],
                to: permitted.ReturnTargets is { Count: > 0 } targets ? targets[random.Next(targets.Count)] : null,
                fields: permitted.Step == "inspection" ? VisitDate() : null),
        };
    }

    private static WorkflowCommand Command(Random random, Actor actor, Application app)
    {
        if (actor.IsSystem)
            return new WorkflowCommand.LapseDeadline();
        if (actor.Kind == RoleKind.Applicant)
        {
            return random.Next(5) switch
            {
                0 => new WorkflowCommand.SaveAnswers(app.Answers.With("salary", random.Next(8000, 20000).ToString(System.Globalization.CultureInfo.InvariantCulture))),
                1 => new WorkflowCommand.SaveAnswers(app.Answers.With("headcount", random.Next(2) == 0 ? "12" : "80")),
                2 => new WorkflowCommand.AttachDocument(new AttachedDocument("contract", "v" + random.Next(9) + ".pdf", 1000, "pdf")),
                3 => new WorkflowCommand.Withdraw(null),
                _ => new WorkflowCommand.Submit("CT-2026-000001"),
            };
        }
        var step = Definition.Steps[random.Next(Definition.Steps.Count)];
        var action = (StepAction)random.Next(5);
        string[] items = ["salary", "headcount", "contract"];
        return Decide(
            step.Id,
            action,
            comment: "Motif",
            reopen: action == StepAction.RequestChanges ? [items[random.Next(items.Length)]] : null,
            to: action == StepAction.Return && random.Next(2) == 0 ? Definition.Steps[random.Next(Definition.Steps.Count)].Id : null,
            fields: step.Id == "inspection" ? VisitDate() : null);
    }

    /// <summary>The circuit as a reviewer would describe it on paper: what status and step each accepted command leads to.</summary>
    private sealed class Model
    {
        private readonly Dictionary<string, StepAction> _opinions = [];
        private readonly List<string> _ran = [];

        public ApplicationStatus Status { get; private set; } = ApplicationStatus.Draft;
        public string? Step { get; private set; }

        public void Apply(Application app, Actor actor, WorkflowCommand command)
        {
            switch (command)
            {
                case WorkflowCommand.Submit when Status == ApplicationStatus.Draft:
                    Enter("reception");
                    break;
                case WorkflowCommand.Submit:
                    Status = ApplicationStatus.InReview;
                    _opinions.Clear();
                    break;
                case WorkflowCommand.Withdraw:
                    Status = ApplicationStatus.Withdrawn;
                    break;
                case WorkflowCommand.LapseDeadline:
                    Status = ApplicationStatus.Approved;
                    break;
                case WorkflowCommand.Decide decide:
                    Decide(app, actor, decide);
                    break;
                default:
                    break;
            }
        }

        private void Decide(Application app, Actor actor, WorkflowCommand.Decide decide)
        {
            switch (decide.Action)
            {
                case StepAction.RequestChanges:
                    Status = ApplicationStatus.ChangesRequested;
                    return;
                case StepAction.Return:
                    var target = decide.ReturnTo ?? _ran[_ran.IndexOf(Step!) - 1];
                    _ran.RemoveRange(_ran.IndexOf(target), _ran.Count - _ran.IndexOf(target));
                    Enter(target);
                    return;
                case StepAction.Reject when Step != "opinions":
                    Status = ApplicationStatus.Rejected;
                    return;
                default:
                    break;
            }
            if (Step == "opinions")
            {
                _opinions[actor.Role] = decide.Action;
                if (_opinions.Values.Count(a => a == StepAction.Approve) >= 2)
                    Enter("decision");
                else if (_opinions.Values.Count(a => a == StepAction.Reject) >= 2)
                    Status = ApplicationStatus.Rejected;
                return;
            }
            switch (Step)
            {
                case "reception":
                    Enter(decimal.Parse((string)app.Answers["headcount"]!, System.Globalization.CultureInfo.InvariantCulture) >= 50 ? "inspection" : "opinions");
                    break;
                case "inspection":
                    Enter("opinions");
                    break;
                default:
                    Status = ApplicationStatus.Approved;
                    break;
            }
        }

        private void Enter(string step)
        {
            Status = ApplicationStatus.InReview;
            Step = step;
            _opinions.Clear();
            _ran.Add(step);
        }
    }
}
