using System.IO.Compression;
using System.Net;
using System.Text.Json;
using EmploymentProcedures.Engine.Deadlines;
using EmploymentProcedures.Host.Accounts;
using EmploymentProcedures.Host.Localization;
using EmploymentProcedures.Host.Tests.MyApplications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EmploymentProcedures.Host.Tests.Accounts;

/// <summary>
/// When each account last signed in: recorded by a sign-in and by nothing else, shown to its owner (the sign-in before their
/// session's, to notice one that was not theirs), to administrators on <c>/staff</c>, and in the person's data download.
/// </summary>
[Collection(LivePortalTests.Name)]
public sealed class LastSignInTests(LivePortal portal)
{
    private async Task<Account> AccountOfAsync(string email) => (await portal.FindAccountAsync(email))!;

    /// <summary>"le 30 novembre 2026 à 09:14", as the pages write <paramref name="at"/> in French.</summary>
    private static string French(DateTime at)
    {
        var local = MoroccoTime.Local(MoroccoTime.Instance, DateTime.SpecifyKind(at, DateTimeKind.Utc));
        var french = Languages.Default.Culture;
        return $"le {local.ToString("D", french)} à {local.ToString("t", french)}";
    }

    private static string Text(string html) => WebUtility.HtmlDecode(html);

    [Fact]
    public async Task SignIn_Successful_RecordsItsTime_AndTheNextOneKeepsItAsThePrevious()
    {
        var (email, _) = await portal.AccountAsync("employer");
        Assert.Null((await AccountOfAsync(email)).LastSignInAt);
        var before = DateTime.UtcNow;

        using var first = await portal.SignedInAsync(email);
        var once = await AccountOfAsync(email);
        using var second = await portal.SignedInAsync(email);
        var twice = await AccountOfAsync(email);

        Assert.InRange(SignIns.Utc(once.LastSignInAt)!.Value, before, DateTime.UtcNow);
        Assert.Null(once.PreviousSignInAt);
        Assert.Equal(once.LastSignInAt, twice.PreviousSignInAt);
        Assert.True(twice.LastSignInAt > once.LastSignInAt);
    }

    [Fact]
    public async Task SignIn_WrongPassword_RecordsNothing()
    {
        var (email, _) = await portal.AccountAsync("employer");
        using var client = portal.Anonymous();

        using var refused = await LivePortal.PostSignInAsync(client, email, "Pas-le-bon-mot-2026");

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var account = await AccountOfAsync(email);
        Assert.Equal(1, account.AccessFailedCount);
        Assert.Null(account.LastSignInAt);
        Assert.Null(account.PreviousSignInAt);
    }

