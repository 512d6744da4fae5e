using EmploymentProcedures.Engine.Definitions;
using EmploymentProcedures.Engine.Expressions;
using EmploymentProcedures.Engine.Tests.Loading;
using EmploymentProcedures.Engine.Validation;

namespace EmploymentProcedures.Engine.Tests.Validation;

/// <summary>A prefilled link read against the repository's own procedures, as the portal reads it when it starts a draft.</summary>
public sealed class PrefillLinkTests
{
    private static readonly EvaluationContext Today = new(new DateOnly(2026, 11, 28));

    private static ProcedureDefinition Agreement => TestLibrary.Catalog.Definitions["collective-agreement-filing"];

    private static ProcedureDefinition Anapec => TestLibrary.Catalog.Definitions["anapec-activity-certificate"];

    private static PrefillResult Read(ProcedureDefinition definition, params (string Key, string Value)[] values) =>
        PrefillLink.Read(definition, [.. values.Select(v => new KeyValuePair<string, string>(v.Key, v.Value))], Today);

    [Fact]
    public void Read_ValuesOfEachType_AreTheAnswersTheFormWouldSave()
    {
        var result = Read(Agreement,
            ("filing_party_kind", "union"),
            ("filing_province", "casablanca"),
            ("covered_employees", "1200"),
            ("signature_date", "2026-10-15"),
            ("agreement_title", "  Convention du textile  "),
            ("topics", "wages"),
            ("topics", "leave"),
            ("filer.cin", "BE123456"));

        Assert.Empty(result.Ignored);
        Assert.Equal("union", result.Answers["filing_party_kind"]);
        Assert.Equal("casablanca", result.Answers["filing_province"]);
        Assert.Equal("1200", result.Answers["covered_employees"]);
        Assert.Equal("2026-10-15", result.Answers["signature_date"]);
        Assert.Equal("Convention du textile", result.Answers["agreement_title"]);
        Assert.Equal(["wages", "leave"], Assert.IsType<IReadOnlyList<object?>>(result.Answers["topics"], exactMatch: false));
        Assert.Equal("BE123456", result.Answers.Get("filer.cin"));
        Assert.Equal(["filing_party_kind", "filing_province", "covered_employees", "signature_date", "agreement_title", "topics", "filer.cin"], result.Fields);
    }

    [Fact]
    public void Read_MoneyAndBoolean_AreParsedByTheirType()
    {
        var result = Read(Anapec, ("monthly_salary", "15000.50"), ("in_morocco", "oui"), ("filed_by_proxy", "NON"));

        Assert.Empty(result.Ignored);
        Assert.Equal("15000.50", result.Answers["monthly_salary"]);
        Assert.Equal("true", result.Answers["in_morocco"]);
        Assert.Equal("false", result.Answers["filed_by_proxy"]);
    }

    [Fact]
    public void Read_RepeatingGroupRows_FillTheRowsTheyName()
    {
        var result = Read(Agreement,
            ("parties.1.side", "employer"),
            ("parties.1.party_ice", "001561191000066"),
            ("parties.2.party_name", "Syndicat national du textile"),
            ("application_places.1.place_province", "tanger-assilah"));

        Assert.Empty(result.Ignored);
        Assert.Equal("001561191000066", AnswerPaths.Get(result.Answers, "parties[0].party_ice"));
        Assert.Equal("Syndicat national du textile", AnswerPaths.Get(result.Answers, "parties[1].party_name"));
        Assert.Equal("tanger-assilah", AnswerPaths.Get(result.Answers, "application_places[0].place_province"));
        Assert.Contains("parties[1].party_name", result.Fields);
    }

    [Fact]
    public void Read_AddressPart_FillsThatPartOnly()
    {
        var result = Read(Anapec, ("employer.address.province", "rabat"), ("employer.ice", "001561191000066"));

        Assert.Empty(result.Ignored);
        Assert.Equal("rabat", result.Answers.Get("employer.address.province"));
        Assert.Contains("employer.address.province", result.Fields);
    }

    [Theory]
    [InlineData("covered_employees", "douze", "number.format")]
    [InlineData("covered_employees", "0", "number.min")]
    [InlineData("monthly_salary", "12,5,0", "number.format")]
    [InlineData("signature_date", "15/10/2026", "date.format")]
    [InlineData("signature_date", "2027-01-01", "date.max")]
    [InlineData("filing_party_kind", "ministere", "choice.unknown")]
    [InlineData("topics", "holidays", "choice.unknown")]
    [InlineData("filing_province", "atlantis", "province.unknown")]
    [InlineData("filer.cin", "12345", "cin.format")]
    [InlineData("in_morocco", "peut-être", "boolean.format")]
    public void Read_ValueItsFieldRefuses_IsIgnoredWithTheValidatorsReason(string key, string value, string code)
    {
        var definition = key is "monthly_salary" or "in_morocco" ? Anapec : Agreement;

        var result = Read(definition, (key, value));

        var ignored = Assert.Single(result.Ignored);
        Assert.Equal(key, ignored.Key);
        Assert.Equal(code, ignored.Code);
        // The applicant reads the message a typed answer would have shown.
        Assert.StartsWith(ValidationMessages.All[code].Ar.Split('{')[0], ignored.Reason.Get("ar"), StringComparison.Ordinal);
        Assert.Null(result.Answers.Get(key));
        Assert.Empty(result.Fields);
    }

