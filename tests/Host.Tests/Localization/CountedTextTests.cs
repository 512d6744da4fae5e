using EmploymentProcedures.Host.Localization;

namespace EmploymentProcedures.Host.Tests.Localization;

/// <summary>
/// Which form of a counted noun each count takes: CLDR's Arabic plural categories (zero, one, two, few for last two digits
/// 3–10, many for 11–99, other for the rest), French's singular under two and English's plural but for one.
/// </summary>
public sealed class CountedTextTests
{
    [Theory]
    [InlineData(0, "Low")]
    [InlineData(0.5, "Low")]
    [InlineData(1, "Single")]
    [InlineData(1.5, "Low")]
    [InlineData(2, "Dual")]
    [InlineData(3, "Few")]
    [InlineData(10, "Few")]
    [InlineData(11, "Many")]
    [InlineData(99, "Many")]
    [InlineData(100, "Other")]
    [InlineData(101, "Other")]
    [InlineData(102, "Other")]
    [InlineData(103, "Few")]
    [InlineData(111, "Many")]
    [InlineData(200, "Other")]
    [InlineData(1000, "Other")]
    [InlineData(7.5, "Other")]
    public void FormOf_ACount_IsTheFormItsLastDigitsTake(double count, string form) => Assert.Equal(form, CountedText.FormOf(count));

    [Theory]
    [InlineData("Statistics.CalendarDays", 0, "0 يوم")]
    [InlineData("Statistics.CalendarDays", 1, "يوم واحد")]
    [InlineData("Statistics.CalendarDays", 2, "يومان")]
    [InlineData("Statistics.CalendarDays", 3, "3 أيام")]
    [InlineData("Statistics.CalendarDays", 10, "10 أيام")]
    [InlineData("Statistics.CalendarDays", 11, "11 يوما")]
    [InlineData("Statistics.CalendarDays", 99, "99 يوما")]
    [InlineData("Statistics.CalendarDays", 100, "100 يوم")]
    [InlineData("Statistics.CalendarDays", 101, "101 يوم")]
    [InlineData("Statistics.CalendarDays", 102, "102 يوم")]
    [InlineData("Statistics.CalendarDays", 103, "103 أيام")]
    [InlineData("Statistics.CalendarDays", 111, "111 يوما")]
    [InlineData("Statistics.CalendarDays", 200, "200 يوم")]
    [InlineData("Statistics.CalendarDays", 1000, "1000 يوم")]
    [InlineData("Statistics.BusinessDays", 100, "100 يوم عمل")]
    [InlineData("Statistics.BusinessDays", 101, "101 يوم عمل")]
    [InlineData("Statistics.BusinessDays", 102, "102 يوم عمل")]
    [InlineData("Statistics.BusinessDays", 200, "200 يوم عمل")]
    public void Say_InArabic_TakesTheNounsFormForTheCount(string key, double count, string expected) =>
        Assert.Equal(expected, Said("ar", key, count));

    [Theory]
    [InlineData("fr", 0, "0 jour")]
    [InlineData("fr", 1, "1 jour")]
    [InlineData("fr", 1.5, "1,5 jour")]
    [InlineData("fr", 2, "2 jours")]
    [InlineData("fr", 11, "11 jours")]
    [InlineData("fr", 100, "100 jours")]
    [InlineData("fr", 101, "101 jours")]
    [InlineData("fr", 7.5, "7,5 jours")]
    [InlineData("en", 0, "0 days")]
    [InlineData("en", 1, "1 day")]
    [InlineData("en", 1.5, "1.5 days")]
    [InlineData("en", 2, "2 days")]
    [InlineData("en", 100, "100 days")]
    [InlineData("en", 102, "102 days")]
    [InlineData("en", 1000, "1000 days")]
    public void Say_InFrenchAndEnglish_KeepsTheirPluralRules(string code, double count, string expected) =>
        Assert.Equal(expected, Said(code, "Statistics.CalendarDays", count));

    private static string Said(string code, string key, double count)
    {
        var language = Languages.Find(code)!;
        return new CountedText(language, PortalStrings.In(language)).Say(key, count);
    }
}
