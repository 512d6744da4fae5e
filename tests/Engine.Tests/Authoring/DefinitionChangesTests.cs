using EmploymentProcedures.Engine.Authoring;
using EmploymentProcedures.Engine.Definitions;
using EmploymentProcedures.Engine.Tests.Loading;

namespace EmploymentProcedures.Engine.Tests.Authoring;

/// <summary>The change list between a published definition and a draft, on small definitions loaded by the real loader.</summary>
public sealed class DefinitionChangesTests
{
    /// <summary>The published side of every comparison; also the first version of a draft carried to a newer one (<c>DraftCarryTests</c>).</summary>
    internal const string Published = """
        language: 1
        id: change-test
        title: { fr: "Demande d'essai", ar: "طلب تجريبي" }
        category: working-time
        applicant: employer
        deadline: { days: 10, calendar: business }
        on_deadline: none
        privacy:
          purpose: { fr: "Instruction de la demande d'essai.", ar: "دراسة الطلب التجريبي." }
          recipients: { fr: "La délégation provinciale de l'emploi.", ar: "المندوبية الإقليمية للتشغيل." }
          retention: 5y
        sections:
          - id: employer
            include: employer-identity
          - id: contract
            title: { fr: "Contrat", ar: "العقد" }
            fields:
              - id: contract_type
                type: choice
                required: true
                label: { fr: "Type de contrat", ar: "نوع العقد" }
                options:
                  - { value: cdi, label: { fr: "CDI", ar: "عقد غير محدد المدة" } }
                  - { value: cdd, label: { fr: "CDD", ar: "عقد محدد المدة" } }
              - { id: start_date, type: date, required: true, label: { fr: "Date de début", ar: "تاريخ البداية" } }
              - { id: end_date, type: date, required: true, visible: contract_type == "cdd", label: { fr: "Date de fin", ar: "تاريخ النهاية" } }
              - { id: salary, type: money, required: true, min: 0, max: 100000, label: { fr: "Salaire", ar: "الأجر" } }
              - { id: note, type: text, max_length: 200, label: { fr: "Note", ar: "ملاحظة" } }
              - id: children
                type: group
                max: 10
                label: { fr: "Enfants", ar: "الأطفال" }
                fields:
                  - { id: name, type: text, required: true, label: { fr: "Nom", ar: "الاسم" } }
        documents:
          - { id: contract_copy, label: { fr: "Copie du contrat", ar: "نسخة من العقد" }, required: true, formats: [pdf, jpg], max_mb: 5 }
          - { id: cv, label: { fr: "Curriculum vitae", ar: "السيرة الذاتية" }, formats: [pdf], max_mb: 2 }
        rules:
          - { id: end-after-start, check: end_date > start_date, field: end_date, message: { fr: "La fin suit le début.", ar: "النهاية بعد البداية." } }
        steps:
          - { id: reception, title: { fr: "Réception", ar: "الاستقبال" }, role: desk-agent, deadline: { days: 2 }, actions: [approve, request_changes, reject] }
          - id: inspection
            role: labour-inspector
            when: salary > 5000
            actions: [approve, reject]
            fields:
              - { id: visit_date, type: date, label: { fr: "Date de visite", ar: "تاريخ الزيارة" } }
          - { id: decision, role: provincial-delegate, actions: [approve, reject] }
        outputs: { receipt: receipt, rejected: decision-rejected }
        """;

    private static readonly Lazy<ProcedureDefinition> PublishedDefinition = new(() => Load(Published));

    [Fact]
    public void Compare_SameDefinitionLoadedTwice_FindsNothing() =>
        Assert.Empty(DefinitionChanges.Compare(PublishedDefinition.Value, Load(Published)));

    [Fact]
    public void Compare_SameContentWrittenDifferently_FindsNothing()
    {
        // Block style instead of flow style, keys reordered: the model is the same, so is the list.
        var rewritten = Published.Replace(
            "  - { id: cv, label: { fr: \"Curriculum vitae\", ar: \"السيرة الذاتية\" }, formats: [pdf], max_mb: 2 }",
            """
              - id: cv
                max_mb: 2
                formats:
                  - pdf
                label:
                  ar: "السيرة الذاتية"
                  fr: "Curriculum vitae"
            """.TrimEnd(), StringComparison.Ordinal);
        Assert.NotEqual(Published, rewritten);

        Assert.Empty(DefinitionChanges.Compare(PublishedDefinition.Value, Load(rewritten)));
    }

