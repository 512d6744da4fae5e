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
