using Bunit;
using EmploymentProcedures.Host.Catalog;
using EmploymentProcedures.Host.Components.Pages;
using EmploymentProcedures.Host.Localization;
using EmploymentProcedures.Host.Tests.Reviewing;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using static EmploymentProcedures.Host.Tests.Statistics.StatisticsPortal;

namespace EmploymentProcedures.Host.Tests.Statistics;

/// <summary><c>/statistics</c>: every procedure's figures in one table, by category in the catalog's order.</summary>
[Collection(StatisticsPortalTests.Name)]
public sealed class StatisticsPageTests(StatisticsPortal portal)
{
    private static IRenderedComponent<StatisticsPage> Render(BunitContext context)
    {
        var page = context.Render<StatisticsPage>();
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("table.statistics")));
        return page;
    }

    private static List<string> Row(IRenderedComponent<StatisticsPage> page, string procedure) =>
        page.Find($"th[scope=row]:has(a[href='procedures/{procedure}'])").ParentElement!.Children.Select(ReviewerPage.Text).ToList();

    [Fact]
    public void Page_EveryProcedure_InOneTableWithItsCaptionScopedHeadersAndCategories()
    {
        using var context = portal.Context(Languages.French);

        var page = Render(context);

        Assert.Equal("Statistiques", page.Find("h1").TextContent);
        Assert.Equal(Period(Languages.French, "Demandes et délais de traitement par procédure, de {0} à {1}, dans tout le pays"), page.Find("caption").TextContent);
        Assert.Equal(
            ["Procédure", "Demandes déposées", "Demandes décidées", "Part des demandes acceptées", "Délai médian de traitement", "Délai légal", "Part des demandes décidées dans le délai légal"],
            page.FindAll("thead th[scope=col]").Select(th => th.TextContent));
        // One group per category, in the catalog's order, its header scoped to its rows; every procedure once.
        var groups = context.Services.GetRequiredService<CatalogIndex>().Search(null, "fr");
        Assert.Equal(groups.Select(g => g.Title!.Get("fr")), page.FindAll("tbody th[scope=rowgroup]").Select(th => th.TextContent));
        Assert.Equal(groups.Sum(g => g.Procedures.Count), page.FindAll("tbody th[scope=row]").Count);
        Assert.Equal(55, page.FindAll("tbody th[scope=row] a").Count);
        Assert.Equal("statistics.csv", page.Find("a[download]").GetAttribute("href"));
    }

    [Fact]
    public void Page_Rows_GiveTheFiguresOrSayWhyNot()
    {
        using var context = portal.Context(Languages.French);

        var page = Render(context);

        Assert.Equal([portal.Definition(Regulations).Title.Get("fr"), "12", "10", "0 %", "0 jour", "60 jours", "100 %"], Row(page, Regulations));
        const string TooFew = "pas encore assez de dossiers pour publier ce chiffre";
        Assert.Equal([portal.Definition(StrikeNotice).Title.Get("fr"), "0", "0", "sans objet", TooFew, "3 jours ouvrables", TooFew], Row(page, StrikeNotice));
        Assert.Contains("moins de 10 décisions", page.Markup, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("statistics?order=submitted")]
    [InlineData("statistics?order=in-time")]
    public void Page_OrderedByAFigure_PutsTheProcedureWithFiguresFirstInOneGroupNamingEachCategory(string address)
    {
        using var context = portal.Context(Languages.French);
        context.Services.GetRequiredService<NavigationManager>().NavigateTo(address);

        var page = Render(context);

        // Every other procedure has no submission and no figure published: the one with figures comes first either way.
        var first = page.Find("tbody th[scope=row]");
        Assert.Equal($"procedures/{Regulations}", first.QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal("Déclarations et documents de l'entreprise", first.QuerySelector(".note")!.TextContent);
        Assert.Empty(page.FindAll("th[scope=rowgroup]"));
        Assert.Equal(55, page.FindAll("tbody th[scope=row]").Count);
        Assert.Equal(address[(address.IndexOf('=', StringComparison.Ordinal) + 1)..], page.Find("#statistics-order option[selected]").GetAttribute("value"));
    }

    [Fact]
    public void Page_UnknownOrder_IsTheCategoriesOrder()
    {
        using var context = portal.Context(Languages.French);
        context.Services.GetRequiredService<NavigationManager>().NavigateTo("statistics?order=%3Cscript%3E");

        var page = Render(context);

        Assert.NotEmpty(page.FindAll("th[scope=rowgroup]"));
        Assert.Equal("", page.Find("#statistics-order option[selected]").GetAttribute("value"));
    }

    [Fact]
    public void Page_InArabic_NamesCategoriesProceduresAndUnitsInArabic()
    {
        using var context = portal.Context(Languages.Arabic);

        var page = Render(context);

        Assert.Equal("الإحصائيات", page.Find("h1").TextContent);
        Assert.All(page.FindAll("tbody th[scope=rowgroup]"), th => Assert.Matches("\\p{IsArabic}", th.TextContent));
        Assert.Equal([portal.Definition(Regulations).Title.Get("ar"), "12", "10", 0.0.ToString("P0", Languages.Arabic.Culture), "0 يوم", "60 يوما", 1.0.ToString("P0", Languages.Arabic.Culture)],
            Row(page, Regulations));
        Assert.Equal("3 أيام عمل", Row(page, StrikeNotice)[5]);
    }
}
