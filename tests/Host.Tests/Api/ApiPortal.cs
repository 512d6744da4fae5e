using System.Net.Http.Headers;
using System.Text.Json;
using EmploymentProcedures.Engine.Storage;
using EmploymentProcedures.Engine.Workflow;
using EmploymentProcedures.Host.Accounts;
using EmploymentProcedures.Host.Api;
using EmploymentProcedures.Host.Localization;
using EmploymentProcedures.Host.Tests.MyApplications;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace EmploymentProcedures.Host.Tests.Api;

/// <summary>The real portal listening on Kestrel, with API clients made by an administrator as the admin page makes them.</summary>
public class ApiPortal : LivePortal
{
    private Actor? _administrator;

    internal const string Procedure = Filing.Procedure;

    /// <summary>An administrator (one account for the portal).</summary>
    internal async Task<Actor> AdministratorAsync() => _administrator ??= (await AccountAsync("administrator")).Actor;

    /// <summary>The administrators' service in a scope of its own, as a page has it.</summary>
    internal async Task<T> WithClientsAsync<T>(Func<ApiClients, Task<T>> act)
    {
        await using var scope = Portal.App.Services.CreateAsyncScope();
        return await act(scope.ServiceProvider.GetRequiredService<ApiClients>());
    }

    /// <summary>A new client granted <paramref name="procedures"/> (and <paramref name="provinces"/>), with its token.</summary>
    internal async Task<(ApiClient Client, string Token)> ClientAsync(string[] procedures, string[]? provinces = null, DateOnly? expiresOn = null, string name = "DGSN — visas")
    {
        var administrator = await AdministratorAsync();
        var outcome = await WithClientsAsync(c => c.CreateAsync(administrator, new ApiClientForm(name, "DGSN", "dsi@dgsn.example.test", procedures, provinces ?? [], expiresOn)));
        Assert.True(outcome.Succeeded, string.Join("; ", outcome.Errors));
        return (outcome.Client!, outcome.Token!);
    }

    /// <summary>An HTTP client sending <paramref name="token"/> as its bearer token (and no cookie).</summary>
    internal HttpClient Bearer(string token)
    {
        var client = Anonymous();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>A bUnit context for the administrators' pages of API clients, over this portal's databases.</summary>
    internal PageContext AdminPage(Actor actor, Language? language = null) =>
        new(this, actor, language, more: services =>
        {
            services.AddDbContext<AccountsDb>(o => AccountsDb.Configure(o, Portal.DatabaseFile));
            services.AddSingleton(Portal.App.Services.GetRequiredService<PartnerEvents>());
            services.AddSingleton(Portal.App.Services.GetRequiredService<IOptions<PortalOptions>>());
            services.AddSingleton(Portal.App.Services.GetRequiredService<WebhookSecrets>());
            services.AddScoped<ApiClients>();
        });

    internal static async Task<JsonElement> JsonAsync(HttpResponseMessage response)
    {
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return document.RootElement.Clone();
    }
}

[CollectionDefinition(Name)]
public sealed class ApiPortalTests : ICollectionFixture<ApiPortal>
{
    public const string Name = "api portal";
}
