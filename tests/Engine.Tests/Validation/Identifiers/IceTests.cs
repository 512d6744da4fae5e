using EmploymentProcedures.Engine.Validation.Identifiers;

namespace EmploymentProcedures.Engine.Tests.Validation.Identifiers;

public sealed class IceTests
{
    [Theory]
    [InlineData("001561191000066")]
    [InlineData("002136093000040")]
    [InlineData("000036794000036")]
    public void Check_PublishedExample_IsValid(string ice)
    {
        var result = Ice.Check(ice);

        Assert.True(result.IsValid);
        Assert.Equal(ice, result.Normalized);
        Assert.Null(result.ErrorCode);
    }

    [Theory]
    [InlineData(" 001561191000066 ", "001561191000066")]
    [InlineData("001 561 191 0000 66", "001561191000066")]
    [InlineData("001-561191-0000-66", "001561191000066")]
    [InlineData("001.561.191.0000.66", "001561191000066")]
    [InlineData("001/561191/0000/66", "001561191000066")]
    [InlineData("٠٠١٥٦١١٩١٠٠٠٠٦٦", "001561191000066")]
    [InlineData("۰۰۲۱۳۶۰۹۳۰۰۰۰۴۰", "002136093000040")]
    [InlineData("00\u00A02136\u202F093000040", "002136093000040")]
    public void Check_SeparatorsOrArabicDigits_NormalisesToFifteenAsciiDigits(string input, string expected)
    {
        var result = Ice.Check(input);

        Assert.Equal(IdentifierResult.Valid(expected), result);
    }

    [Fact]
    public void Check_PublishedInvalidExample_ReturnsChecksumCode()
    {
        Assert.Equal(IdentifierResult.Invalid("ice.checksum"), Ice.Check("001561191000065"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("00156119100006")]
    [InlineData("0015611910000660")]
    [InlineData("00156119100006A")]
    [InlineData("ICE001561191000066")]
    [InlineData("00156119100006６")]
    public void Check_NotFifteenAsciiDigits_ReturnsFormatCode(string input)
    {
        Assert.Equal(IdentifierResult.Invalid("ice.format"), Ice.Check(input));
    }

    [Fact]
    public void Check_EverySingleDigitTypo_ReturnsChecksumCode()
    {
        const string valid = "001561191000066";
        for (var position = 0; position < valid.Length; position++)
        {
            foreach (var digit in "0123456789")
            {
                if (digit == valid[position])
                    continue;
                var typo = string.Concat(valid.AsSpan(0, position), digit.ToString(), valid.AsSpan(position + 1));

                Assert.Equal("ice.checksum", Ice.Check(typo).ErrorCode);
            }
        }
    }

    [Fact]
    public void Check_AdjacentDigitsSwapped_ReturnsChecksumCode()
    {
        const string valid = "002136093000040";
        for (var position = 0; position < valid.Length - 1; position++)
        {
            if (valid[position] == valid[position + 1])
                continue;
            var chars = valid.ToCharArray();
            (chars[position], chars[position + 1]) = (chars[position + 1], chars[position]);

            Assert.Equal("ice.checksum", Ice.Check(new string(chars)).ErrorCode);
        }
    }

    [Theory]
    [InlineData("0015611910000", "66")]
    [InlineData("0021360930000", "40")]
    [InlineData("0000367940000", "36")]
    public void ComputeCheckDigits_PublishedExample_ReturnsItsCheckDigits(string first13, string expected)
    {
        Assert.Equal(expected, Ice.ComputeCheckDigits(first13));
    }

    [Fact]
    public void ComputeCheckDigits_GeneratedNumbers_AreValid()
    {
        var random = new Random(20240601);
        for (var i = 0; i < 200; i++)
        {
            var first13 = string.Concat(Enumerable.Range(0, 13).Select(_ => random.Next(10).ToString(System.Globalization.CultureInfo.InvariantCulture)));
            var ice = first13 + Ice.ComputeCheckDigits(first13);

            Assert.Equal(IdentifierResult.Valid(ice), Ice.Check(ice));
        }
    }

    [Fact]
    public void ComputeCheckDigits_MultipleOf97_Returns97()
    {
        // 97 − 0 = 97, as the catalogue's formula says; "00" would make the number divisible by 97 too.
        Assert.Equal("97", Ice.ComputeCheckDigits("0000000000097"));
        Assert.True(Ice.Check("000000000009797").IsValid);
    }

    [Theory]
    [InlineData("001561191000")]
    [InlineData("00156119100000")]
    [InlineData("001561191000A")]
    public void ComputeCheckDigits_NotThirteenDigits_Throws(string first13)
    {
        Assert.Throws<ArgumentException>(() => Ice.ComputeCheckDigits(first13));
    }
}
