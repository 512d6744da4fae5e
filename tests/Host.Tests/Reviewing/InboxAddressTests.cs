using EmploymentProcedures.Engine.Storage;
using EmploymentProcedures.Engine.Workflow;
using EmploymentProcedures.Host.Components.Shared;
using EmploymentProcedures.Host.Reviewing;

namespace EmploymentProcedures.Host.Tests.Reviewing;

/// <summary>The inbox's address: what the GET form writes is what the page and the exports read.</summary>
public sealed class InboxAddressTests
{
    [Fact]
    public void Parse_ReadsEveryKindOfFilter_WithSeveralValues()
    {
        var address = InboxAddress.Parse("?q=+INP-2026+&procedure=a&procedure=b&category=c&status=in_review&step=reception&province=rabat&province=_&urgency=overdue&urgency=due_soon&claim=mine&order=oldest&page=3");

        var filter = address.Filter;
        Assert.Equal("INP-2026", filter.Search);
        Assert.Equal(["a", "b"], filter.Procedures);
        Assert.Equal(["c"], filter.Categories);
        Assert.Equal([ApplicationStatus.InReview], filter.Statuses);
        Assert.Equal(["reception"], filter.Steps);
        Assert.Equal(["rabat", ""], filter.Provinces);
        Assert.Equal([Urgency.Overdue, Urgency.DueSoon], filter.Urgencies);
        Assert.Equal(ClaimFilter.Mine, filter.Claims);
        Assert.Equal(InboxOrder.OldestSubmitted, filter.Order);
        Assert.Equal(2, address.Page);
    }

    [Fact]
    public void Parse_DropsWhatItDoesNotKnow_InsteadOfFailing()
    {
        var address = InboxAddress.Parse("status=approved&status=nonsense&urgency=soon&claim=theirs&order=random&page=-4&page=x&procedure=");

        Assert.False(address.Narrows);
        Assert.Equal(0, address.Page);
        Assert.Empty(address.Filter.Procedures);
        Assert.Empty(address.Filter.Statuses);
        Assert.Empty(address.Filter.Urgencies);
        Assert.Equal(ClaimFilter.Any, address.Filter.Claims);
        Assert.Equal(InboxOrder.DueDate, address.Filter.Order);
    }

    [Fact]
    public void Parse_APageNumberFarAway_StaysWhereItsRowsCanBeSkipped()
    {
        var address = InboxAddress.Parse("page=2147483647");

        // page × page size must not overflow into a negative offset, which SQLite reads as none (the first page's rows).
        Assert.InRange(address.Page, 1, PageQuery.MaxIndex);
        Assert.True((long)address.Page * 1000 < int.MaxValue);
    }

    [Fact]
    public void Query_WrittenThenRead_GivesTheSameFilter()
    {
        var original = InboxAddress.Parse("q=élodie benali&procedure=a&status=changes_requested&province=_&urgency=later&claim=unclaimed&order=newest");

        var again = InboxAddress.Parse(original.Query());

        Assert.Equal(original.Query(), again.Query());
        Assert.Equal(original.Filter.Search, again.Filter.Search);
        Assert.Equal([""], again.Filter.Provinces);
    }

    [Fact]
    public void Urls_KeepTheFilter_PageCountedFromOne()
    {
        var address = InboxAddress.Parse("q=x&status=in_review");

        Assert.Equal("inbox?q=x&status=in_review", address.PageUrl(0));
        Assert.Equal("inbox?q=x&status=in_review&page=2", address.PageUrl(1));
        Assert.Equal("inbox?page=2", InboxAddress.Parse(null).PageUrl(1));
        Assert.Equal("inbox/export.csv?q=x&status=in_review", address.ExportUrl("csv"));
    }
}
