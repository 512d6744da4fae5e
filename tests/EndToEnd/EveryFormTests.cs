using System.Collections.Concurrent;
using System.Diagnostics;
using EmploymentProcedures.Engine.Deadlines;
using EmploymentProcedures.Engine.Definitions;
using EmploymentProcedures.Engine.Expressions;
using EmploymentProcedures.Engine.Loading;
using EmploymentProcedures.Host.Localization;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace EmploymentProcedures.EndToEnd;

/// <summary>
/// Every page of every procedure's form, as its applicants see it in a real browser: each procedure's first draft opens
/// as much of the form as its scenarios can (<see cref="RevealingAnswers"/>), "check my application" on the last
/// page shows every error (messages next to the fields and the error summary, kept while going back), a file is
/// attached, and the walk goes back page by page with the form's own "previous", adding a row to each repeating
/// group, then runs axe-core and reads the page's wording (<see cref="PageChecks"/>). A section those answers hide is
/// opened by other answers found from its condition (<see cref="RevealingAnswers.Drafts"/>), in a draft of its own, and
/// its pages are walked the same way; a section still not reached is a problem. Procedures take French, Arabic and
/// English in turn (the three languages walk at once, each in its own signed-in browser context). Every problem is
/// reported with the procedure, the page, the language, the rule and the element, all of them at once.
/// </summary>
[Collection(PortalTests.Name)]
public sealed class EveryFormTests(PortalFixture portal, ITestOutputHelper output)
{
    /// <summary><c>EP_FORMS=strike-notice,night-work-derogation</c> walks only these procedures' forms, each in the three languages.</summary>
    private static readonly HashSet<string>? Only =
        Environment.GetEnvironmentVariable("EP_FORMS") is { Length: > 0 } ids ? ids.Split(',').ToHashSet(StringComparer.Ordinal) : null;

    [Fact]
    public async Task EveryPageOfEveryProcedure_InFrenchArabicOrEnglish_IsReachedAccessibleAndFullyWorded()
    {
        var definitions = portal.App.Services.GetRequiredService<ProcedureCatalog>().Definitions.Values
            .Where(d => Only is null || Only.Contains(d.Id))
            .OrderBy(d => d.Id, StringComparer.Ordinal).ToList();
        Assert.Equal(Only?.Count ?? 55, definitions.Count);
        Language[] languages = [Languages.French, Languages.Arabic, Languages.English];
        var problems = new ConcurrentQueue<string>();
        var clock = Stopwatch.StartNew();

        var walks = languages.Select(language => new FormWalk(portal, language, problems.Enqueue)).ToList();
        var pages = await Task.WhenAll(walks.Select((walk, n) => walk.WalkAsync(definitions.Where((_, i) => Only is not null || i % languages.Length == n))));

        output.WriteLine($"{pages.Sum()} pages ({string.Join(", ", languages.Select((l, n) => $"{pages[n]} in {l.Code}"))}) with {walks.Sum(w => w.Rows)} repeating rows, of {definitions.Count} procedures in {clock.Elapsed.TotalSeconds:0.0} s");
        Assert.True(problems.IsEmpty, $"{problems.Count} problems:\n" + string.Join("\n", problems.Order(StringComparer.Ordinal)));
    }

    [Fact]
    public void RevealingAnswers_OfEveryProcedure_ShowEverySectionOfItsForm()
    {
        var today = MoroccoTime.Today(MoroccoTime.Instance);
        var context = new EvaluationContext(today);
        var hidden = portal.App.Services.GetRequiredService<ProcedureCatalog>().Definitions.Values
            .OrderBy(d => d.Id, StringComparer.Ordinal)
            .SelectMany(d =>
            {
                var drafts = RevealingAnswers.Drafts(d, today);
                var shown = drafts.SelectMany(a => RevealingAnswers.Sections(d, a, context)).ToHashSet(StringComparer.Ordinal);
                return d.Sections.Where(s => !shown.Contains(s.Id)).Select(s => $"{d.Id}: section '{s.Id}' (visible: {s.Visible})");
            })
            .ToList();

        Assert.True(hidden.Count == 0, $"{hidden.Count} sections no answers were found to show:\n" + string.Join("\n", hidden));
    }

