using System.Text.Json.Nodes;
using EmploymentProcedures.Engine.Expressions;
using EmploymentProcedures.Engine.Storage;
using EmploymentProcedures.Engine.Validation;
using EmploymentProcedures.Engine.Workflow;

namespace EmploymentProcedures.Engine.Tests.Storage;

/// <summary>
/// "Tell us once": a new draft's sections that include a fragment describing the applicant (<c>carry: applicant</c>) are
/// filled from the same person's most recent submitted application that answered it, and only with what the new
/// definition still accepts; never from someone else's, a draft's or an erased application's.
/// </summary>
public sealed class CarryingTests
{
    private static readonly Actor Amina = TestStore.Applicant("amina");
    private static readonly Actor Omar = TestStore.Applicant("omar");

    /// <summary>Employer identity and establishment, both carried.</summary>
    private const string Registration = "carry-registration";

    /// <summary>The employer identity under another section id, and a section of its own.</summary>
    private const string Overtime = "carry-overtime";

    /// <summary>The employer identity of a host enterprise (<c>carry: none</c>): not the applicant.</summary>
    private const string HostEnterprise = "carry-host-enterprise";

    private static readonly Dictionary<string, object?> Atlas = new()
    {
        ["company_name"] = "Atlas Ingénierie SARL",
        ["legal_form"] = "sarl",
        ["ice"] = "001561191000066",
        ["rc"] = new Dictionary<string, object?> { ["number"] = "123456", ["court"] = "casablanca" },
        ["tax_id"] = "1234567",
        ["cnss"] = "1234567",
        ["activity"] = "Ingénierie industrielle",
        ["address"] = new Dictionary<string, object?> { ["street"] = "12 boulevard Zerktouni", ["commune"] = "Casablanca", ["province"] = "casablanca", ["postal_code"] = "20000" },
        ["phone"] = "0522123456",
        ["email"] = "rh@atlas-ingenierie.ma",
        ["representative_name"] = "Karim Bennani",
        ["representative_cin"] = "BE123456",
        ["representative_quality"] = "Gérant",
    };

    private static readonly Dictionary<string, object?> Plant = new()
    {
        ["name"] = "Usine de Aïn Sebaâ",
        ["address"] = new Dictionary<string, object?> { ["street"] = "Zone industrielle, lot 4", ["commune"] = "Aïn Sebaâ", ["province"] = "casablanca", ["postal_code"] = "20250" },
        ["activity"] = "Mécanique",
        ["headcount"] = 40,
    };

    private static async Task<TestStore> StoreAsync()
    {
        var store = await TestStore.CreateAsync();
        await store.PublishAsync(Procedure(Registration, "CRG", """
              - id: employer
                include: employer-identity
              - id: establishment
                include: establishment
            """));
        await store.PublishAsync(Procedure(Overtime, "COT", """
              - id: company
                include: employer-identity
              - id: request
                title: { fr: "Demande", ar: "الطلب" }
                fields:
                  - { id: hours, type: number, required: true, min: 1, max: 200, label: { fr: "Heures", ar: "الساعات" } }
            """));
        await store.PublishAsync(Procedure(HostEnterprise, "CHE", """
              - id: enterprise
                include: employer-identity
                carry: none
            """));
        return store;
    }

    private static string Procedure(string id, string prefix, string sections) => $$"""
        language: 1
        id: {{id}}
        reference_prefix: {{prefix}}
        title: { fr: "Procédure {{id}}", ar: "مسطرة {{id}}" }
        category: foreign-employment
        applicant: employer
        deadline: { days: 10, calendar: business }
        on_deadline: approve
        privacy:
          purpose: { fr: "Instruction de la demande.", ar: "دراسة الطلب.", en: "Examining the request." }
          recipients: { fr: "La délégation provinciale de l'emploi.", ar: "المندوبية الإقليمية للتشغيل.", en: "The provincial employment delegation." }
          retention: 5y
        sections:
        {{sections}}
        steps:
          - id: reception
            title: { fr: "Réception", ar: "الاستقبال" }
            role: desk-agent
            actions: [approve, reject]
        outputs:
          receipt: receipt
          approved: decision-approved
          rejected: decision-rejected
        """;

    private static Dictionary<string, object?> With(Dictionary<string, object?> values, string key, object? value) => new(values) { [key] = value };

