using EmploymentProcedures.Engine.Storage;
using EmploymentProcedures.Host.Api;
using Microsoft.Extensions.DependencyInjection;

namespace EmploymentProcedures.Host.Tests.Api;

/// <summary>
/// The portal pushing to webhooks on this machine (<c>Portal:ApiWebhooksAllowHttp</c>), with its dispatch timer off: the tests
/// run the dispatcher's rounds themselves, at the times they choose.
/// </summary>
public sealed class WebhookPortal : ApiPortal
{
    protected override string[] Settings => ["--Portal:ApiWebhooksAllowHttp=true", "--Portal:ApiWebhookInterval=00:00:00"];

    internal WebhookDispatcher Dispatcher => Portal.App.Services.GetRequiredService<WebhookDispatcher>();

    /// <summary>Another dispatcher over the same database, as a second instance of the portal runs its own.</summary>
    internal WebhookDispatcher AnotherDispatcher() => ActivatorUtilities.CreateInstance<WebhookDispatcher>(Portal.App.Services);

    internal PartnerEvents Events => Portal.App.Services.GetRequiredService<PartnerEvents>();

    /// <summary>A client granted the test procedure, pushing to <paramref name="receiver"/>: its token and its signing secret.</summary>
    internal async Task<(ApiClient Client, string Token, string Secret)> ListeningAsync(WebhookReceiver receiver, string[]? provinces = null)
    {
        var (client, token) = await ClientAsync([Procedure], provinces);
        var administrator = await AdministratorAsync();
        var set = await WithClientsAsync(c => c.SetWebhookAsync(administrator, client.Id, receiver.Url));
        Assert.True(set.Succeeded, string.Join("; ", set.Errors));
        return (set.Client!, token, set.WebhookSecret!);
    }
}

[CollectionDefinition(Name)]
public sealed class WebhookPortalTests : ICollectionFixture<WebhookPortal>
{
    public const string Name = "webhook portal";
}
