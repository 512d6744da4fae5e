using System.Net;
using System.Text.RegularExpressions;
using EmploymentProcedures.Host.Accounts;
using EmploymentProcedures.Host.Tests.MyApplications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EmploymentProcedures.Host.Tests.Accounts;

/// <summary>The account page's e-mail preference, through the real form (antiforgery token included).</summary>
[Collection(LivePortalTests.Name)]
public sealed partial class AccountSettingsTests(LivePortal portal)
{
    [Fact]
    public async Task AccountPage_UntickingEmails_OptsTheAccountOut_AndTickingAgainOptsIn()
    {
        var (email, actor) = await portal.AccountAsync("employer");
        using var client = await portal.SignedInAsync(email);

        var page = await client.GetStringAsync("/account");
        Assert.Contains(email, page, StringComparison.Ordinal);
        Assert.True(Ticked(page));

        var saved = await PostAsync(client, page, receiveEmails: false);
        Assert.Contains("Vos préférences sont enregistrées.", saved, StringComparison.Ordinal);
        Assert.False(Ticked(saved));
        Assert.True(await OptedOutAsync(actor.UserId));
        Assert.False(Ticked(await client.GetStringAsync("/account")));

        await PostAsync(client, saved, receiveEmails: true);
        Assert.False(await OptedOutAsync(actor.UserId));
    }

    [Fact]
    public async Task AccountPage_ReviewerChoosesTheDailySummaryThenNone_EachChoicePersists_AndAForgedOneIsRefused()
    {
        var (email, actor) = await portal.AccountAsync("desk-agent", "casablanca");
        using var client = await portal.SignedInAsync(email);
        var page = await client.GetStringAsync("/account");
        Assert.Equal("each", Chosen(page));
        Assert.Contains("<legend>Comment recevoir vos notifications par courriel</legend>", page, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"receive-emails\"", page, StringComparison.Ordinal);
        var newest = await portal.Portal.App.Services.GetRequiredService<Engine.Storage.Notifications>().NewestAsync(DateTime.UtcNow);

        var daily = await ChooseAsync(client, page, "daily");
        Assert.Contains("Vos préférences sont enregistrées.", daily, StringComparison.Ordinal);
        Assert.Equal("daily", Chosen(daily));
        var account = (await portal.FindAccountAsync(email))!;
        Assert.Equal(EmailChoice.DailySummary, account.Emails);
        // The summary starts after the newest notification at the time of the choice: the ones before still go one by one.
        Assert.True(account.DigestFrom >= newest);
        Assert.Equal("daily", Chosen(await client.GetStringAsync("/account")));

        var forged = await ChooseAsync(client, daily, "weekly");
        Assert.Contains("Choisissez comment recevoir vos notifications.", System.Net.WebUtility.HtmlDecode(forged), StringComparison.Ordinal);
        Assert.Contains("aria-describedby=\"emails-hint emails-error\"", forged, StringComparison.Ordinal);
        Assert.Equal(EmailChoice.DailySummary, (await portal.FindAccountAsync(email))!.Emails);

        await ChooseAsync(client, daily, "none");
        Assert.True(await OptedOutAsync(actor.UserId));
        Assert.Equal("none", Chosen(await client.GetStringAsync("/account")));
    }

    [Fact]
    public async Task AccountPage_Applicant_IsOfferedEachOrNone_AndAPostedSummaryChangesNothing()
    {
        var (email, _) = await portal.AccountAsync("employer");
        using var client = await portal.SignedInAsync(email);
        var page = await client.GetStringAsync("/account");

        Assert.DoesNotContain("id=\"emails-daily\"", page, StringComparison.Ordinal);
        await ChooseAsync(client, page, "daily", receiveEmails: true);

        Assert.Equal(EmailChoice.EachNotification, (await portal.FindAccountAsync(email))!.Emails);
    }

