using System.Net;
using EmploymentProcedures.Engine.Deadlines;
using EmploymentProcedures.Host.Accounts;
using EmploymentProcedures.Host.Api;
using Microsoft.Extensions.DependencyInjection;

namespace EmploymentProcedures.Host.Tests.Api;

/// <summary>Who gets in: a working bearer token only; everything else the same 401 with its challenge and problem document.</summary>
[Collection(ApiPortalTests.Name)]
public sealed class ApiAuthenticationTests(ApiPortal portal)
{
    private const string Path = "/api/v1/procedures";

    [Fact]
    public async Task Request_NoToken_Is401WithBearerChallengeAndProblem()
    {
        using var anonymous = portal.Anonymous();

        using var response = await anonymous.GetAsync(Path);

        await AssertRefusedAsync(response, "authentication-required");
        Assert.Equal("Bearer realm=\"api\"", response.Headers.WwwAuthenticate.ToString());
    }

    [Theory]
    [InlineData("nonsense")]
    [InlineData("epk_0123456789abcdef_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("Basic dXNlcjpwYXNz")]
    public async Task Request_UnknownOrMalformedToken_Is401(string token)
    {
        using var client = portal.Anonymous();
        client.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", token.StartsWith("Basic", StringComparison.Ordinal) ? token : "Bearer " + token);

        using var response = await client.GetAsync(Path);

        await AssertRefusedAsync(response, "invalid-token");
        Assert.Contains("error=\"invalid_token\"", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Request_TokenWithOneCharacterChanged_Is401()
    {
        var (_, token) = await portal.ClientAsync([ApiPortal.Procedure]);
        var changed = token[..^1] + (token[^1] == 'A' ? 'B' : 'A');
        using var client = portal.Bearer(changed);

        using var response = await client.GetAsync(Path);

        await AssertRefusedAsync(response, "invalid-token");
    }

    [Fact]
    public async Task Request_ExpiredToken_Is401_WhileOneExpiringTodayWorks()
    {
        var today = MoroccoTime.Today(MoroccoTime.Instance);
        var (expiring, token) = await portal.ClientAsync([ApiPortal.Procedure], expiresOn: today);
        using var client = portal.Bearer(token);
        using var lastDay = await client.GetAsync(Path);
        Assert.Equal(HttpStatusCode.OK, lastDay.StatusCode);
        // The form refuses a last day already past, so the row's is moved back a day, as the passing of time would.
        await ExpireAsync(expiring.Id, today.AddDays(-1));

        using var response = await client.GetAsync(Path);

        await AssertRefusedAsync(response, "invalid-token");
    }

    [Fact]
    public async Task Request_RevokedToken_Is401AtOnce()
    {
        var (created, token) = await portal.ClientAsync([ApiPortal.Procedure]);
        using var client = portal.Bearer(token);
        using var before = await client.GetAsync(Path);
        Assert.Equal(HttpStatusCode.OK, before.StatusCode);

        var administrator = await portal.AdministratorAsync();
        var revoked = await portal.WithClientsAsync(c => c.RevokeAsync(administrator, created.Id));
        using var response = await client.GetAsync(Path);

        Assert.True(revoked.Succeeded);
        await AssertRefusedAsync(response, "invalid-token");
    }

    [Fact]
    public async Task Renew_OldTokenStopsAtOnce_NewOneWorks()
    {
        var (created, old) = await portal.ClientAsync([ApiPortal.Procedure]);
        var administrator = await portal.AdministratorAsync();

        var renewed = await portal.WithClientsAsync(c => c.RenewAsync(administrator, created.Id));
        using var withOld = portal.Bearer(old);
        using var withNew = portal.Bearer(renewed.Token!);

        Assert.NotEqual(old, renewed.Token);
        Assert.StartsWith($"epk_{created.Id}_", renewed.Token, StringComparison.Ordinal);
        await AssertRefusedAsync(await withOld.GetAsync(Path), "invalid-token");
        Assert.Equal(HttpStatusCode.OK, (await withNew.GetAsync(Path)).StatusCode);
    }

    [Fact]
    public async Task Request_SignedInAdministratorsCookie_GetsNothing()
    {
        var (email, _) = await portal.AccountAsync("administrator");
        using var browser = await portal.SignedInAsync(email);

        using var response = await browser.GetAsync(Path);

        await AssertRefusedAsync(response, "authentication-required");
    }

    [Fact]
    public async Task UnknownApiAddress_IsAProblemDocumentNotThePortalsPage()
    {
        var (_, token) = await portal.ClientAsync([ApiPortal.Procedure]);
        using var client = portal.Bearer(token);

        using var response = await client.GetAsync("/api/v1/nothing-here");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("not-found", (await ApiPortal.JsonAsync(response)).GetProperty("code").GetString());
    }

    private async Task ExpireAsync(string clientId, DateOnly lastDay)
    {
        await using var scope = portal.Portal.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AccountsDb>();
        var client = await db.ApiClients.FindAsync(clientId);
        client!.ExpiresOn = lastDay;
        await db.SaveChangesAsync();
    }

    private static async Task AssertRefusedAsync(HttpResponseMessage response, string code)
    {
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await ApiPortal.JsonAsync(response);
        Assert.Equal(code, problem.GetProperty("code").GetString());
        Assert.Equal(ApiProblems.TypePrefix + code, problem.GetProperty("type").GetString());
        Assert.Equal(401, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("title").GetString()));
    }
}
