using System.Text.RegularExpressions;
using EmploymentProcedures.Designer.Forms;
using EmploymentProcedures.Engine.Authoring;
using EmploymentProcedures.Engine.Definitions;
using EmploymentProcedures.Engine.Storage;
using EmploymentProcedures.Engine.Workflow;
using EmploymentProcedures.Host.Localization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace EmploymentProcedures.EndToEnd;

/// <summary>The designer in the browser: an analyst writes, checks, tests and publishes a procedure with no code and no restart.</summary>
[Collection(PortalTests.Name)]
public sealed class DesignerTests(PortalFixture portal)
{
    private const string Password = "une phrase de passe 2026";

    /// <summary>
    /// The scaffold (two steps: reception by a desk agent, decision by a provincial delegate) with a conditional field
    /// and a conditional document added: night hours and the night schedule are asked only when night work is declared.
    /// </summary>
    private static string Definition(string id) => Scaffold.For(id)
        .Replace(
            "      - id: declaration\n",
            """
                  - id: night_work
                    type: boolean
                    label: { fr: "Travail de nuit", ar: "العمل الليلي", en: "Night work" }
                  - id: night_hours
                    type: number
                    required: true
                    min: 1
                    visible: night_work == true
                    label: { fr: "Heures de nuit par semaine", ar: "ساعات العمل الليلي في الأسبوع", en: "Night hours a week" }
                  - id: declaration

            """,
            StringComparison.Ordinal)
        .Replace(
            "steps:\n",
            """
              - id: night_schedule
                label: { fr: "Planning du travail de nuit", ar: "جدول العمل الليلي", en: "Night work schedule" }
                required: night_work == true
                formats: [pdf]
                max_mb: 5
            steps:

            """,
            StringComparison.Ordinal);

    private async Task<IPage> AnalystAsync(string role = "analyst")
    {
        var email = await portal.CreateAccountAsync(role, Password);
        var page = await portal.NewPageAsync(Languages.French);
        await Pages.SignInAsync(page, email, Password);
        return page;
    }

    private static async Task TypeAsync(IPage page, string text)
    {
        await Assertions.Expect(page.Locator(".yaml-editor[data-ready=true]")).ToBeVisibleAsync();
        await page.WaitForFunctionAsync("() => window.designerEditor && document.querySelector('#yaml-editor .monaco-editor')");
        await page.EvaluateAsync("text => window.designerEditor.replace(text)", text);
    }

