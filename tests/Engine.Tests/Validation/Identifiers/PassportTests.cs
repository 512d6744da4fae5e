using EmploymentProcedures.Engine.Validation.Identifiers;

namespace EmploymentProcedures.Engine.Tests.Validation.Identifiers;

public sealed class PassportTests
{
    [Theory]
    [InlineData("AB1234", "AB1234")]
    [InlineData("AB1234567890", "AB1234567890")]
    [InlineData("123456789", "123456789")]
    [InlineData("ab 123 4567", "AB1234567")]
    [InlineData("UZ١٢٣٤٥٦", "UZ123456")]
    public void Check_SixToTwelveLettersAndDigits_IsValidAndNormalised(string input, string expected)
    {
        Assert.Equal(IdentifierResult.Valid(expected), Passport.Check(input));
    }

    [Theory]
    [InlineData("")]
    [InlineData("AB123")]
    [InlineData("AB12345678901")]
    [InlineData("AB-12345")]
    [InlineData("AB_12345")]
    [InlineData("ÄB12345")]
    public void Check_NotSixToTwelveLettersAndDigits_ReturnsFormatCode(string input)
    {
        Assert.Equal(IdentifierResult.Invalid("passport.format"), Passport.Check(input));
    }
}
