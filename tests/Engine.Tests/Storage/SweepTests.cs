using EmploymentProcedures.Engine.Storage;
using EmploymentProcedures.Engine.Workflow;

namespace EmploymentProcedures.Engine.Tests.Storage;

/// <summary>The daily deadline sweep: silence decides where the procedure says so, and reviewers are warned once before.</summary>
public sealed class SweepTests
{
    private static readonly Actor Amina = TestStore.Applicant("amina");

    // Submitted Monday 2 March 2026, ten business days: due Monday 16 March.
    private static readonly DateOnly Due = new(2026, 3, 16);

    [Fact]
    public async Task Sweep_DayAfterTheDueDate_ApprovesWhenSilenceMeansYes()
    {
        await using var store = await TestStore.CreateAsync();
        var app = await store.SubmittedAsync(Amina);
        Assert.Equal(Due, (await store.Applications.MineAsync(Amina)).Single().DueOn);

        var onTheDay = await store.Applications.SweepAsync(Due);
        var report = await store.Applications.SweepAsync(Due.AddDays(1));

        Assert.Equal(0, onTheDay.Lapsed);
        Assert.Equal(1, report.Lapsed);
        var decided = (await store.Applications.GetAsync(app.Id, Amina)).Value!;
        Assert.Equal((ApplicationStatus.Approved, Due.AddDays(1)), (decided.Status, decided.DecidedOn));
        var audit = (await store.AuditAsync()).Where(a => a.ApplicationId == app.Id).ToList();
        Assert.Contains(audit, a => a.Kind == WorkflowEvents.DeadlineLapsed && a.ActorId == Actor.SystemId);
        Assert.Contains(await store.Outbox.ForUserAsync("amina"), n => n.Kind == WorkflowEvents.Decided && n.Status == "approved");
        Assert.Empty(await store.Applications.InboxAsync(TestStore.DeskAgent()));
        Assert.Equal(0, (await store.Applications.SweepAsync(Due.AddDays(2))).Lapsed);
    }

    [Fact]
    public async Task Sweep_ProcedureWithoutAnOutcome_LeavesTheApplicationInReview()
    {
        await using var store = await TestStore.CreateAsync();
        var app = await store.SubmittedAsync(Amina, "store-notice");

        var report = await store.Applications.SweepAsync(Due.AddDays(10));

        Assert.Equal(0, report.Lapsed);
        Assert.Equal(ApplicationStatus.InReview, (await store.Applications.GetAsync(app.Id, Amina)).Value!.Status);
    }

    [Fact]
    public async Task Sweep_WhileChangesAreRequested_DoesNotLapse()
    {
        await using var store = await TestStore.CreateAsync();
        var app = await store.SubmittedAsync(Amina);
        await store.Applications.DecideAsync(app.Id, TestStore.DeskAgent(),
            new WorkflowCommand.Decide("reception", Definitions.StepAction.RequestChanges, "Précisez", ["company_name"]));

        var report = await store.Applications.SweepAsync(Due.AddDays(30));

        Assert.Equal(0, report.Lapsed);
        Assert.Equal(ApplicationStatus.ChangesRequested, (await store.Applications.GetAsync(app.Id, Amina)).Value!.Status);
    }

    [Fact]
    public async Task Sweep_DueSoon_WarnsTheRolesThatMustActOnce()
    {
        await using var store = await TestStore.CreateAsync();
        var app = await store.SubmittedAsync(Amina);

        // Due soon means at most two business days ahead: from Thursday 12 March for Monday 16 March.
        var early = await store.Applications.SweepAsync(new DateOnly(2026, 3, 11));
        var first = await store.Applications.SweepAsync(new DateOnly(2026, 3, 12));
        var second = await store.Applications.SweepAsync(new DateOnly(2026, 3, 13));

        Assert.Equal((0, 1, 0), (early.Warned, first.Warned, second.Warned));
        var warning = Assert.Single(await store.Outbox.UnsentAsync(), n => n.Kind == StorageEvents.DeadlineNear);
        Assert.Equal((app.Id, "role:desk-agent", "casablanca", "reception"), (warning.ApplicationId, warning.Recipient, warning.Territory, warning.Step));
    }

    [Fact]
    public async Task Outbox_MarkSent_TakesMessagesOutOfTheUnsentQueue()
    {
        await using var store = await TestStore.CreateAsync();
        await store.SubmittedAsync(Amina);
        var unsent = await store.Outbox.UnsentAsync();
        Assert.NotEmpty(unsent);

        await store.Outbox.MarkSentAsync(unsent.Select(n => n.Id), store.Clock.GetUtcNow().UtcDateTime);

        Assert.Empty(await store.Outbox.UnsentAsync());
        Assert.All(await store.Outbox.ForUserAsync("amina"), n => Assert.NotNull(n.SentAt));
    }
}
