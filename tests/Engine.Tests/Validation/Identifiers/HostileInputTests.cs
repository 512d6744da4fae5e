using EmploymentProcedures.Engine.Validation.Identifiers;

namespace EmploymentProcedures.Engine.Tests.Validation.Identifiers;

public sealed class HostileInputTests
{
    private static readonly string?[] HostileInputs =
    [
        null,
        "",
        "   ",
        "\t\r\n",
        "\u200E\u200F\u061C",
        new string('1', 10_000),
        new string('A', 10_000),
        new string('٠', 10_000),
        string.Concat(Enumerable.Repeat("MA64 ", 2_000)),
        new string('7', IdentifierInput.MaxLength + 1),
        "😀😀😀😀😀😀",
        "12345😀",
        "\0\0\0\0\0\0\0",
        "123\u0000456",
        "\uD83D",
        "\uDE00123456",
        "A\u0301B\u0301123",
        "١٢٣٤٥٦٧٨٩٠١٢٣٤٥٦٧٨٩٠١٢٣٤٥٦٧٨٩٠١٢٣٤٥٦٧٨٩",
        "１２３４５６７８９",
        "१२३४५६७८९",
        "' OR 1=1 --",
        "<script>alert(1)</script>",
        "${jndi:ldap://x}",
        "%00%0A",
    ];

    public static TheoryData<string, int> Cases()
    {
        var data = new TheoryData<string, int>();
        foreach (var name in IdentifierValidators.All.Keys)
        {
            for (var i = 0; i < HostileInputs.Length; i++)
                data.Add(name, i);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Check_HostileInput_ReturnsFormatCodeWithoutThrowing(string validator, int inputIndex)
    {
        var (check, formatCode) = IdentifierValidators.All[validator];

        var result = check(HostileInputs[inputIndex]);

        Assert.Equal(IdentifierResult.Invalid(formatCode), result);
    }
}
