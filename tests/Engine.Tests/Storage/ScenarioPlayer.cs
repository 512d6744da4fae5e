using EmploymentProcedures.Engine.Definitions;
using EmploymentProcedures.Engine.Storage;
using EmploymentProcedures.Engine.Validation;
using EmploymentProcedures.Engine.Workflow;

namespace EmploymentProcedures.Engine.Tests.Storage;

/// <summary>
/// Plays one scenario of a definition's <c>tests:</c> through the application service on a real store, as the
/// portal's people would: the applicant starts a draft, saves the answers, uploads each document and submits; each
/// action is taken by a reviewer of the step's role (and of the application's province where the step is
/// territorial) who first finds the file in their inbox and is offered the action; a reviewer of another province
/// neither sees nor may act. What comes out is checked as the applicant and the auditor see it: the status, the
/// letters issued in the applicant's language, the notifications, the audit. Fails with an assertion naming the
/// step that went wrong.
/// </summary>
internal sealed partial class ScenarioPlayer(TestStore store, ProcedureDefinition definition, IReadOnlyDictionary<string, RoleDefinition> roles, string language)
{
    private readonly Applications _applications = store.Applications;

    /// <summary>The bytes of each file the applicant uploaded, by document and file name: what a reviewer must get back.</summary>
    private readonly Dictionary<(string Document, string FileName), byte[]> _uploaded = [];

    /// <summary>Whether the file was (re)submitted since a reviewer last opened its documents.</summary>
    private bool _unread;

    /// <summary>Decisions taken so far, by reviewers of the step's role.</summary>
    public int Decisions { get; private set; }

    /// <summary>Reviewers of another province who were shown nothing and refused, so far.</summary>
    public int Strangers { get; private set; }

    /// <summary>Letters issued, opened and read so far.</summary>
    public int Letters { get; private set; }

    public async Task PlayAsync(ScenarioDefinition scenario)
    {
        store.Clock.Set(scenario.Today ?? TestStore.Monday);
        _uploaded.Clear();
        var applicant = Actor.Applicant($"{definition.Id}/{scenario.Name}", "Demandeur " + scenario.Name, definition.Applicant) with { Language = language };
        var app = await SubmitAsync(scenario, applicant);
        // The letters the applicant must receive, each with a text it must print (the reviewer's message or reason).
        var letters = new List<(string Kind, string? Prints)> { ("receipt", null) };

        for (var i = 0; i < scenario.Actions.Count; i++)
        {
            var action = scenario.Actions[i];
            var label = $"action {i + 1} ({action.Step}.{action.Action.Name()})";
            if (app.Status == ApplicationStatus.ChangesRequested)
                app = await CorrectAsync(app, applicant, action.Answers, label);
            else
                Assert.True(action.Answers.Count == 0, $"{label} gives the applicant's answers, but no changes were requested (the file is {app.Status.Name()})");

            app = await DecideAsync(app, action, label);
            if (action.Action == StepAction.RequestChanges)
                letters.Add(("changes_requested", action.Comment));
        }

        Assert.True(scenario.ExpectStatus == app.Status.Name(), $"expected status {scenario.ExpectStatus}, got {app.Status.Name()} (step {app.Step})");
        if (scenario.ExpectStep is { } step)
            Assert.True(step == app.Step, $"expected step {step}, got {app.Step}");
        var read = (await _applications.GetAsync(app.Id, applicant)).Value;
        Assert.True(read is not null && (read.Status, read.Step, read.Version) == (app.Status, app.Step, app.Version), "the applicant does not read back the application as it was left");
        if (app.Status.IsFinal())
            letters.Add((app.Status.Name(), app.Status == ApplicationStatus.Rejected ? scenario.Actions[^1].Comment : null));
        await CheckLettersAsync(app, applicant, [.. letters.Where(l => definition.Outputs.ContainsKey(l.Kind))]);
        await CheckNotificationsAsync(app, applicant);
        var offered = await _applications.PermittedActionsAsync(app.Id, applicant);
        if (app.Status == ApplicationStatus.ChangesRequested)
        {
            var edit = offered.SingleOrDefault(p => p.Kind == ActionKind.Edit);
            Assert.True(edit?.Editable is { } editable && editable.SequenceEqual(app.Reopened), "the applicant is not offered to change exactly the reopened items");
        }
        if (app.Status.IsFinal())
            Assert.True(offered.Count == 0, $"the applicant is still offered {string.Join(", ", offered.Select(p => p.Kind))} once decided");
        var timeline = (await _applications.HistoryAsync(app.Id, applicant)).Value!;
        Assert.True(timeline.All(e => e.Kind != WorkflowEvents.Refused || e.ActorId == applicant.UserId), "the applicant's timeline shows others' refused attempts");
        if (app.Status == ApplicationStatus.InReview)
            await LapseAsync(app, applicant);
    }

