using EmploymentProcedures.Engine.Storage;
using EmploymentProcedures.Engine.Workflow;

namespace EmploymentProcedures.Engine.Tests.Storage;

/// <summary>The designer's drafts: kept on the server per procedure, with who and when, and in the audit chain.</summary>
public sealed class DraftsTests
{
    private static readonly Actor Salma = new("salma", "Salma Analyst", "analyst", Definitions.RoleKind.Staff, []);

    [Fact]
    public async Task Save_ThenGet_ReturnsTheLastTextWithWhoAndWhen()
    {
        await using var store = await TestStore.CreateAsync();
        var drafts = new Drafts(store.Databases, store.Clock);

        await drafts.SaveAsync("night-work", "id: night-work\n", null, Salma);
        store.Clock.Now += TimeSpan.FromSeconds(5);
        await drafts.SaveAsync("night-work", "id: night-work\n# more\n", null, Salma);

        var draft = await drafts.GetAsync("night-work");
        Assert.Equal("id: night-work\n# more\n", draft!.Yaml);
        Assert.Equal("salma", draft.UpdatedBy);
        Assert.Equal(store.Clock.Now.UtcDateTime, draft.UpdatedAt);
        Assert.Equal(["night-work"], (await drafts.ListAsync()).Select(d => d.ProcedureId));
    }

    [Fact]
    public async Task Save_ManyTimesInAFewMinutes_AuditsTheCreationOnceThenEveryTenMinutes()
    {
        await using var store = await TestStore.CreateAsync();
        var drafts = new Drafts(store.Databases, store.Clock);

        for (var i = 0; i < 5; i++)
        {
            await drafts.SaveAsync("night-work", $"id: night-work\n# {i}\n", null, Salma);
            store.Clock.Now += TimeSpan.FromSeconds(30);
        }
        store.Clock.Now += Drafts.AuditEvery;
        await drafts.SaveAsync("night-work", "id: night-work\n# late\n", null, Salma);
        await drafts.DiscardAsync("night-work", Salma);

        var kinds = (await store.AuditAsync()).Where(a => a.ActorId == "salma").Select(a => a.Kind).ToList();
        Assert.Equal([Drafts.Created, Drafts.Saved, Drafts.Discarded], kinds);
        Assert.Null(await drafts.GetAsync("night-work"));
        Assert.True((await store.Audit.VerifyAsync()).Intact);
    }
}
