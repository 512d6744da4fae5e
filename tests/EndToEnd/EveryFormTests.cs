using System.Collections.Concurrent;
using System.Diagnostics;
using EmploymentProcedures.Designer.Forms;
using EmploymentProcedures.Engine.Deadlines;
using EmploymentProcedures.Engine.Definitions;
using EmploymentProcedures.Engine.Expressions;
using EmploymentProcedures.Engine.Loading;
using EmploymentProcedures.Engine.Validation;
using EmploymentProcedures.Engine.Workflow;
using EmploymentProcedures.Host.Localization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace EmploymentProcedures.EndToEnd;

/// <summary>
/// Every page of every procedure's form, as its applicants see it in a real browser: each procedure's draft opens
/// as much of the form as its scenarios can (<see cref="RevealingAnswers"/>), "check my application" on the last
/// page shows every error (messages next to the fields and the error summary, kept while going back), a file is
/// attached, and the walk goes back page by page with the form's own "previous", adding a row to each repeating
/// group, then runs axe-core and reads the page's wording (<see cref="PageChecks"/>). Procedures alternate between
/// French and Arabic (both languages walk at once, each in its own signed-in browser context). Every problem is
/// reported with the procedure, the page, the language, the rule and the element, all of them at once.
/// </summary>
[Collection(PortalTests.Name)]
public sealed class EveryFormTests(PortalFixture portal, ITestOutputHelper output)
{
    /// <summary><c>EP_FORMS=strike-notice,night-work-derogation</c> walks only these procedures' forms, each in both languages.</summary>
    private static readonly HashSet<string>? Only =
        Environment.GetEnvironmentVariable("EP_FORMS") is { Length: > 0 } ids ? ids.Split(',').ToHashSet(StringComparer.Ordinal) : null;

