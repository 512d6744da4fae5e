using EmploymentProcedures.Engine.Storage;
using EmploymentProcedures.Engine.Workflow;
using EmploymentProcedures.Host.Localization;
using EmploymentProcedures.Host.Tests.MyApplications;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace EmploymentProcedures.EndToEnd;

/// <summary>An applicant follows their applications: the list, one application's page and timeline, a request for changes, a withdrawal, the files.</summary>
[Collection(PortalTests.Name)]
public sealed class MyApplicationsTests(PortalFixture portal)
{
    private const string Password = "une phrase de passe 2026";

    private Filing Filing => portal.FilingOf();

    private async Task<(string Email, Actor Actor)> ApplicantAsync(string language = "fr")
    {
        var email = await portal.CreateAccountAsync("employer", Password, language);
        var account = (await portal.FindAccountAsync(email))!;
        return (email, Actor.Applicant(account.Id, account.DisplayName, account.Role));
    }

    [Fact]
    public async Task Applicant_FollowsTheApplication_SeesTheRequestForChanges_AndWithdrawsAnother()
    {
        var (email, applicant) = await ApplicantAsync();
        var followed = await Filing.SubmittedAsync(applicant);
        var withdrawn = await Filing.SubmittedAsync(applicant);
        var page = await portal.NewPageAsync();
        await Pages.SignInAsync(page, email, Password);
        await Pages.WaitForLiveSearchAsync(page);

        await page.Locator(".main-nav a[href='applications']").ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Mes demandes");
        var row = page.Locator("tbody tr", new() { HasText = followed.Reference });
        await Assertions.Expect(row.Locator(".status")).ToHaveTextAsync("En cours d'examen");
        await row.Locator("th a").ClickAsync();
        await Assertions.Expect(page.Locator(".timeline .what").Filter(new() { HasText = $"Demande déposée sous la référence {followed.Reference}." })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".timeline .what").Last).ToContainTextAsync("La demande passe à l'étape « Recevabilité");

        await Filing.RequestChangesAsync(followed, "Joignez la version signée du projet.", "draft_regulations", "article_count");
        await page.ReloadAsync();

        await Assertions.Expect(page.Locator(".changes-request blockquote")).ToHaveTextAsync("Joignez la version signée du projet.");
        await Assertions.Expect(page.Locator(".changes-request li")).ToHaveTextAsync(["Projet de règlement intérieur", "Nombre d'articles"]);
        await Assertions.Expect(page.Locator(".actions a.primary")).ToHaveTextAsync("Répondre à la demande de modifications");
        await Assertions.Expect(page.Locator(".timeline .what").Last).ToContainTextAsync("Des modifications vous sont demandées");

        await page.GotoAsync($"/applications/{withdrawn.Id}");
        await Assertions.Expect(page.Locator(".withdraw")).ToHaveAttributeAsync("data-live", "true");
        await page.Locator(".withdraw button").ClickAsync();
        await Assertions.Expect(page.Locator("#withdraw-confirm-title")).ToBeFocusedAsync();
        await page.Locator("#withdraw-reason").FillAsync("Le projet est abandonné.");
        await page.Locator(".withdraw button[type=submit]").ClickAsync();

