using EmploymentProcedures.Engine.Validation.Identifiers;

namespace EmploymentProcedures.Engine.Tests.Validation.Identifiers;

public sealed class PostalCodeTests
{
    [Theory]
    [InlineData("20000", "20000")]
    [InlineData("10 000", "10000")]
    [InlineData(" 90000 ", "90000")]
    [InlineData("٢٠٠٥٠", "20050")]
    public void Check_FiveDigits_IsValidAndNormalised(string input, string expected)
    {
        Assert.Equal(IdentifierResult.Valid(expected), PostalCode.Check(input));
    }

    [Theory]
    [InlineData("")]
    [InlineData("2000")]
    [InlineData("200000")]
    [InlineData("2000A")]
    [InlineData("２００００")]
    public void Check_NotFiveDigits_ReturnsFormatCode(string input)
    {
        Assert.Equal(IdentifierResult.Invalid("postal_code.format"), PostalCode.Check(input));
    }
}
