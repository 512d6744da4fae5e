using System.Globalization;
using System.Numerics;
using EmploymentProcedures.Engine.Validation.Identifiers;

namespace EmploymentProcedures.Engine.Tests.Validation.Identifiers;

public sealed class IbanTests
{
    // The Moroccan example of the SWIFT IBAN registry.
    private const string RegistryIban = "MA64011519000001205000534921";

    [Fact]
    public void IndependentCheckDigits_RegistryExample_MatchesRegistry()
    {
        Assert.Equal("64", IndependentCheckDigits("MA", "011519000001205000534921"));
    }

    [Theory]
    [InlineData(RegistryIban, RegistryIban)]
    [InlineData("MA64 0115 1900 0001 2050 0053 4921", RegistryIban)]
    [InlineData(" ma64 0115 1900 0001 2050 0053 4921 ", RegistryIban)]
    [InlineData("MA٦٤٠١١٥١٩٠٠٠٠٠١٢٠٥٠٠٠٥٣٤٩٢١", RegistryIban)]
    public void Check_MoroccanRegistryExample_IsValidAndNormalised(string input, string expected)
    {
        Assert.Equal(IdentifierResult.Valid(expected), Iban.Check(input));
    }

    [Theory]
    [InlineData("DE89370400440532013000")]
    [InlineData("FR1420041010050500013M02606")]
    [InlineData("GB29NWBK60161331926819")]
    [InlineData("BE68539007547034")]
    [InlineData("NO9386011117947")]
    [InlineData("MT84MALT011000012345MTLCAST001S")]
    [InlineData("RU0304452522540817810538091310419")]
    public void Check_OtherCountriesRegistryExamples_AreValid(string iban)
    {
        Assert.Equal(IdentifierResult.Valid(iban), Iban.Check(iban));
    }

    [Fact]
    public void Check_MoroccanIbanBuiltFromValidRib_IsValid()
    {
        var first22 = "2307801234567890123456";
        var rib = first22 + Rib.ComputeKey(first22);
        var iban = "MA" + IndependentCheckDigits("MA", rib) + rib;

        Assert.Equal(IdentifierResult.Valid(iban), Iban.Check(iban));
    }

    [Fact]
    public void Check_MoroccanIbanWithCorrectCheckDigitsButBadRibKey_ReturnsRibCode()
    {
        const string badRib = "011519000001205000534922";
        var iban = "MA" + IndependentCheckDigits("MA", badRib) + badRib;

        Assert.Equal(IdentifierResult.Invalid("iban.rib"), Iban.Check(iban));
    }

    [Theory]
    [InlineData("MA65011519000001205000534921")]
    [InlineData("MA64011519000001205000534922")]
    [InlineData("MA64111519000001205000534921")]
    [InlineData("MA46011519000001205000534921")]
    [InlineData("DE88370400440532013000")]
    [InlineData("DE89370400440532013001")]
    [InlineData("GB29NWBK60161331926818")]
    [InlineData("FR1420041010050500013N02606")]
    public void Check_OneDigitOrLetterOff_ReturnsChecksumCode(string input)
    {
        Assert.Equal(IdentifierResult.Invalid("iban.checksum"), Iban.Check(input));
    }

    [Fact]
    public void Check_CheckDigitsOutsideIsoRange_ReturnsChecksumCode()
    {
        // 99 ≡ 02 (mod 97), so the mod-97 test alone would accept it.
        var bban = "370400440532013039";
        Assert.Equal("02", IndependentCheckDigits("XK", bban));

        Assert.True(Iban.Check("XK02" + bban).IsValid);
        Assert.Equal(IdentifierResult.Invalid("iban.checksum"), Iban.Check("XK99" + bban));
    }

    [Theory]
    [InlineData("MA6401151900000120500053492")]
    [InlineData("MA640115190000012050005349210")]
    [InlineData("MA64")]
    [InlineData("MA640115")]
    public void Check_MoroccanNotTwentyEightCharacters_ReturnsLengthCode(string input)
    {
        Assert.Equal(IdentifierResult.Invalid("iban.length"), Iban.Check(input));
    }

    [Theory]
    [InlineData("")]
    [InlineData("MA6")]
    [InlineData("011519000001205000534921")]
    [InlineData("6401MA1519000001205000534921")]
    [InlineData("M164011519000001205000534921")]
    [InlineData("MAX4011519000001205000534921")]
    [InlineData("MA64-0115-1900-0001-2050-0053-4921")]
    [InlineData("MA64A11519000001205000534921")]
    [InlineData("DE893704004405")]
    [InlineData("NO938601111794")]
    [InlineData("DE89É70400440532013000")]
    public void Check_NotCountryCheckDigitsAndAccount_ReturnsFormatCode(string input)
    {
        Assert.Equal(IdentifierResult.Invalid("iban.format"), Iban.Check(input));
    }

    [Fact]
    public void Check_ThirtyFourCharacters_IsValidAndThirtyFiveIsNot()
    {
        var bban30 = "ABCD" + new string('7', 26);
        var iban34 = "DE" + IndependentCheckDigits("DE", bban30) + bban30;
        var bban31 = bban30 + "7";
        var iban35 = "DE" + IndependentCheckDigits("DE", bban31) + bban31;

        Assert.Equal(34, iban34.Length);
        Assert.Equal(IdentifierResult.Valid(iban34), Iban.Check(iban34));
        Assert.Equal(IdentifierResult.Invalid("iban.format"), Iban.Check(iban35));
    }

    [Theory]
    [InlineData(RegistryIban, "MA64 0115 1900 0001 2050 0053 4921")]
    [InlineData("FR1420041010050500013M02606", "FR14 2004 1010 0505 0001 3M02 606")]
    [InlineData("NO9386011117947", "NO93 8601 1117 947")]
    [InlineData("", "")]
    public void Format_NormalisedIban_GroupsByFour(string normalized, string expected)
    {
        Assert.Equal(expected, Iban.Format(normalized));
    }

    /// <summary>ISO 13616 check digits computed with <see cref="BigInteger"/>, independently of the engine's mod-97.</summary>
    private static string IndependentCheckDigits(string country, string bban)
    {
        var numeric = string.Concat((bban + country + "00").Select(c =>
            char.IsAsciiLetter(c) ? (c - 'A' + 10).ToString(CultureInfo.InvariantCulture) : c.ToString()));
        var check = 98 - (int)(BigInteger.Parse(numeric, CultureInfo.InvariantCulture) % 97);
        return check.ToString("D2", CultureInfo.InvariantCulture);
    }
}
