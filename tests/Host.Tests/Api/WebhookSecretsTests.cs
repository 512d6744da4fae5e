using Bunit;
using EmploymentProcedures.Host.Accounts;
using EmploymentProcedures.Host.Api;
using EmploymentProcedures.Host.Components.Pages.Admin;
using EmploymentProcedures.Host.Localization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EmploymentProcedures.Host.Tests.Api;

/// <summary>
/// The webhooks' signing secrets at rest: encrypted in the accounts database, so a copy of it alone forges no push; one
/// written in clear by an older portal encrypted at the start; one the keys no longer open never sent unsigned, and named
/// to the administrator as to be renewed.
/// </summary>
[Collection(WebhookPortalTests.Name)]
public sealed class WebhookSecretsTests(WebhookPortal portal) : IAsyncLifetime
{
    private readonly List<string> _clients = [];

    public Task InitializeAsync() => Task.CompletedTask;

    /// <summary>
    /// Each test's client is revoked afterwards: its pushes would otherwise keep failing (a secret unreadable, a receiver
    /// gone) and fill the dispatcher's batches ahead of the other tests' pushes in this portal.
    /// </summary>
    public async Task DisposeAsync()
    {
        var administrator = await portal.AdministratorAsync();
        foreach (var id in _clients)
            await portal.WithClientsAsync(c => c.RevokeAsync(administrator, id));
    }

    private async Task<(ApiClient Client, string Secret)> ListeningAsync(WebhookReceiver receiver)
    {
        var (client, _, secret) = await portal.ListeningAsync(receiver);
        _clients.Add(client.Id);
        return (client, secret);
    }

    [Fact]
    public async Task SetWebhook_TheStoredColumn_HoldsNeitherTheSecretNorItsKey_AndPushesVerifyWithTheSecretShownOnce()
    {
        await using var receiver = new WebhookReceiver();
        var (client, secret) = await ListeningAsync(receiver);
        var (_, applicant) = await portal.AccountAsync("employer");
        await portal.Filing.SubmittedAsync(applicant);

        await portal.Dispatcher.RunAsync(DateTime.UtcNow, default);

        var stored = await StoredAsync(client.Id);
        Assert.StartsWith(WebhookSecrets.StoredPrefix, stored, StringComparison.Ordinal);
        Assert.DoesNotContain(secret[WebhookSigning.SecretPrefix.Length..], stored, StringComparison.Ordinal);
        Assert.DoesNotContain(WebhookSigning.SecretPrefix, stored, StringComparison.Ordinal);
        Assert.True(Assert.Single(receiver.Requests).IsSignedWith(secret, DateTimeOffset.UtcNow));
    }

    [Fact]
    public async Task Start_AClearSecretFromAnOlderPortal_IsEncryptedOnce_AndPushesStillVerifyWithIt()
    {
        await using var receiver = new WebhookReceiver();
        var (client, secret) = await ListeningAsync(receiver);
        await SetStoredAsync(client.Id, secret);

        await Portal.PrepareAsync(portal.Portal.App);
        var encrypted = await StoredAsync(client.Id);
        await Portal.PrepareAsync(portal.Portal.App);
        var (_, applicant) = await portal.AccountAsync("employer");
        await portal.Filing.SubmittedAsync(applicant);
        await portal.Dispatcher.RunAsync(DateTime.UtcNow, default);

        Assert.StartsWith(WebhookSecrets.StoredPrefix, encrypted, StringComparison.Ordinal);
        Assert.DoesNotContain(secret[WebhookSigning.SecretPrefix.Length..], encrypted, StringComparison.Ordinal);
        Assert.Equal(encrypted, await StoredAsync(client.Id));
        Assert.True(Assert.Single(receiver.Requests).IsSignedWith(secret, DateTimeOffset.UtcNow));
    }

    [Fact]
    public async Task Push_SecretTheKeysNoLongerOpen_IsNotSentUnsigned_TheAttemptSaysRenew_ThenGoesSignedWithTheRenewedSecret()
    {
        await using var receiver = new WebhookReceiver();
        var (client, _) = await ListeningAsync(receiver);
        await SetStoredAsync(client.Id, ProtectedWithLostKeys(WebhookSigning.NewSecret()));
        var (_, applicant) = await portal.AccountAsync("employer");
        await portal.Filing.SubmittedAsync(applicant);
        var now = DateTime.UtcNow;

        await portal.Dispatcher.RunAsync(now, default);

        Assert.Empty(receiver.Requests);
        var waiting = Assert.Single(await portal.Events.RecentAsync(client.Id, 10));
        Assert.Equal(WebhookDispatcher.UnreadableSecret, waiting.LastError);
        Assert.Null(waiting.LastStatus);
        Assert.NotNull(waiting.NextAttemptAt);

        var renewed = await portal.WithClientsAsync(async c => await c.RenewWebhookSecretAsync(await portal.AdministratorAsync(), client.Id));
        await portal.Dispatcher.RunAsync(waiting.NextAttemptAt!.Value, default);

        Assert.True(Assert.Single(receiver.Requests).IsSignedWith(renewed.WebhookSecret!, DateTimeOffset.UtcNow));
        Assert.NotNull(Assert.Single(await portal.Events.RecentAsync(client.Id, 10)).DeliveredAt);
    }

    [Theory]
    [InlineData("fr", "ne peut plus être lu")]
    [InlineData("ar", "لم يعد بالإمكان قراءة سرّ توقيع")]
    [InlineData("en", "can no longer be read")]
    public async Task ClientPage_SecretTheKeysNoLongerOpen_TellsTheAdministratorToRenewIt_UntilRenewed(string language, string expected)
    {
        await using var receiver = new WebhookReceiver();
        var (client, _) = await ListeningAsync(receiver);
        await SetStoredAsync(client.Id, ProtectedWithLostKeys(WebhookSigning.NewSecret()));
        using var context = portal.AdminPage(await portal.AdministratorAsync(), Languages.All.Single(l => l.Code == language));
        var page = context.Render<ApiClientPage>(p => p.Add(c => c.Id, client.Id));

        var alert = page.WaitForElement("#api-client-webhook-unreadable");
        Assert.Contains(expected, alert.TextContent, StringComparison.Ordinal);
        page.Find("#api-client-webhook-renew").Click();

        page.WaitForElement("#api-client-webhook-secret");
        Assert.Empty(page.FindAll("#api-client-webhook-unreadable"));
        using var again = portal.AdminPage(await portal.AdministratorAsync());
        Assert.Empty(again.Render<ApiClientPage>(p => p.Add(c => c.Id, client.Id)).FindAll("#api-client-webhook-unreadable"));
    }

    /// <summary>A secret encrypted under the same purpose by keys this portal does not have (its keys lost, or replaced).</summary>
    private static string ProtectedWithLostKeys(string secret) =>
        WebhookSecrets.StoredPrefix + DataProtectionProvider.Create("a portal whose keys were lost").CreateProtector(WebhookSecrets.Purpose).Protect(secret);

    private async Task<string?> StoredAsync(string clientId)
    {
        await using var scope = portal.Portal.App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AccountsDb>().ApiClients.Where(c => c.Id == clientId).Select(c => c.WebhookSecret).SingleAsync();
    }

    private async Task SetStoredAsync(string clientId, string stored)
    {
        await using var scope = portal.Portal.App.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<AccountsDb>().ApiClients.Where(c => c.Id == clientId)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.WebhookSecret, stored));
    }
}
