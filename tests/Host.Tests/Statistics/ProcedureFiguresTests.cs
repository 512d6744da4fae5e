using Bunit;
using EmploymentProcedures.Host.Components.Shared;
using EmploymentProcedures.Host.Localization;
using EmploymentProcedures.Host.Tests.Reviewing;
using static EmploymentProcedures.Host.Tests.Statistics.StatisticsPortal;

namespace EmploymentProcedures.Host.Tests.Statistics;

/// <summary>The procedure page's "En chiffres", over the statistics portal's last month: ten rejections, one withdrawal.</summary>
[Collection(StatisticsPortalTests.Name)]
public sealed class ProcedureFiguresTests(StatisticsPortal portal)
{
    private IRenderedComponent<ProcedureFigures> Render(BunitContext context, string procedure)
    {
        var section = context.Render<ProcedureFigures>(p => p.Add(c => c.Definition, portal.Definition(procedure)));
        section.WaitForAssertion(() => Assert.NotEmpty(section.FindAll("dd")));
        return section;
    }

    private static List<string> Texts(IRenderedComponent<ProcedureFigures> section, string selector) => section.FindAll(selector).Select(ReviewerPage.Text).ToList();

    [Fact]
    public void Section_WithTenDecisions_GivesEveryFigureOfTheLastTwelveFullMonths()
    {
        using var context = portal.Context(Languages.French);

        var section = Render(context, Regulations);

        Assert.Equal("En chiffres", section.Find("h2#figures").TextContent);
        Assert.Equal(Period(Languages.French, "De {0} à {1}, dans tout le pays."), section.Find("h2 + p").TextContent);
        Assert.Equal(
            ["Demandes déposées", "Demandes décidées", "Part des demandes acceptées", "Délai médian de traitement", "Part des demandes décidées dans le délai légal"],
            Texts(section, "dt"));
        // Twelve submitted (the withdrawn one among them), ten rejected the day they came: in calendar days, as the
        // procedure's 60-day deadline is counted.
        Assert.Equal(["12", "10", "0 %", "0 jour (délai légal : 60 jours)", "100 %"], Texts(section, "dd"));
        Assert.Empty(section.FindAll("dd.withheld"));
        Assert.Equal("statistics", section.Find("a").GetAttribute("href"));
    }

    [Fact]
    public void Section_WithoutEnoughDecisions_SaysSoInsteadOfEachFigure_AndADeclarationHasNoShareApproved()
    {
        using var context = portal.Context(Languages.French);

        var section = Render(context, StrikeNotice);

        // Nothing can refuse a strike notice: no share approved.
        Assert.Equal(["Demandes déposées", "Demandes décidées", "Délai médian de traitement", "Part des demandes décidées dans le délai légal"], Texts(section, "dt"));
        const string TooFew = "pas encore assez de dossiers pour publier ce chiffre";
        Assert.Equal(["0", "0", TooFew, TooFew], Texts(section, "dd"));
        Assert.Equal(2, section.FindAll("dd.withheld").Count);
        Assert.Contains("moins de 10 décisions", section.Find(".hint").TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ar", "بالأرقام", "من {0} إلى {1}، على الصعيد الوطني.", "0 يوم (الأجل القانوني: 60 يوما)", "لا يوجد بعد عدد كاف من الملفات لنشر هذا الرقم")]
    [InlineData("en", "In figures", "From {0} to {1}, nationwide.", "0 days (legal deadline: 60 days)", "not enough applications yet to publish this figure")]
    public void Section_InArabicAndEnglish_SaysEverythingInTheLanguageWithItsNumbers(string code, string heading, string period, string median, string tooFew)
    {
        var language = Languages.Find(code)!;
        using var context = portal.Context(language);

        var figures = Render(context, Regulations);
        var declaration = Render(context, StrikeNotice);

        Assert.Equal(heading, figures.Find("h2").TextContent);
        Assert.Equal(Period(language, period), figures.Find("h2 + p").TextContent);
        Assert.Equal(["12", "10", 0.0.ToString("P0", language.Culture), median, 1.0.ToString("P0", language.Culture)], Texts(figures, "dd"));
        Assert.Equal(tooFew, Texts(declaration, "dd")[2]);
    }
}