    /// <summary>Starts <paramref name="procedure"/> for <paramref name="applicant"/>, saves <paramref name="answers"/> over what was carried, submits it.</summary>
    private static async Task<Application> SubmitAsync(TestStore store, Actor applicant, string procedure, Dictionary<string, object?> answers)
    {
        var started = await store.Applications.StartAsync(procedure, applicant);
        Assert.True(started.Succeeded, started.ToString());
        var draft = started.Application!;
        var saved = await store.Applications.SaveAnswersAsync(draft.Id, applicant, draft.Answers.Merge(Answers.From(answers)));
        Assert.True(saved.Succeeded, saved.ToString());
        var submitted = await store.Applications.SubmitAsync(draft.Id, applicant);
        Assert.True(submitted.Succeeded, submitted.ToString());
        return submitted.Application!;
    }

    private static Task<Application> SubmitRegistrationAsync(TestStore store, Actor applicant, Dictionary<string, object?>? employer = null) =>
        SubmitAsync(store, applicant, Registration, new() { ["employer"] = employer ?? Atlas, ["establishment"] = Plant });

    private static async Task<Application> StartAsync(TestStore store, Actor applicant, string procedure)
    {
        var started = await store.Applications.StartAsync(procedure, applicant);
        Assert.True(started.Succeeded, started.ToString());
        return started.Application!;
    }

    /// <summary>Rewrites the stored answers of a submitted application, as an earlier version of the fragment or of a list left them.</summary>
    private static async Task RewriteAnswersAsync(TestStore store, Guid id, Action<JsonObject> change)
    {
        var json = JsonNode.Parse((string)(await store.ScalarAsync($"SELECT \"Answers\" FROM \"Applications\" WHERE \"Id\" = '{TestStore.Key(id)}'"))!)!.AsObject();
        change(json);
        Assert.Equal(1, await store.SqlAsync($"UPDATE \"Applications\" SET \"Answers\" = '{json.ToJsonString().Replace("'", "''", StringComparison.Ordinal)}' WHERE \"Id\" = '{TestStore.Key(id)}'"));
    }

    [Fact]
    public async Task Start_AfterASubmittedApplication_FillsTheCarriedSectionAndRecordsWhereFrom()
    {
        await using var store = await StoreAsync();
        var earlier = await SubmitRegistrationAsync(store, Amina);

        var draft = await StartAsync(store, Amina, Overtime);

        // Another procedure, another section id: the fragment is what matches.
        Assert.Equal(Answers.From(Atlas).ToJson(), ((Answers)draft.Answers["company"]!).ToJson());
        Assert.Null(draft.Answers["hours"]);
        Assert.Equal([new CarriedSection("company", earlier.Reference!, TestStore.Monday)], draft.Carried);
        var stored = (await store.Applications.GetAsync(draft.Id, Amina)).Value!;
        Assert.Equal(draft.Carried, stored.Carried);
        Assert.Equal(draft.Answers.ToJson(), stored.Answers.ToJson());
        Assert.Contains(("carried", "amina", $"company, {earlier.Reference}, 2026-03-02", (Guid?)draft.Id), await store.AuditAsync());
    }

    [Fact]
    public async Task Start_SeveralSubmittedApplications_CarriesEachFragmentFromTheLatestThatAnsweredIt()
    {
        await using var store = await StoreAsync();
        var registration = await SubmitRegistrationAsync(store, Amina);
        store.Clock.Now += TimeSpan.FromDays(3);
        var overtime = await SubmitAsync(store, Amina, Overtime, new()
        {
            ["company"] = With(Atlas, "company_name", "Atlas Ingénierie Maroc SARL"),
            ["hours"] = 12,
        });

        var draft = await StartAsync(store, Amina, Registration);

        Assert.Equal("Atlas Ingénierie Maroc SARL", draft.Answers.Get("employer.company_name"));
        // The overtime request had no establishment: it comes from the registration, the latest that answered it.
        Assert.Equal("Usine de Aïn Sebaâ", draft.Answers.Get("establishment.name"));
        Assert.Equal(
            [new CarriedSection("employer", overtime.Reference!, TestStore.Monday.AddDays(3)), new CarriedSection("establishment", registration.Reference!, TestStore.Monday)],
            draft.Carried);
    }

    [Fact]
    public async Task Start_SameDaySubmissions_CarriesFromTheOneSubmittedLast()
    {
        await using var store = await StoreAsync();
        await SubmitRegistrationAsync(store, Amina, With(Atlas, "company_name", "Première SARL"));
        var second = await SubmitRegistrationAsync(store, Amina, With(Atlas, "company_name", "Seconde SARL"));

        var draft = await StartAsync(store, Amina, Overtime);

        Assert.Equal("Seconde SARL", draft.Answers.Get("company.company_name"));
        Assert.Equal(second.Reference, Assert.Single(draft.Carried).Reference);
    }