    [Fact]
    public async Task SessionRenewed_ChoosingALanguage_IsNoSignIn()
    {
        var (email, _) = await portal.AccountAsync("employer");
        using var client = await portal.SignedInAsync(email);
        var signedIn = (await AccountOfAsync(email)).LastSignInAt;

        var token = LivePortal.Hidden(await client.GetStringAsync("/"), "__RequestVerificationToken");
        using (var chosen = await client.PostAsync("/language", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["language"] = "en",
            ["returnUrl"] = "/",
        })))
        {
            Assert.Equal(HttpStatusCode.Redirect, chosen.StatusCode);
        }

        var account = await AccountOfAsync(email);
        Assert.Equal("en", account.PreferredLanguage);
        Assert.Equal(signedIn, account.LastSignInAt);
        Assert.Null(account.PreviousSignInAt);
        // The renewed session is still the one that signed in: its page shows no sign-in before it.
        Assert.Contains("Last sign-in: no sign-in recorded.", Text(await client.GetStringAsync("/account")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AccountPage_ShowsTheSignInBeforeThisSession_AndToAnOlderSessionTheLaterOneMadeElsewhere()
    {
        var (email, _) = await portal.AccountAsync("employer");
        using var first = await portal.SignedInAsync(email);
        var firstPage = Text(await first.GetStringAsync("/account"));
        var firstAt = (await AccountOfAsync(email)).LastSignInAt!.Value;
        using var second = await portal.SignedInAsync(email);
        var secondAt = (await AccountOfAsync(email)).LastSignInAt!.Value;

        var secondPage = Text(await second.GetStringAsync("/account"));
        var firstPageAfter = Text(await first.GetStringAsync("/account"));

        Assert.Contains("Dernière connexion : aucune connexion enregistrée.", firstPage, StringComparison.Ordinal);
        Assert.DoesNotContain("changez votre mot de passe", firstPage, StringComparison.Ordinal);
        Assert.Contains($"Dernière connexion : {French(firstAt)}. Si ce n'était pas vous, changez votre mot de passe", secondPage, StringComparison.Ordinal);
        Assert.Contains($"Dernière connexion : {French(secondAt)}.", firstPageAfter, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AccountPage_InArabic_SaysTheLastSignInRightToLeftInArabic()
    {
        var (email, _) = await portal.AccountAsync("employer");
        using (await portal.SignedInAsync(email))
        {
        }
        await using (var scope = portal.Portal.App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AccountsDb>();
            await db.Users.Where(a => a.Email == email).ExecuteUpdateAsync(set => set.SetProperty(a => a.PreferredLanguage, "ar"));
        }
        using var client = await portal.SignedInAsync(email);

        var page = Text(await client.GetStringAsync("/account"));

        Assert.Contains("<html lang=\"ar\" dir=\"rtl\">", page, StringComparison.Ordinal);
        Assert.Contains("آخر تسجيل دخول: يوم ", page, StringComparison.Ordinal);
        Assert.Contains("فغيروا كلمة المرور", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StaffPages_ShowAnAgentsLastSignIn_AndNoneForOneWhoNeverSignedIn()
    {
        var (adminEmail, _) = await portal.AccountAsync("administrator");
        var (agentEmail, agent) = await portal.AccountAsync("labour-directorate");
        var (idleEmail, idle) = await portal.AccountAsync("labour-directorate");
        using (await portal.SignedInAsync(agentEmail))
        {
        }
        var agentAt = (await AccountOfAsync(agentEmail)).LastSignInAt!.Value;
        using var admin = await portal.SignedInAsync(adminEmail);

        var list = Text(await admin.GetStringAsync("/staff?role=labour-directorate&q=" + Uri.EscapeDataString(agentEmail.Split('@')[0])));
        var page = Text(await admin.GetStringAsync("/staff/" + agent.UserId));
        var idlePage = Text(await admin.GetStringAsync("/staff/" + idle.UserId));
        var dormant = Text(await admin.GetStringAsync("/staff?role=labour-directorate&dormant=1&q=" + Uri.EscapeDataString(idleEmail.Split('@')[0])));

        Assert.Contains("<th scope=\"col\">Dernière connexion</th>", list, StringComparison.Ordinal);
        Assert.Contains($"<td class=\"staff-last-sign-in\">{French(agentAt)}</td>", list, StringComparison.Ordinal);
        Assert.Contains($"<dd id=\"staff-last-sign-in\">{French(agentAt)}</dd>", page, StringComparison.Ordinal);
        Assert.Contains("<dd id=\"staff-last-sign-in\">aucune connexion enregistrée</dd>", idlePage, StringComparison.Ordinal);
        Assert.Contains("checked", dormant[dormant.IndexOf("id=\"staff-filter-dormant\"", StringComparison.Ordinal)..][..120], StringComparison.Ordinal);
        Assert.Contains(idleEmail, dormant, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MyData_AccountJson_GivesTheLastSignInAndTheOneBefore()
    {
        var (email, _) = await portal.AccountAsync("employer");
        using (await portal.SignedInAsync(email))
        {
        }
        using var client = await portal.SignedInAsync(email);
        var account = await AccountOfAsync(email);

        using var response = await client.GetAsync("/account/data");
        using var zip = new ZipArchive(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), ZipArchiveMode.Read);
        using var json = JsonDocument.Parse(zip.GetEntry("account.json")!.Open());

        var root = json.RootElement;
        static string Iso(DateTime? at) => at!.Value.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
        Assert.NotNull(account.PreviousSignInAt);
        Assert.Equal(Iso(account.LastSignInAt), root.GetProperty("last_sign_in_at").GetString());
        Assert.Equal(Iso(account.PreviousSignInAt), root.GetProperty("previous_sign_in_at").GetString());
        using var readme = new StreamReader(zip.GetEntry("README.html")!.Open());
        Assert.Contains("ni adresse réseau ni navigateur", Text(await readme.ReadToEndAsync()), StringComparison.Ordinal);
    }
}