    [Fact]
    public void Compare_FieldRemoved_BreaksBecauseItsAnswersWouldBeLost()
    {
        var change = Single(Edit("      - { id: note, type: text, max_length: 200, label: { fr: \"Note\", ar: \"ملاحظة\" } }\n", ""), "contract.note");

        Assert.Equal((ChangeArea.Field, ChangeKind.Removed), (change.Area, change.Kind));
        Assert.True(change.IsBreaking);
        AssertReason(change, "note", "perdues");
        Assert.Contains(change.Properties, p => p is { Name: "type", Old: "text", New: null });
    }

    [Fact]
    public void Compare_FieldTypeChanged_BreaksAndShowsOldToNew()
    {
        var change = Single(Edit("{ id: note, type: text,", "{ id: note, type: textarea,"), "contract.note");

        var type = Assert.Single(change.Properties);
        Assert.Equal(("type", "text", "textarea"), (type.Name, type.Old, type.New));
        Assert.NotNull(type.Breaks);
        Assert.Contains("text", type.Breaks.Get("en"), StringComparison.Ordinal);
    }

    [Fact]
    public void Compare_NewRequiredField_BreaksDraftsAtSubmission_ButANewOptionalFieldDoesNot()
    {
        const string Anchor = "      - { id: note,";
        var required = Single(Edit(Anchor, "      - { id: iban, type: iban, required: true, label: { fr: \"IBAN\", ar: \"رقم الحساب الدولي\" } }\n" + Anchor), "contract.iban");
        var optional = Single(Edit(Anchor, "      - { id: iban, type: iban, label: { fr: \"IBAN\", ar: \"رقم الحساب الدولي\" } }\n" + Anchor), "contract.iban");

        Assert.Equal(ChangeKind.Added, required.Kind);
        Assert.True(required.IsBreaking);
        AssertReason(required, "iban", "dépôt");
        Assert.False(optional.IsBreaking);
    }

    [Fact]
    public void Compare_FieldMadeRequired_Breaks_AndMadeOptional_DoesNot()
    {
        var required = Single(Edit("{ id: note, type: text,", "{ id: note, type: text, required: true,"), "contract.note");
        var optional = Single(Edit("{ id: start_date, type: date, required: true,", "{ id: start_date, type: date,"), "contract.start_date");

        Assert.Equal(("required", "false", "true"), (required.Properties[0].Name, required.Properties[0].Old, required.Properties[0].New));
        Assert.True(required.IsBreaking);
        Assert.False(optional.IsBreaking);
    }

    [Fact]
    public void Compare_RequiredFieldShownAlways_Breaks_AndHiddenMoreOften_DoesNot()
    {
        var shown = Single(Edit(" visible: contract_type == \"cdd\",", ""), "contract.end_date");
        var hidden = Single(Edit("{ id: start_date, type: date, required: true,", "{ id: start_date, type: date, required: true, visible: contract_type == \"cdd\","), "contract.start_date");

        Assert.Equal(("visible", "contract_type == \"cdd\"", null), (shown.Properties[0].Name, shown.Properties[0].Old, shown.Properties[0].New));
        Assert.True(shown.IsBreaking);
        Assert.False(hidden.IsBreaking);
    }