    [Theory]
    [InlineData("/account")]
    [InlineData("/account/data")]
    public async Task AccountPageAndDataDownload_NotSignedIn_SendToSignIn(string address)
    {
        using var client = portal.Anonymous();

        using var response = await client.GetAsync(address);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/sign-in", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AccountPage_ApplicantRenames_TheNameTheSearchKeyTheHeaderAndTheHistoryChange()
    {
        var (email, actor) = await portal.AccountAsync("employer");
        using var client = await portal.SignedInAsync(email);

        var page = await RenameAsync(client, "  Société Ḥakimi & Fils  ");

        Assert.Contains("Votre nom est enregistré.", page, StringComparison.Ordinal);
        var account = (await portal.FindAccountAsync(email))!;
        Assert.Equal("Société Ḥakimi & Fils", account.DisplayName);
        Assert.Contains("hakimi", account.SearchKey, StringComparison.Ordinal);
        // The header of the next page shows the new name: this session's cookie was renewed with it.
        Assert.Contains("Société Ḥakimi &amp; Fils", await client.GetStringAsync("/"), StringComparison.Ordinal);
        var change = Assert.Single(await HistoryAsync(actor.UserId));
        Assert.Equal(("changed", "name", "Test employer", "Société Ḥakimi & Fils", actor.UserId), (change.Kind, change.Field, change.From, change.To, change.ById));
    }

    [Theory]
    [InlineData("", "Saisissez votre nom ou votre raison sociale.")]
    [InlineData("Atlas\nConseil", "Le nom ne peut contenir ni retour à la ligne")]
    [InlineData("Atlas \u202eliesnoC", "Le nom ne peut contenir ni retour à la ligne")]
    public async Task AccountPage_RenameRefused_SaysWhyNextToTheField_AndKeepsTheName(string typed, string message)
    {
        var (email, actor) = await portal.AccountAsync("employer");
        using var client = await portal.SignedInAsync(email);

        var page = await RenameAsync(client, System.Text.RegularExpressions.Regex.Unescape(typed));

        Assert.Contains(message, page, StringComparison.Ordinal);
        Assert.Contains("aria-describedby=\"display-name-hint display-name-error\"", page, StringComparison.Ordinal);
        Assert.Equal("Test employer", (await portal.FindAccountAsync(email))!.DisplayName);
        Assert.Empty(await HistoryAsync(actor.UserId));
    }

    [Fact]
    public async Task AccountPage_TooLongName_IsRefused()
    {
        var (email, _) = await portal.AccountAsync("employer");
        using var client = await portal.SignedInAsync(email);

        var page = await RenameAsync(client, new string('a', 201));

        Assert.Contains("Le nom ne doit pas dépasser 200 caractères.", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AccountPage_Reviewer_IsToldAnAdministratorChangesTheirName_AndAPostedNameChangesNothing()
    {
        var (email, actor) = await portal.AccountAsync("desk-agent", "casablanca");
        using var client = await portal.SignedInAsync(email);

        var page = System.Net.WebUtility.HtmlDecode(await client.GetStringAsync("/account"));
        Assert.Contains("adressez-vous à un administrateur du portail", page, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"display-name\"", page, StringComparison.Ordinal);

        using var forged = await client.PostAsync("/account", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "account-name",
            ["__RequestVerificationToken"] = LivePortal.Hidden(page, "__RequestVerificationToken"),
            ["Name.DisplayName"] = "Quelqu'un d'autre",
        }));

        Assert.Equal("Test desk-agent", (await portal.FindAccountAsync(email))!.DisplayName);
        Assert.Empty(await HistoryAsync(actor.UserId));
    }

    private static async Task<string> RenameAsync(HttpClient client, string name)
    {
        var page = await client.GetStringAsync("/account");
        using var response = await client.PostAsync("/account", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "account-name",
            ["__RequestVerificationToken"] = LivePortal.Hidden(page, "__RequestVerificationToken"),
            ["Name.DisplayName"] = name,
        }));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return System.Net.WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }

    private async Task<List<StaffChange>> HistoryAsync(string accountId)
    {
        await using var scope = portal.Portal.App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AccountsDb>().StaffChanges.AsNoTracking().Where(c => c.AccountId == accountId).ToListAsync();
    }

    private static async Task<string> PostAsync(HttpClient client, string page, bool receiveEmails)
    {
        var form = new Dictionary<string, string>
        {
            ["_handler"] = "account-mail",
            ["__RequestVerificationToken"] = LivePortal.Hidden(page, "__RequestVerificationToken"),
        };
        if (receiveEmails)
            form["Input.ReceiveEmails"] = "True";
        using var response = await client.PostAsync("/account", new FormUrlEncodedContent(form));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    private static async Task<string> ChooseAsync(HttpClient client, string page, string choice, bool receiveEmails = false)
    {
        var form = new Dictionary<string, string>
        {
            ["_handler"] = "account-mail",
            ["__RequestVerificationToken"] = LivePortal.Hidden(page, "__RequestVerificationToken"),
            ["Input.Emails"] = choice,
        };
        if (receiveEmails)
            form["Input.ReceiveEmails"] = "True";
        using var response = await client.PostAsync("/account", new FormUrlEncodedContent(form));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>The value of the radio button checked in the e-mail choices, or null when none is.</summary>
    private static string? Chosen(string page) =>
        Radio().Matches(page).Where(m => m.Value.Contains("checked", StringComparison.Ordinal)).Select(m => m.Groups["value"].Value).SingleOrDefault();

    [GeneratedRegex(@"<input[^>]*id=""emails-(?<value>[a-z]+)""[^>]*>")]
    private static partial Regex Radio();

    private async Task<bool> OptedOutAsync(string userId)
    {
        await using var scope = portal.Portal.App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AccountsDb>().Users.Where(a => a.Id == userId).Select(a => a.Emails == EmailChoice.None).SingleAsync();
    }

    private static bool Ticked(string page) => Checkbox().Match(page) is { Success: true } box && box.Value.Contains("checked", StringComparison.Ordinal);

    [GeneratedRegex(@"<input[^>]*id=""receive-emails""[^>]*>")]
    private static partial Regex Checkbox();
}
