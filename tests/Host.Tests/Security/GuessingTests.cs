using System.Net;
using EmploymentProcedures.Host.Tests.MyApplications;

namespace EmploymentProcedures.Host.Tests.Security;

/// <summary>A portal whose limits per network address are low enough to reach in a test (every client here is 127.0.0.1).</summary>
public sealed class ThrottledPortal : LivePortal
{
    protected override string[] Settings => ["--Portal:SignInFailuresPerAddress=12", "--Portal:SignUpsPerAddress=2"];
}

[CollectionDefinition(Name)]
public sealed class ThrottledPortalTests : ICollectionFixture<ThrottledPortal>
{
    public const string Name = "throttled portal";
}

/// <summary>Guessing at the account forms from one address: passwords over many accounts, and accounts created in bulk.</summary>
[Collection(ThrottledPortalTests.Name)]
public sealed class GuessingTests(ThrottledPortal portal)
{
    internal const string Wrong = "Pas-Le-Bon-2026";

    internal static string ErrorOf(string page)
    {
        var start = page.IndexOf("id=\"sign-in-error\">", StringComparison.Ordinal);
        Assert.True(start >= 0, "the page shows an error");
        start = page.IndexOf('>', start) + 1;
        return WebUtility.HtmlDecode(page[start..page.IndexOf('<', start)]);
    }

    [Fact]
    public async Task SignIn_ManyAccountsTriedFromOneAddress_IsRefusedWith429_EvenForARightPassword()
    {
        var (email, _) = await portal.AccountAsync("employer");
        using var client = portal.Anonymous();

        HttpStatusCode last = default;
        for (var attempt = 0; attempt < 14 && last != HttpStatusCode.TooManyRequests; attempt++)
        {
            using var response = await LivePortal.PostSignInAsync(client, $"guess-{attempt}-{Guid.NewGuid():N}@example.test", Wrong);
            last = response.StatusCode;
        }
        using var right = await LivePortal.PostSignInAsync(client, email, LivePortal.Password);

        Assert.Equal(HttpStatusCode.TooManyRequests, last);
        Assert.Equal(HttpStatusCode.TooManyRequests, right.StatusCode);
        Assert.Contains("Trop d'essais", ErrorOf(await right.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.DoesNotContain(right.Headers, h => h.Key == "Set-Cookie" && h.Value.Any(v => v.StartsWith(".AspNetCore.Identity", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task SignUp_ThirdAccountFromOneAddressWithinTheHour_IsRefusedWith429AndNotCreated()
    {
        var statuses = new List<HttpStatusCode>();
        var emails = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            using var client = portal.Anonymous();
            var email = $"new-{Guid.NewGuid():N}@example.test";
            emails.Add(email);
            var form = await client.GetStringAsync("/account/sign-up");
            using var response = await client.PostAsync("/account/sign-up", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["_handler"] = LivePortal.Hidden(form, "_handler"),
                ["__RequestVerificationToken"] = LivePortal.Hidden(form, "__RequestVerificationToken"),
                ["Input.Kind"] = "employer",
                ["Input.DisplayName"] = "Atlas " + i,
                ["Input.Email"] = email,
                ["Input.Password"] = LivePortal.Password,
                ["Input.Confirm"] = LivePortal.Password,
            }));
            statuses.Add(response.StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
        // The accounts are created after the answer, in the order asked: once the second is there, the third would be too.
        for (var waited = 0; waited < 100 && await portal.FindAccountAsync(emails[1]) is null; waited++)
            await Task.Delay(100);
        Assert.NotNull(await portal.FindAccountAsync(emails[1]));
        Assert.Null(await portal.FindAccountAsync(emails[2]));
    }
}

/// <summary>Which e-mails have an account: the sign-in's messages and its lockout say nothing of it.</summary>
[Collection(LivePortalTests.Name)]
public sealed class EnumerationTests(LivePortal portal)
{
    private static async Task<List<string>> FailFiveTimesAsync(HttpClient client, string email)
    {
        var errors = new List<string>();
        for (var attempt = 0; attempt < 5; attempt++)
        {
            using var response = await LivePortal.PostSignInAsync(client, email, GuessingTests.Wrong);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            errors.Add(GuessingTests.ErrorOf(await response.Content.ReadAsStringAsync()));
        }
        return errors;
    }

    [Fact]
    public async Task SignIn_UnknownEmailFiveTimes_IsLockedWithTheSameMessagesAsAnAccount()
    {
        var (known, _) = await portal.AccountAsync("employer");
        using var client = portal.Anonymous();

        var account = await FailFiveTimesAsync(client, known);
        var nobody = await FailFiveTimesAsync(client, $"nobody-{Guid.NewGuid():N}@example.test");

        Assert.Equal(account, nobody);
        Assert.Contains("verrouillé", nobody[^1], StringComparison.Ordinal);
        Assert.DoesNotContain("verrouillé", nobody[^2], StringComparison.Ordinal);
        // The account is locked for real: even its password is refused now.
        using var right = await LivePortal.PostSignInAsync(client, known, LivePortal.Password);
        Assert.Contains("verrouillé", GuessingTests.ErrorOf(await right.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }
}
