using System.Net;
using EmploymentProcedures.Host.Accounts;

namespace EmploymentProcedures.Host.Tests.Accounts;

/// <summary>
/// A portal whose links last no time at all (so every link has expired by the time it is opened) and whose network
/// address may ask for three links an hour.
/// </summary>
public sealed class ExpiringLinksPortal : PasswordPortal
{
    protected override string[] More =>
        ["--Portal:ResetLinkLifetime=00:00:00", "--Portal:InvitationLifetime=00:00:00", "--Portal:ConfirmationLinkLifetime=00:00:00", "--Portal:PasswordLinksPerAddress=3"];
}

[CollectionDefinition(Name)]
public sealed class ExpiringLinksPortalTests : ICollectionFixture<ExpiringLinksPortal>
{
    public const string Name = "expiring links portal";
}

/// <summary>Links past their lifetime, and the limit per network address.</summary>
[Collection(ExpiringLinksPortalTests.Name)]
public sealed class ExpiringLinksTests(ExpiringLinksPortal portal)
{
    [Theory]
    [InlineData(PasswordLinkPurpose.Reset)]
    [InlineData(PasswordLinkPurpose.Invitation)]
    public async Task LinkPastItsLifetime_IsRefused_AndSetsNothing(PasswordLinkPurpose purpose)
    {
        var (email, _) = await portal.AccountAsync("employer");
        var link = await portal.SendAsync(email, purpose);
        using var client = portal.Anonymous();

        var page = WebUtility.HtmlDecode(await client.GetStringAsync(PasswordPortal.Local(link)));

        Assert.Contains("Ce lien ne fonctionne plus : il a expiré", page, StringComparison.Ordinal);
        Assert.False((await portal.FindAccountAsync(email))!.EmailConfirmed);
        Assert.True(await portal.SignsInAsync(email, MyApplications.LivePortal.Password));
    }

    [Fact]
    public async Task ConfirmationLinkPastItsLifetime_IsRefusedWithTheFormForANewLink_AndConfirmsNothing()
    {
        var email = $"expire-{Guid.NewGuid():N}@example.test";
        using var client = portal.Anonymous();
        await SignUpTests.SignUpAsync(client, email);
        var link = PasswordPortal.ConfirmationLinkIn(Assert.Single(await portal.WaitForMailsAsync(email)));

        using var response = await client.GetAsync(PasswordPortal.Local(link));
        var page = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Ce lien d'activation ne fonctionne pas : il a expiré", page, StringComparison.Ordinal);
        Assert.Contains("name=\"Input.Email\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain(response.Headers, h => h.Key == "Set-Cookie" && h.Value.Any(v => v.StartsWith(".AspNetCore.Identity.Application", StringComparison.Ordinal)));
        Assert.False((await portal.FindAccountAsync(email))!.EmailConfirmed);
        Assert.False(await portal.SignsInAsync(email, SignUpTests.Password));
    }

    [Fact]
    public async Task OneAddress_AfterItsRequestsForTheHour_IsRefusedWith429_WhateverTheEmail()
    {
        using var client = portal.Anonymous();

        var statuses = new List<HttpStatusCode>();
        var last = "";
        for (var i = 0; i < 4; i++)
        {
            var (status, answer) = await ForgotPasswordTests.AskAsync(client, $"someone-{i}-{Guid.NewGuid():N}@example.test");
            statuses.Add(status);
            last = answer;
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
        Assert.Contains("Trop de demandes de nouveau mot de passe depuis cette adresse réseau (3 par heure au plus).", last, StringComparison.Ordinal);
    }
}
