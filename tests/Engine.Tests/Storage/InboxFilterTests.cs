using EmploymentProcedures.Engine.Definitions;
using EmploymentProcedures.Engine.Storage;
using EmploymentProcedures.Engine.Workflow;
using static EmploymentProcedures.Engine.Tests.Reporting.ReportingStore;

namespace EmploymentProcedures.Engine.Tests.Storage;

/// <summary>
/// The filtered inbox on five files submitted on Monday 2 March 2026: A (permit, Casablanca, at reception, due
/// Wednesday), B (permit, Rabat, at reception), C (permit, Casablanca, approved at reception: at the central
/// decision), D (declaration, not routed, at reception, due Thursday) and E (permit, Casablanca, changes requested
/// at reception).
/// </summary>
public sealed class InboxFilterTests : IAsyncLifetime
{
    private static readonly Actor CasablancaAgent = Agent("casa", "casablanca");
    private static readonly Actor RabatAgent = Agent("rabat", "rabat");
    private static readonly string IceA = IceOf("0015263740000");

    private TestStore _store = null!;
    private Application _a = null!, _b = null!, _c = null!, _d = null!, _e = null!;

    public async Task InitializeAsync()
    {
        _store = await CreateAsync();
        _a = await SubmitAsync(_store, "Élodie Benali", Permit, PermitAnswers("Atlas Câblage", IceA, "be 123456", "casablanca"));
        _b = await SubmitAsync(_store, "فاطمة الزهراء", Permit, PermitAnswers("مطاحن سايس", IceOf("0020000000001"), "K98765", "rabat"));
        _c = await SubmitAsync(_store, "Omar Tazi", Permit, PermitAnswers("Tazi Transport", IceOf("0030000000002"), "AB1", "casablanca"));
        _d = await SubmitAsync(_store, "Atlas Textile", Declaration, DeclarationAnswers("Atlas Textile", IceOf("0040000000003")));
        _e = await SubmitAsync(_store, "Nadia Alami", Permit, PermitAnswers("Alami Conseil", IceOf("0050000000004"), "X7", "casablanca"));
        _c = await DecideAsync(_store, _c, CasablancaAgent, "reception", StepAction.Approve);
        _e = await DecideAsync(_store, _e, CasablancaAgent, "reception", StepAction.RequestChanges, ["company_name"]);
    }

    public async Task DisposeAsync() => await _store.DisposeAsync();

    private async Task<List<Guid>> IdsAsync(Actor reviewer, InboxFilter filter) =>
        [.. (await _store.Applications.InboxAsync(reviewer, filter)).Items.Select(i => i.ApplicationId)];

    [Fact]
    public async Task Inbox_TerritorialAgent_SeesTheirProvinceAndUnroutedFilesAtTheirStep()
    {
        Assert.Equal([_a.Id, _d.Id, _e.Id], await IdsAsync(CasablancaAgent, InboxFilter.None));
        Assert.Equal([_b.Id, _d.Id], await IdsAsync(RabatAgent, InboxFilter.None));
        Assert.Equal([_c.Id], await IdsAsync(Service, InboxFilter.None));
    }

    [Fact]
    public async Task Inbox_ReviewerOfAnotherProvinceOrRole_SeesNothingOfARoutedFile()
    {
        var tanger = await _store.Applications.InboxAsync(Agent("tanger", "tanger-assilah"), new InboxFilter { Procedures = [Permit] });
        var inspector = await _store.Applications.InboxAsync(Actor.Reviewer("i", "I", "labour-inspector", "casablanca"), InboxFilter.None);
        var searched = await _store.Applications.InboxAsync(Agent("tanger", "tanger-assilah"), new InboxFilter { Search = "Benali" });

        Assert.Equal(0, tanger.Total);
        Assert.Equal([(Declaration, 1)], tanger.Counts.Procedures.Select(f => (f.Value, f.Count)));
        Assert.Empty(inspector.Items);
        Assert.Equal(0, searched.Total);
    }

    [Fact]
    public async Task Inbox_Applicant_GetsAnEmptyPage()
    {
        var page = await _store.Applications.InboxAsync(Actor.Applicant(_a.OwnerId, "Élodie Benali"), InboxFilter.None);
        var lines = await _store.Applications.InboxLinesAsync(Actor.Applicant(_a.OwnerId, "Élodie Benali"), InboxFilter.None).ToListAsync();

        Assert.Empty(page.Items);
        Assert.Equal(0, page.Total);
        Assert.Empty(lines);
    }

    [Fact]
    public async Task Inbox_FilterByProcedureOrCategory_KeepsThoseProcedures()
    {
        Assert.Equal([_a.Id, _e.Id], await IdsAsync(CasablancaAgent, new InboxFilter { Procedures = [Permit] }));
        Assert.Equal([_d.Id], await IdsAsync(CasablancaAgent, new InboxFilter { Categories = ["working-time"] }));
        Assert.Empty(await IdsAsync(CasablancaAgent, new InboxFilter { Procedures = [Permit], Categories = ["working-time"] }));
    }

