using System.Text.RegularExpressions;
using EmploymentProcedures.Designer.Forms;
using EmploymentProcedures.Engine.Authoring;
using EmploymentProcedures.Engine.Loading;
using EmploymentProcedures.Engine.Storage;
using EmploymentProcedures.Engine.Workflow;
using EmploymentProcedures.Host.Catalog;
using EmploymentProcedures.Host.Localization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace EmploymentProcedures.EndToEnd;

/// <summary>An applicant's draft when the ministry publishes a new version: the form says what changed, and it is filed under the new version.</summary>
[Collection(PortalTests.Name)]
public sealed class DraftMoveTests(PortalFixture portal)
{
    private const string Password = "une phrase de passe 2026";

    [Fact]
    public async Task Draft_NewVersionAddsARequiredField_ApplicantSeesTheNoticeFillsItAndSubmitsOnTheNewVersion()
    {
        var id = "e2e-" + Guid.NewGuid().ToString("N")[..8].Replace('0', 'a');
        var version1 = Scaffold.For(id);
        await PublishAsync(id, version1);
        var email = await portal.CreateAccountAsync("employer", Password);
        var page = await portal.NewPageAsync(Languages.French);
        await Pages.SignInAsync(page, email, Password);
        await Pages.StartApplicationAsync(page, id, new Regex(@"/applications/[0-9a-f-]{36}/form\?page=employer$"));
        var form = new VisaForm(page, (await LatestAsync(id)).Definition, "fr");
        await form.WaitForFormAsync();
        await form.FillEmployerAsync();
        await form.NextAsync("request");
        await form.Input("subject").FillAsync("Dérogation au repos hebdomadaire pour l'inventaire annuel");
        await form.Input("declaration").CheckAsync();
        await form.NextAsync(FormPage.DocumentsKey);
        var applicationId = Guid.Parse(new Uri(page.Url).AbsolutePath.Split('/')[^2]);

        // The law changed: a work permit number is now required on the request page.
        await PublishAsync(id, version1.Replace(
            "      - id: declaration\n",
            "      - id: permit_number\n        type: text\n        required: true\n        max_length: 30\n        label: { fr: \"N° d'autorisation\", ar: \"رقم الترخيص\", en: \"Authorisation number\" }\n      - id: declaration\n",
            StringComparison.Ordinal));
        await page.GotoAsync($"/applications/{applicationId}/form?page=documents");

        var notice = page.Locator(".draft-moved");
        await Assertions.Expect(notice).ToContainTextAsync("Ce formulaire a été mis à jour le");
        await Assertions.Expect(notice).ToContainTextAsync("Vos réponses ont été reprises");
        await Pages.AssertNoSeriousAxeViolationAsync(page);
        await notice.Locator("a", new() { HasText = "N° d'autorisation" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("page=request$"));
        form = new VisaForm(page, (await LatestAsync(id)).Definition, "fr");
        await form.WaitForFormAsync();
        // What was typed on version 1 was kept.
        await Assertions.Expect(form.Input("subject")).ToHaveValueAsync("Dérogation au repos hebdomadaire pour l'inventaire annuel");
        await form.Input("permit_number").FillAsync("AUT-2026-118");
        await form.NextAsync(FormPage.DocumentsKey);
        await form.AttachAsync("supporting_document", "justificatif.pdf", VisaForm.Pdf("justificatif"));
        await Assertions.Expect(form.Document("supporting_document").Locator(".document__name")).ToHaveTextAsync("justificatif.pdf");
        await page.Locator(".form-nav button[type=submit]").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/review$"));
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("AUT-2026-118");
        var declare = page.Locator(".declaration[data-live=true]");
        await declare.Locator("#declaration").CheckAsync();
        await declare.Locator("button[type=submit]").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/receipt$"));

        var account = (await portal.FindAccountAsync(email))!;
        var filed = (await portal.App.Services.GetRequiredService<Applications>().GetAsync(applicationId, Actor.Applicant(account.Id, account.DisplayName))).Value!;
        Assert.Equal((2, ApplicationStatus.InReview), (filed.DefinitionVersion, filed.Status));
        Assert.Equal("AUT-2026-118", filed.Answers["permit_number"]);
        await page.GotoAsync($"/applications/{applicationId}/form");
        await Assertions.Expect(page.Locator(".draft-moved")).ToHaveCountAsync(0);
    }

    private async Task<PublishedDefinition> LatestAsync(string id)
    {
        await using var scope = portal.App.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<DefinitionStore>().LatestAsync(id))!;
    }

    private async Task PublishAsync(string id, string yaml)
    {
        await using var scope = portal.App.Services.CreateAsyncScope();
        var definitions = scope.ServiceProvider.GetRequiredService<DefinitionStore>();
        var loaded = new ProcedureLoader(definitions.Library).LoadText(yaml, id + ".yaml");
        Assert.False(loaded.HasErrors, string.Join(Environment.NewLine, loaded.Diagnostics.Where(d => d.IsError)));
        var published = await definitions.PublishAsync(loaded.Definition!, yaml);
        Assert.True(published.Created);
        // As the designer's "publish" does: served by this instance at once.
        scope.ServiceProvider.GetRequiredService<PublishedCatalog>().Serve((published.Definition, published.Version));
    }
}
