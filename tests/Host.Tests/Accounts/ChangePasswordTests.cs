using System.Net;
using EmploymentProcedures.Host.Accounts;
using EmploymentProcedures.Host.Tests.MyApplications;

namespace EmploymentProcedures.Host.Tests.Accounts;

/// <summary>Changing the password on the account page, through the real form: the current password first, then the new one.</summary>
[Collection(PasswordPortalTests.Name)]
public sealed class ChangePasswordTests(PasswordPortal portal)
{
    private const string Next = "Oranger-En-Fleurs-2027";

    private static async Task<(HttpResponseMessage Response, string Page)> ChangeAsync(HttpClient client, string current, string password, string? confirm = null)
    {
        var page = await client.GetStringAsync("/account");
        var response = await client.PostAsync("/account", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "account-password",
            ["__RequestVerificationToken"] = LivePortal.Hidden(page, "__RequestVerificationToken"),
            ["Input.Current"] = current,
            ["Input.Password"] = password,
            ["Input.Confirm"] = confirm ?? password,
        }));
        return (response, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task WrongCurrentPassword_IsRefusedWithTheReason_AndCountsAsAFailedSignIn()
    {
        var (email, _) = await portal.AccountAsync("employer");
        using var client = await portal.SignedInAsync(email);

        var (response, page) = await ChangeAsync(client, "Pas-Le-Bon-2026", Next);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Le mot de passe actuel est incorrect.", page, StringComparison.Ordinal);
        Assert.Contains("name=\"Input.Current\"", page, StringComparison.Ordinal);
        Assert.Contains("name=\"Input.Password\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Pas-Le-Bon-2026", page, StringComparison.Ordinal);
        Assert.Contains("aria-describedby=\"current-password-error\"", page, StringComparison.Ordinal);
        Assert.Equal(1, (await portal.FindAccountAsync(email))!.AccessFailedCount);
        Assert.False(await portal.SignsInAsync(email, Next));
        Assert.True(await portal.SignsInAsync(email, LivePortal.Password));
        response.Dispose();
    }

    [Fact]
    public async Task WrongCurrentPasswordFiveTimes_LocksTheAccount()
    {
        var (email, _) = await portal.AccountAsync("employer");
        using var client = await portal.SignedInAsync(email);

        string page = "";
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var (response, answer) = await ChangeAsync(client, "Pas-Le-Bon-2026", Next);
            response.Dispose();
            page = answer;
        }
        var (last, afterLock) = await ChangeAsync(client, LivePortal.Password, Next);
        last.Dispose();

        Assert.Contains("Ce compte est verrouillé", page, StringComparison.Ordinal);
        Assert.Contains("Ce compte est verrouillé", afterLock, StringComparison.Ordinal);
        Assert.False(await portal.SignsInAsync(email, LivePortal.Password));
    }

    [Fact]
    public async Task RightCurrentPassword_ChangesIt_KeepsThisSession_EndsTheOthers_AndTellsTheAccountByMail()
    {
        var (email, _) = await portal.AccountAsync("employer");
        using var client = await portal.SignedInAsync(email);
        using var elsewhere = await portal.SignedInAsync(email);

        var (response, _) = await ChangeAsync(client, LivePortal.Password, Next);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.EndsWith("account?password=changed", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
        response.Dispose();
        using (var here = await client.GetAsync("/account?password=changed"))
        {
            Assert.Equal(HttpStatusCode.OK, here.StatusCode);
            Assert.Contains("Votre mot de passe est changé.", WebUtility.HtmlDecode(await here.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        }
        using (var there = await elsewhere.GetAsync("/account"))
        {
            Assert.Equal(HttpStatusCode.Redirect, there.StatusCode);
            Assert.StartsWith("/account/sign-in", there.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        }
        Assert.True(await portal.SignsInAsync(email, Next));
        Assert.False(await portal.SignsInAsync(email, LivePortal.Password));

        var mail = Assert.Single(await portal.WaitForMailsAsync(email));
        Assert.Equal("Votre mot de passe a été changé", mail.Subject);
        Assert.Contains("Si ce n'est pas vous, demandez tout de suite un nouveau mot de passe", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("https://portail.emploi.example/procedures/account/forgot-password", mail.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NewPasswordBreakingTheRules_IsRefused_AndTheEmailPreferenceIsLeftAsItWas()
    {
        var (email, _) = await portal.AccountAsync("employer");
        using var client = await portal.SignedInAsync(email);

        var (response, page) = await ChangeAsync(client, LivePortal.Password, "court-1");
        response.Dispose();

        Assert.Contains("Le mot de passe doit contenir au moins 12 caractères.", page, StringComparison.Ordinal);
        Assert.Contains("Le mot de passe n'a pas été changé :", page, StringComparison.Ordinal);
        Assert.Matches("<input[^>]*id=\"receive-emails\"[^>]*checked", page);
        Assert.Equal(EmailChoice.EachNotification, (await portal.FindAccountAsync(email))!.Emails);
        Assert.True(await portal.SignsInAsync(email, LivePortal.Password));
    }
}