    [Fact]
    public async Task Start_OnlyAnotherApplicantSubmitted_LeavesTheDraftEmpty()
    {
        await using var store = await StoreAsync();
        await SubmitRegistrationAsync(store, Omar);

        var draft = await StartAsync(store, Amina, Overtime);

        Assert.Equal(Answers.Empty.ToJson(), draft.Answers.ToJson());
        Assert.Empty(draft.Carried);
        Assert.DoesNotContain(await store.AuditAsync(), e => e.Kind == "carried");
    }

    [Fact]
    public async Task Start_LatestApplicationErased_CarriesFromTheEarlierOneStillWhole()
    {
        await using var store = await StoreAsync();
        var kept = await SubmitRegistrationAsync(store, Amina, With(Atlas, "company_name", "Ancienne SARL"));
        store.Clock.Now += TimeSpan.FromDays(1);
        var erased = await SubmitRegistrationAsync(store, Amina, With(Atlas, "company_name", "Effacée SARL"));
        // Marked erased with its answers left in place: only the tombstone may keep them out.
        await store.SqlAsync($"UPDATE \"Applications\" SET \"ErasedAt\" = \"UpdatedAt\" WHERE \"Id\" = '{TestStore.Key(erased.Id)}'");

        var draft = await StartAsync(store, Amina, Overtime);

        Assert.Equal("Ancienne SARL", draft.Answers.Get("company.company_name"));
        Assert.Equal(kept.Reference, Assert.Single(draft.Carried).Reference);
    }

    [Fact]
    public async Task Start_OnlyADraftAnswered_LeavesTheNewDraftEmpty()
    {
        await using var store = await StoreAsync();
        var unsent = await StartAsync(store, Amina, Registration);
        Assert.True((await store.Applications.SaveAnswersAsync(unsent.Id, Amina, Answers.From(new Dictionary<string, object?> { ["employer"] = Atlas }))).Succeeded);

        var draft = await StartAsync(store, Amina, Overtime);

        Assert.Null(draft.Answers["company"]);
        Assert.Empty(draft.Carried);
    }

    [Fact]
    public async Task Start_StoredChoiceNoLongerOffered_LeavesThatFieldEmptyAndCarriesTheRest()
    {
        await using var store = await StoreAsync();
        var earlier = await SubmitRegistrationAsync(store, Amina);
        // Given when the list still offered it, and an ICE whose check digits a later rule refuses.
        await RewriteAnswersAsync(store, earlier.Id, answers =>
        {
            answers["employer"]!["legal_form"] = "sarl-ancienne-forme";
            answers["employer"]!["ice"] = "001561191000065";
        });

        var draft = await StartAsync(store, Amina, Overtime);

        Assert.Null(draft.Answers.Get("company.legal_form"));
        Assert.Null(draft.Answers.Get("company.ice"));
        Assert.Equal("Atlas Ingénierie SARL", draft.Answers.Get("company.company_name"));
        Assert.Equal("casablanca", draft.Answers.Get("company.address.province"));
        Assert.Single(draft.Carried);
    }

    [Fact]
    public async Task Start_FieldAddedToTheFragmentSince_LeavesItEmpty()
    {
        await using var store = await StoreAsync();
        var earlier = await SubmitRegistrationAsync(store, Amina);
        // Answered before the fragment asked for an e-mail address (and with an answer to a field it has dropped since).
        await RewriteAnswersAsync(store, earlier.Id, answers =>
        {
            answers["employer"]!.AsObject().Remove("email");
            answers["employer"]!["fax"] = "0522123457";
        });

        var draft = await StartAsync(store, Amina, Overtime);

        Assert.Null(draft.Answers.Get("company.email"));
        Assert.Null(draft.Answers.Get("company.fax"));
        Assert.Equal("0522123456", draft.Answers.Get("company.phone"));
        var missing = SubmissionValidatorErrors(await store.Definitions.LatestAsync(Overtime), draft);
        Assert.Contains("company.email", missing);
    }

    private static List<string> SubmissionValidatorErrors(PublishedDefinition? published, Application draft) =>
        [.. SubmissionValidator.Validate(published!.Definition, new Submission(draft.Answers, []), new EvaluationContext(TestStore.Monday))
            .Errors.Where(e => e.Code == "required").Select(e => e.Path)];

