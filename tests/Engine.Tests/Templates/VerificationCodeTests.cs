using EmploymentProcedures.Engine.Templates;

namespace EmploymentProcedures.Engine.Tests.Templates;

/// <summary>The code printed on every letter, as drawn and as a person types it back from paper.</summary>
public sealed class VerificationCodeTests
{
    [Fact]
    public void Draw_TenThousandCodes_AllDistinctTwentyCharactersOfCrockfordsAlphabetGroupedByFour()
    {
        var codes = Enumerable.Range(0, 10_000).Select(_ => VerificationCode.Draw()).ToList();

        Assert.Equal(codes.Count, codes.Select(c => c.Value).Distinct(StringComparer.Ordinal).Count());
        Assert.All(codes, c => Assert.Matches("^[0-9A-HJKMNP-TV-Z]{20}$", c.Value));
        Assert.All(codes, c => Assert.Matches("^([0-9A-Z]{4}-){4}[0-9A-Z]{4}$", c.ToString()));
        Assert.True(VerificationCode.Bits >= 80);
        // Every character of the alphabet comes out (a biased draw would lose entropy).
        Assert.Equal(32, codes.SelectMany(c => c.Value).Distinct().Count());
    }

    [Theory]
    [InlineData("7KQM-3XPA-9D2F-H6RT-0BCW")]
    [InlineData("7kqm-3xpa-9d2f-h6rt-0bcw")]
    [InlineData(" 7KQM 3XPA 9D2F H6RT 0BCW ")]
    [InlineData("7KQM3XPA9D2FH6RT0BCW")]
    [InlineData("7KQM–3XPA–9D2F–H6RT–OBCW")]
    [InlineData("7KQM-3XPA-9D2F-H6RT-oBCW")]
    public void TryParse_TypedWithSpacesDashesLowerCaseOrTheLetterO_ReadsThePrintedCode(string typed)
    {
        Assert.True(VerificationCode.TryParse(typed, out var code));
        Assert.Equal("7KQM3XPA9D2FH6RT0BCW", code.Value);
        Assert.Equal("7KQM-3XPA-9D2F-H6RT-0BCW", code.ToString());
    }

    [Theory]
    [InlineData("1111-ABCD-EFGH-JKMN-PQRS", "IiLl-ABCD-EFGH-JKMN-PQRS")]
    [InlineData("0123-4567-89AB-CDEF-GHJK", "O١٢٣-٤٥٦٧-٨٩AB-CDEF-GHJK")]
    public void TryParse_AmbiguousLettersOrArabicIndicDigits_FoldedToTheAlphabet(string printed, string typed)
    {
        Assert.True(VerificationCode.TryParse(typed, out var code));
        Assert.Equal(printed, code.ToString());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("7KQM-3XPA-9D2F-H6RT")]
    [InlineData("7KQM-3XPA-9D2F-H6RT-0BCW-1")]
    [InlineData("7KQM-3XPA-9D2F-H6RT-0BCU")]
    [InlineData("7KQM-3XPA-9D2F-H6RT-0BC*")]
    [InlineData("7KQM/3XPA/9D2F/H6RT/0BCW")]
    [InlineData("<script>alert(1)</script>")]
    public void TryParse_WrongLengthOrForeignCharacters_IsNoCode(string? typed)
    {
        Assert.False(VerificationCode.TryParse(typed, out _));
    }

    [Fact]
    public void TryParse_VeryLongText_IsNoCodeWithoutReadingItAll()
    {
        Assert.False(VerificationCode.TryParse(new string('-', 10_000) + "7KQM3XPA9D2FH6RT0BCW", out _));
    }
}
