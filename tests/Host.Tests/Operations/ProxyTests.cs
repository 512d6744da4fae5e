using System.Net;
using EmploymentProcedures.Host.Tests.MyApplications;

namespace EmploymentProcedures.Host.Tests.Operations;

/// <summary>
/// Behind a reverse proxy (<c>Portal:TrustedProxies</c>): the sign-in limits count the person's address the proxy forwards;
/// from a client that is not a trusted proxy, the same header is ignored and cannot dodge them.
/// </summary>
public sealed class ProxyTests
{
    private const int Limit = 3;

    /// <summary>Failed sign-ins, each from a client claiming to forward for <paramref name="forwardedFor"/>, and the status of each.</summary>
    private static async Task<List<HttpStatusCode>> FailedSignInsAsync(TempPortal portal, params string[] forwardedFor)
    {
        var statuses = new List<HttpStatusCode>();
        foreach (var address in forwardedFor)
        {
            using var client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = portal.BaseAddress };
            client.DefaultRequestHeaders.Add("X-Forwarded-For", address);
            using var response = await LivePortal.PostSignInAsync(client, $"guess-{Guid.NewGuid():N}@example.test", "Pas-Le-Bon-2026");
            statuses.Add(response.StatusCode);
        }
        return statuses;
    }

    [Fact]
    public async Task TrustedProxy_LimitsCountEachPersonsAddress()
    {
        await using var portal = await TempPortal.PrepareAsync(true, $"--Portal:SignInFailuresPerAddress={Limit}", "--Portal:TrustedProxies:0=127.0.0.1");

        var spread = await FailedSignInsAsync(portal, "203.0.113.1", "203.0.113.2", "203.0.113.3", "203.0.113.4", "203.0.113.5");
        var one = await FailedSignInsAsync(portal, "198.51.100.7", "198.51.100.7", "198.51.100.7", "198.51.100.7");

        Assert.DoesNotContain(HttpStatusCode.TooManyRequests, spread);
        Assert.Equal(HttpStatusCode.TooManyRequests, one[^1]);
    }

    [Fact]
    public async Task NoTrustedProxy_ForwardedAddressIsIgnored_AndCannotDodgeTheLimit()
    {
        await using var portal = await TempPortal.PrepareAsync(true, $"--Portal:SignInFailuresPerAddress={Limit}");

        var spread = await FailedSignInsAsync(portal, "203.0.113.1", "203.0.113.2", "203.0.113.3", "203.0.113.4", "203.0.113.5");

        Assert.Equal(HttpStatusCode.TooManyRequests, spread[^1]);
    }

    [Fact]
    public async Task TrustedProxy_ThatIsNotAnAddress_StopsThePortalAtItsStartNamingIt()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(async () =>
        {
            await using var portal = await TempPortal.PrepareAsync(true, "--Portal:TrustedProxies:0=proxy.example");
        });

        Assert.Contains("'proxy.example' is neither an IP address", error.Message, StringComparison.Ordinal);
    }
}
