namespace EmploymentProcedures.Engine.Tests.Templates;

/// <summary>The repository's letters rendered for real scenarios, as the applicant receives them.</summary>
public sealed class LetterTests
{
    /// <summary>Each letter with the visa scenario that leads to it.</summary>
    private static readonly Dictionary<string, string> ScenarioFor = new(StringComparer.Ordinal)
    {
        ["receipt"] = "cdi-with-anapec-certificate-visaed",
        ["decision-approved"] = "cdi-with-anapec-certificate-visaed",
        ["decision-rejected"] = "refused-after-examination",
        ["changes-requested"] = "contract-to-complete",
        ["acknowledgement"] = "cdi-with-anapec-certificate-visaed",
    };

    private static readonly string[] AllLanguages = ["fr", "ar", "en"];

    public static TheoryData<string, string> TemplatesAndLanguages()
    {
        var data = new TheoryData<string, string>();
        foreach (var template in ScenarioFor.Keys)
        {
            foreach (var language in AllLanguages)
                data.Add(template, language);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(TemplatesAndLanguages))]
    public void Render_RealScenario_GivesACompletePrintableDocumentWithTheReferenceAndApplicant(string template, string language)
    {
        var model = Letters.Model(Letters.Visa, ScenarioFor[template], language);

        var html = Letters.Html(Letters.Renderer.Render(template, model));

        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        Assert.Contains($"<html lang=\"{language}\" dir=\"{(language == "ar" ? "rtl" : "ltr")}\">", html, StringComparison.Ordinal);
        Assert.EndsWith("</html>\n", html, StringComparison.Ordinal);
        Assert.Contains("TAE-2026-000042", html, StringComparison.Ordinal);
        Assert.Contains("Atlas Ingénierie SARL", html, StringComparison.Ordinal);
        Assert.Contains("@media print", html, StringComparison.Ordinal);
        Assert.Contains("size: A4", html, StringComparison.Ordinal);
        Assert.Contains(language == "ar" ? "المملكة المغربية" : language == "fr" ? "Royaume du Maroc" : "Kingdom of Morocco", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Receipt_French_ShowsOptionLabelsDatesAndAmountsInFrench()
    {
        var html = Letters.Html(Letters.Renderer.Render("receipt", Letters.Model(Letters.Visa, "cdi-with-anapec-certificate-visaed", "fr")));

        Assert.Contains("<td>Contrat à durée indéterminée (CDI)</td>", html, StringComparison.Ordinal);
        Assert.Contains("<td>France</td>", html, StringComparison.Ordinal);
        Assert.Contains("<td>1 avril 2026</td>", html, StringComparison.Ordinal);
        Assert.Contains("<td>32.000,00\u00A0MAD</td>", html, StringComparison.Ordinal);
        Assert.Contains("<td>Oui</td>", html, StringComparison.Ordinal);
        Assert.Contains("12 boulevard Zerktouni, 20000 Casablanca, Préfecture de Casablanca", html, StringComparison.Ordinal);
        Assert.Contains("10 jours ouvrables", html, StringComparison.Ordinal);
        Assert.DoesNotContain("cdi</td>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Receipt_Arabic_IsRightToLeftWithArabicLabels()
    {
        var html = Letters.Html(Letters.Renderer.Render("receipt", Letters.Model(Letters.Visa, "cdi-with-anapec-certificate-visaed", "ar")));

        Assert.Contains("<html lang=\"ar\" dir=\"rtl\">", html, StringComparison.Ordinal);
        Assert.Contains("<h1>وصل إيداع</h1>", html, StringComparison.Ordinal);
        Assert.Contains("عقد شغل غير محدد المدة", html, StringComparison.Ordinal);
        Assert.Contains("فرنسا", html, StringComparison.Ordinal);
        Assert.Contains("1 أبريل 2026", html, StringComparison.Ordinal);
        Assert.Contains("32.000,00\u00A0درهم", html, StringComparison.Ordinal);
        Assert.Contains("<bdi>نعم</bdi>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Contrat à durée indéterminée", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("fr", "Motif")]
    [InlineData("ar", "أسباب الرفض")]
    public void Rejection_Letter_GivesTheReasonAndTheLegalBasis(string language, string reasonHeading)
    {
        var html = Letters.Html(Letters.Renderer.Render("decision-rejected", Letters.Model(Letters.Visa, "refused-after-examination", language)));

        Assert.Contains($"<h2>{reasonHeading}</h2>", html, StringComparison.Ordinal);
        Assert.Contains("L&#39;attestation ANAPEC produite concerne un autre poste que celui du contrat.", html, StringComparison.Ordinal);
        Assert.Contains("Loi n° 65-99 relative au Code du travail, articles 516 à 521", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("fr", "Contrat de travail sur le modèle officiel")]
    [InlineData("ar", "عقد الشغل وفق النموذج الرسمي")]
    public void ChangesRequested_Letter_ListsWhatToCorrectAndTheMessage(string language, string documentLabel)
    {
        var html = Letters.Html(Letters.Renderer.Render("changes-requested", Letters.Model(Letters.Visa, "contract-to-complete", language)));

        Assert.Contains($"<li>{documentLabel}</li>", html, StringComparison.Ordinal);
        Assert.Contains("Le contrat n&#39;est pas signé par le salarié.", html, StringComparison.Ordinal);
    }

    public static TheoryData<string, string, string> DecidedScenarios()
    {
        var outputs = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["approved"] = "approved",
            ["rejected"] = "rejected",
            ["changes_requested"] = "changes_requested",
            ["acknowledged"] = "acknowledged",
        };
        var data = new TheoryData<string, string, string>();
        foreach (var definition in Letters.Catalog.Definitions.Values.OrderBy(d => d.Id, StringComparer.Ordinal))
        {
            foreach (var scenario in definition.Tests.Where(t => t.ExpectStatus is { } status && outputs.ContainsKey(status)))
            {
                foreach (var language in new[] { "fr", "ar" })
                    data.Add(definition.Id, scenario.Name, language);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(DecidedScenarios))]
    public void EveryProcedure_DecidedScenario_RendersItsReceiptAndItsLetter(string procedure, string scenarioName, string language)
    {
        var definition = Letters.Catalog.Definitions[procedure];
        var model = Letters.Model(definition, scenarioName, language);

        var receipt = Letters.Html(Letters.Renderer.Render(definition, "receipt", model));
        var letter = Letters.Html(Letters.Renderer.Render(definition, Letters.Scenario(definition, scenarioName).ExpectStatus!, model));

        Assert.Contains(model.Application.Reference, receipt, StringComparison.Ordinal);
        Assert.Contains(model.Application.Reference, letter, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_OutputTheProcedureDoesNotHave_FailsNamingIt()
    {
        var model = Letters.Model(Letters.Visa, "cdi-with-anapec-certificate-visaed", "fr");

        var message = Letters.Failure(Letters.Renderer.Render(Letters.Visa, "acknowledged", model));

        Assert.Equal("procedure 'foreign-worker-contract-visa' has no 'acknowledged' letter under 'outputs:'", message);
    }

    [Fact]
    public void Render_UnknownTemplate_FailsWithASuggestion()
    {
        var model = Letters.Model(Letters.Visa, "cdi-with-anapec-certificate-visaed", "fr");

        var message = Letters.Failure(Letters.Renderer.Render("reciept", model));

        Assert.Equal("unknown template 'reciept' (did you mean 'receipt'?)", message);
    }

    [Fact]
    public void DecisionLetter_WithoutADecision_FailsRatherThanPrintingALetterWithoutItsDate()
    {
        var model = Letters.Model(Letters.Visa, "cdi-with-anapec-certificate-visaed", "fr") with { Decision = null };

        var message = Letters.Failure(Letters.Renderer.Render("decision-approved", model));

        Assert.Contains("decision-approved.fr.html(", message, StringComparison.Ordinal);
        Assert.Contains("decision.decided_on", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_SameModelTwice_GivesTheSameDocument()
    {
        var model = Letters.Model(Letters.Visa, "refused-after-examination", "ar");

        Assert.Equal(Letters.Html(Letters.Renderer.Render("decision-rejected", model)), Letters.Html(Letters.Renderer.Render("decision-rejected", model)));
    }

    [Fact]
    public void Render_ManyThreadsAtOnce_GiveTheSameDocuments()
    {
        var models = AllLanguages.Select(l => Letters.Model(Letters.Visa, "cdi-with-anapec-certificate-visaed", l)).ToArray();
        var expected = models.Select(m => Letters.Html(Letters.Renderer.Render("receipt", m))).ToArray();

        var results = new string[300];
        Parallel.For(0, results.Length, i => results[i] = Letters.Html(Letters.Renderer.Render("receipt", models[i % 3])));

        for (var i = 0; i < results.Length; i++)
            Assert.Equal(expected[i % 3], results[i]);
    }
}
