using System.Net;
using EmploymentProcedures.Host.Tests.MyApplications;

namespace EmploymentProcedures.Host.Tests.Security;

/// <summary>
/// The doors of the account forms: a return address that would lead to another site, the cookies a sign-in sets, and the
/// language post.
/// </summary>
[Collection(LivePortalTests.Name)]
public sealed class AccountDoorTests(LivePortal portal)
{
    /// <summary>Return addresses a browser would follow to another site (it drops tabs and line breaks, and reads \ as /).</summary>
    public static TheoryData<string> Elsewhere => new()
    {
        "https://evil.example/",
        "//evil.example/",
        "/\\evil.example/",
        "/\t/evil.example/",
        "/\r\n/evil.example/",
        "\t//evil.example/",
        "javascript:alert(1)",
    };

    private static void AssertStaysOnThePortal(HttpResponseMessage response, Uri portalAddress)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!;
        var target = location.IsAbsoluteUri ? location : new Uri(portalAddress, location);
        Assert.Equal(portalAddress.Authority, target.Authority);
        Assert.DoesNotContain("evil.example", target.AbsolutePath.Replace("%09", "", StringComparison.Ordinal).TrimStart('/').Split('/')[0], StringComparison.Ordinal);
        Assert.DoesNotContain("\t", location.OriginalString, StringComparison.Ordinal);
        Assert.DoesNotContain("javascript", location.OriginalString, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Elsewhere))]
    public async Task SignIn_ReturnAddressToAnotherSite_LandsOnThePortal(string returnUrl)
    {
        var (email, _) = await portal.AccountAsync("employer");
        using var client = portal.Anonymous();

        using var response = await LivePortal.PostSignInAsync(client, email, LivePortal.Password, "/account/sign-in?returnUrl=" + Uri.EscapeDataString(returnUrl));

        AssertStaysOnThePortal(response, portal.Portal.BaseAddress!);
    }

    [Theory]
    [MemberData(nameof(Elsewhere))]
    public async Task Language_ReturnAddressToAnotherSite_GoesHome(string returnUrl)
    {
        using var client = portal.Anonymous();
        var token = LivePortal.Hidden(await client.GetStringAsync("/"), "__RequestVerificationToken");

        using var response = await client.PostAsync("/language", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["language"] = "ar",
            ["returnUrl"] = returnUrl,
        }));

        AssertStaysOnThePortal(response, portal.Portal.BaseAddress!);
        Assert.Equal("/", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task SignIn_SetsItsCookiesHttpOnlyAndSameSite_AndTheSessionEndsWithTheBrowser()
    {
        var (email, _) = await portal.AccountAsync("employer");
        using var client = portal.Anonymous();

        using var response = await LivePortal.PostSignInAsync(client, email, LivePortal.Password);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var cookies = response.Headers.GetValues("Set-Cookie").ToList();
        var session = Assert.Single(cookies, c => c.StartsWith(".AspNetCore.Identity.Application=", StringComparison.Ordinal));
        foreach (var cookie in cookies)
        {
            var flags = cookie.Split(';').Skip(1).Select(f => f.Trim().ToLowerInvariant()).ToList();
            Assert.Contains("httponly", flags);
            Assert.Contains("samesite=lax", flags);
        }
        // A session cookie: it goes with the browser, it is not kept on a shared computer.
        Assert.DoesNotContain("expires=", session, StringComparison.OrdinalIgnoreCase);
    }
}
