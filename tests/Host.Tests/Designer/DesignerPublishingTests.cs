using EmploymentProcedures.Engine.Authoring;
using EmploymentProcedures.Engine.Definitions;
using EmploymentProcedures.Engine.Workflow;
using EmploymentProcedures.Host.Catalog;
using EmploymentProcedures.Host.Components.Designer;
using EmploymentProcedures.Host.Tests.Applying;
using Microsoft.Extensions.DependencyInjection;

namespace EmploymentProcedures.Host.Tests.Designer;

/// <summary>
/// The designer's publishing path on the real portal (SQLite, the 55 procedures published): who may publish, what a
/// lint error stops, and what a republication does to applications in progress.
/// </summary>
public sealed class DesignerPublishingTests(ApplyingPortal portal) : IClassFixture<ApplyingPortal>
{
    private static readonly Actor Analyst = new("analyst-1", "Analyste des procédures", DesignerAccess.Analyst, RoleKind.Staff, []);

    private PublishedCatalog Served => portal.Portal.App.Services.GetRequiredService<PublishedCatalog>();

    private static string NewId() => "versioned-" + Guid.NewGuid().ToString("N")[..8].Replace('0', 'a');

    private Task<Publication> PublishAsync(string id, string text, Actor? actor) =>
        DesignerPublishing.PublishAsync(id, text, actor, portal.Definitions, Served);

    private static Actor Reviewer(string role) => Actor.Reviewer(role + "-1", "Agent " + role, role, "casablanca");

    /// <summary>Version 2 of the scaffold: the decision moves to another role and the request asks one more field.</summary>
    private static string SecondVersion(string id) =>
        WithWorkforce(Scaffold.For(id).Replace("role: provincial-delegate", "role: regional-director", StringComparison.Ordinal));

    /// <summary>A scaffold's text whose request asks one more required field, <c>workforce</c>.</summary>
    internal static string WithWorkforce(string text) => text.Replace(
        "      - id: declaration\n",
        """
              - id: workforce
                type: number
                required: true
                min: 1
                label: { fr: "Effectif", ar: "عدد الأجراء", en: "Workforce" }
              - id: declaration

        """,
        StringComparison.Ordinal);

    /// <summary>An application of <paramref name="definition"/> submitted with its first scenario's answers and documents.</summary>
    private async Task<Application> SubmittedAsync(ProcedureDefinition definition, Actor applicant)
    {
        var scenario = definition.Tests[0];
        var draft = ApplyingPortal.Ok(await portal.Applications.StartAsync(definition.Id, applicant));
        ApplyingPortal.Ok(await portal.Applications.SaveAnswersAsync(draft.Id, applicant, scenario.Answers));
        foreach (var document in scenario.Documents)
            ApplyingPortal.Ok(await portal.Applications.AttachDocumentAsync(draft.Id, applicant, document, document + ".pdf", new MemoryStream(ApplyingPortal.Pdf())));
        return ApplyingPortal.Ok(await portal.Applications.SubmitAsync(draft.Id, applicant));
    }