    /// <summary>A question, then the establishment (carried), shown only once the applicant says the site is a separate one.</summary>
    private const string SeparateSite = """
          - id: site
            title: { fr: "Site", ar: "الموقع" }
            fields:
              - { id: separate_site, type: boolean, label: { fr: "Site distinct du siège", ar: "موقع مستقل عن المقر" } }
          - id: establishment
            include: establishment
            visible: separate_site
        """;

    [Fact]
    public async Task Start_CarriedSectionHiddenUntilTheApplicantAnswers_IsFilledAllTheSame_AndShowsFilledOnceVisible()
    {
        // The establishment shows only once the applicant says the site is a separate one: its answers wait for it.
        await using var store = await StoreAsync();
        await store.PublishAsync(Procedure("carry-site", "CST", """
              - id: company
                include: employer-identity
            """ + "\n" + SeparateSite));
        var earlier = await SubmitRegistrationAsync(store, Amina);

        var draft = await StartAsync(store, Amina, "carry-site");
        var saved = await store.Applications.SaveAnswersAsync(draft.Id, Amina, draft.Answers.With("site", Answers.From(new Dictionary<string, object?> { ["separate_site"] = true })));

        Assert.Equal(["company", "establishment"], draft.Carried.Select(c => c.Section).Order(StringComparer.Ordinal));
        Assert.Equal(earlier.Reference, draft.Carried.Single(c => c.Section == "establishment").Reference);
        Assert.Equal("Usine de Aïn Sebaâ", ((Answers)draft.Answers["establishment"]!)["name"]);
        Assert.True(saved.Succeeded, saved.ToString());
        var definition = (await store.Definitions.LatestAsync("carry-site"))!.Definition;
        var errors = SubmissionValidator.Validate(definition, new Submission(saved.Application!.Answers, []), new EvaluationContext(TestStore.Monday)).Errors;
        Assert.DoesNotContain(errors, e => e.Path.StartsWith("establishment", StringComparison.Ordinal));
        Assert.Equal("40", ((Answers)saved.Application.Answers["establishment"]!)["headcount"]?.ToString());
    }

    [Fact]
    public async Task Start_CarriedSectionHidden_WithAnAnswerInvalidOnceVisible_LeavesThatFieldEmpty()
    {
        await using var store = await StoreAsync();
        await store.PublishAsync(Procedure("carry-site", "CST", SeparateSite));
        await SubmitRegistrationAsync(store, Amina);
        await store.SqlAsync("UPDATE \"Applications\" SET \"Answers\" = REPLACE(\"Answers\", '\"headcount\":\"40\"', '\"headcount\":\"-3\"')");

        var draft = await StartAsync(store, Amina, "carry-site");

        var establishment = (Answers)draft.Answers["establishment"]!;
        Assert.Equal("Usine de Aïn Sebaâ", establishment["name"]);
        Assert.Null(establishment["headcount"]);
    }

    [Fact]
    public async Task Start_SectionSayingCarryNone_IsNotFilled()
    {
        await using var store = await StoreAsync();
        await SubmitRegistrationAsync(store, Amina);

        var draft = await StartAsync(store, Amina, HostEnterprise);

        Assert.Null(draft.Answers["enterprise"]);
        Assert.Empty(draft.Carried);
    }

    [Fact]
    public async Task Start_HostEnterpriseSubmitted_IsNeverASource()
    {
        await using var store = await StoreAsync();
        await SubmitAsync(store, Amina, HostEnterprise, new() { ["enterprise"] = With(Atlas, "company_name", "Entreprise d'accueil SA") });

        var draft = await StartAsync(store, Amina, Overtime);

        Assert.Null(draft.Answers["company"]);
    }

    [Fact]
    public async Task Start_SecondDraftOfTheSamePerson_IsFilledAgain()
    {
        await using var store = await StoreAsync();
        var earlier = await SubmitRegistrationAsync(store, Amina);

        var first = await StartAsync(store, Amina, Overtime);
        var second = await StartAsync(store, Amina, Overtime);

        Assert.NotEqual(first.Id, second.Id);
        Assert.Equal(first.Answers.ToJson(), second.Answers.ToJson());
        Assert.Equal(earlier.Reference, Assert.Single(second.Carried).Reference);
    }

