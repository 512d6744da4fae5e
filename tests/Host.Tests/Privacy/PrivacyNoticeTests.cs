using System.Net;
using EmploymentProcedures.Host.Tests.MyApplications;

namespace EmploymentProcedures.Host.Tests.Privacy;

/// <summary>
/// Law 09-08's information at collection, as the portal serves it: the general notice <c>/privacy</c> open to anyone and
/// linked from every page, each procedure's own section, and the short notices of the form and of the review.
/// </summary>
[Collection(LivePortalTests.Name)]
public sealed class PrivacyNoticeTests(LivePortal portal)
{
    private static async Task<string> PageAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("fr", "ltr", "Protection des données personnelles", "Droit d'opposition", "Commission nationale de contrôle", "10 ans")]
    [InlineData("ar", "rtl", "حماية المعطيات ذات الطابع الشخصي", "حق التعرض", "اللجنة الوطنية لمراقبة حماية المعطيات", "10 سنوات")]
    [InlineData("en", "ltr", "Personal data protection", "Right to object", "Commission nationale de contrôle", "10 years")]
    public async Task PrivacyPage_Anonymous_SaysTheNoticeInTheLanguageAndItsDirection(string code, string direction, string title, string opposition, string cndp, string tenYears)
    {
        using var client = portal.In(code);

        var html = await PageAsync(client, "/privacy");

        Assert.Contains($"<html lang=\"{code}\" dir=\"{direction}\">", html, StringComparison.Ordinal);
        Assert.Contains($"<h1>{title}</h1>", html, StringComparison.Ordinal);
        Assert.Contains(opposition, html, StringComparison.Ordinal);
        Assert.Contains(cndp, html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"https://www.cndp.ma\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"mailto:donnees-personnelles@emploi.gov.ma\"", html, StringComparison.Ordinal);
        // Every procedure's retention, each linking to its own section.
        var agency = Repository.Catalog.Definitions["temporary-work-agency-authorization"];
        Assert.Contains($"<a href=\"procedures/{agency.Id}#personal-data\">{agency.Title.Get(code)}</a></th>\n          <td>{tenYears}</td>", html, StringComparison.Ordinal);
        // Procedures other tests of this portal published from the designer are served too: each of the repository's is there.
        Assert.All(Repository.Catalog.Definitions.Keys, id => Assert.Contains($"<a href=\"procedures/{id}#personal-data\">", html, StringComparison.Ordinal));
    }

    [Fact]
    public async Task PrivacyPage_ContactAddress_IsTheConfiguredOne()
    {
        await using var configured = await TempPortal.PrepareAsync(listen: true, "--Portal:PrivacyContact=dpo@travail.example.ma");
        using var client = new HttpClient { BaseAddress = configured.BaseAddress };

        var html = await client.GetStringAsync("/privacy");

        Assert.Contains("<a href=\"mailto:dpo@travail.example.ma\" dir=\"ltr\">dpo@travail.example.ma</a>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("donnees-personnelles@emploi.gov.ma", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("fr", "pendant 183 jours est supprimé")]
    [InlineData("ar", "خلال 183 يوما مع الوثائق")]
    [InlineData("en", "changed for 183 days is deleted")]
    public async Task PrivacyPage_DraftRetention_SaysWhenAnUntouchedDraftIsDeleted(string code, string sentence)
    {
        using var client = portal.In(code);

        var html = await PageAsync(client, "/privacy");

        Assert.Contains(sentence, html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PrivacyPage_DraftsKeptForever_SaysNothingOfTheirDeletion()
    {
        await using var configured = await TempPortal.PrepareAsync(listen: true, "--Portal:DraftRetention=00:00:00");
        using var client = new HttpClient { BaseAddress = configured.BaseAddress };

        var html = WebUtility.HtmlDecode(await client.GetStringAsync("/privacy"));

        Assert.Contains("Droit d'opposition", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Un brouillon que vous ne modifiez plus", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/procedures/strike-notice")]
    [InlineData("/account/sign-in")]
    [InlineData("/privacy")]
    public async Task EveryPage_Footer_LinksToThePrivacyPage(string path)
    {
        using var client = portal.In("fr");

        var html = await PageAsync(client, path);

        var footer = html[html.IndexOf("<footer", StringComparison.Ordinal)..];
        Assert.Contains("<a href=\"privacy\">Protection des données personnelles</a>", footer, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("fr", "Vos données personnelles", "10 ans après la clôture du dossier")]
    [InlineData("ar", "معطياتكم الشخصية", "10 سنوات بعد إغلاق الملف")]
    [InlineData("en", "Your personal data", "10 years after the file is closed")]
    public async Task ProcedurePage_PersonalData_SaysThePurposeRecipientsAndRetentionBeforeTheStartButton(string code, string heading, string retention)
    {
        var definition = portal.Filing.Definition;
        using var client = portal.In(code);

        var html = await PageAsync(client, "/procedures/" + definition.Id);

        var section = html.IndexOf($"<h2 id=\"personal-data\">{heading}</h2>", StringComparison.Ordinal);
        Assert.True(section > 0, "no personal-data section");
        Assert.InRange(section, 0, html.IndexOf("<div class=\"start\"", StringComparison.Ordinal));
        Assert.Contains(definition.Privacy!.Purpose!.Get(code), html, StringComparison.Ordinal);
        Assert.Contains(definition.Privacy.Recipients!.Get(code), html, StringComparison.Ordinal);
        Assert.Contains(retention, html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FormPage_FirstPage_SaysWhyTheAnswersAreCollected_ALaterPageDoesNotRepeatIt()
    {
        var (email, owner) = await portal.AccountAsync("employer");
        var draft = await portal.Filing.DraftAsync(owner);
        var first = portal.Filing.Definition.Sections[0].Id;
        using var client = await portal.SignedInAsync(email);

        var firstPage = WebUtility.HtmlDecode(await client.GetStringAsync($"applications/{draft.Id}/form?page={first}"));
        var laterPage = WebUtility.HtmlDecode(await client.GetStringAsync($"applications/{draft.Id}/form?page={portal.Filing.Definition.Sections[1].Id}"));

        var notice = firstPage.IndexOf("<p class=\"privacy-notice\">", StringComparison.Ordinal);
        Assert.InRange(notice, 0, firstPage.IndexOf("data-autosave data-live", StringComparison.Ordinal));
        Assert.Contains("pour instruire cette demande (loi 09-08) et conservées 10 ans après la clôture du dossier.", firstPage, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"procedures/{Filing.Procedure}#personal-data\">Vos données personnelles</a>", firstPage, StringComparison.Ordinal);
        Assert.DoesNotContain("privacy-notice", laterPage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReviewPage_BeforeTheDeclarationOnHonour_NamesWhoReceivesTheAnswers()
    {
        var (email, owner) = await portal.AccountAsync("employer");
        var draft = await portal.Filing.DraftAsync(owner);
        using var client = await portal.SignedInAsync(email);

        var html = WebUtility.HtmlDecode(await client.GetStringAsync($"applications/{draft.Id}/review"));

        var notice = html.IndexOf("<p class=\"privacy-notice\">", StringComparison.Ordinal);
        Assert.InRange(notice, 0, html.IndexOf("id=\"declaration\"", StringComparison.Ordinal));
        Assert.Contains("qui les traite pour l'instruire et les communique à : " + portal.Filing.Definition.Privacy!.Recipients!.Get("fr"), html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"privacy\">Vos droits et comment les exercer</a>", html[notice..], StringComparison.Ordinal);
    }
}
