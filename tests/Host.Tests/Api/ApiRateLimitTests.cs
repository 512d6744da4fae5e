using System.Net;

namespace EmploymentProcedures.Host.Tests.Api;

/// <summary>A portal whose API lets each client make 3 requests a minute.</summary>
public sealed class ThrottledApiPortal : ApiPortal
{
    protected override string[] Settings => ["--Portal:ApiRequestsPerMinute=3"];
}

/// <summary>Each client's requests are limited on their own: past the limit, 429 with Retry-After, the others unaffected.</summary>
public sealed class ApiRateLimitTests(ThrottledApiPortal portal) : IClassFixture<ThrottledApiPortal>
{
    [Fact]
    public async Task Requests_PastTheClientsLimit_Are429WithRetryAfter_AnotherClientStillServed()
    {
        var (_, busy) = await portal.ClientAsync([ApiPortal.Procedure]);
        var (_, other) = await portal.ClientAsync([ApiPortal.Procedure]);
        using var client = portal.Bearer(busy);
        for (var i = 0; i < 3; i++)
        {
            using var served = await client.GetAsync("/api/v1/procedures");
            Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        }

        using var refused = await client.GetAsync("/api/v1/applications");
        using var otherClient = portal.Bearer(other);
        using var stillServed = await otherClient.GetAsync("/api/v1/procedures");

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        var retryAfter = int.Parse(refused.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(retryAfter, 1, 60);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Equal("rate-limited", (await ApiPortal.JsonAsync(refused)).GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.OK, stillServed.StatusCode);
    }
}