    /// <summary>
    /// A file the scenario leaves in review, swept the day after its legal deadline: decided as <c>on_deadline</c> says
    /// (the applicant told), or, with <c>none</c>, still in review and overdue in the inbox of those who must act.
    /// </summary>
    private async Task LapseAsync(Application app, Actor applicant)
    {
        if ((await _applications.MineAsync(applicant)).Single(a => a.Id == app.Id).DueOn is not { } due)
            return;
        var after = due.AddDays(1);
        store.Clock.Set(after);
        await _applications.SweepAsync(after);
        var swept = (await _applications.GetAsync(app.Id, applicant)).Value!;
        var expected = definition.OnDeadline switch
        {
            "approve" => ApplicationStatus.Approved,
            "reject" => ApplicationStatus.Rejected,
            _ => ApplicationStatus.InReview,
        };
        Assert.True(swept.Status == expected, $"swept on {after} (on_deadline: {definition.OnDeadline}), the file is {swept.Status.Name()}, not {expected.Name()}");
        if (expected != ApplicationStatus.InReview)
        {
            await CheckNotificationsAsync(swept, applicant);
            return;
        }
        var step = definition.Steps.First(s => s.Id == swept.Step);
        var reviewer = ReviewerOf(RoleAt(step, swept, null), swept.Province);
        Assert.True(await InboxLineAsync(reviewer, app.Id) is { Urgency: Urgency.Overdue }, $"swept on {after}, the file is not overdue in the inbox of {Who(reviewer)}");
    }

    /// <summary>Starts, fills, attaches and submits: the application in review (or decided, when no step runs).</summary>
    private async Task<Application> SubmitAsync(ScenarioDefinition scenario, Actor applicant)
    {
        var started = await _applications.StartAsync(definition.Id, applicant);
        Assert.True(started.Succeeded, $"starting a draft as {applicant.Role}: {started}");
        var id = started.Application!.Id;
        var saved = await _applications.SaveAnswersAsync(id, applicant, scenario.Answers);
        Assert.True(saved.Succeeded, $"saving the answers: {saved}");
        for (var i = 0; i < scenario.Documents.Count; i++)
            await AttachAsync(id, applicant, scenario.Documents[i], i, "original");

        var submitted = await _applications.SubmitAsync(id, applicant);
        Assert.True(submitted.Succeeded, $"submitting: {Describe(submitted)}");
        var app = submitted.Application!;
        _unread = true;
        var prefix = $"{definition.ReferencePrefix ?? definition.Id}-{store.Clock.Now.Year}-";
        Assert.True(app.Reference?.StartsWith(prefix, StringComparison.Ordinal) == true, $"reference {app.Reference} does not start with {prefix}");
        return app;
    }

    /// <summary>Uploads a file for <paramref name="documentId"/> in one of the formats the definition accepts (each document its own, in turn).</summary>
    private async Task AttachAsync(Guid id, Actor applicant, string documentId, int index, string version)
    {
        var document = definition.Documents.FirstOrDefault(d => d.Id == documentId);
        Assert.True(document is { Formats.Count: > 0 }, $"document {documentId} is not one of the definition's, or accepts no format");
        var format = document.Formats[index % document.Formats.Count];
        var bytes = TestStore.FileOf(format, $"{documentId} {version}");
        var fileName = $"{documentId}-{version}.{format}";
        var attached = await _applications.AttachDocumentAsync(id, applicant, documentId, fileName, new MemoryStream(bytes));
        Assert.True(attached.Succeeded, $"attaching {documentId} as {format}: {attached}");
        _uploaded[(documentId, fileName)] = bytes;
    }