    [Fact]
    public void RevealingAnswers_OfEveryProcedure_ShowEveryConditionalFieldOfItsRepeatingRows()
    {
        var today = MoroccoTime.Today(MoroccoTime.Instance);
        var definitions = portal.App.Services.GetRequiredService<ProcedureCatalog>().Definitions.Values.OrderBy(d => d.Id, StringComparer.Ordinal).ToList();

        var hidden = definitions
            .SelectMany(d => RevealingAnswers.HiddenRowFields(d, RevealingAnswers.Drafts(d, today).Select(a => RevealingAnswers.WithRows(d, a, today)).ToList(),
                new EvaluationContext(today)).Select(f => $"{d.Id}: {f}"))
            .ToList();

        var conditional = definitions.Sum(d => d.AllFields().Count(f => f.Type == FieldType.Group && f.Fields.Any(c => c.Visible is not null)));
        Assert.True(conditional > 0, "no repeating group has a field with a condition: this test checks nothing");
        Assert.True(hidden.Count == 0, $"{hidden.Count} fields of repeating rows no row was found to show:\n" + string.Join("\n", hidden));
    }

    [Fact]
    public async Task PageChecks_OnAPageWithEveryMistake_ReportEachOne()
    {
        var page = await portal.NewPageAsync();
        await page.SetContentAsync("""
            <html dir="ltr"><body><main>
              <label for="a">Raison sociale</label><input id="a">
              <label for="b"></label><input id="b">
              <p>Étape {0} sur 4</p><p>Form.NextStep</p><p>group.add_row</p>
              <select id="c" aria-label="Province"><option value="x"></option></select>
              <div id="a"></div>
              <input type="radio" name="r" aria-label="Oui">
              <p>(1,5 Mo)</p><p dir="ltr">AB123456 abc</p>
              <ul><li><a href="#a">Je déclare que c'est exact. : Vous devez cocher cette déclaration.</a></li></ul>
              <p>piece.pdf <span>(0 ميغابايت)</span></p>
              <label for="d">Code d'emploi<span>(facultatif)</span></label><input id="d">
              <label for="e">Fichier(s) joint(s) <span>(facultatif)</span></label><input id="e">
            </main></body></html>
            """);

        var problems = (await PageChecks.WordingAsync(page, "ar")).Concat(await PageChecks.AxeAsync(page)).ToList();
        var found = problems.Select(p => p.Rule).ToList();

        Assert.All(
            ["placeholder-left", "resource-key", "empty-label", "empty-option", "duplicate-id", "radio-without-legend", "page-not-rtl", "not-arabic", "page-not-in-language", "stop-then-colon", "zero-size", "glued-bracket"],
            rule => Assert.Contains(rule, found));
        Assert.Equal(2, found.Count(r => r == "resource-key"));
        Assert.Single(problems, p => p.Rule == "glued-bracket");
        Assert.Contains(problems, p => p.Rule == "latin-text" && p.Element.Contains("(1,5 Mo)", StringComparison.Ordinal));
        Assert.DoesNotContain(problems, p => p.Rule == "latin-text" && p.Element.Contains("AB123456", StringComparison.Ordinal));
        Assert.Contains(found, r => r.StartsWith("axe label (critical)", StringComparison.Ordinal));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task PageChecks_OnAnEnglishPageShowingFrench_ReportEachFrenchText()
    {
        var page = await portal.NewPageAsync();
        await page.SetContentAsync("""
            <html lang="en" dir="ltr"><body><main>
              <label for="a">Date de début</label><input id="a">
              <label for="b">Start date</label><input id="b">
              <p>Attach the employer's certificate (PDF, at most 5 MB).</p>
              <p>Joindre l'attestation</p>
              <select id="c" aria-label="Country"><option value="CI">Côte d'Ivoire</option></select>
              <p class="document__name" dir="auto">relevé.pdf</p>
            </main></body></html>
            """);

        var problems = await PageChecks.WordingAsync(page, "en");
        var flagged = problems.Where(p => p.Rule == "not-english").Select(p => p.Element).ToList();

        Assert.Equal(2, flagged.Count);
        Assert.DoesNotContain(problems, p => p.Rule == "page-not-in-language");
        Assert.Contains(flagged, e => e.Contains("Date de début", StringComparison.Ordinal));
        Assert.Contains(flagged, e => e.Contains("Joindre l'attestation", StringComparison.Ordinal));
        await page.Context.CloseAsync();
    }
}
