using EmploymentProcedures.Engine.Validation.Identifiers;

namespace EmploymentProcedures.Engine.Tests.Validation.Identifiers;

public sealed class IdentifierInputTests
{
    [Theory]
    [InlineData("٠١٢٣٤٥٦٧٨٩", "0123456789")]
    [InlineData("۰۱۲۳۴۵۶۷۸۹", "0123456789")]
    [InlineData("ab-c", "AB-C")]
    [InlineData(" a\u00A0b\u202Fc\td ", "ABCD")]
    [InlineData("\u200F12\u200E3\u061C\uFEFF", "123")]
    [InlineData("ıſéß", "ıſéß")]
    public void Clean_NoSeparators_MapsDigitsAndAsciiLettersOnly(string input, string expected)
    {
        Assert.Equal(expected, IdentifierInput.Clean(input));
    }

    [Fact]
    public void Clean_NumericSeparators_RemovesDashesDotsAndSlashes()
    {
        Assert.Equal("123456", IdentifierInput.Clean("1-2.3/4 56", IdentifierInput.NumericSeparators));
    }

    [Fact]
    public void Clean_AtLengthCap_IsCleanedAndOneMoreIsRefused()
    {
        var atCap = "0612345678".PadRight(IdentifierInput.MaxLength);
        var overCap = atCap + " ";

        Assert.Equal("0612345678", IdentifierInput.Clean(atCap));
        Assert.Null(IdentifierInput.Clean(overCap));
        Assert.Equal(IdentifierResult.Valid("+212612345678"), PhoneNumber.Check(atCap));
        Assert.Equal(IdentifierResult.Invalid("phone.format"), PhoneNumber.Check(overCap));
    }

    [Fact]
    public void Clean_Null_ReturnsNull()
    {
        Assert.Null(IdentifierInput.Clean(null));
    }

    [Fact]
    public void DefaultResult_HasNoErrorCode_SoCountsAsValid()
    {
        // Documents a trap of the record struct: always build results with Valid or Invalid.
        Assert.True(default(IdentifierResult).IsValid);
        Assert.Null(default(IdentifierResult).Normalized);
    }
}
