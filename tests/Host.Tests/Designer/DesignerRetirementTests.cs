using EmploymentProcedures.Engine.Definitions;
using EmploymentProcedures.Engine.Storage;
using EmploymentProcedures.Engine.Workflow;
using EmploymentProcedures.Host.Catalog;
using EmploymentProcedures.Host.Components.Designer;
using Microsoft.Extensions.DependencyInjection;

namespace EmploymentProcedures.Host.Tests.Designer;

/// <summary>The designer's retire and reinstate, checked on the server: analysts only, a reason required, served at once.</summary>
public sealed class DesignerRetirementTests : IAsyncLifetime
{
    private const string Procedure = "foreign-worker-contract-visa";
    private static readonly Actor Analyst = new("analyst-1", "Salma Analyste", DesignerAccess.Analyst, RoleKind.Staff, []);

    private TempPortal _portal = null!;

    public async Task InitializeAsync() => _portal = await TempPortal.PrepareAsync();

    public async Task DisposeAsync() => await _portal.DisposeAsync();

    private DefinitionStore Store => _portal.App.Services.GetRequiredService<DefinitionStore>();

    private CatalogRefresh Refresh => _portal.App.Services.GetRequiredService<CatalogRefresh>();

    private PublishedCatalog Served => _portal.App.Services.GetRequiredService<PublishedCatalog>();

    public static TheoryData<string?> NotAnalysts => [DesignerAccess.Administrator, "desk-agent", "employer", null];

    private static Actor? ActorOf(string? role) => role switch
    {
        null => null,
        "employer" => Actor.Applicant("someone", "Atlas Ingénierie"),
        _ => new Actor("staff-1", "Agent", role, role == "desk-agent" ? RoleKind.Reviewer : RoleKind.Staff, []),
    };

    [Theory]
    [MemberData(nameof(NotAnalysts))]
    public async Task Retire_ByAnyoneButAnAnalyst_IsRefusedAndChangesNothing(string? role)
    {
        var outcome = await DesignerRetirement.RetireAsync(Procedure, "Abrogée", ActorOf(role), Store, Refresh);

        Assert.Equal(RetirementOutcome.NotAllowed, outcome);
        Assert.Empty(await Store.RetirementsAsync());
        Assert.Null(Served.RetirementOf(Procedure));
    }

    [Theory]
    [MemberData(nameof(NotAnalysts))]
    public async Task Reinstate_ByAnyoneButAnAnalyst_IsRefusedAndItStaysRetired(string? role)
    {
        await DesignerRetirement.RetireAsync(Procedure, "Abrogée", Analyst, Store, Refresh);

        var outcome = await DesignerRetirement.ReinstateAsync(Procedure, ActorOf(role), Store, Refresh);

        Assert.Equal(RetirementOutcome.NotAllowed, outcome);
        Assert.NotNull(await Store.RetirementAsync(Procedure));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public async Task Retire_WithoutAReason_IsRefused(string? reason)
    {
        Assert.Equal(RetirementOutcome.ReasonRequired, await DesignerRetirement.RetireAsync(Procedure, reason, Analyst, Store, Refresh));
        Assert.Empty(await Store.RetirementsAsync());
    }

    [Fact]
    public async Task Retire_WithATooLongReason_IsRefused()
    {
        var outcome = await DesignerRetirement.RetireAsync(Procedure, new string('a', DefinitionStore.MaxReasonLength + 1), Analyst, Store, Refresh);

        Assert.Equal(RetirementOutcome.ReasonTooLong, outcome);
        Assert.Empty(await Store.RetirementsAsync());
    }

    [Fact]
    public async Task Retire_ByAnAnalyst_LeavesTheCatalogAtOnce_AndAProcedureNeverPublishedIsSaidSo()
    {
        var outcome = await DesignerRetirement.RetireAsync(Procedure, "Remplacée par la procédure dématérialisée de l'ANAPEC", Analyst, Store, Refresh);

        Assert.Equal(RetirementOutcome.Done, outcome);
        Assert.Equal("Salma Analyste", Served.RetirementOf(Procedure)?.RetiredByName);
        Assert.DoesNotContain(Procedure, Served.Index.Search(null, "fr").SelectMany(g => g.Procedures).Select(d => d.Id));
        Assert.Equal(RetirementOutcome.Unchanged, await DesignerRetirement.RetireAsync(Procedure, "Encore", Analyst, Store, Refresh));
        Assert.Equal(RetirementOutcome.NotPublished, await DesignerRetirement.RetireAsync("never-published", "Abrogée", Analyst, Store, Refresh));
    }
}
