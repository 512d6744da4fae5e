using EmploymentProcedures.Engine.Definitions;
using EmploymentProcedures.Engine.Loading;
using Microsoft.AspNetCore.Identity;

namespace EmploymentProcedures.Host.Accounts;

/// <summary>One demo account: who it is and what it may do.</summary>
public sealed record DemoAccount(string Email, string DisplayName, string Role, RoleKind Kind, IReadOnlyList<string> Provinces);

/// <summary>
/// The demo accounts: one per role of <c>roles.yaml</c> (territorial reviewers in Casablanca), a second
/// desk agent in Rabat to show the territory filter, all with the same demo password. Created at the
/// first start when <see cref="PortalOptions.SeedDemoAccounts"/> is on, never changed afterwards.
/// </summary>
public static class DemoAccounts
{
    /// <summary>For the demo only: a real deployment turns seeding off.</summary>
    public const string Password = "Demo-Portail-2026";

    public const string Domain = "demo.example";
    public const string Province = "casablanca";
    public const string SecondProvince = "rabat";

    public static IReadOnlyList<DemoAccount> For(ProcedureLibrary library)
    {
        ArgumentNullException.ThrowIfNull(library);
        var accounts = library.Roles.Values
            .Select(r => new DemoAccount(
                $"{r.Id}@{Domain}",
                $"{r.Label?.Get("fr") ?? r.Id} (démo)",
                r.Id,
                r.Kind,
                r is { Kind: RoleKind.Reviewer, Territorial: true } ? [Province] : []))
            .ToList();
        if (library.Roles.TryGetValue("desk-agent", out var desk))
            accounts.Add(new DemoAccount($"desk-agent.{SecondProvince}@{Domain}", $"{desk.Label?.Get("fr") ?? desk.Id} — Rabat (démo)", desk.Id, desk.Kind, [SecondProvince]));
        return accounts;
    }

    /// <summary>Creates the demo accounts that do not exist yet; returns those it created.</summary>
    public static async Task<IReadOnlyList<DemoAccount>> SeedAsync(UserManager<Account> users, ProcedureLibrary library)
    {
        ArgumentNullException.ThrowIfNull(users);
        var created = new List<DemoAccount>();
        foreach (var demo in For(library))
        {
            if (await users.FindByEmailAsync(demo.Email).ConfigureAwait(false) is not null)
                continue;
            var account = new Account
            {
                UserName = demo.Email,
                Email = demo.Email,
                EmailConfirmed = true,
                DisplayName = demo.DisplayName,
                Role = demo.Role,
                Provinces = [.. demo.Provinces],
            };
            var result = await users.CreateAsync(account, Password).ConfigureAwait(false);
            if (!result.Succeeded)
                throw new InvalidOperationException($"demo account {demo.Email} could not be created: {string.Join("; ", result.Errors.Select(e => e.Description))}");
            created.Add(demo);
        }
        return created;
    }
}
