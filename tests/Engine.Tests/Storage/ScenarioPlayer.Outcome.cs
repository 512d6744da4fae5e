using System.Text;
using EmploymentProcedures.Engine.Storage;
using EmploymentProcedures.Engine.Templates;
using EmploymentProcedures.Engine.Workflow;

namespace EmploymentProcedures.Engine.Tests.Storage;

/// <summary>What the applicant gets at the end of a scenario: the letters and the notifications.</summary>
internal sealed partial class ScenarioPlayer
{
    /// <summary>
    /// The letters issued are those <c>outputs:</c> names for what happened (the receipt, each request for changes, the
    /// decision), each rendered in the applicant's language, printing the procedure's title in it, the reference, the
    /// applicant's name and the reviewer's message or reason.
    /// </summary>
    private async Task CheckLettersAsync(Application app, Actor applicant, IReadOnlyList<(string Kind, string? Prints)> expected)
    {
        var issued = await _applications.IssuedAsync(app.Id, applicant);
        Assert.True(issued.Succeeded, $"the letters: {issued.Refusal}");
        var history = (await _applications.HistoryAsync(app.Id, applicant)).Value!;
        var failures = string.Join("; ", history.Where(e => e.Kind == StorageEvents.LetterNotIssued).Select(e => $"{e.Action}: {e.Comment}"));
        Assert.True(expected.Select(l => l.Kind).SequenceEqual(issued.Value!.Select(l => l.Kind)),
            $"letters issued: [{string.Join(", ", issued.Value!.Select(l => l.Kind))}], expected [{string.Join(", ", expected.Select(l => l.Kind))}]"
            + (failures.Length > 0 ? "; not issued: " + failures : ""));

        var title = HtmlText.Escape(definition.Title.Get(language));
        foreach (var (letter, prints) in issued.Value!.Zip(expected.Select(l => l.Prints)))
        {
            Assert.True(letter.Language == language, $"the {letter.Kind} letter is in {letter.Language}, not in the applicant's {language}");
            var opened = await _applications.OpenIssuedAsync(app.Id, applicant, letter.Id);
            Assert.True(opened.Succeeded, $"opening the {letter.Kind} letter: {opened.Refusal}");
            string html;
            using (var reader = new StreamReader(opened.Value!, Encoding.UTF8))
                html = await reader.ReadToEndAsync();
            var missing = new[] { $"<html lang=\"{language}\"", title, app.Reference!, HtmlText.Escape(app.ApplicantName), prints is null ? "" : HtmlText.Escape(prints) }
                .Where(text => !html.Contains(text, StringComparison.Ordinal)).ToList();
            Assert.True(missing.Count == 0, $"the {letter.Kind} letter does not print: {string.Join(" | ", missing)}");
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
}