    [Theory]
    [InlineData("min: 0, max: 100000", "min: 0, max: 50000", "max", true)]
    [InlineData("min: 0, max: 100000", "min: 0, max: 200000", "max", false)]
    [InlineData("min: 0, max: 100000", "min: 100, max: 100000", "min", true)]
    [InlineData("min: 0, max: 100000", "max: 100000", "min", false)]
    [InlineData("max_length: 200", "max_length: 100", "max_length", true)]
    [InlineData("max_length: 200", "max_length: 500", "max_length", false)]
    [InlineData("max_length: 200", "max_length: 200, pattern: '^[A-Z]+$'", "pattern", true)]
    [InlineData("max: 10\n", "max: 5\n", "max", true)]
    public void Compare_Bounds_BreakOnlyWhenNarrower(string before, string after, string property, bool breaks)
    {
        var change = Assert.Single(Edit(before, after));

        var bound = Assert.Single(change.Properties);
        Assert.Equal(property, bound.Name);
        Assert.Equal(breaks, change.IsBreaking);
    }

    [Fact]
    public void Compare_OptionRemoved_Breaks_AndOptionAdded_DoesNot()
    {
        var changes = Edit(
            "          - { value: cdd, label: { fr: \"CDD\", ar: \"عقد محدد المدة\" } }\n",
            "          - { value: interim, label: { fr: \"Intérim\", ar: \"الشغل المؤقت\" } }\n");

        var removed = Single(changes, "contract.contract_type.options.cdd");
        var added = Single(changes, "contract.contract_type.options.interim");
        Assert.Equal((ChangeArea.Option, ChangeKind.Removed), (removed.Area, removed.Kind));
        Assert.True(removed.IsBreaking);
        AssertReason(removed, "cdd", "acceptées");
        Assert.Equal((ChangeArea.Option, ChangeKind.Added), (added.Area, added.Kind));
        Assert.False(added.IsBreaking);
        Assert.Contains(added.Properties, p => p is { Name: "label.fr", Old: null, New: "Intérim" });
    }

    [Fact]
    public void Compare_SharedListReplacingOptions_BreaksNamingTheValuesNoLongerOffered()
    {
        var change = Single(Edit(
            "        options:\n          - { value: cdi, label: { fr: \"CDI\", ar: \"عقد غير محدد المدة\" } }\n          - { value: cdd, label: { fr: \"CDD\", ar: \"عقد محدد المدة\" } }\n",
            "        list: legal-forms\n"), "contract.contract_type");

        var list = Assert.Single(change.Properties, p => p.Name == "list");
        Assert.Equal(("(options)", "legal-forms"), (list.Old, list.New));
        Assert.NotNull(list.Breaks);
        Assert.Contains("cdi, cdd", list.Breaks.Get("fr"), StringComparison.Ordinal);
    }

    [Fact]
    public void Compare_TextsOnly_AreListedAsCosmeticAndNeverBreak()
    {
        var changes = Edit(
            ("{ fr: \"Date de début\", ar: \"تاريخ البداية\" }", "{ fr: \"Date de prise d'effet\", ar: \"تاريخ البداية\", en: \"Start date\" }"),
            ("title: { fr: \"Demande d'essai\", ar: \"طلب تجريبي\" }", "title: { fr: \"Demande d'essai modifiée\", ar: \"طلب تجريبي\" }\nsummary: { fr: \"Pour essayer.\", ar: \"للتجربة.\" }"),
            ("message: { fr: \"La fin suit le début.\"", "message: { fr: \"La date de fin suit la date de début.\""),
            ("{ fr: \"CDI\", ar:", "{ fr: \"Contrat à durée indéterminée\", ar:"));

        Assert.Equal(["contract.start_date", "contract.contract_type.options.cdi", "rules.end-after-start", "title", "summary"], changes.Select(c => c.Path));
        Assert.All(changes, c => Assert.True(c.IsCosmetic && !c.IsBreaking, c.Path));
        var label = Single(changes, "contract.start_date");
        Assert.Equal(["label.fr", "label.en"], label.Properties.Select(p => p.Name));
        Assert.Equal(("Date de début", "Date de prise d'effet"), (label.Properties[0].Old, label.Properties[0].New));
    }