        await Assertions.Expect(page.Locator("[role=status]")).ToHaveTextAsync("Votre demande a été retirée.");
        await Assertions.Expect(page.Locator(".facts .status")).ToHaveTextAsync("Retirée");
        await Assertions.Expect(page.Locator(".timeline blockquote").Last).ToHaveTextAsync("Le projet est abandonné.");
        await page.GotoAsync("/applications");
        await Assertions.Expect(page.Locator("tbody tr", new() { HasText = withdrawn.Reference }).Locator(".status")).ToHaveTextAsync("Retirée");
    }

    [Fact]
    public async Task Applicant_DownloadsAnAttachedFile()
    {
        var (email, applicant) = await ApplicantAsync();
        var application = await Filing.SubmittedAsync(applicant);
        var page = await portal.NewPageAsync();
        await Pages.SignInAsync(page, email, Password);
        await page.GotoAsync($"/applications/{application.Id}");
        await Assertions.Expect(page.Locator(".withdraw")).ToHaveAttributeAsync("data-live", "true");

        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator(".files a").First.ClickAsync());

        Assert.Equal(application.Documents[0].FileName, download.SuggestedFilename);
        var saved = await download.PathAsync();
        Assert.Equal(Filing.Pdf(application.Documents[0].DocumentId), await File.ReadAllBytesAsync(saved));
    }

    [Fact]
    public async Task AnotherApplicant_IsRefusedTheApplicationAndItsFiles()
    {
        var (_, owner) = await ApplicantAsync();
        var application = await Filing.SubmittedAsync(owner);
        var (stranger, _) = await ApplicantAsync();
        var page = await portal.NewPageAsync();
        await Pages.SignInAsync(page, stranger, Password);

        var response = await page.GotoAsync($"/applications/{application.Id}");
        Assert.Equal(404, response?.Status);
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Page introuvable");
        await Assertions.Expect(page.Locator("main")).Not.ToContainTextAsync(application.Reference!);

        var file = application.Documents[0];
        var download = await page.Context.APIRequest.GetAsync($"/applications/{application.Id}/files/{file.DocumentId}/{Uri.EscapeDataString(file.FileName)}");
        Assert.Equal(404, download.Status);

        await page.GotoAsync("/applications");
        await Assertions.Expect(page.Locator(".empty-state")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Visitor_IsSentToSignIn_AndBackToTheirApplications()
    {
        var (email, _) = await ApplicantAsync();
        var page = await portal.NewPageAsync();

        await page.GotoAsync("/applications");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Se connecter");
        await page.Locator("#email").FillAsync(email);
        await page.Locator("#password").FillAsync(Password);
        await page.Locator("form button[type=submit].primary").ClickAsync();

        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Mes demandes");
        Assert.EndsWith("/applications", page.Url, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("fr")]
    [InlineData("ar")]
    public async Task Pages_HaveNoSeriousOrCriticalAxeViolation(string language)
    {
        var (email, applicant) = await ApplicantAsync(language);
        var application = await Filing.RequestChangesAsync(await Filing.SubmittedAsync(applicant), "Joignez la version signée.", "draft_regulations");
        await Filing.SubmittedAsync(applicant);
        await Filing.DraftAsync(applicant);
        var page = await portal.NewPageAsync(Languages.Find(language));
        await Pages.SignInAsync(page, email, Password);

        await page.GotoAsync("/applications");
        await Assertions.Expect(page.Locator("tbody tr")).ToHaveCountAsync(3);
        await Pages.AssertNoSeriousAxeViolationAsync(page);

        await page.GotoAsync($"/applications/{application.Id}");
        await Assertions.Expect(page.Locator(".withdraw")).ToHaveAttributeAsync("data-live", "true");
        await page.Locator(".withdraw button").ClickAsync();
        await Assertions.Expect(page.Locator("#withdraw-reason")).ToBeVisibleAsync();
        await Pages.AssertNoSeriousAxeViolationAsync(page);
    }

    [Theory]
    [InlineData("fr", "Données effacées", "Données effacées le ")]
    [InlineData("ar", "معطيات ممحوة", "تم محو المعطيات بتاريخ ")]
    public async Task Applicant_ErasedApplication_ReadsWhenAndWhyItsDataWentWithNoSeriousAxeViolation(string language, string mark, string notice)
    {
        var (email, applicant) = await ApplicantAsync(language);
        var submitted = await Filing.SubmittedAsync(applicant);
        var rejected = await Filing.RejectedAsync(submitted, "Règlement non signé");
        Assert.True(await portal.App.Services.GetRequiredService<Applications>().EraseAsync(rejected.Id, Applications.RetentionEnded));
        var page = await portal.NewPageAsync(Languages.Find(language));
        await Pages.SignInAsync(page, email, Password);

        await page.GotoAsync("/applications");
        await Assertions.Expect(page.Locator("tbody tr", new() { HasText = rejected.Reference }).Locator(".erased")).ToHaveTextAsync(mark);
        await Pages.AssertNoSeriousAxeViolationAsync(page);
        await page.GotoAsync($"/applications/{rejected.Id}");

        await Assertions.Expect(page.Locator(".erased")).ToContainTextAsync(notice);
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("dir", language == "ar" ? "rtl" : "ltr");
        await Assertions.Expect(page.Locator(".timeline .event-erased")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator(".files a")).ToHaveCountAsync(0);
        await Pages.AssertNoSeriousAxeViolationAsync(page);
    }
}
