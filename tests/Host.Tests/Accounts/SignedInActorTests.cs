using System.Security.Claims;
using EmploymentProcedures.Engine.Definitions;
using EmploymentProcedures.Host.Accounts;

namespace EmploymentProcedures.Host.Tests.Accounts;

public sealed class SignedInActorTests
{
    private static ClaimsPrincipal User(string id, string role, params string[] provinces)
    {
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, id),
            new(ClaimTypes.Name, id + "@example.test"),
            new(PortalClaims.DisplayName, "Name of " + id),
            new(PortalClaims.Role, role),
        };
        claims.AddRange(provinces.Select(p => new Claim(PortalClaims.Province, p)));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, "test"));
    }

    private static readonly Engine.Loading.ProcedureLibrary Library = Repository.Catalog.Library;

    [Fact]
    public void From_Employer_IsAnApplicantWithoutTerritory()
    {
        var actor = SignedInActor.From(User("u1", "employer", "casablanca"), Library);
        Assert.NotNull(actor);
        Assert.Equal("u1", actor.UserId);
        Assert.Equal("Name of u1", actor.Name);
        Assert.Equal("employer", actor.Role);
        Assert.Equal(RoleKind.Applicant, actor.Kind);
        Assert.Empty(actor.Provinces);
    }

    [Fact]
    public void From_AnyAccount_ReadsInThePortalsLanguage_SoTheirLettersAreIssuedInIt()
    {
        var previous = System.Globalization.CultureInfo.CurrentUICulture;
        try
        {
            System.Globalization.CultureInfo.CurrentUICulture = EmploymentProcedures.Host.Localization.Languages.Arabic.Culture;
            Assert.Equal("ar", SignedInActor.From(User("u6", "employer"), Library)?.Language);
            System.Globalization.CultureInfo.CurrentUICulture = EmploymentProcedures.Host.Localization.Languages.French.Culture;
            Assert.Equal("fr", SignedInActor.From(User("u6", "employer"), Library)?.Language);
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentUICulture = previous;
        }
    }

    [Fact]
    public void From_TerritorialReviewer_KeepsTheirProvinces()
    {
        var actor = SignedInActor.From(User("u2", "desk-agent", "rabat", "casablanca"), Library);
        Assert.NotNull(actor);
        Assert.Equal(RoleKind.Reviewer, actor.Kind);
        Assert.Equal(["casablanca", "rabat"], actor.Provinces);
    }

    [Fact]
    public void From_CentralReviewer_HasNoTerritoryEvenIfTheAccountListsOne()
    {
        var actor = SignedInActor.From(User("u3", "migrant-employment-service", "casablanca"), Library);
        Assert.NotNull(actor);
        Assert.Equal(RoleKind.Reviewer, actor.Kind);
        Assert.Empty(actor.Provinces);
    }

    [Theory]
    [InlineData("analyst")]
    [InlineData("administrator")]
    public void From_Staff_IsStaff(string role) =>
        Assert.Equal(RoleKind.Staff, SignedInActor.From(User("u4", role), Library)?.Kind);

    [Fact]
    public void From_RoleNoLongerInRolesYaml_IsNobody() =>
        Assert.Null(SignedInActor.From(User("u5", "inspecter"), Library));

    [Fact]
    public void From_Anonymous_IsNobody() =>
        Assert.Null(SignedInActor.From(new ClaimsPrincipal(new ClaimsIdentity()), Library));

    [Fact]
    public void From_StaffRoleClaimedByAnApplicantCookie_IsStillJudgedByRolesYaml()
    {
        // The kind is read from roles.yaml, so a cookie cannot make an account "system" or change its kind.
        var actor = SignedInActor.From(User(Engine.Workflow.Actor.SystemId, "employer"), Library);
        Assert.NotNull(actor);
        Assert.False(actor.IsSystem);
    }
}
