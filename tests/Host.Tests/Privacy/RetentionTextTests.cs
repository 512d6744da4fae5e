using EmploymentProcedures.Engine.Definitions;
using EmploymentProcedures.Host.Catalog;
using EmploymentProcedures.Host.Localization;

namespace EmploymentProcedures.Host.Tests.Privacy;

public sealed class RetentionTextTests
{
    [Theory]
    [InlineData("fr", 10, 0, "10 ans")]
    [InlineData("fr", 1, 0, "1 an")]
    [InlineData("fr", 0, 18, "18 mois")]
    [InlineData("fr", 2, 6, "2 ans et 6 mois")]
    [InlineData("en", 1, 0, "1 year")]
    [InlineData("en", 5, 1, "5 years and 1 month")]
    [InlineData("ar", 1, 0, "سنة واحدة")]
    [InlineData("ar", 2, 0, "سنتان")]
    [InlineData("ar", 10, 0, "10 سنوات")]
    [InlineData("ar", 15, 0, "15 سنة")]
    [InlineData("ar", 0, 18, "18 شهرا")]
    [InlineData("ar", 2, 6, "سنتان و6 أشهر")]
    public void Of_YearsAndMonths_AreSaidAsTheLanguageCountsThem(string code, int years, int months, string expected)
    {
        var language = Languages.Find(code)!;

        Assert.Equal(expected, RetentionText.Of(new RetentionPeriod(years, months), language, PortalStrings.In(language)));
    }

    [Theory]
    [InlineData("fr", "10 ans après la clôture du dossier")]
    [InlineData("ar", "10 سنوات بعد إغلاق الملف")]
    [InlineData("en", "10 years after the file is closed")]
    public void AfterClosure_TenYears_SaysFromWhenTheyCount(string code, string expected)
    {
        var language = Languages.Find(code)!;

        Assert.StartsWith(expected, RetentionText.AfterClosure(new RetentionPeriod(10, 0), language, PortalStrings.In(language)), StringComparison.Ordinal);
    }
}
