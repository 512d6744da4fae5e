using EmploymentProcedures.Engine.Storage;

namespace EmploymentProcedures.Host.Tests.Catalog;

/// <summary>The catalog's search text, folded by the engine's <see cref="SearchFolding"/> (the inbox folds with it too).</summary>
public sealed class SearchTextTests
{
    [Theory]
    [InlineData("Déclaration", "declaration")]
    [InlineData("ÉLECTION des délégués", "election des delegues")]
    [InlineData("Main-d'œuvre", "main d oeuvre")]
    [InlineData("Ça, c'est l'été !", "ca c est l ete")]
    [InlineData("  trop   d'espaces  ", "trop d espaces")]
    public void Fold_French_DropsAccentsCaseAndPunctuation(string text, string folded) =>
        Assert.Equal(folded, SearchFolding.Fold(text));

    [Theory]
    [InlineData("أجير", "اجير")]
    [InlineData("إعفاء", "اعفاء")]
    [InlineData("آجال", "اجال")]
    [InlineData("ٱلتشغيل", "التشغيل")]
    public void Fold_AlefVariants_BecomeBareAlef(string text, string folded) =>
        Assert.Equal(folded, SearchFolding.Fold(text));

    [Fact]
    public void Fold_TaMarbuta_BecomesHa() =>
        Assert.Equal(SearchFolding.Fold("شهاده"), SearchFolding.Fold("شهادة"));

    [Fact]
    public void Fold_AlefMaqsura_BecomesYa() =>
        Assert.Equal("مستوي", SearchFolding.Fold("مستوى"));

    [Fact]
    public void Fold_TatweelAndDiacritics_AreRemoved() =>
        Assert.Equal("التاشيره", SearchFolding.Fold("التَّأْشِيـــرَة"));

    [Fact]
    public void Fold_ArabicIndicDigits_BecomeWesternDigits() =>
        Assert.Equal("الماده 516", SearchFolding.Fold("المادة ٥١٦"));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" ,;! ")]
    public void Fold_NothingToSearch_IsEmpty(string? text) =>
        Assert.Equal("", SearchFolding.Fold(text));

    [Fact]
    public void Words_Query_SplitsFoldedWords() =>
        Assert.Equal(["visa", "etranger"], SearchFolding.Words("Visa  ÉTRANGER", int.MaxValue));
}
