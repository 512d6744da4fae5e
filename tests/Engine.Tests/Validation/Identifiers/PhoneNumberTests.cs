using EmploymentProcedures.Engine.Validation.Identifiers;

namespace EmploymentProcedures.Engine.Tests.Validation.Identifiers;

public sealed class PhoneNumberTests
{
    [Theory]
    [InlineData("0612345678", "+212612345678")]
    [InlineData("06 12 34 56 78", "+212612345678")]
    [InlineData("06.12.34.56.78", "+212612345678")]
    [InlineData("06-12-34-56-78", "+212612345678")]
    [InlineData("+212612345678", "+212612345678")]
    [InlineData("+212 6 12 34 56 78", "+212612345678")]
    [InlineData("00212612345678", "+212612345678")]
    [InlineData("00 212 6 12 34 56 78", "+212612345678")]
    [InlineData("+212 (0)6 12 34 56 78", "+212612345678")]
    [InlineData("+212 06 12 34 56 78", "+212612345678")]
    [InlineData("(+212) 6 12 34 56 78", "+212612345678")]
    [InlineData("(0522) 12 34 56", "+212522123456")]
    [InlineData("0712345678", "+212712345678")]
    [InlineData("0808123456", "+212808123456")]
    [InlineData("٠٦١٢٣٤٥٦٧٨", "+212612345678")]
    [InlineData("۰۶ ۱۲ ۳۴ ۵۶ ۷۸", "+212612345678")]
    [InlineData("\u200E+212 661-234567\u200F", "+212661234567")]
    public void Check_MoroccanNumber_NormalisesToPlus212(string input, string expected)
    {
        Assert.Equal(IdentifierResult.Valid(expected), PhoneNumber.Check(input));
    }

    [Theory]
    [InlineData("+33 6 12 34 56 78", "+33612345678")]
    [InlineData("0033612345678", "+33612345678")]
    [InlineData("+33 (0)6 12 34 56 78", "+33612345678")]
    [InlineData("+1 (202) 555-0142", "+12025550142")]
    [InlineData("+34.912.345.678", "+34912345678")]
    [InlineData("+12345678", "+12345678")]
    [InlineData("+123456789012345", "+123456789012345")]
    public void Check_InternationalNumber_NormalisesToPlusDigits(string input, string expected)
    {
        Assert.Equal(IdentifierResult.Valid(expected), PhoneNumber.Check(input));
    }

    [Theory]
    [InlineData("")]
    [InlineData("061234567")]
    [InlineData("06123456789")]
    [InlineData("0412345678")]
    [InlineData("0912345678")]
    [InlineData("612345678")]
    [InlineData("212612345678")]
    [InlineData("+212412345678")]
    [InlineData("+21261234567")]
    [InlineData("+2126123456789")]
    [InlineData("00212 4 12 34 56 78")]
    [InlineData("+1234567")]
    [InlineData("+1234567890123456")]
    [InlineData("+0123456789")]
    [InlineData("++212612345678")]
    [InlineData("06 12 34 56 7a")]
    [InlineData("06/12/34/56/78")]
    [InlineData("+33 6 12 34 56 78 ext 12")]
    [InlineData("0612345678+")]
    public void Check_NeitherMoroccanNorE164_ReturnsFormatCode(string input)
    {
        Assert.Equal(IdentifierResult.Invalid("phone.format"), PhoneNumber.Check(input));
    }

    [Theory]
    [InlineData("+212612345678", PhoneKind.Mobile)]
    [InlineData("+212712345678", PhoneKind.Mobile)]
    [InlineData("+212522123456", PhoneKind.Fixed)]
    [InlineData("+212808123456", PhoneKind.Other)]
    [InlineData("+33612345678", PhoneKind.International)]
    [InlineData("0612345678", PhoneKind.Mobile)]
    public void Classify_ValidNumber_ReturnsKindFromPrefix(string number, PhoneKind expected)
    {
        Assert.Equal(expected, PhoneNumber.Classify(number));
    }

    [Theory]
    [InlineData("")]
    [InlineData("0412345678")]
    public void Classify_InvalidNumber_ThrowsBecauseItIsACallerBug(string number)
    {
        Assert.Throws<ArgumentException>(() => PhoneNumber.Classify(number));
    }
}