    [Fact]
    public async Task Publish_ApplicationStartedBeforeARepublication_IsDecidedOnItsOriginalVersion_AndANewOneGetsTheNewVersion()
    {
        var id = NewId();
        var first = (await PublishAsync(id, Scaffold.For(id), Analyst)).Published!;
        var applicant = ApplyingPortal.NewApplicant();
        var started = await SubmittedAsync(first.Definition, applicant);
        Assert.Equal((1, ApplicationStatus.InReview, "reception"), (started.DefinitionVersion, started.Status, started.Step));

        var second = (await PublishAsync(id, SecondVersion(id), Analyst)).Published!;

        Assert.Equal((2, true), (second.Version, second.Created));
        Assert.NotNull(Served.Catalog.Definitions[id].FindField("workforce"));
        var atDecision = ApplyingPortal.Ok(await portal.Applications.DecideAsync(started.Id, Reviewer("desk-agent"), new WorkflowCommand.Decide("reception", StepAction.Approve)));
        Assert.Equal("decision", atDecision.Step);
        // Version 2's decision role does not even see it; version 1's decides it.
        var newRole = await portal.Applications.DecideAsync(started.Id, Reviewer("regional-director"), new WorkflowCommand.Decide("decision", StepAction.Approve));
        Assert.Equal(RefusalCodes.NotYours, newRole.Refusal?.Code);
        var decided = ApplyingPortal.Ok(await portal.Applications.DecideAsync(started.Id, Reviewer("provincial-delegate"), new WorkflowCommand.Decide("decision", StepAction.Approve)));
        Assert.Equal((ApplicationStatus.Approved, 1), (decided.Status, decided.DefinitionVersion));
        Assert.Null(decided.Answers["workforce"]);

        // A new application is on version 2: the answers that were enough for version 1 now miss the new field.
        var later = ApplyingPortal.NewApplicant();
        var draft = ApplyingPortal.Ok(await portal.Applications.StartAsync(id, later));
        Assert.Equal(2, draft.DefinitionVersion);
        ApplyingPortal.Ok(await portal.Applications.SaveAnswersAsync(draft.Id, later, first.Definition.Tests[0].Answers));
        ApplyingPortal.Ok(await portal.Applications.AttachDocumentAsync(draft.Id, later, "supporting_document", "piece.pdf", new MemoryStream(ApplyingPortal.Pdf())));
        var refused = await portal.Applications.SubmitAsync(draft.Id, later);
        Assert.Equal(["workforce"], refused.Validation!.Errors.Select(e => e.Path));
    }

    [Fact]
    public async Task Publish_SameTextAgain_KeepsTheVersion()
    {
        var id = NewId();
        await PublishAsync(id, Scaffold.For(id), Analyst);

        var again = await PublishAsync(id, Scaffold.For(id), Analyst);

        Assert.Equal((1, false), (again.Published!.Version, again.Published.Created));
    }

    [Fact]
    public async Task Publish_TextWithALintError_IsRefusedWithItsDiagnosticsAndNothingIsServed()
    {
        var id = NewId();

        var publication = await PublishAsync(id, Scaffold.For(id).Replace("role: desk-agent", "role: desk-agnt", StringComparison.Ordinal), Analyst);

        Assert.Null(publication.Published);
        Assert.Contains(publication.Diagnostics, d => d.IsError && d.Message.Contains("desk-agnt", StringComparison.Ordinal));
        Assert.Null(await portal.Definitions.LatestAsync(id));
        Assert.False(Served.Catalog.Definitions.ContainsKey(id));
    }

    [Fact]
    public async Task Publish_TextWithoutItsPrivacyBlock_IsRefusedNamingTheLawAndNothingIsServed()
    {
        var id = NewId();
        var scaffold = Scaffold.For(id);
        var privacy = scaffold.IndexOf("privacy:", StringComparison.Ordinal);
        var withoutPrivacy = scaffold[..privacy] + scaffold[scaffold.IndexOf("sections:", privacy, StringComparison.Ordinal)..];

        var publication = await PublishAsync(id, withoutPrivacy, Analyst);

        Assert.Null(publication.Published);
        Assert.Contains(publication.Diagnostics, d => d.IsError && d.Code == "EP0343" && d.Message.Contains("09-08", StringComparison.Ordinal));
        Assert.False(Served.Catalog.Definitions.ContainsKey(id));
    }

    [Theory]
    [InlineData(DesignerAccess.Administrator, RoleKind.Staff)]
    [InlineData("desk-agent", RoleKind.Reviewer)]
    [InlineData("employer", RoleKind.Applicant)]
    public async Task Publish_NotAnAnalyst_IsRefusedAndNothingIsPublished(string role, RoleKind kind)
    {
        var id = NewId();

        var publication = await PublishAsync(id, Scaffold.For(id), new Actor(role + "-1", "Test " + role, role, kind, []));
        var anonymous = await PublishAsync(id, Scaffold.For(id), null);

        Assert.Same(Publication.NotAllowed, publication);
        Assert.Same(Publication.NotAllowed, anonymous);
        Assert.Null(await portal.Definitions.LatestAsync(id));
        Assert.False(Served.Catalog.Definitions.ContainsKey(id));
    }
}
