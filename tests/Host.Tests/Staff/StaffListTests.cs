using EmploymentProcedures.Engine.Definitions;
using EmploymentProcedures.Engine.Workflow;
using EmploymentProcedures.Host.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EmploymentProcedures.Host.Tests.Staff;

/// <summary>The list of <c>/staff</c>, over a portal of its own so that every account counted is one the test made.</summary>
public sealed class StaffListTests : IAsyncLifetime
{
    private static readonly Actor Administrator = new("admin-id", "Admin", "administrator", RoleKind.Staff, []);

    private TempPortal? _portal;

    private TempPortal Portal => _portal!;

    public async Task InitializeAsync()
    {
        _portal = await TempPortal.PrepareAsync();
        await AddAsync("Karima Benali", "karima@emploi.example", "desk-agent", "Demo-Portail-2026", deactivated: false, "rabat");
        await AddAsync("Youssef Alaoui", "youssef@emploi.example", "desk-agent", password: null, deactivated: false, "casablanca");
        await AddAsync("Nadia Tazi", "nadia@emploi.example", "labour-inspector", "Demo-Portail-2026", deactivated: true, "casablanca");
        await AddAsync("Omar Berrada", "omar@emploi.example", "analyst", "Demo-Portail-2026", deactivated: false);
        await AddAsync("Atlas Textile", "contact@atlas.example", "employer", "Demo-Portail-2026", deactivated: false);
    }

    public async Task DisposeAsync() => await Portal.DisposeAsync();

    [Fact]
    public async Task List_ByDefault_ShowsReviewersAndStaffByName_AndApplicantsOnlyBehindTheirFilter()
    {
        var agents = await ListAsync(new StaffFilter());
        var applicants = await ListAsync(new StaffFilter(Role: StaffFilter.Applicants));

        Assert.Equal(["Karima Benali", "Nadia Tazi", "Omar Berrada", "Youssef Alaoui"], agents.Items.Select(m => m.Name));
        Assert.Equal(4, agents.Total);
        Assert.Equal(["Atlas Textile"], applicants.Items.Select(m => m.Name));
    }

    [Fact]
    public async Task List_Filters_ByRoleProvinceStateAndSearch()
    {
        Assert.Equal(["Karima Benali", "Youssef Alaoui"], Names(await ListAsync(new StaffFilter(Role: "desk-agent"))));
        Assert.Equal(["Nadia Tazi", "Youssef Alaoui"], Names(await ListAsync(new StaffFilter(Province: "casablanca"))));
        Assert.Equal(["Karima Benali", "Omar Berrada"], Names(await ListAsync(new StaffFilter(State: StaffState.Active))));
        Assert.Equal(["Youssef Alaoui"], Names(await ListAsync(new StaffFilter(State: StaffState.Invited))));
        Assert.Equal(["Nadia Tazi"], Names(await ListAsync(new StaffFilter(State: StaffState.Deactivated))));
        Assert.Equal(["Karima Benali"], Names(await ListAsync(new StaffFilter(Search: "benAL"))));
        Assert.Equal(["Omar Berrada"], Names(await ListAsync(new StaffFilter(Search: "omar@EMPLOI"))));
        Assert.Empty(Names(await ListAsync(new StaffFilter(Search: "%"))));
        var invited = Assert.Single((await ListAsync(new StaffFilter(Search: "youssef"))).Items);
        Assert.Equal(("desk-agent", StaffState.Invited), (invited.Role, invited.State));
        Assert.Equal(["casablanca"], invited.Provinces);
    }

    [Fact]
    public async Task List_Dormant_GivesTheAccountsThatMaySignInButHaveNotFor90DaysOrEver_WithTheirLastSignIn()
    {
        var now = DateTime.UtcNow;
        await SignedInAtAsync("karima@emploi.example", now.AddDays(-91));
        await SignedInAtAsync("omar@emploi.example", now.AddDays(-89));
        await SignedInAtAsync("nadia@emploi.example", now.AddDays(-200));
        await AddAsync("Samir Chraibi", "samir@emploi.example", "analyst", "Demo-Portail-2026", deactivated: false);

        var dormant = await ListAsync(new StaffFilter(Dormant: true));
        var all = await ListAsync(new StaffFilter());

        // Karima not for 91 days, Samir never; Omar signed in 89 days ago; Nadia is deactivated, Youssef invited: neither can sign in.
        Assert.Equal(["Karima Benali", "Samir Chraibi"], Names(dormant));
        var karima = Assert.Single(all.Items, m => m.Name == "Karima Benali").LastSignInAt;
        Assert.Equal(DateTimeKind.Utc, karima?.Kind);
        Assert.InRange((now.AddDays(-91) - karima!.Value).Duration(), TimeSpan.Zero, TimeSpan.FromSeconds(1));
        Assert.Null(Assert.Single(all.Items, m => m.Name == "Samir Chraibi").LastSignInAt);
    }

