using EmploymentProcedures.Engine.Validation.Identifiers;

namespace EmploymentProcedures.Engine.Tests.Validation.Identifiers;

public sealed class CinTests
{
    [Theory]
    [InlineData("AB123456", "AB123456")]
    [InlineData("K1", "K1")]
    [InlineData("A123456", "A123456")]
    [InlineData("be123456", "BE123456")]
    [InlineData("  Bh 12 34 56 ", "BH123456")]
    [InlineData("BE١٢٣٤٥٦", "BE123456")]
    [InlineData("k۹۸۷۶۵", "K98765")]
    [InlineData("\u200FBK123456\u200E", "BK123456")]
    public void Check_LettersThenDigits_IsValidAndNormalised(string input, string expected)
    {
        Assert.Equal(IdentifierResult.Valid(expected), Cin.Check(input));
    }

    [Theory]
    [InlineData("")]
    [InlineData("A")]
    [InlineData("AB")]
    [InlineData("123456")]
    [InlineData("ABC12345")]
    [InlineData("AB1234567")]
    [InlineData("A1234567")]
    [InlineData("AB12C456")]
    [InlineData("AB-123456")]
    [InlineData("1AB23456")]
    [InlineData("ÉA12345")]
    [InlineData("ı12345")]
    [InlineData("AB１２３４５")]
    public void Check_NotOneOrTwoLettersThenOneToSixDigits_ReturnsFormatCode(string input)
    {
        Assert.Equal(IdentifierResult.Invalid("cin.format"), Cin.Check(input));
    }
}
