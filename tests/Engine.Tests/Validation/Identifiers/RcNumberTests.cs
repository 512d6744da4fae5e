using EmploymentProcedures.Engine.Validation.Identifiers;

namespace EmploymentProcedures.Engine.Tests.Validation.Identifiers;

public sealed class RcNumberTests
{
    [Theory]
    [InlineData("1", "1")]
    [InlineData("1234567", "1234567")]
    [InlineData("123 456", "123456")]
    [InlineData("۱۲۳۴۵۶", "123456")]
    public void Check_OneToSevenDigits_IsValidAndNormalised(string input, string expected)
    {
        Assert.Equal(IdentifierResult.Valid(expected), RcNumber.Check(input));
    }

    [Theory]
    [InlineData("")]
    [InlineData("12345678")]
    [InlineData("RC123456")]
    [InlineData("12345A")]
    public void Check_NotOneToSevenDigits_ReturnsFormatCode(string input)
    {
        Assert.Equal(IdentifierResult.Invalid("rc.format"), RcNumber.Check(input));
    }
}