    [Fact]
    public async Task List_FiftyAPage_TheTotalCountsThemAll()
    {
        for (var i = 0; i < 50; i++)
            await AddAsync($"Agent {i:D2}", $"agent{i:D2}@emploi.example", "labour-directorate", password: null, deactivated: false);

        var first = await ListAsync(new StaffFilter(Role: "labour-directorate"));
        var second = await ListAsync(new StaffFilter(Role: "labour-directorate"), page: 1);

        Assert.Equal((50, 50, 0), (first.Items.Count, first.Total, second.Items.Count));
        var all = await ListAsync(new StaffFilter());
        Assert.Equal((50, 54), (all.Items.Count, all.Total));
        Assert.Equal(4, (await ListAsync(new StaffFilter(), page: 1)).Items.Count);
    }

    [Theory]
    [InlineData(int.MaxValue)]
    [InlineData(int.MaxValue / 50 + 1)]
    public async Task List_PageFarBeyondTheLast_IsEmptyRatherThanTheFirstPageAgain(int page)
    {
        var far = await ListAsync(new StaffFilter(), page);

        Assert.Empty(far.Items);
        Assert.Equal(4, far.Total);
    }

    [Fact]
    public async Task Search_FrenchAccentsAndDotsUnderLetters_AreFoldedBothWays()
    {
        await AddAsync("Élodie Marchand", "elodie.marchand@emploi.example", "desk-agent", password: null, deactivated: false, "rabat");
        await AddAsync("Ḥassan Ḥakimi", "h.hakimi@emploi.example", "analyst", password: null, deactivated: false);
        await AddAsync("Hélène Bennani", "helene@emploi.example", "analyst", password: null, deactivated: false);

        Assert.Equal(["Élodie Marchand"], Names(await ListAsync(new StaffFilter(Search: "elodie"))));
        Assert.Equal(["Élodie Marchand"], Names(await ListAsync(new StaffFilter(Search: "MARCHAND Élodie"))));
        Assert.Equal(["Ḥassan Ḥakimi"], Names(await ListAsync(new StaffFilter(Search: "Hakimi"))));
        Assert.Equal(["Hélène Bennani"], Names(await ListAsync(new StaffFilter(Search: "helene bennani"))));
        // Folding is not spelling: a letter missing is still a different name.
        Assert.Empty(Names(await ListAsync(new StaffFilter(Search: "Benani"))));
    }

    [Fact]
    public async Task Search_ArabicLetterVariantsTatweelAndDiacritics_FindTheSameName()
    {
        await AddAsync("أحمد الإدريسي", "ahmed@emploi.example", "desk-agent", password: null, deactivated: false, "rabat");
        await AddAsync("فاطمة آيت مصطفى", "fatima@emploi.example", "labour-inspector", password: null, deactivated: false, "casablanca");

        foreach (var typed in new[] { "احمد", "أحمد", "إحمد", "أَحْمَد", "أحـــمد", "الادريسي" })
            Assert.Equal(["أحمد الإدريسي"], Names(await ListAsync(new StaffFilter(Search: typed))));
        foreach (var typed in new[] { "فاطمه", "فاطمة", "ايت", "مصطفي" })
            Assert.Equal(["فاطمة آيت مصطفى"], Names(await ListAsync(new StaffFilter(Search: typed))));
    }

    [Fact]
    public async Task Search_PartsOfTheEmail_FindTheAccount()
    {
        Assert.Equal(["Karima Benali"], Names(await ListAsync(new StaffFilter(Search: "karima@emploi.example"))));
        Assert.Equal(["Karima Benali"], Names(await ListAsync(new StaffFilter(Search: "emploi karima"))));
        Assert.Equal(["Omar Berrada"], Names(await ListAsync(new StaffFilter(Search: "OMAR@"))));
        Assert.Equal(4, (await ListAsync(new StaffFilter(Search: "emploi.example"))).Total);
        Assert.Equal(["Atlas Textile"], Names(await ListAsync(new StaffFilter(Search: "atlas.example", Role: StaffFilter.Applicants))));
    }

