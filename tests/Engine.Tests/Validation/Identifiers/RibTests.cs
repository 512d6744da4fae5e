using System.Globalization;
using EmploymentProcedures.Engine.Validation.Identifiers;

namespace EmploymentProcedures.Engine.Tests.Validation.Identifiers;

public sealed class RibTests
{
    // The account part of the Moroccan example in the SWIFT IBAN registry (MA64 0115 1900 0001 2050 0053 4921).
    private const string RegistryRib = "011519000001205000534921";

    [Theory]
    [InlineData(RegistryRib, RegistryRib)]
    [InlineData("011 519 0000012050005349 21", RegistryRib)]
    [InlineData("011-519-0000012050005349-21", RegistryRib)]
    [InlineData("011.519.0000.0120.5000.5349.21", RegistryRib)]
    [InlineData("٠١١٥١٩٠٠٠٠٠١٢٠٥٠٠٠٥٣٤٩٢١", RegistryRib)]
    public void Check_RegistryExample_IsValidAndNormalised(string input, string expected)
    {
        Assert.Equal(IdentifierResult.Valid(expected), Rib.Check(input));
    }

    [Theory]
    [InlineData("011519000001205000534922")]
    [InlineData("011519000001205000534920")]
    [InlineData("111519000001205000534921")]
    [InlineData("011519000001205000534912")]
    public void Check_KeyDoesNotMatch_ReturnsKeyCode(string input)
    {
        Assert.Equal(IdentifierResult.Invalid("rib.key"), Rib.Check(input));
    }

    [Theory]
    [InlineData("")]
    [InlineData("01151900000120500053492")]
    [InlineData("0115190000012050005349210")]
    [InlineData("01151900000120500053492A")]
    [InlineData("MA64011519000001205000534921")]
    public void Check_NotTwentyFourDigits_ReturnsFormatCode(string input)
    {
        Assert.Equal(IdentifierResult.Invalid("rib.format"), Rib.Check(input));
    }

    [Fact]
    public void ComputeKey_RegistryExample_ReturnsItsKey()
    {
        Assert.Equal("21", Rib.ComputeKey(RegistryRib[..22]));
    }

    [Fact]
    public void ComputeKey_GeneratedNumbers_AreValidAndCatchEverySingleDigitTypo()
    {
        var random = new Random(97);
        for (var i = 0; i < 50; i++)
        {
            var first22 = string.Concat(Enumerable.Range(0, 22).Select(_ => random.Next(10).ToString(CultureInfo.InvariantCulture)));
            var rib = first22 + Rib.ComputeKey(first22);
            Assert.Equal(IdentifierResult.Valid(rib), Rib.Check(rib));

            var position = random.Next(rib.Length);
            var typo = string.Concat(rib.AsSpan(0, position), ((rib[position] - '0' + 1 + random.Next(9)) % 10).ToString(CultureInfo.InvariantCulture), rib.AsSpan(position + 1));
            Assert.Equal("rib.key", Rib.Check(typo).ErrorCode);
        }
    }

    [Theory]
    [InlineData("011519000001205000534")]
    [InlineData("01151900000120500053492")]
    [InlineData("01151900000120500053X9")]
    public void ComputeKey_NotTwentyTwoDigits_Throws(string first22)
    {
        Assert.Throws<ArgumentException>(() => Rib.ComputeKey(first22));
    }

    [Fact]
    public void Split_NormalisedRib_ReturnsBankLocalityAccountAndKey()
    {
        var parts = Rib.Split(RegistryRib);

        Assert.Equal(new RibParts("011", "519", "0000012050005349", "21"), parts);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("011 519 0000012050005349 21")]
    [InlineData("01151900000120500053492")]
    public void Split_NotNormalised_ReturnsNull(string? input)
    {
        Assert.Null(Rib.Split(input));
    }
}
