using System.Net;

namespace EmploymentProcedures.Host.Tests.MyApplications;

/// <summary>Who reaches the applicant's pages over HTTP (their first, server-rendered request).</summary>
[Collection(LivePortalTests.Name)]
public sealed class PageAccessTests(LivePortal portal)
{
    [Theory]
    [InlineData("applications")]
    [InlineData("applications/0b9f3c52-7f6e-4a4e-9f7c-3d2b1a0e9c88")]
    public async Task Page_Anonymous_IsSentToSignIn(string path)
    {
        using var client = portal.Anonymous();

        using var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/account/sign-in", response.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task DetailPage_OfTheOwner_ShowsTheApplication_AndToAnotherApplicant_IsNotFound()
    {
        var (ownerEmail, owner) = await portal.AccountAsync("employer");
        var (strangerEmail, _) = await portal.AccountAsync("employer");
        var application = await portal.Filing.SubmittedAsync(owner);
        using var ownerClient = await portal.SignedInAsync(ownerEmail);
        using var strangerClient = await portal.SignedInAsync(strangerEmail);

        using var mine = await ownerClient.GetAsync($"applications/{application.Id}");
        using var theirs = await strangerClient.GetAsync($"applications/{application.Id}");
        using var unknown = await strangerClient.GetAsync($"applications/{Guid.NewGuid()}");

        Assert.Equal(HttpStatusCode.OK, mine.StatusCode);
        Assert.Contains(application.Reference!, await mine.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, theirs.StatusCode);
        Assert.DoesNotContain(application.Reference!, await theirs.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }
}
