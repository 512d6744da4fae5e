using EmploymentProcedures.Engine.Definitions;
using EmploymentProcedures.Engine.Expressions;
using EmploymentProcedures.Engine.Tests.Loading;

namespace EmploymentProcedures.Engine.Tests.Expressions;

public sealed class ConditionPhraseTests
{
    private static readonly ProcedureDefinition Visa = TestLibrary.Catalog.Definitions["foreign-worker-contract-visa"];

    private static string? Say(string expression, string language = "fr", ProcedureDefinition? definition = null) =>
        ConditionPhrase.Say(expression, definition ?? Visa, language);

    [Fact]
    public void Say_EqualsOption_NamesTheFieldAndTheOptionLabel()
    {
        var phrase = Say("exemption_category == \"spouse-of-moroccan\"");
        Assert.Equal("« Catégorie de dispense » : Conjoint(e) d'un(e) ressortissant(e) marocain(e)", phrase);
    }

    [Fact]
    public void Say_InArabic_UsesTheArabicLabels()
    {
        var phrase = Say("exemption_category == \"spouse-of-moroccan\"", "ar");
        var field = Visa.FindField("exemption_category")!;
        Assert.NotNull(phrase);
        Assert.Contains(field.Label!.Get("ar"), phrase);
        Assert.Contains(field.Choices.Single(c => c.Value == "spouse-of-moroccan").Label.Get("ar"), phrase);
    }

    [Fact]
    public void Say_InList_JoinsTheOptionsWithOr()
    {
        var phrase = Say("exemption_category in [\"expert-mission\", \"cooperation-delegate\"]", "en");
        Assert.NotNull(phrase);
        Assert.Contains(" or ", phrase);
        Assert.DoesNotContain("expert-mission", phrase);
    }

    [Fact]
    public void Say_NotInList_SaysOtherThanTheOptions()
    {
        var choices = Visa.FindField("exemption_category")!.Choices;
        var phrase = Say("not (exemption_category in [\"sports\"])", "en");
        Assert.Equal($"\"Exemption category\": other than {choices.Single(c => c.Value == "sports").Label.Get("en")}", phrase);
    }

    [Fact]
    public void Say_NotEmpty_SaysTheFieldIsProvided() =>
        Assert.EndsWith(": provided", Say("not empty(residence_card)", "en"));

    [Fact]
    public void Say_ComparisonWithANumber_UsesTheSymbolAndTheLanguagesDigits() =>
        Assert.Equal("« Nombre de salariés concernés par le conflit » : ≥ 1.000", Say("employees_concerned >= 1000", definition: Sample));

    [Fact]
    public void Say_ComputedYesNoValue_SaysYesOrNo()
    {
        var nightWork = TestLibrary.Catalog.Definitions["night-work-derogation"];

        Assert.Equal("« Autorisation exceptionnelle requise » : non", Say("not authorisation_needed", "fr", nightWork));
        Assert.Equal("\"Exceptional authorisation required\": yes", Say("authorisation_needed", "en", nightWork));
    }

    [Fact]
    public void Say_TwoClausesJoinedByOr_PhrasesBoth()
    {
        var phrase = Say("exemption_category == \"sports\" or exemption_category == \"artist\"", "en");
        var choices = Visa.FindField("exemption_category")!.Choices;
        Assert.Equal(
            $"\"Exemption category\": {choices.Single(c => c.Value == "sports").Label.Get("en")} or \"Exemption category\": {choices.Single(c => c.Value == "artist").Label.Get("en")}",
            phrase);
    }

    [Fact]
    public void Say_ParenthesesAroundTheWholeCondition_AreIgnored() =>
        Assert.Equal(Say("exemption_category == \"sports\""), Say("(exemption_category == 'sports')"));

    [Theory]
    [InlineData("days_between(start_date, today()) > 1")]
    [InlineData("unknown_field == \"x\"")]
    [InlineData("exemption_category == \"sports\" and (a or b)")]
    [InlineData("count(dependants) > 2")]
    [InlineData("employees_concerned + 1 > 2")]
    [InlineData("exemption_category ==")]
    public void Say_ShapeItCannotSay_IsNull(string expression) =>
        Assert.Null(Say(expression, definition: expression.StartsWith("employees", StringComparison.Ordinal) ? Sample : null));

    [Fact]
    public void Say_EveryDocumentConditionOfTheCorpus_IsPhrasedOrHonestlyNot()
    {
        // Whatever an analyst writes, the page gets a sentence or null, never an exception or a raw expression.
        foreach (var definition in TestLibrary.Catalog.Definitions.Values)
        {
            foreach (var document in definition.Documents.Where(d => !d.Required.IsConstant))
            {
                var phrase = Say(document.Required.Expression!.Text, "fr", definition);
                if (phrase is not null)
                    Assert.DoesNotContain("==", phrase);
            }
        }
    }

    [Fact]
    public void Say_Corpus_SaysMostDocumentConditions()
    {
        var conditions = TestLibrary.Catalog.Definitions.Values
            .SelectMany(d => d.Documents.Where(x => !x.Required.IsConstant).Select(x => (d, x.Required.Expression!.Text)))
            .ToList();
        var phrased = conditions.Count(c => Say(c.Text, "fr", c.d) is not null);
        Assert.True(phrased * 10 >= conditions.Count * 8, $"{phrased} of {conditions.Count} document conditions phrased");
    }

    private static ProcedureDefinition Sample => TestLibrary.Catalog.Definitions["collective-dispute-conciliation"];
}
