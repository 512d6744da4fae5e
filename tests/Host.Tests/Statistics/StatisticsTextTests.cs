using System.Globalization;
using EmploymentProcedures.Engine.Definitions;
using EmploymentProcedures.Engine.Reporting;
using EmploymentProcedures.Host.Localization;
using EmploymentProcedures.Host.Statistics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace EmploymentProcedures.Host.Tests.Statistics;

/// <summary>The statistics' days, shares and periods in words, with the portal's real strings.</summary>
public sealed class StatisticsTextTests : IDisposable
{
    private readonly CultureInfo _previous = CultureInfo.CurrentUICulture;
    private readonly ServiceProvider _services = new ServiceCollection().AddLogging().AddLocalization(o => o.ResourcesPath = "Resources").BuildServiceProvider();

    private StatisticsText Text(string code)
    {
        var language = Languages.Find(code)!;
        CultureInfo.CurrentUICulture = language.Culture;
        return new StatisticsText(language, _services.GetRequiredService<IStringLocalizer<Strings>>());
    }

    public void Dispose()
    {
        CultureInfo.CurrentUICulture = _previous;
        _services.Dispose();
    }

    [Theory]
    [InlineData("fr", 0, "0 jour")]
    [InlineData("fr", 1, "1 jour")]
    [InlineData("fr", 1.5, "1,5 jour")]
    [InlineData("fr", 12, "12 jours")]
    [InlineData("en", 1, "1 day")]
    [InlineData("en", 1.5, "1.5 days")]
    [InlineData("ar", 1, "يوم واحد")]
    [InlineData("ar", 2, "يومان")]
    [InlineData("ar", 7, "7 أيام")]
    [InlineData("ar", 7.5, "7,5 يوم")]
    [InlineData("ar", 30, "30 يوما")]
    public void Days_InCalendarDays_TakeTheLanguagesFormOfTheCount(string code, double days, string expected) =>
        Assert.Equal(expected, Text(code).Days(days, CalendarKind.Calendar));

    [Theory]
    [InlineData("fr", 2, "2 jours ouvrables")]
    [InlineData("ar", 1, "يوم عمل واحد")]
    [InlineData("ar", 2, "يوما عمل")]
    [InlineData("ar", 5, "5 أيام عمل")]
    [InlineData("ar", 15, "15 يوم عمل")]
    [InlineData("en", 10, "10 business days")]
    public void Days_InBusinessDays_SayBusinessDays(string code, double days, string expected) =>
        Assert.Equal(expected, Text(code).Days(days, CalendarKind.Business));

    [Fact]
    public void Period_InFrench_NamesItsFirstAndLastMonths() =>
        Assert.Equal("De décembre 2025 à novembre 2026, dans tout le pays.", Text("fr").Period(StatisticsPeriod.LastTwelveFullMonths(new DateOnly(2026, 12, 10))));

    [Fact]
    public void Share_WithheldOrNotApplicable_SaysWhy()
    {
        var text = Text("fr");

        Assert.Equal("pas encore assez de dossiers pour publier ce chiffre", text.Share(new PublicFigure(FigureStatus.TooFewDecisions, 0)));
        Assert.Equal("sans objet", text.Share(PublicFigure.NotApplicable));
        Assert.Equal(0.873.ToString("P0", Languages.French.Culture), text.Share(new PublicFigure(FigureStatus.Published, 0.873)));
    }
}