    [Fact]
    public void Compare_Documents_BreakWhenMadeRequiredNarrowedOrRemoved()
    {
        var changes = Edit(
            ("required: true, formats: [pdf, jpg], max_mb: 5", "required: true, formats: [pdf], max_mb: 3"),
            ("{ id: cv, label: { fr: \"Curriculum vitae\", ar: \"السيرة الذاتية\" }, formats", "{ id: cv, label: { fr: \"Curriculum vitae\", ar: \"السيرة الذاتية\" }, required: true, formats"));

        var copy = Single(changes, "documents.contract_copy");
        Assert.Equal(["formats", "max_mb"], copy.Properties.Select(p => p.Name));
        Assert.All(copy.Properties, p => Assert.NotNull(p.Breaks));
        Assert.Contains("jpg", copy.Properties[0].Breaks!.Get("fr"), StringComparison.Ordinal);
        var cv = Single(changes, "documents.cv");
        Assert.True(cv.IsBreaking);
        AssertReason(cv, "cv", "dépôt");

        var removed = Single(Edit("  - { id: cv, label: { fr: \"Curriculum vitae\", ar: \"السيرة الذاتية\" }, formats: [pdf], max_mb: 2 }\n", ""), "documents.cv");
        Assert.Equal((ChangeArea.Document, ChangeKind.Removed), (removed.Area, removed.Kind));
        Assert.True(removed.IsBreaking);
    }

    [Fact]
    public void Drafts_FieldTypeOptionDocumentAndFormatGone_NamesWhatAMovedDraftLoses()
    {
        var changes = Edit(
            ("      - { id: note, type: text, max_length: 200, label: { fr: \"Note\", ar: \"ملاحظة\" } }\n", ""),
            ("{ id: salary, type: money,", "{ id: salary, type: number,"),
            ("          - { value: cdd, label: { fr: \"CDD\", ar: \"عقد محدد المدة\" } }\n", ""),
            ("required: true, formats: [pdf, jpg], max_mb: 5", "required: true, formats: [pdf], max_mb: 3"),
            ("  - { id: cv, label: { fr: \"Curriculum vitae\", ar: \"السيرة الذاتية\" }, formats: [pdf], max_mb: 2 }\n", ""),
            ("{ id: visit_date, type: date,", "{ id: visit_date, type: text,"));

        var lost = DefinitionChanges.DraftLosses(changes);

        // A reviewer's field is no draft's: its new type is not lost by any.
        Assert.Equal(["contract.salary", "contract.note", "contract.contract_type.options.cdd", "documents.contract_copy", "documents.cv"], lost);
        Assert.Contains("contract.note", DefinitionChanges.Drafts(changes).Get("fr"), StringComparison.Ordinal);
    }

    [Fact]
    public void Drafts_OnlyNarrowerLimitsAndNewRequiredFields_LoseNothing()
    {
        var changes = Edit(("min: 0, max: 100000", "min: 100, max: 100000"), ("{ id: note, type: text,", "{ id: note, type: text, required: true,"));

        Assert.Contains(changes, c => c.IsBreaking);
        Assert.Empty(DefinitionChanges.DraftLosses(changes));
        Assert.Contains("aucune réponse", DefinitionChanges.Drafts(changes).Get("fr"), StringComparison.Ordinal);
        Assert.Contains("lose no answer", DefinitionChanges.Drafts(changes).Get("en"), StringComparison.Ordinal);
    }

    [Fact]
    public void Compare_NewOptionalDocument_DoesNotBreak_ButANewRequiredOneDoes()
    {
        const string Line = "  - { id: cv, label: { fr: \"Curriculum vitae\", ar: \"السيرة الذاتية\" }, formats: [pdf], max_mb: 2 }\n";
        var optional = Single(Edit(Line, Line + "  - { id: photo, label: { fr: \"Photo\", ar: \"صورة\" }, formats: [jpg], max_mb: 1 }\n"), "documents.photo");
        var required = Single(Edit(Line, Line + "  - { id: photo, label: { fr: \"Photo\", ar: \"صورة\" }, required: contract_type == \"cdd\", formats: [jpg], max_mb: 1 }\n"), "documents.photo");

        Assert.False(optional.IsBreaking);
        Assert.True(required.IsBreaking);
        Assert.Contains(required.Properties, p => p is { Name: "required", New: "contract_type == \"cdd\"" });
    }