    [Fact]
    public void Read_IceWithAWrongKey_IsIgnored()
    {
        var valid = Read(Agreement, ("parties.1.side", "employer"), ("parties.1.party_ice", "001561191000066"));
        var wrong = Read(Agreement, ("parties.1.side", "employer"), ("parties.1.party_ice", "001561191000067"));

        Assert.Empty(valid.Ignored);
        var ignored = Assert.Single(wrong.Ignored);
        Assert.Equal("parties.1.party_ice", ignored.Key);
        Assert.StartsWith("ice.", ignored.Code, StringComparison.Ordinal);
        Assert.Null(AnswerPaths.Get(wrong.Answers, "parties[0].party_ice"));
        Assert.Equal("employer", AnswerPaths.Get(wrong.Answers, "parties[0].side"));
    }

    [Theory]
    [InlineData("no_such_field", "x", PrefillReasons.Unknown)]
    [InlineData("filer.no_such_field", "x", PrefillReasons.Unknown)]
    [InlineData("entry_into_force", "2026-12-01", PrefillReasons.NotAnswered)]
    [InlineData("court_receipt_number", "R-12", PrefillReasons.ReviewerOnly)]
    [InlineData("agreement_text", "texte.pdf", PrefillReasons.Document)]
    [InlineData("accuracy_declaration", "true", PrefillReasons.Consent)]
    [InlineData("parties", "employer", PrefillReasons.Group)]
    [InlineData("parties.0.party_name", "x", PrefillReasons.Row)]
    [InlineData("parties.41.party_name", "x", PrefillReasons.Row)]
    [InlineData("parties.un.party_name", "x", PrefillReasons.Row)]
    [InlineData("end_date", "2027-01-01", PrefillReasons.Hidden)]
    [InlineData("agreement_title", "   ", PrefillReasons.Empty)]
    public void Read_ValueNoApplicantAnswerTakes_IsIgnoredWithItsReason(string key, string value, string code)
    {
        var result = Read(Agreement, (key, value));

        var ignored = Assert.Single(result.Ignored);
        Assert.Equal(code, ignored.Code);
        foreach (var language in LocalizedText.Languages)
            Assert.False(string.IsNullOrWhiteSpace(ignored.Reason.Get(language)));
        Assert.Empty(result.Answers);
    }

    [Fact]
    public void Read_FieldShownByAnotherValueOfTheLink_IsTaken()
    {
        var result = Read(Agreement, ("end_date", "2027-06-30"), ("duration_type", "fixed"));

        Assert.Empty(result.Ignored);
        Assert.Equal("2027-06-30", result.Answers["end_date"]);
    }

    [Fact]
    public void Read_FieldShownByAValueTheLinkGotWrong_IsIgnoredAsHidden()
    {
        var result = Read(Anapec, ("filed_by_proxy", "peut-être"), ("proxy.full_name", "Nadia Benkirane"));

        Assert.Equal([("filed_by_proxy", "boolean.format"), ("proxy.full_name", PrefillReasons.Hidden)], result.Ignored.Select(i => (i.Key, i.Code)));
    }

    [Fact]
    public void Read_ValueValidOnItsOwnInAnIncompleteForm_IsKept()
    {
        // The rule "a fixed-term agreement lasts three years at most" is across two fields: the form as a whole is wrong,
        // each value is valid, and a draft keeps what the applicant will correct.
        var result = Read(Agreement, ("duration_type", "fixed"), ("signature_date", "2026-10-15"), ("end_date", "2040-01-01"));

        Assert.Contains(SubmissionValidator.Validate(Agreement, new Submission(result.Answers, []), Today).Errors, e => e.Code == "rule.fixed-term-three-years");
        Assert.Empty(result.Ignored);
        Assert.Equal("2040-01-01", result.Answers["end_date"]);
    }

    [Fact]
    public void Read_RepeatedKeyOfASingleValueField_IsIgnored()
    {
        var result = Read(Agreement, ("filing_province", "rabat"), ("filing_province", "fes"));

        Assert.Equal(PrefillReasons.Repeated, Assert.Single(result.Ignored).Code);
        Assert.False(result.Answers.ContainsKey("filing_province"));
    }

