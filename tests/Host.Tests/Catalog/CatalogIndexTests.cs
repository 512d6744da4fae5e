using EmploymentProcedures.Host.Catalog;

namespace EmploymentProcedures.Host.Tests.Catalog;

public sealed class CatalogIndexTests
{
    private static readonly CatalogIndex Index = new(Repository.Catalog);

    private static List<string> Ids(string? query, string language = "fr") =>
        Index.Search(query, language).SelectMany(g => g.Procedures).Select(p => p.Id).ToList();

    [Fact]
    public void Search_EmptyQuery_ListsEveryServedProcedureOnce()
    {
        var ids = Ids(null);
        Assert.Equal(Repository.Catalog.Definitions.Count, ids.Count);
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.Equal(55, ids.Count);
    }

    [Fact]
    public void Search_EmptyQuery_GroupsInTheOrderOfCategoriesYaml()
    {
        var order = Repository.Catalog.Library.Categories.Keys.ToList();
        var groups = Index.Search("", "fr").Select(g => g.CategoryId).ToList();
        Assert.Equal(order.Where(groups.Contains), groups);
    }

    [Fact]
    public void Search_FrenchWithoutAccents_FindsTheAccentedTitle() =>
        Assert.Contains("workplace-accident-notification", Ids("declaration accident travail"));

    [Fact]
    public void Search_ArabicWithBareAlefAndHa_FindsTheTitleWithHamzaAndTaMarbuta() =>
        Assert.Contains("foreign-worker-contract-visa", Ids("التاشيره", "ar"));

    [Fact]
    public void Search_English_FindsTheProcedure() =>
        Assert.Contains("strike-notice", Ids("strike"));

    [Fact]
    public void Search_EveryWordMustMatch_NarrowsTheList()
    {
        var broad = Ids("agence");
        var narrow = Ids("agence temporaire");
        Assert.NotEmpty(narrow);
        Assert.True(narrow.Count < broad.Count);
        Assert.All(narrow, id => Assert.Contains(id, broad));
    }

    [Fact]
    public void Search_NoMatch_IsEmpty() =>
        Assert.Empty(Index.Search("zzzzqqq", "fr"));

    [Fact]
    public void Search_ByLegalArticle_FindsTheProcedure() =>
        Assert.NotEmpty(Ids("art 516"));
}
