using Deque.AxeCore.Playwright;
using EmploymentProcedures.Engine.Authoring;
using EmploymentProcedures.Engine.Storage;
using EmploymentProcedures.Host.Localization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace EmploymentProcedures.EndToEnd;

/// <summary>The designer in the browser: an analyst writes, checks, tests and publishes a procedure with no code and no restart.</summary>
[Collection(PortalTests.Name)]
public sealed class DesignerTests(PortalFixture portal)
{
    private const string Password = "une phrase de passe 2026";

    /// <summary>The scaffold with a conditional field added: night hours are asked only when night work is declared.</summary>
    private static string Definition(string id) => Scaffold.For(id).Replace(
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
        await page.WaitForFunctionAsync("() => window.designerEditor && document.querySelector('#yaml-editor .monaco-editor')");
        await page.EvaluateAsync("text => window.designerEditor.replace(text)", text);
    }

    [Fact]
    public async Task Designer_AnalystCreatesFixesTestsAndPublishes_PortalServesItWithNoRestart()
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

        // Fixed: clean, the preview's condition reacts, the scenarios pass.
        await TypeAsync(page, text);
        await Assertions.Expect(page.Locator(".designer__source .status-good")).ToBeVisibleAsync();
        await page.Locator("button", new() { HasText = "Lancer les scénarios" }).ClickAsync();
        await Assertions.Expect(page.Locator(".scenarios li.status-good")).ToHaveCountAsync(2);
        await Assertions.Expect(page.Locator(".scenarios li.status-bad")).ToHaveCountAsync(0);

        await page.SetViewportSizeAsync(1600, 1000);
        await page.EvaluateAsync("() => window.scrollTo(0, 0)");
        await page.ScreenshotAsync(new() { Path = Path.Combine(PortalFixture.RepositoryRoot(), "docs", "designer.png") });

        await page.Locator(".publish-button").ClickAsync();
        await Assertions.Expect(page.Locator(".designer__preview [role=status]")).ToContainTextAsync("Version 1 publiée");

        await using (var scope = portal.App.Services.CreateAsyncScope())
        {
            var draft = await scope.ServiceProvider.GetRequiredService<Drafts>().GetAsync(id);
            Assert.Equal(text, draft!.Yaml);
            Assert.Equal(1, (await scope.ServiceProvider.GetRequiredService<DefinitionStore>().LatestAsync(id))!.Version);
        }

        var applicant = await portal.NewPageAsync(Languages.French);
        await applicant.GotoAsync("/procedures/" + id);
        await Assertions.Expect(applicant.Locator("h1")).ToHaveTextAsync("Titre de la procédure");
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
    [InlineData("/designer/foreign-worker-contract-visa", "fr")]
    [InlineData("/designer/foreign-worker-contract-visa", "ar")]
    public async Task Designer_HasNoSeriousOrCriticalAxeViolation(string path, string language)
    {
        var email = await portal.CreateAccountAsync("analyst", Password, language);
        var page = await portal.NewPageAsync(Languages.Find(language));
        await Pages.SignInAsync(page, email, Password);
        await page.GotoAsync(path);
        await Assertions.Expect(page.Locator("h1")).ToBeVisibleAsync();
        if (path == "/designer")
            await Assertions.Expect(page.Locator("table.designer-list")).ToBeVisibleAsync();
        else
            await page.WaitForFunctionAsync("() => document.querySelector('#yaml-editor .monaco-editor')");
        await Assertions.Expect(page).ToHaveTitleAsync(new System.Text.RegularExpressions.Regex("."));

        var results = await page.RunAxe();

        var serious = results.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.True(serious.Count == 0, string.Join("\n", serious.Select(v =>
            $"{v.Impact} {v.Id}: {v.Help} — {string.Join(" | ", v.Nodes.Take(3).Select(n => n.Html))}")));
    }
}