    [Fact]
    public async Task EveryPageOfEveryProcedure_InFrenchOrArabic_IsAccessibleAndFullyWorded()
    {
        var definitions = portal.App.Services.GetRequiredService<ProcedureCatalog>().Definitions.Values
            .Where(d => Only is null || Only.Contains(d.Id))
            .OrderBy(d => d.Id, StringComparer.Ordinal).ToList();
        Assert.Equal(Only?.Count ?? 55, definitions.Count);
        Language[] languages = [Languages.French, Languages.Arabic];
        var problems = new ConcurrentQueue<string>();
        var clock = Stopwatch.StartNew();

        var pages = await Task.WhenAll(languages.Select((language, n) =>
            new FormWalk(portal, language, problems.Enqueue).WalkAsync(definitions.Where((_, i) => Only is not null || i % languages.Length == n))));

        output.WriteLine($"{pages.Sum()} pages ({string.Join(", ", languages.Select((l, n) => $"{pages[n]} in {l.Code}"))}) of {definitions.Count} procedures in {clock.Elapsed.TotalSeconds:0.0} s");
        Assert.True(problems.IsEmpty, $"{problems.Count} problems:\n" + string.Join("\n", problems.Order(StringComparer.Ordinal)));
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
            </main></body></html>
            """);

        var problems = (await PageChecks.WordingAsync(page, rightToLeft: true)).Concat(await PageChecks.AxeAsync(page)).ToList();
        var found = problems.Select(p => p.Rule).ToList();

        Assert.All(
            ["placeholder-left", "resource-key", "empty-label", "empty-option", "duplicate-id", "radio-without-legend", "page-not-rtl", "not-arabic"],
            rule => Assert.Contains(rule, found));
        Assert.Equal(2, found.Count(r => r == "resource-key"));
        Assert.Contains(problems, p => p.Rule == "latin-text" && p.Element.Contains("(1,5 Mo)", StringComparison.Ordinal));
        Assert.DoesNotContain(problems, p => p.Rule == "latin-text" && p.Element.Contains("AB123456", StringComparison.Ordinal));
        Assert.Contains(found, r => r.StartsWith("axe label (critical)", StringComparison.Ordinal));
        await page.Context.CloseAsync();
    }
}

/// <summary>One language's walk through the forms: one browser context per applicant kind, signed in once, one draft per procedure.</summary>
internal sealed class FormWalk(PortalFixture portal, Language language, Action<string> report)
{
    private readonly DateOnly _today = MoroccoTime.Today(MoroccoTime.Instance);

    /// <summary>Walks every page of these procedures' forms; returns how many pages were checked.</summary>
    public async Task<int> WalkAsync(IEnumerable<ProcedureDefinition> definitions)
    {
        var walked = 0;
        foreach (var kind in definitions.GroupBy(d => d.Applicant))
        {
            var (page, applicant) = await SignInAsync(kind.Key);
            foreach (var definition in kind)
                walked += await WalkAsync(page, applicant, definition);
            await page.Context.CloseAsync();
        }
        return walked;
    }

    private async Task<(IPage, Actor)> SignInAsync(string kind)
    {
        var email = await portal.CreateAccountAsync(kind, ApplicantDraft.Password, language.Code);
        var account = await portal.FindAccountAsync(email) ?? throw new InvalidOperationException("the account was not created");
        var page = await portal.NewPageAsync(language);
        await Pages.SignInAsync(page, email, ApplicantDraft.Password);
        return (page, Actor.Applicant(account.Id, account.DisplayName, account.Role));
    }

    /// <summary>Opens the procedure's last page, checks the whole application, then goes back to the first page, checking each.</summary>
    private async Task<int> WalkAsync(IPage page, Actor applicant, ProcedureDefinition definition)
    {
        var answers = RevealingAnswers.For(definition, _today);
        var applications = ApplicantDraft.Applications(portal);
        var started = await applications.StartAsync(definition.Id, applicant);
        Assert.True(started.Succeeded, $"{definition.Id}: {started}");
        var saved = await applications.SaveAnswersAsync(started.Application!.Id, applicant, answers);
        Assert.True(saved.Succeeded, $"{definition.Id}: {saved}");

        var last = FormPage.Of(definition, FormState.Evaluate(definition, answers, new EvaluationContext(_today)))[^1].Key;
        await page.GotoAsync($"/applications/{started.Application.Id}/form?page={last}");
        await Assertions.Expect(page.Locator("[data-autosave][data-live=true] .procedure-form")).ToBeVisibleAsync();
        if (last == FormPage.DocumentsKey)
            await AttachOneAsync(page);
        await page.Locator(".form-nav button[type=submit]").ClickAsync();
        await Assertions.Expect(page.Locator(".error-summary")).ToBeVisibleAsync();

        var walked = 0;
        for (var index = await CurrentIndexAsync(page); ; index--)
        {
            await AddRowsAsync(page);
            await CheckAsync(page, definition);
            walked++;
            if (index == 0)
                return walked;
            await page.Locator(".form-nav button.button--secondary").ClickAsync();
            await page.WaitForFunctionAsync($"i => ({CurrentIndex}) === i", index - 1);
        }
    }

    private const string CurrentIndex = "[...document.querySelectorAll('.form-progress__step')].findIndex(s => s.getAttribute('aria-current') === 'step')";

    private static Task<int> CurrentIndexAsync(IPage page) => page.EvaluateAsync<int>("() => " + CurrentIndex);

    /// <summary>Attaches a small PDF to the first document that takes one, so the list of attached files is on the page.</summary>
    private static async Task AttachOneAsync(IPage page)
    {
        var input = page.Locator(".field--document input[type=file][accept*='.pdf']").First;
        if (await input.CountAsync() == 0)
            return;
        // A file chosen while the upload control is still being set up is not sent: it is then chosen again, as a person would.
        for (var attempt = 1; ; attempt++)
        {
            await input.SetInputFilesAsync(new FilePayload { Name = "piece.pdf", MimeType = "application/pdf", Buffer = VisaForm.Pdf() });
            try
            {
                await Assertions.Expect(page.Locator(".document__name").First).ToHaveTextAsync("piece.pdf", new() { Timeout = 7_000 });
                return;
            }
            catch (PlaywrightException) when (attempt < 3)
            {
            }
        }
    }

    /// <summary>Adds a row to every repeating group on the page that has none (then to the groups inside the new rows).</summary>
    private static async Task AddRowsAsync(IPage page)
    {
        for (var depth = 0; depth < 4; depth++)
        {
            var buttons = await page.EvaluateAsync<string[]>("""
                () => [...document.querySelectorAll('fieldset.field--group')]
                  .filter(g => !g.querySelector(':scope > fieldset.group__row'))
                  .map(g => g.querySelector(':scope > button[id]'))
                  .filter(b => b && !b.disabled)
                  .map(b => b.id)
                """);
            if (buttons.Length == 0)
                return;
            foreach (var id in buttons)
            {
                await page.Locator("#" + id).ClickAsync();
                await Assertions.Expect(page.Locator($"fieldset.field--group:has(> #{id}) > fieldset.group__row")).Not.ToHaveCountAsync(0);
            }
        }
    }

    private async Task CheckAsync(IPage page, ProcedureDefinition definition)
    {
        var key = new Uri(page.Url).Query.Split("page=") is [_, var value] ? Uri.UnescapeDataString(value) : "?";
        var where = $"{definition.Id} [{key}] ({language.Code})";
        foreach (var problem in (await PageChecks.AxeAsync(page)).Concat(await PageChecks.WordingAsync(page, language.RightToLeft)))
            report($"{where} {problem.Rule}: {problem.Element}");
    }
}