    [Fact]
    public async Task Designer_AnalystCreatesFixesTestsAndPublishes_AnEmployerAppliesAndReviewersApproveWithNoRestart()
    {
        var id = "e2e-" + Guid.NewGuid().ToString("N")[..8].Replace('0', 'a');
        var page = await AnalystAsync();

        await page.GotoAsync("/designer/new");
        var create = page.Locator("form.designer-new button[type=submit]");
        await Assertions.Expect(create).ToBeEnabledAsync();
        await page.Locator("#new-id").FillAsync(id);
        await create.ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync(id);

        // A typo in a role: the linter's error appears, in the list and on its line.
        var text = Definition(id);
        var typo = text.Replace("role: desk-agent", "role: desk-agnt", StringComparison.Ordinal);
        await TypeAsync(page, typo);
        var error = page.Locator(".diagnostics li.error button").First;
        await Assertions.Expect(error).ToContainTextAsync("desk-agnt");
        await error.ClickAsync();
        // The list says where ("file(line,col)"); the editor's cursor is now there.
        var where = await error.Locator(".where").TextContentAsync() ?? "";
        var lineAndColumn = where[(where.LastIndexOf('(') + 1)..^1].Split(',').Select(int.Parse).ToArray();
        Assert.True(lineAndColumn[0] > 1);
        Assert.Equal(lineAndColumn, (await page.EvaluateAsync<int[]>("() => { const p = window.designerEditor.position(); return [p.lineNumber, p.column]; }"))!);
        await Assertions.Expect(page.Locator(".publish-button")).ToBeDisabledAsync();
        await Pages.AssertNoSeriousAxeViolationAsync(page);
        await ScreenshotAsync(page);

        // Fixed: clean, the preview's condition reacts, the scenarios pass.
        await TypeAsync(page, text);
        await Assertions.Expect(page.Locator(".designer__source .status-good")).ToBeVisibleAsync();
        await page.Locator("button", new() { HasText = "Lancer les scénarios" }).ClickAsync();
        await Assertions.Expect(page.Locator(".scenarios li.status-good")).ToHaveCountAsync(2);
        await Assertions.Expect(page.Locator(".scenarios li.status-bad")).ToHaveCountAsync(0);

        await page.Locator(".publish-button").ClickAsync();
        await Assertions.Expect(page.Locator(".designer__preview [role=status]")).ToContainTextAsync("Version 1 publiée");

        await using (var scope = portal.App.Services.CreateAsyncScope())
        {
            var draft = await scope.ServiceProvider.GetRequiredService<Drafts>().GetAsync(id);
            Assert.Equal(text, draft!.Yaml);
            Assert.Equal(1, (await scope.ServiceProvider.GetRequiredService<DefinitionStore>().LatestAsync(id))!.Version);
        }

        // Served with no restart: an employer applies on the portal's pages, then each step's reviewer approves.
        PublishedDefinition published;
        await using (var scope = portal.App.Services.CreateAsyncScope())
            published = (await scope.ServiceProvider.GetRequiredService<DefinitionStore>().LatestAsync(id))!;
        var (applicant, applicationId) = await ApplyAsync(published.Definition);
        await ApproveEachStepAsync(published.Definition, applicationId);

        await applicant.GotoAsync($"/applications/{applicationId}");
        await Assertions.Expect(applicant.Locator(".facts .status").First).ToHaveTextAsync("Acceptée");
    }

    /// <summary>
    /// The screenshot of README.md (docs/designer.png), taken when <c>EP_SCREENSHOTS=1</c> (see <see cref="Pages.ScreenshotAsync"/>):
    /// the YAML with the error marked on its line, the list of diagnostics under it and the preview beside it.
    /// </summary>
    private static async Task ScreenshotAsync(IPage page)
    {
        if (Environment.GetEnvironmentVariable("EP_SCREENSHOTS") != "1")
            return;
        await page.SetViewportSizeAsync(1600, 1200);
        await page.Mouse.MoveAsync(1599, 1199);
        await page.EvaluateAsync("() => window.scrollTo(0, document.querySelector('nav.breadcrumb').getBoundingClientRect().top + window.scrollY - 16)");
        await page.ScreenshotAsync(new() { Path = Path.Combine(PortalFixture.RepositoryRoot(), "docs", "designer.png") });
    }

    /// <summary>
    /// A new employer applies to <paramref name="definition"/> on the portal's pages: declaring night work shows the
    /// night hours and asks for the night schedule; review, declaration, receipt. Gives the page and the application's id.
    /// </summary>
    private async Task<(IPage Page, Guid Id)> ApplyAsync(ProcedureDefinition definition)
    {
        var email = await portal.CreateAccountAsync("employer", Password);
        var page = await portal.NewPageAsync(Languages.French);
        await Pages.SignInAsync(page, email, Password);
        await Pages.StartApplicationAsync(page, definition.Id, new Regex(@"/applications/[0-9a-f-]{36}/form\?page=employer$"));
        // The scaffold's first page is the shared employer-identity fragment, filled as on the contract visa.
        var form = new VisaForm(page, definition, "fr");
        await form.WaitForFormAsync();
        await form.FillEmployerAsync();
        await form.NextAsync("request");
        await form.Input("subject").FillAsync("Dérogation au travail de nuit pour l'atelier de confection");
        await Assertions.Expect(form.Input("night_hours")).ToHaveCountAsync(0);
        await page.Locator($"input[name='{FieldIds.For("night_work")}'][value='true']").CheckAsync();
        await form.Input("night_hours").FillAsync("12");
        await form.Input("declaration").CheckAsync();
        await form.NextAsync(FormPage.DocumentsKey);
        foreach (var document in new[] { "supporting_document", "night_schedule" })
        {
            await form.AttachAsync(document, document + ".pdf", VisaForm.Pdf(document));
            await Assertions.Expect(form.Document(document).Locator(".document__name")).ToHaveTextAsync(document + ".pdf");
        }
        await page.Locator(".form-nav button[type=submit]").ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/review$"));
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Heures de nuit par semaine");
        var declare = page.Locator(".declaration[data-live=true]");
        await declare.Locator("#declaration").CheckAsync();
        await declare.Locator("button[type=submit]").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/receipt$"));
        await Assertions.Expect(page.Locator(".receipt")).ToContainTextAsync("Votre demande a bien été déposée.");
        return (page, Guid.Parse(new Uri(page.Url).AbsolutePath.Split('/')[^2]));
    }

