using System.Text;
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
internal sealed class ScenarioPlayer(TestStore store, ProcedureDefinition definition, IReadOnlyDictionary<string, RoleDefinition> roles, string language)
{
    private readonly Applications _applications = store.Applications;

    /// <summary>Decisions taken so far, by reviewers of the step's role.</summary>
    public int Decisions { get; private set; }

    /// <summary>Reviewers of another province who were shown nothing and refused, so far.</summary>
    public int Strangers { get; private set; }

    /// <summary>Letters issued, opened and read so far.</summary>
    public int Letters { get; private set; }

    public async Task PlayAsync(ScenarioDefinition scenario)
    {
        store.Clock.Set(scenario.Today ?? TestStore.Monday);
        var applicant = Actor.Applicant($"{definition.Id}/{scenario.Name}", "Demandeur " + scenario.Name, definition.Applicant) with { Language = language };
        var app = await SubmitAsync(scenario, applicant);
        var requests = 0;

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
                requests++;
        }

        Assert.True(scenario.ExpectStatus == app.Status.Name(), $"expected status {scenario.ExpectStatus}, got {app.Status.Name()} (step {app.Step})");
        if (scenario.ExpectStep is { } step)
            Assert.True(step == app.Step, $"expected step {step}, got {app.Step}");
        await CheckLettersAsync(app, applicant, requests);
        await CheckNotificationsAsync(app, applicant);
        if (app.Status == ApplicationStatus.ChangesRequested)
        {
            var edit = (await _applications.PermittedActionsAsync(app.Id, applicant)).SingleOrDefault(p => p.Kind == ActionKind.Edit);
            Assert.True(edit?.Editable is { } editable && editable.SequenceEqual(app.Reopened), "the applicant is not offered to change exactly the reopened items");
        }
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
        var attached = await _applications.AttachDocumentAsync(id, applicant, documentId, $"{documentId}-{version}.{format}", new MemoryStream(bytes));
        Assert.True(attached.Succeeded, $"attaching {documentId} as {format}: {attached}");
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
        return resubmitted.Application!;
    }

    private async Task<Application> DecideAsync(Application app, ScenarioAction action, string label)
    {
        var step = definition.Steps.FirstOrDefault(s => s.Id == action.Step);
        Assert.True(step is not null, $"{label}: no step {action.Step}");
        var role = action.Role ?? step.Role ?? step.Parallel!.Roles.First(r => app.Opinions.All(o => o.Role != r));
        var reviewer = ReviewerOf(role, app.Province);

        Assert.True((await InboxLineAsync(reviewer, app.Id)) is { } line && line.Step == step.Id && line.Role == role,
            $"{label}: not in the inbox of {Who(reviewer)} (status {app.Status.Name()}, step {app.Step})");
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
        return decided.Application!;
    }

    /// <summary>A reviewer of the same role in another province: the file is not in their inbox, nothing is offered, the decision is refused.</summary>
    private async Task CheckStrangerAsync(Application app, string role, ScenarioAction action, string label)
    {
        var elsewhere = app.Province == "rabat" ? "casablanca" : "rabat";
        var stranger = ReviewerOf(role, elsewhere);
        Assert.True(await InboxLineAsync(stranger, app.Id) is null, $"{label}: in the inbox of {Who(stranger)}");
        Assert.True((await _applications.PermittedActionsAsync(app.Id, stranger)).Count == 0, $"{label}: {Who(stranger)} is offered actions");
        var refused = await _applications.DecideAsync(app.Id, stranger, new WorkflowCommand.Decide(action.Step, action.Action, action.Comment, action.Reopen, action.To, action.Fields));
        Assert.True(refused.Refusal?.Code is RefusalCodes.NotYours or RefusalCodes.NotYourTerritory, $"{label}: {Who(stranger)} was not refused: {refused}");
        Strangers++;
    }

    /// <summary>
    /// The letters issued are those <c>outputs:</c> names for what happened (the receipt, each request for changes, the
    /// decision), each rendered in the applicant's language and printing the reference.
    /// </summary>
    private async Task CheckLettersAsync(Application app, Actor applicant, int requests)
    {
        var expected = new List<string> { "receipt" };
        expected.AddRange(Enumerable.Repeat("changes_requested", requests));
        if (app.Status.IsFinal() && app.Status != ApplicationStatus.Withdrawn)
            expected.Add(app.Status.Name());
        expected.RemoveAll(kind => !definition.Outputs.ContainsKey(kind));

        var issued = await _applications.IssuedAsync(app.Id, applicant);
        Assert.True(issued.Succeeded, $"the letters: {issued.Refusal}");
        var history = (await _applications.HistoryAsync(app.Id, applicant)).Value!;
        var failures = string.Join("; ", history.Where(e => e.Kind == StorageEvents.LetterNotIssued).Select(e => $"{e.Action}: {e.Comment}"));
        Assert.True(expected.SequenceEqual(issued.Value!.Select(l => l.Kind)),
            $"letters issued: [{string.Join(", ", issued.Value!.Select(l => l.Kind))}], expected [{string.Join(", ", expected)}]" + (failures.Length > 0 ? "; not issued: " + failures : ""));

        foreach (var letter in issued.Value!)
        {
            Assert.True(letter.Language == language, $"the {letter.Kind} letter is in {letter.Language}, not in the applicant's {language}");
            var opened = await _applications.OpenIssuedAsync(app.Id, applicant, letter.Id);
            Assert.True(opened.Succeeded, $"opening the {letter.Kind} letter: {opened.Refusal}");
            string html;
            using (var reader = new StreamReader(opened.Value!, Encoding.UTF8))
                html = await reader.ReadToEndAsync();
            Assert.True(html.Contains($"<html lang=\"{language}\"", StringComparison.Ordinal) && html.Contains(app.Reference!, StringComparison.Ordinal),
                $"the {letter.Kind} letter is not a page in {language} printing {app.Reference}");
            Letters++;
        }
    }

    /// <summary>The applicant was told of the submission, and of the decision or the request for changes the file ends on.</summary>
    private async Task CheckNotificationsAsync(Application app, Actor applicant)
    {
        var told = await store.Outbox.ForUserAsync(applicant.UserId);
        Assert.True(told.Any(n => n.ApplicationId == app.Id && n.Kind == WorkflowEvents.Submitted), "the applicant was not told of the submission");
        var last = app.Status switch
        {
            ApplicationStatus.ChangesRequested => WorkflowEvents.ChangesRequested,
            _ when app.Status.IsFinal() => WorkflowEvents.Decided,
            _ => null,
        };
        if (last is not null)
            Assert.True(told.Any(n => n.ApplicationId == app.Id && n.Kind == last && n.Status == app.Status.Name()), $"the applicant was not told: {last} ({app.Status.Name()})");
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

    /// <summary>Whether only reviewers of the application's province may act on <paramref name="step"/> as <paramref name="role"/>.</summary>
    private bool Territorial(StepDefinition step, string role) =>
        definition.Routing is not null && (step.Territorial ?? (roles.TryGetValue(role, out var known) && known.Territorial));

    private static string Who(Actor reviewer) => $"{reviewer.Role} of [{string.Join(", ", reviewer.Provinces)}]";

    private static string Describe(WorkflowResult result) =>
        result.Validation is { } report
            ? "invalid: " + string.Join("; ", report.Errors.Select(e => $"{e.Path} ({e.Code}: {e.Message.Get("en")})"))
            : result.ToString();
}