    [Fact]
    public void Read_ValueLongerThanTheLimit_IsIgnoredAndTheOthersKept()
    {
        var result = Read(Agreement, ("sectors", new string('x', PrefillLink.MaximumLength + 1)), ("filing_province", "rabat"));

        var ignored = Assert.Single(result.Ignored);
        Assert.Equal(PrefillReasons.TooLong, ignored.Code);
        Assert.Contains("2000", ignored.Reason.Get("fr"), StringComparison.Ordinal);
        Assert.Equal("rabat", result.Answers["filing_province"]);
    }

    [Fact]
    public void Read_MoreValuesThanTheLimit_TakesNoneAndSaysWhy()
    {
        var values = Enumerable.Range(1, PrefillLink.MaximumValues + 1).Select(i => ($"parties.1.party_name{i}", "x")).ToArray();

        var result = Read(Agreement, values);

        Assert.NotNull(result.Refusal);
        Assert.Contains("101", result.Refusal.Get("ar"), StringComparison.Ordinal);
        Assert.Empty(result.Fields);
        Assert.Empty(result.Answers);
    }

    [Fact]
    public void Read_OverCarriedAnswers_TheLinkWinsForTheFieldsItNames()
    {
        var carried = Answers.From(new Dictionary<string, object?>
        {
            ["filer"] = new Dictionary<string, object?> { ["full_name"] = "Karim Bennani", ["cin"] = "BE123456" },
        });

        var result = PrefillLink.Read(Agreement, [new("filer.cin", "BK654321")], Today, carried);

        Assert.Equal("BK654321", result.Answers.Get("filer.cin"));
        Assert.Equal("Karim Bennani", result.Answers.Get("filer.full_name"));
        Assert.Equal(["filer.cin"], result.Fields);
    }

    [Fact]
    public void Of_AFormsAnswers_ReadBackIntoTheSameAnswers()
    {
        var given = Read(Agreement,
            ("filing_party_kind", "union"),
            ("duration_type", "fixed"),
            ("end_date", "2027-06-30"),
            ("topics", "wages"),
            ("topics", "leave"),
            ("filer.full_name", "Nadia Benkirane"),
            ("parties.1.side", "employer"),
            ("parties.1.party_ice", "001561191000066"),
            ("parties.2.party_name", "Syndicat national du textile")).Answers;
        // What the form holds but no link may give: a declaration ticked.
        var answers = given.With("accuracy_declaration", "true");

        var link = PrefillLink.Of(Agreement, answers, Today);

        Assert.DoesNotContain(link, p => p.Key == "accuracy_declaration");
        Assert.Equal(2, link.Count(p => p.Key == "topics"));
        var read = PrefillLink.Read(Agreement, link, Today);
        Assert.Empty(read.Ignored);
        Assert.Equal(8, read.Fields.Count);
        Assert.All(read.Fields, path => Assert.Equal(Json(AnswerPaths.Get(given, path)), Json(AnswerPaths.Get(read.Answers, path))));
        Assert.Equal(link, PrefillLink.Of(Agreement, read.Answers, Today));
    }

    [Fact]
    public void Of_AnAddress_GivesEachPartItsKey()
    {
        var answers = Read(Anapec, ("employer.address.province", "rabat"), ("employer.address.commune", "Agdal")).Answers;

        var link = PrefillLink.Of(Anapec, answers, Today);

        Assert.Equal([new("employer.address.commune", "Agdal"), new("employer.address.province", "rabat")], link);
    }

    [Fact]
    public void Read_TheAnalystsGuideExample_TakesEveryValue()
    {
        var guide = File.ReadAllText(Path.Combine(RepositoryPaths.Procedures, "README.md"));
        var line = guide.Split('\n').First(l => l.StartsWith("https://<portal>/procedures/collective-agreement-filing/apply?", StringComparison.Ordinal)).Trim();
        var values = line[(line.IndexOf('?', StringComparison.Ordinal) + 1)..].Split('&')
            .Select(p => p.Split('=', 2))
            .Select(p => new KeyValuePair<string, string>(Uri.UnescapeDataString(p[0])[PrefillLink.Prefix.Length..], Uri.UnescapeDataString(p[1])))
            .ToList();

        var result = PrefillLink.Read(Agreement, values, Today);

        Assert.Empty(result.Ignored);
        Assert.Equal(values.Count - 1, result.Fields.Count);
    }

    private static string Json(object? value) => Answers.From([new("value", value)]).ToJson();

    [Fact]
    public void Reasons_EveryOwnReason_IsInFrenchArabicAndEnglish()
    {
        Assert.All(PrefillReasons.All, reason =>
        {
            Assert.False(string.IsNullOrWhiteSpace(reason.Value.Fr), reason.Key);
            Assert.False(string.IsNullOrWhiteSpace(reason.Value.Ar), reason.Key);
            Assert.False(string.IsNullOrWhiteSpace(reason.Value.En), reason.Key);
            Assert.NotEqual(reason.Value.Fr, reason.Value.Ar);
        });
    }
}
