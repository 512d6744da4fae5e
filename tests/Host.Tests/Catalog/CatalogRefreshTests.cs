using EmploymentProcedures.Engine.Authoring;
using EmploymentProcedures.Engine.Definitions;
using EmploymentProcedures.Engine.Storage;
using EmploymentProcedures.Engine.Workflow;
using EmploymentProcedures.Host.Catalog;
using EmploymentProcedures.Host.Components.Designer;
using EmploymentProcedures.Host.Tests.Applying;
using EmploymentProcedures.Host.Tests.Designer;
using Microsoft.AspNetCore.Builder;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace EmploymentProcedures.Host.Tests.Catalog;

/// <summary>
/// Two portals over one database file, as two instances behind a load balancer: what an analyst publishes or retires from
/// the designer on one is served (or no longer offered) by the other after its next refresh round, and by an instance
/// started after; nothing is reloaded when nothing was published.
/// </summary>
public sealed class CatalogRefreshTests : IAsyncLifetime
{
    private static readonly Actor Analyst = new("analyst-1", "Analyste des procédures", DesignerAccess.Analyst, RoleKind.Staff, []);

    private TempPortal _first = null!;
    private WebApplication _second = null!;

    public async Task InitializeAsync()
    {
        // No round runs by itself here: each test drives the rounds.
        _first = await TempPortal.PrepareAsync(settings: "--Portal:CatalogRefresh=00:00:00");
        _second = await TempPortal.BuildOnAsync(_first.DataPath, "--Portal:CatalogRefresh=00:00:00");
    }

    public async Task DisposeAsync()
    {
        await _second.DisposeAsync();
        await _first.DisposeAsync();
    }

    private PublishedCatalog ServedOnFirst => _first.App.Services.GetRequiredService<PublishedCatalog>();

    private PublishedCatalog ServedOnSecond => _second.Services.GetRequiredService<PublishedCatalog>();

    private CatalogRefresh RefreshOnFirst => _first.App.Services.GetRequiredService<CatalogRefresh>();

    private CatalogRefresh RefreshOnSecond => _second.Services.GetRequiredService<CatalogRefresh>();

    private static string NewId() => "shared-" + Guid.NewGuid().ToString("N")[..8].Replace('0', 'a');

    /// <summary>The scaffold with a title of its own, to find it by searching.</summary>
    private static string Titled(string id, string word) =>
        Scaffold.For(id).Replace("Titre de la procédure", "Agrément " + word, StringComparison.Ordinal);

    private async Task<PublishedDefinition> PublishOnFirstAsync(string id, string text)
    {
        var publication = await DesignerPublishing.PublishAsync(id, text, Analyst, _first.App.Services.GetRequiredService<DefinitionStore>(), ServedOnFirst);
        return publication.Published ?? throw new InvalidOperationException(string.Join(Environment.NewLine, publication.Diagnostics));
    }

    [Fact]
    public async Task Round_AProcedurePublishedOnAnotherInstance_IsServedAndFoundBySearch()
    {
        var id = NewId();
        await PublishOnFirstAsync(id, Titled(id, "Tamesna"));
        Assert.False(ServedOnSecond.Catalog.Definitions.ContainsKey(id));

        var swapped = await RefreshOnSecond.RoundAsync();

        Assert.Equal(1, swapped);
        Assert.Equal(ServedOnFirst.Catalog.Definitions[id].ContentHash, ServedOnSecond.Catalog.Definitions[id].ContentHash);
        var found = Assert.Single(ServedOnSecond.Index.Search("tamesna", "fr").SelectMany(g => g.Procedures));
        Assert.Equal(id, found.Id);
    }

    [Fact]
    public async Task Round_ASecondVersionPublishedOnAnotherInstance_ReplacesTheFirst_AndADraftMovesToItAtItsNextSave()
    {
        var id = NewId();
        var text = Titled(id, "Oulmes");
        await PublishOnFirstAsync(id, text);
        await RefreshOnSecond.RoundAsync();
        var applications = _second.Services.GetRequiredService<Applications>();
        var applicant = ApplyingPortal.NewApplicant();
        var draft = ApplyingPortal.Ok(await applications.StartAsync(id, applicant));

        var second = await PublishOnFirstAsync(id, DesignerPublishingTests.WithWorkforce(text));
        var swapped = await RefreshOnSecond.RoundAsync();

        Assert.Equal(1, swapped);
        var served = ServedOnSecond.Catalog.Definitions[id];
        Assert.Equal(second.Definition.ContentHash, served.ContentHash);
        Assert.NotNull(served.FindField("workforce"));
        Assert.Single(ServedOnSecond.Index.Search("oulmes", "fr").SelectMany(g => g.Procedures), d => d.ContentHash == second.Definition.ContentHash);
        // A read moves nothing; the applicant's next command does, under the version the database says is the latest.
        Assert.Equal(1, (await applications.GetAsync(draft.Id, applicant)).Value!.DefinitionVersion);
        Assert.Equal(2, ApplyingPortal.Ok(await applications.SaveAnswersAsync(draft.Id, applicant, draft.Answers)).DefinitionVersion);
    }

