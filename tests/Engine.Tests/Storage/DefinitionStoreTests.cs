using EmploymentProcedures.Engine.Storage;
using EmploymentProcedures.Engine.Tests.Loading;
using EmploymentProcedures.Engine.Workflow;

namespace EmploymentProcedures.Engine.Tests.Storage;

/// <summary>Published definitions are immutable versions; a submitted application runs on the version it was filed under (a draft follows the latest: <see cref="DraftMoveTests"/>).</summary>
public sealed class DefinitionStoreTests
{
    private static readonly Actor Amina = TestStore.Applicant("amina");

    private static string Yaml => File.ReadAllText(Path.Combine(TestStore.ProceduresFolder, "store-visa.yaml"));

    /// <summary>The same procedure with another title: another content hash, another version.</summary>
    private static string Version2 => Yaml.Replace("Visa de contrat (stockage)", "Visa de contrat (stockage, v2)", StringComparison.Ordinal);

    [Fact]
    public async Task Publish_SameTextAgain_KeepsOneVersion()
    {
        await using var store = await TestStore.CreateAsync();

        var again = await store.PublishAsync(Yaml);

        Assert.Equal((1, false), (again.Version, again.Created));
        Assert.Equal(1, (await store.Definitions.LatestAsync("store-visa"))!.Version);
    }

    [Fact]
    public async Task Publish_ChangedText_AddsAVersionAndKeepsTheOldOne()
    {
        await using var store = await TestStore.CreateAsync();

        var v2 = await store.PublishAsync(Version2);

        Assert.Equal((2, true), (v2.Version, v2.Created));
        var v1 = await store.Definitions.GetAsync("store-visa", 1);
        Assert.Equal("Visa de contrat (stockage)", v1!.Title.Get("fr"));
        Assert.Equal(v2.Definition.ContentHash, (await store.Definitions.LatestAsync("store-visa"))!.Definition.ContentHash);
        Assert.Null(await store.Definitions.GetAsync("store-visa", 3));
        Assert.Contains(await store.AuditAsync(), a => a.Kind == StorageEvents.Published && a.Detail!.StartsWith("store-visa v2 ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task LatestVersions_AfterASecondVersionOfOneProcedure_GivesEachProceduresNewestNumber()
    {
        await using var store = await TestStore.CreateAsync();
        var before = await store.Definitions.LatestVersionsAsync();

        await store.PublishAsync(Version2);
        var after = await store.Definitions.LatestVersionsAsync();

        Assert.Equal(new Dictionary<string, int> { ["store-notice"] = 1, ["store-visa"] = 1 }, before);
        Assert.Equal(new Dictionary<string, int> { ["store-notice"] = 1, ["store-visa"] = 2 }, after);
    }

    [Fact]
    public async Task LatestVersions_NothingPublished_IsEmpty()
    {
        await using var store = await TestStore.CreateAsync(publish: false);

        Assert.Empty(await store.Definitions.LatestVersionsAsync());
    }

    [Fact]
    public async Task Publish_TextThatIsNotTheLoadedOne_Throws()
    {
        await using var store = await TestStore.CreateAsync(publish: false);
        var definition = TestLibrary.Loader().LoadText(Yaml, "store-visa.yaml").Definition!;

        await Assert.ThrowsAsync<ArgumentException>(() => store.Definitions.PublishAsync(definition, Version2));
    }

    [Fact]
    public async Task Application_SubmittedOnV1_StaysOnV1AfterV2IsPublished_EvenAfterARestart()
    {
        await using var store = await TestStore.CreateAsync();
        var submitted = await store.SubmittedAsync(Amina);
        var v1Hash = submitted.DefinitionHash;
        await store.PublishAsync(Version2);

        // A new service over the same file has an empty cache: version 1 is loaded back from its stored text.
        var restarted = new Applications(store.Databases, new DefinitionStore(store.Databases, TestLibrary.Library, store.Clock), store.Documents, store.Clock);
        var approved = await restarted.DecideAsync(submitted.Id, TestStore.DeskAgent(), new WorkflowCommand.Decide("reception", Engine.Definitions.StepAction.Approve));
        var newer = await restarted.StartAsync("store-visa", Amina);

        Assert.True(approved.Succeeded, approved.ToString());
        Assert.Equal((1, v1Hash), (approved.Application!.DefinitionVersion, approved.Application.DefinitionHash));
        Assert.Equal(2, newer.Application!.DefinitionVersion);
        Assert.NotEqual(v1Hash, newer.Application.DefinitionHash);
    }

    [Fact]
    public async Task PublishAll_RepositoryProcedures_PublishesEachOnceAndThenNothingNew()
    {
        await using var store = await TestStore.CreateAsync(publish: false);
        var catalog = Engine.Loading.ProcedureCatalog.Load(RepositoryPaths.Procedures);

        var first = await store.Definitions.PublishAllAsync(catalog);
        var second = await store.Definitions.PublishAllAsync(catalog);

        Assert.Equal(catalog.Definitions.Count, first.Count);
        Assert.All(first, p => Assert.True(p.Created));
        Assert.All(second, p => Assert.False(p.Created));
    }
}
