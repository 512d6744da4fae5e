using EmploymentProcedures.Engine.Definitions;

namespace EmploymentProcedures.Engine.Tests.Loading;

public sealed class RetentionPeriodTests
{
    [Theory]
    [InlineData("5y", 5, 0)]
    [InlineData("10y", 10, 0)]
    [InlineData("18m", 0, 18)]
    [InlineData("2y6m", 2, 6)]
    [InlineData("50y", 50, 0)]
    public void Parse_YearsMonthsOrBoth_ReadsThem(string text, int years, int months) =>
        Assert.Equal(new RetentionPeriod(years, months), RetentionPeriod.Parse(text));

    [Theory]
    [InlineData("")]
    [InlineData("10")]
    [InlineData("y")]
    [InlineData("10 ans")]
    [InlineData("10Y")]
    [InlineData("6m2y")]
    [InlineData("1d")]
    [InlineData("-5y")]
    [InlineData("5y ")]
    [InlineData("99999999999y")]
    public void Parse_AnythingElse_IsNull(string text) => Assert.Null(RetentionPeriod.Parse(text));

    [Fact]
    public void ErasedAfter_TenYears_IsTheSameDayAndTimeTenYearsLater()
    {
        var closed = new DateTimeOffset(2026, 3, 14, 9, 30, 0, TimeSpan.FromHours(1));

        Assert.Equal(new DateTimeOffset(2036, 3, 14, 9, 30, 0, TimeSpan.FromHours(1)), new RetentionPeriod(10, 0).ErasedAfter(closed));
    }

    [Fact]
    public void ErasedAfter_ClosedOnTheTwentyNinthOfFebruary_FallsOnTheLastDayOfFebruaryAYearLater()
    {
        var closed = new DateTimeOffset(2028, 2, 29, 16, 0, 0, TimeSpan.Zero);

        Assert.Equal(new DateTimeOffset(2029, 2, 28, 16, 0, 0, TimeSpan.Zero), new RetentionPeriod(1, 0).ErasedAfter(closed));
        Assert.Equal(new DateTimeOffset(2032, 2, 29, 16, 0, 0, TimeSpan.Zero), new RetentionPeriod(4, 0).ErasedAfter(closed));
    }

    [Fact]
    public void ErasedAfter_MonthsFromTheThirtyFirst_FallOnTheTargetMonthsLastDay()
    {
        var closed = new DateTimeOffset(2026, 8, 31, 0, 0, 0, TimeSpan.Zero);

        Assert.Equal(new DateTimeOffset(2028, 2, 29, 0, 0, 0, TimeSpan.Zero), new RetentionPeriod(1, 6).ErasedAfter(closed));
        Assert.Equal(new DateTimeOffset(2027, 2, 28, 0, 0, 0, TimeSpan.Zero), RetentionPeriod.Parse("6m")!.Value.ErasedAfter(closed));
    }

    [Fact]
    public void ErasedAfter_EighteenMonthsOrOneYearSix_IsTheSameDate()
    {
        var closed = new DateTimeOffset(2026, 1, 15, 12, 0, 0, TimeSpan.Zero);

        Assert.Equal(RetentionPeriod.Parse("1y6m")!.Value.ErasedAfter(closed), RetentionPeriod.Parse("18m")!.Value.ErasedAfter(closed));
        Assert.Equal(new DateTimeOffset(2027, 7, 15, 12, 0, 0, TimeSpan.Zero), RetentionPeriod.Parse("18m")!.Value.ErasedAfter(closed));
    }

    [Theory]
    [InlineData(10, 0, "10y")]
    [InlineData(0, 18, "18m")]
    [InlineData(2, 6, "2y6m")]
    public void ToString_IsHowTheLanguageWritesIt(int years, int months, string text) =>
        Assert.Equal(text, new RetentionPeriod(years, months).ToString());
}
