using EmploymentProcedures.Host.Localization;

namespace EmploymentProcedures.Host.Tests.Localization;

/// <summary>Which form of a counted noun each count takes (Arabic's singular, dual, 3–10 and 11–99 by the last two digits).</summary>
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
    [InlineData(103, "Few")]
    [InlineData(111, "Many")]
    [InlineData(7.5, "Many")]
    public void FormOf_ACount_IsTheFormItsLastDigitsTake(double count, string form) => Assert.Equal(form, CountedText.FormOf(count));
}
