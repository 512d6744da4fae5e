using EmploymentProcedures.Engine.Validation.Identifiers;

namespace EmploymentProcedures.Engine.Tests.Validation.Identifiers;

public sealed class TaxIdTests
{
    [Theory]
    [InlineData("1", "1")]
    [InlineData("1234567", "1234567")]
    [InlineData("12345678", "12345678")]
    [InlineData("01234567", "01234567")]
    [InlineData("12 345 678", "12345678")]
    [InlineData("12.345.678", "12345678")]
    [InlineData("١٢٣٤٥٦٧٨", "12345678")]
    public void Check_OneToEightDigits_IsValidAndNormalised(string input, string expected)
    {
        Assert.Equal(IdentifierResult.Valid(expected), TaxId.Check(input));
    }

    [Theory]
    [InlineData("")]
    [InlineData(" - ")]
    [InlineData("123456789")]
    [InlineData("IF1234567")]
    [InlineData("1234567A")]
    public void Check_NotOneToEightDigits_ReturnsFormatCode(string input)
    {
        Assert.Equal(IdentifierResult.Invalid("if.format"), TaxId.Check(input));
    }
}
