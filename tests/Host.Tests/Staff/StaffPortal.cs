using System.Net;
using EmploymentProcedures.Host.Accounts;
using EmploymentProcedures.Host.Tests.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EmploymentProcedures.Host.Tests.Staff;

/// <summary>
/// A portal like the password links' (each request's cookie checked against its account at once, where the default is
/// every minute, so a session an administrator ended is seen ended by the next request; e-mails in its pickup folder).
/// </summary>
public sealed class StaffPortal : PasswordPortal
{
    /// <summary>Posts the form <paramref name="handler"/> of the page at <paramref name="path"/> as a browser would, token included.</summary>
    internal static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string path, string handler, params (string Name, string Value)[] fields)
    {
        var page = await client.GetStringAsync(path);
        return await PostFormAsync(client, path, page, handler, fields);
    }

    /// <summary>Posts a form with the token of <paramref name="page"/> (one a non-administrator could not have fetched).</summary>
    internal static Task<HttpResponseMessage> PostFormAsync(HttpClient client, string path, string page, string handler, params (string Name, string Value)[] fields) =>
        client.PostAsync(path, new FormUrlEncodedContent(
            new[] { new KeyValuePair<string, string>("_handler", handler), new("__RequestVerificationToken", Hidden(page, "__RequestVerificationToken")) }
                .Concat(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)))));

    /// <summary>An account as the database has it now, with what administrators changed on it, oldest first.</summary>
    internal async Task<(Account? Account, List<StaffChange> Changes)> ReadAsync(string id)
    {
        await using var scope = Portal.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AccountsDb>();
        return (await db.Users.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id),
            await db.StaffChanges.AsNoTracking().Where(c => c.AccountId == id).OrderBy(c => c.Id).ToListAsync());
    }

    /// <summary>The administrators' service in a scope of its own, as a page's request has it.</summary>
    internal async Task<T> WithStaffAsync<T>(Func<StaffAccounts, Task<T>> act)
    {
        await using var scope = Portal.App.Services.CreateAsyncScope();
        return await act(scope.ServiceProvider.GetRequiredService<StaffAccounts>());
    }

    /// <summary>Whether the client's session still opens a signed-in page (the account page), or is sent to sign in.</summary>
    internal static async Task<bool> SignedInStillAsync(HttpClient client)
    {
        using var response = await client.GetAsync("/account");
        return response.StatusCode == HttpStatusCode.OK;
    }
}

[CollectionDefinition(Name)]
public sealed class StaffPortalTests : ICollectionFixture<StaffPortal>
{
    public const string Name = "staff portal";
}