    /// <summary>The applicant lays the scenario's corrections over the answers, uploads the reopened documents again and resubmits.</summary>
    private async Task<Application> CorrectAsync(Application app, Actor applicant, Answers changes, string label)
    {
        if (changes.Count > 0)
        {
            var saved = await _applications.SaveAnswersAsync(app.Id, applicant, ScenarioRunner.DeepMerge(app.Answers, changes));
            Assert.True(saved.Succeeded, $"{label}: the applicant's corrections were not saved: {saved}");
        }
        var reopened = app.Reopened.Where(item => app.Documents.Any(d => d.DocumentId == item)).ToList();
        for (var i = 0; i < reopened.Count; i++)
            await AttachAsync(app.Id, applicant, reopened[i], i, "corrected");
        var resubmitted = await _applications.SubmitAsync(app.Id, applicant);
        Assert.True(resubmitted.Succeeded, $"{label}: resubmitting: {Describe(resubmitted)}");
        _unread = true;
        return resubmitted.Application!;
    }

    private async Task<Application> DecideAsync(Application app, ScenarioAction action, string label)
    {
        var step = definition.Steps.FirstOrDefault(s => s.Id == action.Step);
        Assert.True(step is not null, $"{label}: no step {action.Step}");
        var role = RoleAt(step, app, action.Role);
        var reviewer = ReviewerOf(role, app.Province);

        var line = await InboxLineAsync(reviewer, app.Id);
        Assert.True(line is not null && line.Step == step.Id && line.Role == role,
            $"{label}: not in the inbox of {Who(reviewer)} (status {app.Status.Name()}, step {app.Step})");
        Assert.True(line.Reference == app.Reference && line.Province == (definition.Routing is null ? null : app.Province)
                && (line.DueOn is not null || (step.Deadline ?? definition.Deadline) is null),
            $"{label}: the inbox line says {line.Reference}, province {line.Province}, due {line.DueOn}");
        if (_unread)
            await ReadDocumentsAsync(app, reviewer, label);
        var permitted = await _applications.PermittedActionsAsync(app.Id, reviewer);
        Assert.True(permitted.Any(p => p.Kind == ActionKind.Decide && p.Step == step.Id && p.Action == action.Action
                && (action.To is null || p.ReturnTargets?.Contains(action.To) == true)),
            $"{label}: not offered to {Who(reviewer)}; offered: {string.Join(", ", permitted.Select(p => $"{p.Step}.{p.Action?.Name()}"))}");
        if (Territorial(step, role))
            await CheckStrangerAsync(app, role, action, label);

        var decision = new WorkflowCommand.Decide(action.Step, action.Action, action.Comment, action.Reopen, action.To, action.Fields);
        var decided = await _applications.DecideAsync(app.Id, reviewer, decision);
        Assert.True(decided.Succeeded, $"{label} by {Who(reviewer)}: {Describe(decided)}");
        Decisions++;
        Assert.True(await InboxLineAsync(reviewer, app.Id) is not { } left || left.Step != step.Id, $"{label}: still in the inbox of {Who(reviewer)} once decided");
        if (action.Action == StepAction.RequestChanges)
        {
            var waiting = await _applications.InboxAsync(reviewer, new InboxFilter { Procedures = [definition.Id], Statuses = [ApplicationStatus.ChangesRequested] });
            Assert.True(waiting.Items.Any(i => i.ApplicationId == app.Id), $"{label}: {Who(reviewer)} no longer finds the file waiting for the applicant");
        }
        if (action.Fields.Count > 0)
        {
            var kept = (await _applications.GetAsync(app.Id, reviewer)).Value?.StepFields.GetValueOrDefault(step.Id);
            var lost = action.Fields.Where(f => kept?.ContainsKey(f.Key) != true || Json(kept[f.Key]) != Json(f.Value)).Select(f => f.Key).ToList();
            Assert.True(lost.Count == 0, $"{label}: reviewer fields not kept as recorded: {string.Join(", ", lost)}");
        }
        return decided.Application!;
    }

