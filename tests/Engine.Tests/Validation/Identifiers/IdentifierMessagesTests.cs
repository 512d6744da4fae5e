using EmploymentProcedures.Engine.Validation.Identifiers;

namespace EmploymentProcedures.Engine.Tests.Validation.Identifiers;

public sealed class IdentifierMessagesTests
{
    // One input per error path of every validator; the test below checks they reach every code.
    private static readonly (string Validator, string Input)[] FailingInputs =
    [
        ("ice", "12"),
        ("ice", "001561191000065"),
        ("cin", "123"),
        ("cnss-employer", "12"),
        ("cnss-insured", "12"),
        ("rib", "12"),
        ("rib", "011519000001205000534922"),
        ("iban", "12"),
        ("iban", "MA65011519000001205000534921"),
        ("iban", "MA640115"),
        ("iban", "MA37011519000001205000534922"),
        ("phone", "12"),
        ("passport", "12"),
        ("if", "X"),
        ("rc", "X"),
        ("postal-code", "12"),
    ];

    private static readonly string[] ChecksumCodes = ["ice.checksum", "rib.key", "iban.checksum", "iban.rib"];

    [Fact]
    public void All_CodesReturnedByValidators_AreExactlyTheCatalogue()
    {
        var returned = FailingInputs
            .Select(f => IdentifierValidators.All[f.Validator].Check(f.Input).ErrorCode)
            .ToHashSet();

        Assert.DoesNotContain(null, returned);
        Assert.Equal(IdentifierMessages.All.Keys.Order(StringComparer.Ordinal), returned.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void All_EveryFormatCode_HasAMessage()
    {
        foreach (var (_, formatCode) in IdentifierValidators.All.Values)
            Assert.True(IdentifierMessages.All.ContainsKey(formatCode), $"no message for {formatCode}");
    }

    [Fact]
    public void All_EveryMessage_IsWrittenInFrenchArabicAndEnglish()
    {
        foreach (var (code, (fr, ar, en)) in IdentifierMessages.All)
        {
            Assert.False(string.IsNullOrWhiteSpace(fr), $"{code}: French missing");
            Assert.False(string.IsNullOrWhiteSpace(en), $"{code}: English missing");
            Assert.True(ar.Count(IsArabicLetter) > 10, $"{code}: Arabic missing");
            Assert.False(fr.Any(IsArabicLetter), $"{code}: Arabic in the French text");
            Assert.False(en.Any(IsArabicLetter), $"{code}: Arabic in the English text");
            Assert.All(new[] { fr, ar, en }, text => Assert.EndsWith(".", text, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void All_ChecksumMessages_SayTheNumberHasATypingError()
    {
        foreach (var code in ChecksumCodes)
        {
            var (fr, ar, en) = IdentifierMessages.All[code];
            Assert.Contains("erreur de frappe", fr, StringComparison.Ordinal);
            Assert.Contains("خطأ في الكتابة", ar, StringComparison.Ordinal);
            Assert.Contains("typing error", en, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("ice.format", "15")]
    [InlineData("cnss.employer.format", "7")]
    [InlineData("cnss.insured.format", "9")]
    [InlineData("rib.format", "24")]
    [InlineData("iban.length", "28")]
    [InlineData("if.format", "8")]
    [InlineData("rc.format", "7")]
    [InlineData("postal_code.format", "5")]
    public void All_FormatMessage_StatesTheExpectedLengthInEveryLanguage(string code, string length)
    {
        var (fr, ar, en) = IdentifierMessages.All[code];

        Assert.Contains(length, fr, StringComparison.Ordinal);
        Assert.Contains(length, ar, StringComparison.Ordinal);
        Assert.Contains(length, en, StringComparison.Ordinal);
    }

    private static bool IsArabicLetter(char c) => c is >= '\u0621' and <= '\u064A';
}