    [Fact]
    public void Compare_Rules_AddedOrStricterBreak_RemovedDoesNot()
    {
        const string Rule = "  - { id: end-after-start, check: end_date > start_date, field: end_date, message: { fr: \"La fin suit le début.\", ar: \"النهاية بعد البداية.\" } }\n";
        var added = Single(Edit(Rule, Rule + "  - { id: salary-floor, check: salary >= 3000, field: salary, message: { fr: \"Au moins le SMIG.\", ar: \"على الأقل الحد الأدنى للأجر.\" } }\n"), "rules.salary-floor");
        var changed = Single(Edit("check: end_date > start_date", "check: end_date >= start_date"), "rules.end-after-start");
        var removed = Single(Edit("rules:\n" + Rule, ""), "rules.end-after-start");

        Assert.True(added.IsBreaking);
        AssertReason(added, "salary-floor", "règle");
        Assert.Equal(("check", "end_date > start_date", "end_date >= start_date"), (changed.Properties[0].Name, changed.Properties[0].Old, changed.Properties[0].New));
        Assert.True(changed.IsBreaking);
        Assert.False(removed.IsBreaking);
    }

    [Fact]
    public void Compare_StepRemoved_BreaksApplicationsWaitingAtIt()
    {
        var change = Single(Edit("  - { id: decision, role: provincial-delegate, actions: [approve, reject] }\n", ""), "steps.decision");

        Assert.Equal((ChangeArea.Step, ChangeKind.Removed), (change.Area, change.Kind));
        AssertReason(change, "decision", "attente");
    }

    [Fact]
    public void Compare_StepRenamedInPlace_IsOneBreakingChangeWithOldAndNewIds()
    {
        var changes = Edit("{ id: decision, role: provincial-delegate", "{ id: final_decision, role: provincial-delegate");

        var change = Assert.Single(changes);
        Assert.Equal(("steps.final_decision", ChangeKind.Changed), (change.Path, change.Kind));
        var id = Assert.Single(change.Properties);
        Assert.Equal(("id", "decision", "final_decision"), (id.Name, id.Old, id.New));
        Assert.NotNull(id.Breaks);
    }

    [Fact]
    public void Compare_StepsReordered_BreakWithTheirPositions()
    {
        var changes = Edit(
            ("  - { id: decision, role: provincial-delegate, actions: [approve, reject] }\n", ""),
            ("  - { id: reception,", "  - { id: decision, role: provincial-delegate, actions: [approve, reject] }\n  - { id: reception,"));

        var moved = Assert.Single(changes);
        Assert.Equal("steps.decision", moved.Path);
        Assert.Equal(("position", "3", "1"), (moved.Properties[0].Name, moved.Properties[0].Old, moved.Properties[0].New));
        Assert.True(moved.IsBreaking);
    }

    [Fact]
    public void Compare_StepRoleConditionDeadlineAndActions_AreListedOldToNewWithoutBreaking()
    {
        var changes = Edit(
            ("role: desk-agent, deadline: { days: 2 }, actions: [approve, request_changes, reject]", "role: provincial-delegate, deadline: { days: 3, calendar: calendar }, actions: [approve, reject]"),
            ("when: salary > 5000", "when: salary > 8000"));

        var reception = Single(changes, "steps.reception");
        Assert.Equal(
            [("role", "desk-agent", "provincial-delegate"), ("deadline", "days: 2", "days: 3, calendar: calendar"), ("actions", "approve, request_changes, reject", "approve, reject")],
            reception.Properties.Select(p => (p.Name, p.Old, p.New)));
        var inspection = Single(changes, "steps.inspection");
        Assert.Equal(("when", "salary > 5000", "salary > 8000"), (inspection.Properties[0].Name, inspection.Properties[0].Old, inspection.Properties[0].New));
        Assert.All(changes, c => Assert.False(c.IsBreaking, c.Path));
    }