    /// <summary>For each step in turn, a reviewer account of the role the step names approves it through the engine.</summary>
    private async Task ApproveEachStepAsync(ProcedureDefinition definition, Guid applicationId)
    {
        var applications = portal.App.Services.GetRequiredService<Applications>();
        Application? application = null;
        foreach (var step in definition.Steps)
        {
            var email = await portal.CreateAccountAsync(step.Role!, Password);
            var account = (await portal.FindAccountAsync(email))!;
            var reviewer = Actor.Reviewer(account.Id, account.DisplayName, account.Role, "casablanca");
            var decided = await applications.DecideAsync(applicationId, reviewer, new WorkflowCommand.Decide(step.Id, StepAction.Approve));
            Assert.True(decided.Succeeded, decided.ToString());
            application = decided.Application;
        }
        Assert.Equal((ApplicationStatus.Approved, 1), (application!.Status, application.DefinitionVersion));
    }

    [Theory]
    [InlineData("employer")]
    [InlineData("desk-agent")]
    public async Task Designer_NonStaff_CannotReachIt(string role)
    {
        var page = await AnalystAsync(role);

        await page.GotoAsync("/designer");

        await Assertions.Expect(page.Locator("h1")).Not.ToHaveTextAsync("Concepteur de procédures");
        Assert.DoesNotContain("/designer", new Uri(page.Url).AbsolutePath, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Designer_Administrator_LooksButCannotPublish()
    {
        var page = await AnalystAsync("administrator");

        await page.GotoAsync("/designer/foreign-worker-contract-visa");

        await Assertions.Expect(page.Locator(".designer__preview .notice").Last).ToContainTextAsync("Seuls les analystes");
        await Assertions.Expect(page.Locator(".publish-button")).ToHaveCountAsync(0);
    }

    [Theory]
    [InlineData("/designer", "fr")]
    [InlineData("/designer", "ar")]
    [InlineData("/designer/new", "fr")]
    [InlineData("/designer/new", "ar")]
    [InlineData("/designer/foreign-worker-contract-visa", "fr")]
    [InlineData("/designer/foreign-worker-contract-visa", "ar")]
    public async Task Designer_HasNoSeriousOrCriticalAxeViolation(string path, string language)
    {
        var email = await portal.CreateAccountAsync("analyst", Password, language);
        var page = await portal.NewPageAsync(Languages.Find(language));
        await Pages.SignInAsync(page, email, Password);
        await page.GotoAsync(path);
        await Assertions.Expect(page.Locator("h1")).ToBeVisibleAsync();
        // Each page is checked once live: the circuit taking over the prerendered page rewrites its head (the title).
        if (path == "/designer")
            await Assertions.Expect(page.Locator("table.designer-list[data-live=true]")).ToBeVisibleAsync();
        else if (path == "/designer/new")
            await Assertions.Expect(page.Locator("form.designer-new button[type=submit]")).ToBeEnabledAsync();
        else
            await page.WaitForFunctionAsync("() => document.querySelector('#yaml-editor .monaco-editor')");
        await Assertions.Expect(page).ToHaveTitleAsync(new Regex("."));

        await Pages.AssertNoSeriousAxeViolationAsync(page);
    }
}
