using EmploymentProcedures.Engine.Definitions;
using EmploymentProcedures.Host.Accounts;

namespace EmploymentProcedures.Host.Tests.Accounts;

public sealed class DemoAccountsTests
{
    private static readonly IReadOnlyList<DemoAccount> Accounts = DemoAccounts.For(Repository.Catalog.Library);

    [Fact]
    public void For_RolesYaml_GivesOneAccountPerRolePlusASecondDeskAgent()
    {
        var roles = Repository.Catalog.Library.Roles.Keys.ToList();
        Assert.Equal(roles.Count + 1, Accounts.Count);
        Assert.All(roles, r => Assert.Contains(Accounts, a => a.Role == r));
        Assert.Equal(Accounts.Count, Accounts.Select(a => a.Email).Distinct().Count());
    }

    [Fact]
    public void For_TerritorialReviewers_CoverCasablanca_AndOneDeskAgentCoversRabat()
    {
        var library = Repository.Catalog.Library;
        foreach (var account in Accounts.Where(a => a.Kind == RoleKind.Reviewer && library.Roles[a.Role].Territorial && a.Provinces[0] != DemoAccounts.SecondProvince))
            Assert.Equal([DemoAccounts.Province], account.Provinces);
        Assert.Single(Accounts, a => a.Role == "desk-agent" && a.Provinces.SequenceEqual([DemoAccounts.SecondProvince]));
    }

    [Fact]
    public void For_ProvincesUsed_AreInTheProvincesList()
    {
        var provinces = Repository.Catalog.Library.Lists["provinces"];
        Assert.All(Accounts.SelectMany(a => a.Provinces), p => Assert.True(provinces.Contains(p), p));
    }

    [Fact]
    public void For_ApplicantsAndStaff_HaveNoTerritory() =>
        Assert.All(Accounts.Where(a => a.Kind != RoleKind.Reviewer), a => Assert.Empty(a.Provinces));
}
