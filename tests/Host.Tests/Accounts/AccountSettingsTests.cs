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
    public async Task AccountPage_NotSignedIn_SendsToSignIn()
    {
        using var client = portal.Anonymous();

        using var response = await client.GetAsync("/account");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/sign-in", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
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

    private async Task<bool> OptedOutAsync(string userId)
    {
        await using var scope = portal.Portal.App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AccountsDb>().Users.Where(a => a.Id == userId).Select(a => a.OptedOutOfEmails).SingleAsync();
    }

    private static bool Ticked(string page) => Checkbox().Match(page) is { Success: true } box && box.Value.Contains("checked", StringComparison.Ordinal);

    [GeneratedRegex(@"<input[^>]*id=""receive-emails""[^>]*>")]
    private static partial Regex Checkbox();
}
