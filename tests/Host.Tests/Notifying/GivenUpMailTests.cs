using System.Net;
using EmploymentProcedures.Engine.Storage;
using EmploymentProcedures.Engine.Workflow;
using EmploymentProcedures.Host.Notifying;
using EmploymentProcedures.Host.Tests.MyApplications;
using EmploymentProcedures.Host.Tests.Staff;
using Microsoft.Extensions.DependencyInjection;

namespace EmploymentProcedures.Host.Tests.Notifying;

/// <summary>
/// <c>/admin/mail</c> over a portal of its own for each test (so that what is set aside is what the test set aside): what an
/// administrator sees of the e-mails given up, "send again" through the real form, then the dispatcher delivering it, who
/// else reaches the page, and its three languages.
/// </summary>
public sealed class GivenUpMailTests : IAsyncLifetime
{
    private const string Page = "/admin/mail";

    private readonly StaffPortal _portal = new();

    public Task InitializeAsync() => _portal.InitializeAsync();

    public Task DisposeAsync() => _portal.DisposeAsync();

    private Outbox Outbox => _portal.Portal.App.Services.GetRequiredService<Outbox>();

    [Fact]
    public async Task Page_Administrator_SeesEachOneWithItsFileWhatToWhomAttemptsErrorAndWhoGotIt()
    {
        var (applicantEmail, applicant) = await _portal.AccountAsync("employer");
        var submitted = await _portal.Filing.SubmittedAsync(applicant);
        var (agentEmail, agent) = await _portal.AccountAsync("desk-agent", submitted.Province!);
        await SetAsideAsync(submitted.Id, "550 5.1.1 <nobody@example.test>: mailbox unavailable\n   at MailKit.Net.Smtp.SmtpClient.Send()", agent.UserId);
        var (adminEmail, _) = await _portal.AccountAsync("administrator");
        using var admin = await _portal.SignedInAsync(adminEmail);

        var page = WebUtility.HtmlDecode(await admin.GetStringAsync(Page));

        Assert.Contains($"<a href=\"cases/{submitted.Id}\" dir=\"auto\">Dossier {submitted.Reference} (Approbation du règlement intérieur)</a>", page, StringComparison.Ordinal);
        Assert.Contains("Mises de côté ces dernières 24 heures : 2 ; ces 7 derniers jours : 2 ; en tout : 2.", page, StringComparison.Ordinal);
        // The applicant's notification names them; the reviewers' one names the role and the province.
        Assert.Contains(applicantEmail, page, StringComparison.Ordinal);
        Assert.Contains("Les agents du rôle « ", page, StringComparison.Ordinal);
        Assert.Contains("550 5.1.1 <nobody@example.test>: mailbox unavailable", page, StringComparison.Ordinal);
        Assert.DoesNotContain("SmtpClient.Send", page, StringComparison.Ordinal);
        // The agent got the reviewers' e-mail before the others were refused.
        Assert.Contains($"({agentEmail})", page, StringComparison.Ordinal);
        Assert.Contains("Renvoyer les notifications affichées (2)", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendAgain_One_TheNextDispatchDeliversItOnlyToWhoHadNotGotIt_AndItIsAudited()
    {
        var (_, applicant) = await _portal.AccountAsync("employer");
        var submitted = await _portal.Filing.SubmittedAsync(applicant);
        var (servedEmail, served) = await _portal.AccountAsync("desk-agent", submitted.Province!);
        var (waitingEmail, _) = await _portal.AccountAsync("desk-agent", submitted.Province!);
        await SetAsideAsync(submitted.Id, "452 4.2.2 mailbox full", served.UserId);
        var (adminEmail, administrator) = await _portal.AccountAsync("administrator");
        using var admin = await _portal.SignedInAsync(adminEmail);
        var toReviewers = (await Outbox.SetAsideAsync()).Single(n => n.Role is not null);
        var page = await admin.GetStringAsync(Page);

        using var response = await StaffPortal.PostFormAsync(admin, Page, page, "given-up-retry", ("one", GivenUpMail.Format(toReviewers.Key)));
        var after = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        await _portal.Portal.App.Services.GetRequiredService<MailDispatcher>().RunAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Notification(s) renvoyée(s) : 1.", after, StringComparison.Ordinal);
        Assert.Contains("en tout : 1.", after, StringComparison.Ordinal);
        var delivered = await _portal.WaitForMailsAsync(waitingEmail);
        Assert.Contains(submitted.Reference!, Assert.Single(delivered).Subject, StringComparison.Ordinal);
        Assert.DoesNotContain(await _portal.MailsToAsync(servedEmail), m => (m.Subject ?? "").Contains(submitted.Reference!, StringComparison.Ordinal));
        Assert.DoesNotContain(await Outbox.SetAsideAsync(), n => n.Id == toReviewers.Id);
        var history = (await _portal.Applications.HistoryAsync(submitted.Id, administrator)).Value!;
        var resent = Assert.Single(history, e => e.Kind == StorageEvents.MailResent);
        Assert.Equal((administrator.UserId, "452 4.2.2 mailbox full"), (resent.ActorId, resent.Comment));
    }

    [Fact]
    public async Task SendAgain_AllShown_ByTwoAdministratorsFromTheSamePage_SendsEachOnce_AndTellsTheSecond()
    {
        var submitted = await SubmittedAndSetAsideAsync();
        var (firstEmail, administrator) = await _portal.AccountAsync("administrator");
        var (secondEmail, _) = await _portal.AccountAsync("administrator");
        using var first = await _portal.SignedInAsync(firstEmail);
        using var second = await _portal.SignedInAsync(secondEmail);
        var firstPage = await first.GetStringAsync(Page);
        var secondPage = await second.GetStringAsync(Page);
        var shown = (await Outbox.SetAsideAsync()).Select(n => ("shown", GivenUpMail.Format(n.Key))).ToArray();

        using var done = await StaffPortal.PostFormAsync(first, Page, firstPage, "given-up-retry", [("all", "1"), .. shown]);
        using var late = await StaffPortal.PostFormAsync(second, Page, secondPage, "given-up-retry", [("all", "1"), .. shown]);

        Assert.Contains("Notification(s) renvoyée(s) : 2.", WebUtility.HtmlDecode(await done.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        var told = WebUtility.HtmlDecode(await late.Content.ReadAsStringAsync());
        Assert.Contains("Notification(s) qui n'étai(en)t plus mise(s) de côté : 2.", told, StringComparison.Ordinal);
        Assert.Contains("Tous les courriels ont été remis", told, StringComparison.Ordinal);
        var history = (await _portal.Applications.HistoryAsync(submitted.Id, administrator)).Value!;
        Assert.Equal(2, history.Count(e => e.Kind == StorageEvents.MailResent));
    }

    [Theory]
    [InlineData("fr", "<html lang=\"fr\" dir=\"ltr\">", "Tous les courriels ont été remis : aucune notification n'est mise de côté.", "Courriels non remis")]
    [InlineData("ar", "<html lang=\"ar\" dir=\"rtl\">", "سُلِّمت جميع الرسائل الإلكترونية: لا يوجد أي إشعار موضوع جانبا.", "الرسائل الإلكترونية غير المسلَّمة")]
    [InlineData("en", "<html lang=\"en\" dir=\"ltr\">", "All e-mails were delivered: no notification is set aside.", "Undelivered e-mails")]
    public async Task Page_NothingSetAside_SaysAllWereDelivered_InThePagesLanguage(string language, string html, string empty, string title)
    {
        var (adminEmail, _) = await _portal.AccountAsync("administrator");
        using var admin = await _portal.SignedInAsync(adminEmail);
        await ChooseLanguageAsync(admin, language);

        var page = WebUtility.HtmlDecode(await admin.GetStringAsync(Page));

        Assert.Contains(html, page, StringComparison.Ordinal);
        Assert.Contains(empty, page, StringComparison.Ordinal);
        Assert.Contains($"<h1>{title}</h1>", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<table", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Page_ListedInArabic_IsInArabicRightToLeft()
    {
        var submitted = await SubmittedAndSetAsideAsync();
        var (adminEmail, _) = await _portal.AccountAsync("administrator");
        using var admin = await _portal.SignedInAsync(adminEmail);
        await ChooseLanguageAsync(admin, "ar");

        var page = WebUtility.HtmlDecode(await admin.GetStringAsync(Page));

        Assert.Contains("<html lang=\"ar\" dir=\"rtl\">", page, StringComparison.Ordinal);
        Assert.Contains($"الملف {submitted.Reference} ({_portal.Filing.Definition.Title.Get("ar")})", page, StringComparison.Ordinal);
        Assert.Contains("أعوان الدور «", page, StringComparison.Ordinal);
        Assert.Contains(">إعادة الإرسال</button>", page, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0", true)]
    [InlineData("-1", true)]
    [InlineData("abc", true)]
    [InlineData("2", false)]
    [InlineData("2147483647", false)]
    [InlineData("99999999999", true)]
    public async Task Page_OddPageNumber_IsTheFirstPageOrAnEmptyOneWithTheWayBack(string number, bool first)
    {
        var submitted = await SubmittedAndSetAsideAsync();
        var (adminEmail, _) = await _portal.AccountAsync("administrator");
        using var admin = await _portal.SignedInAsync(adminEmail);

        using var response = await admin.GetAsync($"{Page}?page={number}");
        var page = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(first, page.Contains(submitted.Reference!, StringComparison.Ordinal));
        Assert.Equal(!first, page.Contains("Cette page ne contient plus de notification.", StringComparison.Ordinal));
        Assert.DoesNotContain("rel=\"next\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Page_Anonymous_IsSentToSignIn()
    {
        using var client = _portal.Anonymous();

        using var response = await client.GetAsync(Page);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/account/sign-in", response.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Page_AnyoneButAnAdministrator_GetsNotFoundAndNoLink_AndTheirPostChangesNothing()
    {
        var submitted = await SubmittedAndSetAsideAsync();
        var key = GivenUpMail.Format((await Outbox.SetAsideAsync())[0].Key);
        var (adminEmail, _) = await _portal.AccountAsync("administrator");
        using var admin = await _portal.SignedInAsync(adminEmail);
        Assert.Contains("href=\"admin/mail\"", await admin.GetStringAsync("/"), StringComparison.Ordinal);

        foreach (var (role, provinces) in new[] { ("employer", Array.Empty<string>()), ("desk-agent", [submitted.Province!]), ("labour-directorate", []), ("analyst", []) })
        {
            var (email, _) = await _portal.AccountAsync(role, provinces);
            using var client = await _portal.SignedInAsync(email);
            using var response = await client.GetAsync(Page);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.DoesNotContain(submitted.Reference!, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            Assert.DoesNotContain("href=\"admin/mail\"", await client.GetStringAsync("/"), StringComparison.Ordinal);
            // Their own page's token is valid for their session; the page renders no form for them to post to.
            using var post = await StaffPortal.PostFormAsync(client, Page, await client.GetStringAsync("/account"), "given-up-retry", ("one", key));
            Assert.Contains(post.StatusCode, new[] { HttpStatusCode.BadRequest, HttpStatusCode.NotFound });
        }
        Assert.Equal(2, (await Outbox.SetAsideAsync()).Count);
    }

    /// <summary>An application submitted by a new applicant, its notifications all set aside.</summary>
    private async Task<Application> SubmittedAndSetAsideAsync()
    {
        var (_, applicant) = await _portal.AccountAsync("employer");
        var submitted = await _portal.Filing.SubmittedAsync(applicant);
        await SetAsideAsync(submitted.Id, "550 refused");
        return submitted;
    }

    /// <summary>Sets aside every notification of the application, as the dispatcher does after its last attempt, with the e-mails some people accepted.</summary>
    private async Task SetAsideAsync(Guid applicationId, string error, params string[] deliveredTo)
    {
        var now = DateTime.UtcNow;
        var claimed = await Outbox.ClaimAsync("test", now, 1000, TimeSpan.FromMinutes(10));
        foreach (var notification in claimed.Where(n => n.Item.ApplicationId == applicationId))
        {
            var delivered = notification.Role is null ? [] : deliveredTo.Select(id => new Delivery(notification.Item.Id, id, now)).ToList();
            await Outbox.FailedAsync(notification.Item.Id, "test", error, now, retryAt: null, delivered);
        }
        await Outbox.ReleaseAsync("test");
    }

    /// <summary>Chooses the page's language as the language switcher does.</summary>
    internal static async Task ChooseLanguageAsync(HttpClient client, string language)
    {
        var token = LivePortal.Hidden(await client.GetStringAsync("/account"), "__RequestVerificationToken");
        using var response = await client.PostAsync("/language", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["language"] = language,
            ["returnUrl"] = "/",
        }));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }
}