    [Fact]
    public void Compare_ParallelStepLosingARole_BreaksOpinionsAlreadyGiven_AndQuorumIsListed()
    {
        const string Step = "  - { id: decision, role: provincial-delegate, actions: [approve, reject] }\n";
        var published = Load(Published.Replace(Step, "  - { id: decision, parallel: { quorum: 2, roles: [provincial-delegate, regional-director, governor-office] }, actions: [approve, reject] }\n", StringComparison.Ordinal));
        var draft = Load(Published.Replace(Step, "  - { id: decision, parallel: { quorum: 1, roles: [provincial-delegate, regional-director] }, actions: [approve, reject] }\n", StringComparison.Ordinal));

        var change = Assert.Single(DefinitionChanges.Compare(published, draft));

        Assert.Equal(["parallel.roles", "parallel.quorum"], change.Properties.Select(p => p.Name));
        Assert.Equal(("2", "1"), (change.Properties[1].Old, change.Properties[1].New));
        Assert.Contains("governor-office", change.Properties[0].Breaks!.Get("fr"), StringComparison.Ordinal);
    }

    [Fact]
    public void Compare_ReviewerFieldGivenToAnotherRoleOfItsParallelStep_IsListedWithoutBreaking()
    {
        const string Step = "  - { id: decision, role: provincial-delegate, actions: [approve, reject] }\n";
        string Parallel(string role) =>
            "  - id: decision\n    parallel: { quorum: all, roles: [provincial-delegate, regional-director] }\n    actions: [approve, reject]\n"
            + $"    fields:\n      - {{ id: opinion, type: text, role: {role}, label: {{ fr: \"Avis\", ar: \"الرأي\" }} }}\n";
        var published = Load(Published.Replace(Step, Parallel("provincial-delegate"), StringComparison.Ordinal));
        var draft = Load(Published.Replace(Step, Parallel("regional-director"), StringComparison.Ordinal));

        var change = Assert.Single(DefinitionChanges.Compare(published, draft));

        Assert.Equal("steps.decision.opinion", change.Path);
        Assert.Equal([("role", "provincial-delegate", "regional-director")], change.Properties.Select(p => (p.Name, p.Old, p.New)));
        Assert.False(change.IsBreaking);
    }

    [Fact]
    public void Compare_ReviewerFields_AreListedUnderTheirStep_OnlyANewTypeBreaks()
    {
        var changes = Edit(
            ("      - { id: visit_date, type: date, label: { fr: \"Date de visite\", ar: \"تاريخ الزيارة\" } }",
             "      - { id: visit_date, type: text, label: { fr: \"Date de visite\", ar: \"تاريخ الزيارة\" } }\n      - { id: report, type: textarea, required: true, label: { fr: \"Rapport\", ar: \"التقرير\" } }"));

        var type = Single(changes, "steps.inspection.visit_date");
        var added = Single(changes, "steps.inspection.report");
        Assert.Equal(ChangeArea.Field, type.Area);
        Assert.True(type.IsBreaking);
        Assert.False(added.IsBreaking);
    }

    [Fact]
    public void Compare_LegalDeadline_ShorterBreaksOnlyWhenSilenceDecides()
    {
        var quiet = Single(Edit("deadline: { days: 10, calendar: business }", "deadline: { days: 5, calendar: business }"), "deadline");
        var silence = Edit(("deadline: { days: 10, calendar: business }", "deadline: { days: 5, calendar: business }"), ("on_deadline: none", "on_deadline: approve"));

        Assert.False(quiet.IsBreaking);
        Assert.Equal(("days: 10, calendar: business", "days: 5, calendar: business"), (quiet.Properties[0].Old, quiet.Properties[0].New));
        Assert.All(silence, c => Assert.Equal(ChangeArea.Deadline, c.Area));
        Assert.Equal(["deadline", "on_deadline"], silence.Select(c => c.Path));
        Assert.All(silence, c => Assert.True(c.IsBreaking, c.Path));
        AssertReason(silence[1], "approve", "d'office");
    }

    [Fact]
    public void Compare_ApplicantKindChanged_Breaks()
    {
        var change = Single(Edit("applicant: employer", "applicant: worker"), "applicant");

        Assert.Equal((ChangeArea.Applicant, ChangeKind.Changed), (change.Area, change.Kind));
        AssertReason(change, "employer", "comptes");
    }