    [Fact]
    public async Task Round_NothingPublishedSince_KeepsTheSameSnapshot()
    {
        var catalog = ServedOnSecond.Catalog;
        var index = ServedOnSecond.Index;

        var swapped = await RefreshOnSecond.RoundAsync();

        Assert.Equal(0, swapped);
        Assert.Same(catalog, ServedOnSecond.Catalog);
        Assert.Same(index, ServedOnSecond.Index);
        Assert.NotNull(RefreshOnSecond.LastCaughtUp);
    }

    [Fact]
    public async Task Round_OnTheInstanceThatPublished_ReloadsNothing()
    {
        var id = NewId();
        await PublishOnFirstAsync(id, Titled(id, "Azrou"));
        var catalog = ServedOnFirst.Catalog;

        var swapped = await _first.App.Services.GetRequiredService<CatalogRefresh>().RoundAsync();

        Assert.Equal(0, swapped);
        Assert.Same(catalog, ServedOnFirst.Catalog);
    }

    [Fact]
    public async Task Round_AStoredVersionThatDoesNotLoad_IsSkippedAndTheNextVersionIsServed()
    {
        var id = NewId();
        var text = Titled(id, "Ifrane");
        await PublishOnFirstAsync(id, text);
        await RefreshOnSecond.RoundAsync();
        var first = ServedOnSecond.Catalog.Definitions[id];
        // A version no publication could write (publishing needs a clean lint), written straight into the table.
        await InsertVersionAsync(id, 2, text.Replace("role: desk-agent", "role: desk-agnt", StringComparison.Ordinal));

        var skipped = await RefreshOnSecond.RoundAsync();

        Assert.Equal(0, skipped);
        Assert.Same(first, ServedOnSecond.Catalog.Definitions[id]);

        var third = await PublishOnFirstAsync(id, DesignerPublishingTests.WithWorkforce(text));
        var swapped = await RefreshOnSecond.RoundAsync();

        Assert.Equal((3, 1), (third.Version, swapped));
        Assert.Equal(third.Definition.ContentHash, ServedOnSecond.Catalog.Definitions[id].ContentHash);
    }