    [Fact]
    public async Task EmptySection_CarriedSection_EmptiesItForgetsWhereFromAndAuditsIt()
    {
        await using var store = await StoreAsync();
        await SubmitRegistrationAsync(store, Amina);
        var draft = await StartAsync(store, Amina, Overtime);
        var saved = (await store.Applications.SaveAnswersAsync(draft.Id, Amina, draft.Answers.With("hours", 8), draft.Version)).Application!;

        var stale = await store.Applications.EmptySectionAsync(draft.Id, Amina, "company", draft.Version);
        var emptied = await store.Applications.EmptySectionAsync(draft.Id, Amina, "company", saved.Version);
        var stranger = await store.Applications.EmptySectionAsync(draft.Id, Omar, "request", emptied.Application!.Version);

        Assert.Equal(RefusalCodes.Stale, stale.Refusal?.Code);
        Assert.True(emptied.Succeeded, emptied.ToString());
        Assert.Equal(RefusalCodes.NotYours, stranger.Refusal?.Code);
        var stored = (await store.Applications.GetAsync(draft.Id, Amina)).Value!;
        Assert.Null(stored.Answers["company"]);
        Assert.NotNull(stored.Answers["hours"]);
        Assert.Empty(stored.Carried);
        Assert.Contains(await store.AuditAsync(), e => e.Kind == WorkflowEvents.SectionEmptied && e.Detail == "company" && e.ApplicationId == draft.Id);
    }

    [Fact]
    public async Task EmptySection_SubmittedApplication_IsRefused()
    {
        await using var store = await StoreAsync();
        var submitted = await SubmitRegistrationAsync(store, Amina);

        var emptied = await store.Applications.EmptySectionAsync(submitted.Id, Amina, "employer", submitted.Version);

        Assert.Equal(RefusalCodes.WrongStatus, emptied.Refusal?.Code);
        Assert.Equal("Atlas Ingénierie SARL", (await store.Applications.GetAsync(submitted.Id, Amina)).Value!.Answers.Get("employer.company_name"));
    }

    [Fact]
    public async Task Start_FromALinkAfterASubmittedApplication_TheLinkWinsForTheFieldsItNames()
    {
        await using var store = await StoreAsync();
        await SubmitRegistrationAsync(store, Amina);

        var started = await store.Applications.StartAsync(Overtime, Amina, [new("company.company_name", "Atlas Ingénierie Maroc SARL"), new("hours", "12")]);

        var draft = started.Application!;
        Assert.Equal("Atlas Ingénierie Maroc SARL", draft.Answers.Get("company.company_name"));
        // What the link does not name is still carried.
        Assert.Equal("001561191000066", draft.Answers.Get("company.ice"));
        Assert.Equal("12", draft.Answers["hours"]);
        Assert.Single(draft.Carried);
        Assert.Equal(["company.company_name", "hours"], draft.Prefilled!.Fields);
    }

    [Fact]
    public async Task Start_FromALink_KeepsWhatItFilledAndLeftAsideAndAuditsNoValue()
    {
        await using var store = await StoreAsync();

        var started = await store.Applications.StartAsync(Overtime, Amina, [new("hours", "beaucoup"), new("company.ice", "001561191000066"), new("salary", "9000")]);

        Assert.True(started.Succeeded, started.ToString());
        var stored = (await store.Applications.GetAsync(started.Application!.Id, Amina)).Value!;
        Assert.Equal("001561191000066", stored.Answers.Get("company.ice"));
        Assert.Null(stored.Answers["hours"]);
        Assert.Equal(["company.ice"], stored.Prefilled!.Fields);
        Assert.Equal([("hours", "number.format"), ("salary", PrefillReasons.Unknown)], stored.Prefilled.Ignored.Select(i => (i.Key, i.Code)));
        Assert.Equal("Saisissez un nombre (par exemple 1250 ou 1250.50).", stored.Prefilled.Ignored[0].Reason.Get("fr"));
        var audited = Assert.Single(await store.AuditAsync(), e => e.Kind == StorageEvents.Prefilled);
        Assert.Equal("company.ice", audited.Detail);
        Assert.DoesNotContain("001561191000066", audited.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_WithoutALink_RecordsNoPrefill()
    {
        await using var store = await StoreAsync();

        var draft = await StartAsync(store, Amina, Overtime);

        Assert.Null(draft.Prefilled);
        Assert.Null((await store.Applications.GetAsync(draft.Id, Amina)).Value!.Prefilled);
    }
}