    [Fact]
    public void Compare_OutputsAndOtherKeys_AreListedWithoutBreaking()
    {
        var changes = Edit(
            ("outputs: { receipt: receipt, rejected: decision-rejected }", "outputs: { rejected: decision-rejected, approved: decision-approved }"),
            ("category: working-time", "category: foreign-employment"));

        Assert.Equal(
            [("outputs.approved", ChangeKind.Added), ("outputs.receipt", ChangeKind.Removed), ("category", ChangeKind.Changed)],
            changes.Select(c => (c.Path, c.Kind)));
        Assert.All(changes, c => Assert.False(c.IsBreaking, c.Path));
    }

    [Fact]
    public void Compare_PrivacyBlock_ListsTheRetentionThePurposeAndTheCndpReferenceWithoutBreaking()
    {
        var changes = Edit(
            ("  retention: 5y", "  retention: 10y\n  cndp: \"D-123/2026\""),
            ("fr: \"Instruction de la demande d'essai.\"", "fr: \"Instruction de la demande d'essai et statistiques.\""));

        Assert.Equal(["privacy.purpose", "privacy.retention", "privacy.cndp"], changes.Select(c => c.Path));
        Assert.Equal(("5y", "10y"), (Single(changes, "privacy.retention").Properties[0].Old, Single(changes, "privacy.retention").Properties[0].New));
        Assert.Equal(ChangeKind.Added, Single(changes, "privacy.cndp").Kind);
        Assert.All(changes, c => Assert.False(c.IsBreaking, c.Path));
    }

    [Fact]
    public void Compare_FragmentAndGroupRowFields_KeepThePathsAnswersUse()
    {
        var changes = Edit(
            ("          - { id: name, type: text, required: true,", "          - { id: name, type: text, required: true, max_length: 80,"),
            ("  - id: employer\n    include: employer-identity\n", "  - id: employer\n    include: employer-identity\n    fields:\n      - { id: website, type: text, label: { fr: \"Site web\", ar: \"الموقع الإلكتروني\" } }\n"));

        Assert.Equal(["employer.website", "contract.children.name"], changes.Select(c => c.Path));
        Assert.True(Single(changes, "contract.children.name").IsBreaking);
    }

    [Fact]
    public void Compare_SectionsAndFieldsMoved_AreListedButDoNotBreak()
    {
        var changes = Edit(
            ("      - { id: start_date, type: date, required: true, label: { fr: \"Date de début\", ar: \"تاريخ البداية\" } }\n", ""),
            ("sections:\n", "sections:\n  - id: dates\n    title: { fr: \"Dates\", ar: \"التواريخ\" }\n    fields:\n      - { id: start_date, type: date, required: true, label: { fr: \"Date de début\", ar: \"تاريخ البداية\" } }\n"));

        Assert.Equal(["sections.dates", "dates.start_date"], changes.Select(c => c.Path));
        Assert.Equal(("section", "contract", "dates"), (changes[1].Properties[0].Name, changes[1].Properties[0].Old, changes[1].Properties[0].New));
        Assert.All(changes, c => Assert.False(c.IsBreaking, c.Path));
    }

    [Fact]
    public void Compare_ConditionalSectionShownAlways_BreaksWhenItHasRequiredFields()
    {
        const string Section = "  - id: contract\n    title: { fr: \"Contrat\", ar: \"العقد\" }\n";
        var published = Load(Published.Replace(Section, Section + "    visible: employer.legal_form == \"sarl\"\n", StringComparison.Ordinal));

        var change = Assert.Single(DefinitionChanges.Compare(published, PublishedDefinition.Value));

        Assert.Equal(("sections.contract", "visible"), (change.Path, change.Properties[0].Name));
        AssertReason(change, "contract", "page");
    }

    [Fact]
    public void Compare_ManyChanges_AreOrderedByArea()
    {
        var changes = Edit(
            ("applicant: employer", "applicant: worker"),
            ("{ id: decision, role: provincial-delegate", "{ id: decision, role: labour-inspector"),
            ("formats: [pdf], max_mb: 2", "formats: [pdf], max_mb: 1"),
            ("{ id: note, type: text,", "{ id: note, type: textarea,"),
            ("title: { fr: \"Contrat\", ar: \"العقد\" }", "title: { fr: \"Le contrat\", ar: \"العقد\" }"));

        Assert.Equal(
            [ChangeArea.Section, ChangeArea.Field, ChangeArea.Document, ChangeArea.Step, ChangeArea.Applicant],
            changes.Select(c => c.Area));
    }