    [Fact]
    public async Task Inbox_FilterByStatus_SeparatesFilesToActOnFromFilesWaitingForTheApplicant()
    {
        var waiting = await _store.Applications.InboxAsync(CasablancaAgent, new InboxFilter { Statuses = [ApplicationStatus.ChangesRequested] });

        Assert.Equal([_e.Id], waiting.Items.Select(i => i.ApplicationId));
        Assert.Equal(ApplicationStatus.ChangesRequested, waiting.Items[0].Status);
        Assert.Null(waiting.Items[0].DueOn);
        Assert.Equal([_a.Id, _d.Id], await IdsAsync(CasablancaAgent, new InboxFilter { Statuses = [ApplicationStatus.InReview] }));
    }

    [Fact]
    public async Task Inbox_FilterByStepAndProvince_KeepsThoseLines()
    {
        Assert.Equal([_c.Id], await IdsAsync(Service, new InboxFilter { Steps = ["decision"] }));
        Assert.Empty(await IdsAsync(CasablancaAgent, new InboxFilter { Steps = ["decision"] }));
        Assert.Equal([_a.Id, _e.Id], await IdsAsync(CasablancaAgent, new InboxFilter { Provinces = ["casablanca"] }));
        Assert.Equal([_d.Id], await IdsAsync(CasablancaAgent, new InboxFilter { Provinces = [""] }));
        Assert.Empty(await IdsAsync(CasablancaAgent, new InboxFilter { Provinces = ["rabat"] }));
    }

    [Fact]
    public async Task Inbox_DueSoonAndOverdue_FollowTheStepDeadlineOnTheWorkingCalendar()
    {
        // Monday: A is due Wednesday (2 business days), within the "due soon" window; D on Thursday.
        var monday = await _store.Applications.InboxAsync(CasablancaAgent, new InboxFilter { Urgencies = [Urgency.DueSoon] });
        Assert.Equal([_a.Id], monday.Items.Select(i => i.ApplicationId));
        Assert.Equal(Urgency.DueSoon, monday.Items[0].Urgency);
        Assert.Equal(new DateOnly(2026, 3, 4), monday.Items[0].DueOn);
        Assert.Empty(await IdsAsync(CasablancaAgent, new InboxFilter { Urgencies = [Urgency.Overdue] }));

        _store.Clock.Set(new DateOnly(2026, 3, 5));
        var thursday = await _store.Applications.InboxAsync(CasablancaAgent, InboxFilter.None);

        Assert.Equal([_a.Id], await IdsAsync(CasablancaAgent, new InboxFilter { Urgencies = [Urgency.Overdue] }));
        Assert.Equal([_d.Id], await IdsAsync(CasablancaAgent, new InboxFilter { Urgencies = [Urgency.DueSoon] }));
        Assert.Equal([_a.Id, _d.Id], await IdsAsync(CasablancaAgent, new InboxFilter { Urgencies = [Urgency.Overdue, Urgency.DueSoon] }));
        Assert.Equal(1, thursday.Counts.Of(Urgency.Overdue));
        Assert.Equal(1, thursday.Counts.Of(Urgency.DueSoon));
    }

    [Fact]
    public async Task Inbox_ClaimFilter_BeforeAnyClaim_NothingIsMineAndEverythingIsUnclaimed()
    {
        var mine = await _store.Applications.InboxAsync(CasablancaAgent, new InboxFilter { Claims = ClaimFilter.Mine });
        var unclaimed = await _store.Applications.InboxAsync(CasablancaAgent, new InboxFilter { Claims = ClaimFilter.Unclaimed });

        Assert.Equal(0, mine.Total);
        Assert.Empty(mine.Items);
        Assert.Equal(3, unclaimed.Total);
        Assert.Equal([new FacetCount("unclaimed", unclaimed.Counts.Claims[0].Label, 3)], unclaimed.Counts.Claims);
    }

    [Theory]
    [InlineData("elodie")]
    [InlineData("ÉLODIE benali")]
    [InlineData("Benali Elodie")]
    [InlineData("INP-2026-000001")]
    [InlineData("inp2026000001")]
    [InlineData("BE123456")]
    [InlineData("be-123456")]
    public async Task Inbox_Search_FindsByNameReferenceAndCinWhateverTheCaseAccentsAndSeparators(string search)
    {
        Assert.Equal([_a.Id], await IdsAsync(CasablancaAgent, new InboxFilter { Search = search }));
    }

    [Fact]
    public async Task Inbox_Search_FindsByIceTypedWithSpaces()
    {
        var spaced = string.Join(' ', IceA.Chunk(5).Select(c => new string(c)));

        Assert.Equal([_a.Id], await IdsAsync(CasablancaAgent, new InboxFilter { Search = spaced }));
        Assert.Equal([_a.Id], await IdsAsync(CasablancaAgent, new InboxFilter { Search = IceA }));
    }