    [Fact]
    public async Task Search_AfterAnAdministratorRenamesSomeone_FindsTheNewNameOnly()
    {
        var karima = (await ListAsync(new StaffFilter(Search: "Karima"))).Items.Single();
        await using (var scope = Portal.App.Services.CreateAsyncScope())
        {
            var changed = await scope.ServiceProvider.GetRequiredService<StaffAccounts>()
                .ChangeAsync(Administrator, karima.Id, new StaffEdit("Karima Ḥaddad", "desk-agent", ["rabat"]));
            Assert.True(changed.Succeeded);
        }

        Assert.Equal(["Karima Ḥaddad"], Names(await ListAsync(new StaffFilter(Search: "haddad"))));
        Assert.Empty(Names(await ListAsync(new StaffFilter(Search: "benali"))));
    }

    [Fact]
    public async Task Search_AccountsSavedWithoutAKey_GetOneAtTheNextStart()
    {
        await using (var scope = Portal.App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AccountsDb>();
            await db.Users.ExecuteUpdateAsync(s => s.SetProperty(a => a.SearchKey, (string?)null));
            Assert.Empty(Names(await ListAsync(new StaffFilter(Search: "youssef"))));

            await AccountSearch.FillAsync(db);
        }

        Assert.Equal(["Youssef Alaoui"], Names(await ListAsync(new StaffFilter(Search: "youssef"))));
        Assert.Equal(4, (await ListAsync(new StaffFilter(Search: "emploi"))).Total);
    }

    [Fact]
    public async Task Search_Folded_StillFiftyAPage_TheTotalCountsThemAll()
    {
        for (var i = 0; i < 52; i++)
            await AddAsync($"Élise Agent {i:D2}", $"elise{i:D2}@emploi.example", "labour-directorate", password: null, deactivated: false);

        var first = await ListAsync(new StaffFilter(Search: "ELISE"));
        var second = await ListAsync(new StaffFilter(Search: "ELISE"), page: 1);

        Assert.Equal((50, 52, 2), (first.Items.Count, first.Total, second.Items.Count));
        Assert.Equal("Élise Agent 00", first.Items[0].Name);
        Assert.Equal(["Élise Agent 50", "Élise Agent 51"], Names(second));
    }

    [Fact]
    public async Task List_ForAnyoneButAnAdministrator_IsNothing()
    {
        await using var scope = Portal.App.Services.CreateAsyncScope();
        var staff = scope.ServiceProvider.GetRequiredService<StaffAccounts>();

        Assert.Null(await staff.ListAsync(Actor.Reviewer("k", "K", "desk-agent", "rabat"), new StaffFilter(), 0));
        Assert.Null(await staff.ListAsync(new Actor("a", "A", "analyst", RoleKind.Staff, []), new StaffFilter(), 0));
        Assert.Null(await staff.ListAsync(null, new StaffFilter(), 0));
    }

    private static List<string> Names(StaffPage page) => page.Items.Select(m => m.Name).ToList();

    private async Task<StaffPage> ListAsync(StaffFilter filter, int page = 0)
    {
        await using var scope = Portal.App.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<StaffAccounts>().ListAsync(Administrator, filter, page))!;
    }

    private async Task SignedInAtAsync(string email, DateTime at)
    {
        await using var scope = Portal.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AccountsDb>();
        Assert.Equal(1, await db.Users.Where(a => a.Email == email).ExecuteUpdateAsync(set => set.SetProperty(a => a.LastSignInAt, at)));
    }

    private async Task AddAsync(string name, string email, string role, string? password, bool deactivated, params string[] provinces)
    {
        await using var scope = Portal.App.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<Account>>();
        var account = new Account { UserName = email, Email = email, DisplayName = name, Role = role, Provinces = [.. provinces] };
        if (deactivated)
            account.LockoutEnd = DateTimeOffset.MaxValue;
        var created = password is null ? await users.CreateAsync(account) : await users.CreateAsync(account, password);
        Assert.True(created.Succeeded, string.Join("; ", created.Errors.Select(e => e.Description)));
    }
}
