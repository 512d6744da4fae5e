using System.Reflection;
using EmploymentProcedures.Engine.Definitions;
using EmploymentProcedures.Engine.Workflow;

namespace EmploymentProcedures.Engine.Tests.Workflow;

/// <summary>Every refusal a page may show has its words in French, Arabic and English.</summary>
public sealed class RefusalCatalogueTests
{
    private static List<string> All() =>
        typeof(RefusalCodes).GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => (string)f.GetValue(null)!).ToList();

    public static TheoryData<string> Codes() => [.. All()];

    [Theory]
    [MemberData(nameof(Codes))]
    public void Refusal_EveryCode_HasItsTextInThreeLanguages(string code)
    {
        Assert.True(Refusal.Knows(code), $"refusal '{code}' has no text");
        var arguments = Enumerable.Range(0, 3).Select(i => (object?)$"«arg{i}»").ToArray();
        var refusal = Refusal.Of(code, arguments);
        Assert.All(LocalizedText.Languages, language => Assert.True(refusal.Message.Has(language), $"'{code}' has no {language} text"));
        Assert.NotEqual(refusal.Message.Get("fr"), refusal.Message.Get("ar"));
    }

    [Fact]
    public void RefusalCodes_AreDistinct()
    {
        var codes = All();
        Assert.Equal(codes.Count, codes.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void Refusal_LocalizedArgument_IsWrittenInEachTextsLanguage()
    {
        var refusal = Refusal.Of(RefusalCodes.FileFormat, LocalizedText.Of("inconnu", "غير معروف", "unknown"), "pdf");

        Assert.Equal("The file's content (unknown) is not an accepted format: pdf.", refusal.Message.Get("en"));
        Assert.Contains("(غير معروف)", refusal.Message.Get("ar"), StringComparison.Ordinal);
        Assert.Contains("(inconnu)", refusal.Message.Get("fr"), StringComparison.Ordinal);
    }
}