    /// <summary>A reviewer of the same role in another province: the file is not in their inbox, nothing is offered, the decision is refused, the file and its documents do not open.</summary>
    private async Task CheckStrangerAsync(Application app, string role, ScenarioAction action, string label)
    {
        var elsewhere = app.Province == "rabat" ? "casablanca" : "rabat";
        var stranger = ReviewerOf(role, elsewhere);
        Assert.True(await InboxLineAsync(stranger, app.Id) is null, $"{label}: in the inbox of {Who(stranger)}");
        Assert.True((await _applications.PermittedActionsAsync(app.Id, stranger)).Count == 0, $"{label}: {Who(stranger)} is offered actions");
        var refused = await _applications.DecideAsync(app.Id, stranger, new WorkflowCommand.Decide(action.Step, action.Action, action.Comment, action.Reopen, action.To, action.Fields));
        Assert.True(refused.Refusal?.Code is RefusalCodes.NotYours or RefusalCodes.NotYourTerritory, $"{label}: {Who(stranger)} was not refused: {refused}");
        // A role that also acts on a step that is not territorial (a central decision) may read the file from anywhere.
        if (definition.Steps.Where(s => s.Roles.Contains(role)).All(s => Territorial(s, role)))
        {
            Assert.True((await _applications.GetAsync(app.Id, stranger)).Refusal is not null, $"{label}: {Who(stranger)} may open the file");
            if (app.Documents is [var document, ..])
                Assert.True((await _applications.OpenDocumentAsync(app.Id, stranger, document.DocumentId, document.FileName)).Refusal is not null, $"{label}: {Who(stranger)} may open {document.DocumentId}");
        }
        Strangers++;
    }

    /// <summary>The reviewer opens every file of the application and gets the bytes the applicant uploaded.</summary>
    private async Task ReadDocumentsAsync(Application app, Actor reviewer, string label)
    {
        foreach (var document in app.Documents)
        {
            var opened = await _applications.OpenDocumentAsync(app.Id, reviewer, document.DocumentId, document.FileName);
            Assert.True(opened.Succeeded, $"{label}: {Who(reviewer)} cannot open {document.FileName}: {opened.Refusal}");
            using var content = new MemoryStream();
            await using (opened.Value!)
                await opened.Value!.CopyToAsync(content);
            Assert.True(content.ToArray().SequenceEqual(_uploaded[(document.DocumentId, document.FileName)]), $"{label}: {document.FileName} is not what the applicant uploaded");
        }
        _unread = false;
    }

    /// <summary>The reviewer's inbox line for the application, on whichever page it is (the store holds every procedure's files).</summary>
    private async Task<InboxItem?> InboxLineAsync(Actor reviewer, Guid id)
    {
        for (var page = 0; ; page++)
        {
            var lines = await _applications.InboxAsync(reviewer, page);
            if (lines.FirstOrDefault(item => item.ApplicationId == id) is { } line)
                return line;
            if (lines.Count < Applications.PageSize)
                return null;
        }
    }

    /// <summary>
    /// A reviewer account as the portal makes them: a territorial role (roles.yaml) covers provinces, the application's
    /// own when it has one; a central or external one covers none.
    /// </summary>
    private Actor ReviewerOf(string role, string? province)
    {
        var covers = roles.TryGetValue(role, out var known) && known.Territorial ? [province ?? "casablanca"] : Array.Empty<string>();
        return Actor.Reviewer($"{role}@{string.Join(",", covers)}", "Reviewer " + role, role, covers);
    }

    /// <summary>The role that acts: the one named, else the step's, else the first of a parallel step's that has not given its opinion.</summary>
    private static string RoleAt(StepDefinition step, Application app, string? named) =>
        named ?? step.Role ?? step.Parallel!.Roles.First(r => app.Opinions.All(o => o.Role != r));

    /// <summary>Whether only reviewers of the application's province may act on <paramref name="step"/> as <paramref name="role"/>.</summary>
    private bool Territorial(StepDefinition step, string role) =>
        definition.Routing is not null && (step.Territorial ?? (roles.TryGetValue(role, out var known) && known.Territorial));

    private static string Json(object? value) => Answers.From([new("value", value)]).ToJson();

    private static string Who(Actor reviewer) => $"{reviewer.Role} of [{string.Join(", ", reviewer.Provinces)}]";

    private static string Describe(WorkflowResult result) =>
        result.Validation is { } report
            ? "invalid: " + string.Join("; ", report.Errors.Select(e => $"{e.Path} ({e.Code}: {e.Message.Get("en")})"))
            : result.ToString();
}