    [Theory]
    [InlineData("فاطمه")]
    [InlineData("فاطمة الزهراء")]
    [InlineData("الزهراء")]
    public async Task Inbox_Search_FindsArabicNamesWhateverTheLetterForms(string search)
    {
        Assert.Equal([_b.Id], await IdsAsync(RabatAgent, new InboxFilter { Search = search }));
    }

    [Fact]
    public async Task Inbox_SearchWithSeveralWords_NeedsEveryWord()
    {
        Assert.Empty(await IdsAsync(CasablancaAgent, new InboxFilter { Search = "omar benali" }));
        Assert.Empty(await IdsAsync(CasablancaAgent, new InboxFilter { Search = "Tazi" }));
    }

    [Fact]
    public async Task InboxCounts_NoFilter_CountEveryLineByEachKind()
    {
        var page = await _store.Applications.InboxAsync(CasablancaAgent, InboxFilter.None);

        Assert.Equal(3, page.Total);
        Assert.Equal([(Permit, 2), (Declaration, 1)], page.Counts.Procedures.Select(f => (f.Value, f.Count)));
        Assert.Equal("Autorisation (boîte de réception)", page.Counts.Procedures[0].Label.Get("fr"));
        Assert.Equal([("in_review", 2), ("changes_requested", 1)], page.Counts.Statuses.Select(f => (f.Value, f.Count)));
        Assert.Equal([("casablanca", 2), ("", 1)], page.Counts.Provinces.Select(f => (f.Value, f.Count)));
        Assert.Equal([("due_soon", 1), ("later", 2)], page.Counts.Urgencies.Select(f => (f.Value, f.Count)));
        Assert.Equal([("foreign-employment", 2), ("working-time", 1)], page.Counts.Categories.Select(f => (f.Value, f.Count)));
        Assert.Equal([("reception", 3)], page.Counts.Steps.Select(f => (f.Value, f.Count)));
    }

    [Fact]
    public async Task InboxCounts_EachKind_IgnoresItsOwnFilterAndAppliesTheOthers()
    {
        var page = await _store.Applications.InboxAsync(CasablancaAgent, new InboxFilter { Procedures = [Permit], Statuses = [ApplicationStatus.InReview] });

        Assert.Equal(1, page.Total);
        // Other procedures are offered with the status filter applied; other statuses with the procedure filter applied.
        Assert.Equal([(Declaration, 1), (Permit, 1)], page.Counts.Procedures.Select(f => (f.Value, f.Count)));
        Assert.Equal([("in_review", 1), ("changes_requested", 1)], page.Counts.Statuses.Select(f => (f.Value, f.Count)));
        Assert.Equal([("casablanca", 1)], page.Counts.Provinces.Select(f => (f.Value, f.Count)));
    }

    [Fact]
    public async Task InboxCounts_EveryValue_GivesAsManyLinesAsItsCountWhenChosen()
    {
        var filter = new InboxFilter { Search = "a" };
        var counts = (await _store.Applications.InboxAsync(CasablancaAgent, filter)).Counts;
        var chosen = new List<(FacetCount Facet, InboxFilter Filter)>();
        chosen.AddRange(counts.Procedures.Select(f => (f, filter with { Procedures = [f.Value] })));
        chosen.AddRange(counts.Categories.Select(f => (f, filter with { Categories = [f.Value] })));
        chosen.AddRange(counts.Statuses.Select(f => (f, filter with { Statuses = [ApplicationStatuses.ByName[f.Value]] })));
        chosen.AddRange(counts.Steps.Select(f => (f, filter with { Steps = [f.Value] })));
        chosen.AddRange(counts.Provinces.Select(f => (f, filter with { Provinces = [f.Value] })));
        chosen.AddRange(counts.Urgencies.Select(f => (f, filter with { Urgencies = [Enum.GetValues<Urgency>().Single(u => InboxFacets.Name(u) == f.Value)] })));

        Assert.NotEmpty(chosen);
        foreach (var (facet, narrowed) in chosen)
        {
            var page = await _store.Applications.InboxAsync(CasablancaAgent, narrowed);
            Assert.Equal(facet.Count, page.Total);
            Assert.Equal(facet.Count, page.Items.Count);
        }
    }

    [Fact]
    public async Task InboxItem_CarriesStatusProvinceAndUrgency()
    {
        var items = (await _store.Applications.InboxAsync(CasablancaAgent, InboxFilter.None)).Items;

        var a = items.Single(i => i.ApplicationId == _a.Id);
        Assert.Equal(("casablanca", ApplicationStatus.InReview, Urgency.DueSoon, "Élodie Benali", _a.Reference), (a.Province, a.Status, a.Urgency, a.ApplicantName, a.Reference));
        Assert.Null(items.Single(i => i.ApplicationId == _d.Id).Province);
    }
}
