using EmploymentProcedures.Designer.Forms;
using EmploymentProcedures.Engine.Deadlines;
using EmploymentProcedures.Engine.Definitions;
using EmploymentProcedures.Engine.Expressions;
using EmploymentProcedures.Engine.Validation;
using EmploymentProcedures.Engine.Workflow;
using EmploymentProcedures.Host.Localization;
using Microsoft.Playwright;

namespace EmploymentProcedures.EndToEnd;

/// <summary>One language's walk through the forms: one browser context per applicant kind, signed in once, one draft per procedure.</summary>
internal sealed class FormWalk(PortalFixture portal, Language language, Action<string> report)
{
    private readonly DateOnly _today = MoroccoTime.Today(MoroccoTime.Instance);

    /// <summary>How many repeating rows the checked pages showed (added by the walk or held by the draft).</summary>
    public int Rows { get; private set; }

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

    /// <summary>
    /// Walks the procedure's form with each of its <see cref="RevealingAnswers.Drafts"/> in turn, each in a draft of
    /// its own with rows that show its repeating groups' conditional fields (<see cref="RevealingAnswers.WithRows"/>),
    /// checking every page not checked yet; reports each section, and each field of a row, none of them showed.
    /// </summary>
    private async Task<int> WalkAsync(IPage page, Actor applicant, ProcedureDefinition definition)
    {
        var walked = new HashSet<string>(StringComparer.Ordinal);
        var drafts = RevealingAnswers.Drafts(definition, _today).Select(a => RevealingAnswers.WithRows(definition, a, _today)).ToList();
        foreach (var answers in drafts)
            await WalkAsync(page, applicant, definition, answers, walked);
        foreach (var section in definition.Sections.Where(s => !walked.Contains(s.Id)))
            report($"{definition.Id} [{section.Id}] ({language.Code}) section-not-reached: no answers found that show it (visible: {section.Visible})");
        foreach (var field in RevealingAnswers.HiddenRowFields(definition, drafts, new EvaluationContext(_today)))
            report($"{definition.Id} [{field}] ({language.Code}) row-field-not-reached: no row found that shows it");
        return walked.Count;
    }

    /// <summary>
    /// Opens the draft's last page, checks the whole application, then goes back towards the first page, checking each
    /// page not in <paramref name="walked"/>, until none is left.
    /// </summary>
    private async Task WalkAsync(IPage page, Actor applicant, ProcedureDefinition definition, Answers answers, HashSet<string> walked)
    {
        var applications = ApplicantDraft.Applications(portal);
        var started = await applications.StartAsync(definition.Id, applicant);
        Assert.True(started.Succeeded, $"{definition.Id}: {started}");
        var saved = await applications.SaveAnswersAsync(started.Application!.Id, applicant, answers);
        Assert.True(saved.Succeeded, $"{definition.Id}: {saved}");

        var context = new EvaluationContext(_today);
        var pages = FormPage.Of(definition, FormState.Evaluate(definition, VisibleAnswers.Prune(definition, answers, context), context)).Select(p => p.Key).ToList();
        if (pages.All(walked.Contains))
            return;
        await page.GotoAsync($"/applications/{started.Application.Id}/form?page={pages[^1]}");
        await Assertions.Expect(page.Locator("[data-autosave][data-live=true] .procedure-form")).ToBeVisibleAsync();
        if (pages[^1] == FormPage.DocumentsKey && !walked.Contains(FormPage.DocumentsKey))
            await AttachOneAsync(page);
        await page.Locator(".form-nav button[type=submit]").ClickAsync();
        await Assertions.Expect(page.Locator(".error-summary")).ToBeVisibleAsync();

        for (var index = await CurrentIndexAsync(page); ; index--)
        {
            var key = pages[index];
            if (walked.Add(key))
            {
                await AddRowsAsync(page);
                await CheckAsync(page, definition, key);
            }
            if (index == 0 || pages.Take(index).All(walked.Contains))
                return;
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
        // Chosen as soon as the page is live, maybe before the upload control is set up: the portal keeps the file until it is.
        await input.SetInputFilesAsync(new FilePayload { Name = "piece.pdf", MimeType = "application/pdf", Buffer = VisaForm.Pdf() });
        await Assertions.Expect(page.Locator(".document__name").First).ToHaveTextAsync("piece.pdf");
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

    private async Task CheckAsync(IPage page, ProcedureDefinition definition, string key)
    {
        var where = $"{definition.Id} [{key}] ({language.Code})";
        Rows += await page.Locator("fieldset.group__row").CountAsync();
        foreach (var problem in (await PageChecks.AxeAsync(page)).Concat(await PageChecks.WordingAsync(page, language.Code)))
            report($"{where} {problem.Rule}: {problem.Element}");
    }
}
