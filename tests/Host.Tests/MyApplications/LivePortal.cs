using System.Net;
using System.Text.RegularExpressions;
using EmploymentProcedures.Engine.Definitions;
using EmploymentProcedures.Engine.Loading;
using EmploymentProcedures.Engine.Storage;
using EmploymentProcedures.Engine.Workflow;
using EmploymentProcedures.Host.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace EmploymentProcedures.Host.Tests.MyApplications;

/// <summary>The real portal listening on Kestrel, once for the collection, with accounts and signed-in HTTP clients.</summary>
public partial class LivePortal : IAsyncLifetime
{
    /// <summary>More command-line settings for the portal this fixture starts.</summary>
    protected virtual string[] Settings => [];

    public const string Password = "Quatre-Saisons-2026";

    private TempPortal? _portal;

    internal TempPortal Portal => _portal ?? throw new InvalidOperationException("the portal is not started");

    internal Applications Applications => Portal.App.Services.GetRequiredService<Applications>();

    internal Filing Filing => new(Applications, Portal.App.Services.GetRequiredService<ProcedureCatalog>().Definitions[Filing.Procedure]);

    public async Task InitializeAsync() => _portal = await TempPortal.PrepareAsync(listen: true, Settings);

    public async Task DisposeAsync()
    {
        if (_portal is not null)
            await _portal.DisposeAsync();
    }

    /// <summary>Creates an account of <paramref name="role"/> (a reviewer's with <paramref name="provinces"/>) and gives its e-mail and its actor.</summary>
    internal async Task<(string Email, Actor Actor)> AccountAsync(string role, params string[] provinces)
    {
        var email = $"{role}-{Guid.NewGuid():N}@example.test";
        await using var scope = Portal.App.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<Account>>();
        var account = new Account { UserName = email, Email = email, DisplayName = "Test " + role, Role = role };
        foreach (var province in provinces)
            account.Provinces.Add(province);
        var created = await users.CreateAsync(account, Password);
        Assert.True(created.Succeeded, string.Join("; ", created.Errors.Select(e => e.Description)));
        var library = Portal.App.Services.GetRequiredService<ProcedureCatalog>().Library;
        var kind = library.Roles[role].Kind;
        return (email, new Actor(account.Id, account.DisplayName, role, kind, kind == RoleKind.Reviewer ? provinces : []));
    }

    /// <summary>The account of <paramref name="email"/>, or null when none has it.</summary>
    internal async Task<Account?> FindAccountAsync(string email)
    {
        await using var scope = Portal.App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<UserManager<Account>>().FindByEmailAsync(email);
    }

    /// <summary>An HTTP client that follows no redirect, keeps cookies, and is not signed in.</summary>
    internal HttpClient Anonymous() =>
        new(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = Portal.BaseAddress };

    /// <summary>An HTTP client like <see cref="Anonymous"/> whose browser chose <paramref name="language"/> (its culture cookie).</summary>
    internal HttpClient In(string language) => In(Portal.BaseAddress!, language);

    /// <summary>An anonymous visitor's client of the portal at <paramref name="address"/> whose browser chose <paramref name="language"/>.</summary>
    internal static HttpClient In(Uri address, string language)
    {
        var cookies = new CookieContainer();
        var culture = EmploymentProcedures.Host.Localization.Languages.Find(language)!.CultureName;
        cookies.Add(address, new Cookie(".AspNetCore.Culture", $"c={culture}|uic={culture}"));
        return new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = address };
    }

    /// <summary>An HTTP client signed in through the real sign-in form (its antiforgery token included).</summary>
    internal async Task<HttpClient> SignedInAsync(string email)
    {
        var client = Anonymous();
        using var response = await PostSignInAsync(client, email, Password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    /// <summary>Posts the sign-in form of <paramref name="path"/> (the page with its query) as a browser would, token included.</summary>
    internal static async Task<HttpResponseMessage> PostSignInAsync(HttpClient client, string email, string password, string path = "/account/sign-in")
    {
        var form = await client.GetStringAsync(path);
        return await client.PostAsync(path, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = Hidden(form, "_handler"),
            ["__RequestVerificationToken"] = Hidden(form, "__RequestVerificationToken"),
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        }));
    }

    /// <summary>A hidden field of the page (the antiforgery token appears in each of its forms, always the same).</summary>
    internal static string Hidden(string html, string name) =>
        WebUtility.HtmlDecode(HiddenInput().Matches(html).Where(m => m.Groups["name"].Value == name).Select(m => m.Groups["value"].Value).Distinct().Single());

    [GeneratedRegex(@"<input type=""hidden"" name=""(?<name>[^""]+)"" value=""(?<value>[^""]*)""")]
    private static partial Regex HiddenInput();
}

[CollectionDefinition(Name)]
public sealed class LivePortalTests : ICollectionFixture<LivePortal>
{
    public const string Name = "live portal";
}
