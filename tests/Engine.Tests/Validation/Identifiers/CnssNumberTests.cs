using EmploymentProcedures.Engine.Validation.Identifiers;

namespace EmploymentProcedures.Engine.Tests.Validation.Identifiers;

public sealed class CnssNumberTests
{
    [Theory]
    [InlineData("1234567", "1234567")]
    [InlineData("0012345", "0012345")]
    [InlineData(" 123 45 67 ", "1234567")]
    [InlineData("123-4567", "1234567")]
    [InlineData("١٢٣٤٥٦٧", "1234567")]
    public void Check_EmployerSevenDigits_IsValid(string input, string expected)
    {
        Assert.Equal(IdentifierResult.Valid(expected), CnssNumber.Check(input, CnssKind.Employer));
    }

    [Theory]
    [InlineData("123456789", "123456789")]
    [InlineData("123 456 789", "123456789")]
    [InlineData("123.456.789", "123456789")]
    [InlineData("۱۲۳۴۵۶۷۸۹", "123456789")]
    public void Check_InsuredNineDigits_IsValid(string input, string expected)
    {
        Assert.Equal(IdentifierResult.Valid(expected), CnssNumber.Check(input, CnssKind.Insured));
    }

    [Theory]
    [InlineData("")]
    [InlineData("123456")]
    [InlineData("12345678")]
    [InlineData("123456789")]
    [InlineData("12345A7")]
    public void Check_EmployerNotSevenDigits_ReturnsEmployerFormatCode(string input)
    {
        Assert.Equal(IdentifierResult.Invalid("cnss.employer.format"), CnssNumber.Check(input, CnssKind.Employer));
    }

    [Theory]
    [InlineData("")]
    [InlineData("1234567")]
    [InlineData("12345678")]
    [InlineData("1234567890")]
    [InlineData("12345678X")]
    public void Check_InsuredNotNineDigits_ReturnsInsuredFormatCode(string input)
    {
        Assert.Equal(IdentifierResult.Invalid("cnss.insured.format"), CnssNumber.Check(input, CnssKind.Insured));
    }

    [Fact]
    public void Check_UndefinedKind_ThrowsBecauseItIsACallerBug()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => CnssNumber.Check("1234567", (CnssKind)42));
    }
}