    [Fact]
    public async Task Portal_RunningWithARefreshPeriod_ServesAnotherInstancesPublicationWithoutBeingAsked()
    {
        await using var running = await TempPortal.BuildOnAsync(_first.DataPath, "--Portal:CatalogRefresh=00:00:00.100", "--Portal:SweepInterval=00:00:00");
        await running.StartAsync();
        var id = NewId();

        await PublishOnFirstAsync(id, Titled(id, "Khenifra"));

        var served = running.Services.GetRequiredService<PublishedCatalog>();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!served.Catalog.Definitions.ContainsKey(id) && DateTime.UtcNow < deadline)
            await Task.Delay(50);
        await running.StopAsync();
        Assert.True(served.Catalog.Definitions.ContainsKey(id));
    }

    [Fact]
    public async Task Serve_AnOlderVersionAfterANewerOne_KeepsTheNewer()
    {
        // A refresh round that read version 1 while an analyst on the same instance published version 2 must not put 1 back.
        var id = NewId();
        var first = await PublishOnFirstAsync(id, Titled(id, "Azrou"));
        var second = await PublishOnFirstAsync(id, Titled(id, "Ifrane"));
        var before = ServedOnFirst.Catalog;

        ServedOnFirst.Serve((first.Definition, first.Version));

        Assert.Same(before, ServedOnFirst.Catalog);
        Assert.Equal(second.Definition.ContentHash, ServedOnFirst.Catalog.Definitions[id].ContentHash);
        Assert.Empty(ServedOnFirst.Index.Search("azrou", "fr").SelectMany(g => g.Procedures));
    }

    private DefinitionStore Store => _first.App.Services.GetRequiredService<DefinitionStore>();

    private static IEnumerable<string> Found(PublishedCatalog served, string word) =>
        served.Index.Search(word, "fr").SelectMany(g => g.Procedures).Select(d => d.Id);

    [Fact]
    public async Task Start_AProcedurePublishedFromTheDesignerOnly_IsServedByAnInstanceStartedAfter_AsByARestart()
    {
        var id = NewId();
        await PublishOnFirstAsync(id, Titled(id, "Tiznit"));

        // A new portal over the same database: another instance started after the publication, or this one restarted.
        await using var later = await TempPortal.BuildOnAsync(_first.DataPath, "--Portal:CatalogRefresh=00:00:00");

        var served = later.Services.GetRequiredService<PublishedCatalog>();
        Assert.Equal(ServedOnFirst.Catalog.Definitions[id].ContentHash, served.Catalog.Definitions[id].ContentHash);
        Assert.Equal([id], Found(served, "tiznit"));
        Assert.Equal([id], served.DatabaseOnly);
        Assert.True(ApplyingPortal.Ok(await later.Services.GetRequiredService<Applications>().StartAsync(id, ApplyingPortal.NewApplicant())).DefinitionVersion == 1);
    }

    [Fact]
    public async Task Round_AProcedureRetiredOnAnotherInstance_IsNoLongerOffered_AndReinstatedIsOfferedAgain()
    {
        var id = NewId();
        await PublishOnFirstAsync(id, Titled(id, "Taroudant"));
        await RefreshOnSecond.RoundAsync();

        var retired = await DesignerRetirement.RetireAsync(id, "Fusionnée avec la procédure d'agrément régional", Analyst, Store, RefreshOnFirst);

        Assert.Equal(RetirementOutcome.Done, retired);
        Assert.Empty(Found(ServedOnFirst, "taroudant"));
        Assert.Equal([id], Found(ServedOnSecond, "taroudant"));
        await RefreshOnSecond.RoundAsync();
        Assert.Empty(Found(ServedOnSecond, "taroudant"));
        Assert.Equal("Fusionnée avec la procédure d'agrément régional", ServedOnSecond.RetirementOf(id)?.Reason);
        // Still known by its id: its page says it is closed, and the applications on it are named by their title.
        Assert.True(ServedOnSecond.Catalog.Definitions.ContainsKey(id));

        Assert.Equal(RetirementOutcome.Done, await DesignerRetirement.ReinstateAsync(id, Analyst, Store, RefreshOnFirst));
        await RefreshOnSecond.RoundAsync();
        Assert.Equal([id], Found(ServedOnSecond, "taroudant"));
        Assert.Null(ServedOnSecond.RetirementOf(id));
    }

    [Fact]
    public async Task Start_AProcedureRetiredWithItsFileStillInTheFolder_StaysRetired()
    {
        const string id = ApplyingPortal.Visa;
        Assert.Equal(RetirementOutcome.Done, await DesignerRetirement.RetireAsync(id, "Abrogée par arrêté", Analyst, Store, RefreshOnFirst));

        await using var later = await TempPortal.BuildOnAsync(_first.DataPath, "--Portal:CatalogRefresh=00:00:00");

        var served = later.Services.GetRequiredService<PublishedCatalog>();
        Assert.Contains(id, served.FromFolder);
        Assert.NotNull(served.RetirementOf(id));
        Assert.DoesNotContain(id, served.Index.Search(null, "fr").SelectMany(g => g.Procedures).Select(d => d.Id));
        var started = await later.Services.GetRequiredService<Applications>().StartAsync(id, ApplyingPortal.NewApplicant());
        Assert.Equal(RefusalCodes.ProcedureRetired, started.Refusal?.Code);
    }

    private async Task InsertVersionAsync(string id, int version, string yaml)
    {
        await using var connection = new SqliteConnection($"Data Source={_first.DatabaseFile}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO "Definitions" ("ProcedureId", "Version", "ContentHash", "Yaml", "PublishedAt")
            VALUES ($id, $version, $hash, $yaml, $at)
            """;
        command.Parameters.AddWithValue("$id", id);
        command.Parameters.AddWithValue("$version", version);
        command.Parameters.AddWithValue("$hash", new string('0', 64));
        command.Parameters.AddWithValue("$yaml", yaml);
        command.Parameters.AddWithValue("$at", DateTime.UtcNow);
        await command.ExecuteNonQueryAsync();
    }
}