    [Fact]
    public void Compare_EveryProcedureOfTheRepositoryWithAFreshLoadOfItself_FindsNothing()
    {
        var loader = TestLibrary.Loader();
        foreach (var (id, published) in TestLibrary.Catalog.Definitions)
        {
            var again = loader.LoadFile(Path.Combine(RepositoryPaths.Procedures, id + ".yaml")).Definition!;
            var changes = DefinitionChanges.Compare(published, again);
            Assert.True(changes.Count == 0, $"{id}: {string.Join(", ", changes.Select(c => c.Path))}");
        }
    }

    private static ProcedureDefinition Load(string yaml)
    {
        var result = TestLibrary.Loader().LoadText(yaml, "change-test.yaml");
        Assert.False(result.HasErrors, string.Join("\n", result.Diagnostics.Where(d => d.IsError)) + "\n" + yaml);
        return result.Definition!;
    }

    [Fact]
    public void Compare_LabelsAddedRenamedAndRemoved_ListsEachAndSaysRemovedOnesStayRecordedButUnseen()
    {
        const string Before = """

            labels:
              - { id: priority, colour: red, title: { fr: "Prioritaire", ar: "ذو أولوية" } }
              - { id: site-visit, colour: orange, title: { fr: "En attente de visite", ar: "في انتظار الزيارة" } }
            """;
        const string After = """

            labels:
              - { id: priority, colour: red, title: { fr: "Dossier prioritaire", ar: "ملف ذو أولوية" } }
              - { id: cnss-check, colour: blue, title: { fr: "À vérifier auprès de la CNSS", ar: "يتعين التحقق منه لدى الصندوق" } }
            """;

        var changes = DefinitionChanges.Compare(Load(Published + Before), Load(Published + After)).ToList();

        var renamed = Single(changes, "labels.priority");
        var added = Single(changes, "labels.cnss-check");
        var removed = Single(changes, "labels.site-visit");
        Assert.Equal((ChangeArea.Label, ChangeKind.Changed, false), (renamed.Area, renamed.Kind, renamed.IsBreaking));
        Assert.Contains(renamed.Properties, p => p is { Name: "title.fr", Old: "Prioritaire", New: "Dossier prioritaire" });
        Assert.Equal((ChangeArea.Label, ChangeKind.Added, false), (added.Area, added.Kind, added.IsBreaking));
        Assert.Equal((ChangeArea.Label, ChangeKind.Removed), (removed.Area, removed.Kind));
        AssertReason(removed, "En attente de visite", "gardent enregistrée");
    }

    private static List<DefinitionChange> Edit(string from, string to) => Edit((from, to));

    private static List<DefinitionChange> Edit(params (string From, string To)[] edits)
    {
        var draft = Published;
        foreach (var (from, to) in edits)
        {
            Assert.Contains(from, draft, StringComparison.Ordinal);
            draft = draft.Replace(from, to, StringComparison.Ordinal);
        }
        return DefinitionChanges.Compare(PublishedDefinition.Value, Load(draft)).ToList();
    }

    private static DefinitionChange Single(IEnumerable<DefinitionChange> changes, string path) =>
        Assert.Single(changes, c => c.Path == path);

    /// <summary>The change gives a reason in the three languages; the French one names <paramref name="name"/> and says <paramref name="words"/>.</summary>
    private static void AssertReason(DefinitionChange change, string name, string words)
    {
        var reason = Assert.Single(change.Reasons);
        Assert.All(LocalizedText.Languages, language => Assert.True(reason.Has(language), language));
        Assert.Contains(name, reason.Get("fr"), StringComparison.Ordinal);
        Assert.Contains(words, reason.Get("fr"), StringComparison.Ordinal);
    }
}
