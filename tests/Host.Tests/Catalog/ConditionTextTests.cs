using EmploymentProcedures.Engine.Definitions;
using EmploymentProcedures.Host.Catalog;
using EmploymentProcedures.Host.Localization;

namespace EmploymentProcedures.Host.Tests.Catalog;

public sealed class ConditionTextTests
{
    private static readonly ProcedureDefinition Visa = Repository.Catalog.Definitions["foreign-worker-contract-visa"];

    private static string? Phrase(string expression, Language? language = null, ProcedureDefinition? definition = null)
    {
        language ??= Languages.French;
        return ConditionText.Phrase(expression, definition ?? Visa, language, PortalStrings.In(language));
    }

    [Fact]
    public void Phrase_EqualsOption_NamesTheFieldAndTheOptionLabel()
    {
        var phrase = Phrase("exemption_category == \"spouse-of-moroccan\"");
        Assert.Equal("« Catégorie de dispense » : Conjoint(e) d'un(e) ressortissant(e) marocain(e)", phrase);
    }

    [Fact]
    public void Phrase_InArabic_UsesTheArabicLabels()
    {
        var phrase = Phrase("exemption_category == \"spouse-of-moroccan\"", Languages.Arabic);
        var field = Visa.FindField("exemption_category")!;
        Assert.NotNull(phrase);
        Assert.Contains(field.Label!.Get("ar"), phrase);
        Assert.Contains(field.Choices.Single(c => c.Value == "spouse-of-moroccan").Label.Get("ar"), phrase);
    }

    [Fact]
    public void Phrase_InList_JoinsTheOptionsWithOr()
    {
        var phrase = Phrase("exemption_category in [\"expert-mission\", \"cooperation-delegate\"]", Languages.English);
        Assert.NotNull(phrase);
        Assert.Contains(" or ", phrase);
        Assert.DoesNotContain("expert-mission", phrase);
    }

    [Fact]
    public void Phrase_NotEmpty_SaysTheFieldIsProvided() =>
        Assert.EndsWith(": provided", Phrase("not empty(residence_card)", Languages.English));

    [Fact]
    public void Phrase_TwoClausesJoinedByOr_PhrasesBoth()
    {
        var phrase = Phrase("exemption_category == \"sports\" or exemption_category == \"artist\"", Languages.English);
        var choices = Visa.FindField("exemption_category")!.Choices;
        Assert.Equal(
            $"\"Exemption category\": {choices.Single(c => c.Value == "sports").Label.Get("en")} or \"Exemption category\": {choices.Single(c => c.Value == "artist").Label.Get("en")}",
            phrase);
    }

    [Theory]
    [InlineData("days_between(start_date, today()) > 1")]
    [InlineData("unknown_field == \"x\"")]
    [InlineData("exemption_category == \"sports\" and (a or b)")]
    [InlineData("count(dependants) > 2")]
    public void Phrase_ShapeItCannotSay_IsNull(string expression) =>
        Assert.Null(Phrase(expression));

    [Fact]
    public void Phrase_EveryDocumentConditionOfTheCorpus_IsPhrasedOrHonestlyNot()
    {
        // Whatever an analyst writes, the page gets a sentence or null, never an exception or a raw expression.
        foreach (var definition in Repository.Catalog.Definitions.Values)
        {
            foreach (var document in definition.Documents.Where(d => !d.Required.IsConstant))
            {
                var phrase = Phrase(document.Required.Expression!.Text, Languages.French, definition);
                if (phrase is not null)
                    Assert.DoesNotContain("==", phrase);
            }
        }
    }

    [Fact]
    public void Phrase_Corpus_SaysMostDocumentConditions()
    {
        var conditions = Repository.Catalog.Definitions.Values
            .SelectMany(d => d.Documents.Where(x => !x.Required.IsConstant).Select(x => (d, x.Required.Expression!.Text)))
            .ToList();
        var phrased = conditions.Count(c => Phrase(c.Text, Languages.French, c.d) is not null);
        Assert.True(phrased * 10 >= conditions.Count * 8, $"{phrased} of {conditions.Count} document conditions phrased");
    }
}
