using EmploymentProcedures.Engine.Deadlines;
using EmploymentProcedures.Engine.Definitions;
using EmploymentProcedures.Engine.Storage;
using EmploymentProcedures.Engine.Workflow;
using EmploymentProcedures.Host.Localization;
using EmploymentProcedures.Host.MyApplications;

namespace EmploymentProcedures.Host.Tests.MyApplications;

public sealed class TimelineTests
{
    private static readonly ProcedureDefinition Regulations = Repository.Catalog.Definitions[Filing.Procedure];
    private static readonly DateTime Noon = new(2026, 11, 27, 11, 0, 0, DateTimeKind.Utc);

    private static AuditRecord Record(string kind, string? step = null, string? action = null, string? to = null, string? comment = null, string? detail = null,
        string actorRole = "desk-agent", string actorId = "reviewer-1") =>
        new(1, Noon, Guid.Empty, actorId, "Karim Alaoui", actorRole, kind, step, action, null, to, comment, detail);

    private static TimelineEntry? Describe(AuditRecord record, Language? language = null)
    {
        language ??= Languages.French;
        var strings = PortalStrings.In(language);
        return Timeline.Describe(record, new ProcedureTexts(Regulations, Repository.Catalog.Library, language, strings), language, strings, MoroccoTime.Instance);
    }

    /// <summary>One record of every kind the applicant reads, with what a French reader must see.</summary>
    public static TheoryData<string, string?, string?, string?, string?, string> EveryKind => new()
    {
        { StorageEvents.Started, null, null, "draft", null, "Brouillon commencé." },
        { WorkflowEvents.Submitted, null, null, "in_review", "IRA-2026-000042", "Demande déposée sous la référence IRA-2026-000042." },
        { WorkflowEvents.StepEntered, "reception", null, "in_review", null, "La demande passe à l'étape « Recevabilité (direction provinciale de l'emploi) »." },
        { WorkflowEvents.StepSkipped, "legal_review", null, "in_review", null, "L'étape « Examen juridique par l'inspecteur du travail » ne s'applique pas à cette demande." },
        { WorkflowEvents.StepApproved, "reception", "approve", "in_review", null, "Étape « Recevabilité (direction provinciale de l'emploi) » validée." },
        { WorkflowEvents.StepApproved, "reception", "acknowledge", "in_review", null, "Étape « Recevabilité (direction provinciale de l'emploi) » : déclaration prise en compte." },
        { WorkflowEvents.Opinion, "approval", "approve", "in_review", null, "Avis favorable à l'étape « Approbation par le délégué provincial »." },
        { WorkflowEvents.Opinion, "approval", "reject", "in_review", null, "Avis défavorable à l'étape « Approbation par le délégué provincial »." },
        { WorkflowEvents.ChangesRequested, "legal_review", "request_changes", "changes_requested", "draft_regulations", "Des modifications vous sont demandées à l'étape « Examen juridique par l'inspecteur du travail »." },
        { WorkflowEvents.Resubmitted, "legal_review", null, "in_review", "article_count", "Demande complétée et renvoyée à l'étape « Examen juridique par l'inspecteur du travail »." },
        { WorkflowEvents.Returned, "reception", "return", "in_review", "legal_review", "Le dossier revient à l'étape « Recevabilité (direction provinciale de l'emploi) » pour un nouvel examen." },
        { WorkflowEvents.Decided, "approval", "approve", "approved", null, "Décision : demande acceptée." },
        { WorkflowEvents.Decided, "approval", "reject", "rejected", null, "Décision : demande refusée." },
        { WorkflowEvents.Decided, null, null, "acknowledged", null, "Déclaration enregistrée." },
        { WorkflowEvents.Withdrawn, "reception", null, "withdrawn", null, "Vous avez retiré la demande." },
        { WorkflowEvents.DeadlineLapsed, "approval", null, "in_review", null, "Le délai légal a expiré sans réponse de l'administration." },
        { StorageEvents.ReadThroughApi, null, null, "in_review", "application", "Dossier consulté par Karim Alaoui, système d'une administration partenaire." },
        { StorageEvents.Carried, null, null, "draft", "employer, TAE-2026-000042, 2026-11-12", "Section « Identification de l'employeur » remplie à partir de votre demande TAE-2026-000042 du 12 novembre 2026." },
        { StorageEvents.Prefilled, null, null, "draft", "reception_schedule, article_count", "Demande commencée à partir d'un lien prérempli : 2 réponses reprises." },
        { StorageEvents.Prefilled, null, null, "draft", "article_count", "Demande commencée à partir d'un lien prérempli : 1 réponse reprise." },
        { WorkflowEvents.SectionEmptied, null, null, "draft", "establishment", "Section « Entreprise ou établissement concerné » vidée." },
        { StorageEvents.DraftMoved, null, null, "draft", "version 1 to 2, published 2026-11-12, answer headcount, document annexes, required article_count, required workforce",
            "Formulaire mis à jour vers la version du 12 novembre 2026 : 2 réponses à compléter." },
        { StorageEvents.DraftMoved, null, null, "draft", "version 1 to 3, published 2026-11-12, required permit, required document insurance, required document lease",
            "Formulaire mis à jour vers la version du 12 novembre 2026 : 1 réponse à compléter et 2 documents à joindre." },
        { StorageEvents.DraftMoved, null, null, "draft", "version 2 to 3, answer headcount", "Formulaire mis à jour vers sa version 3 : rien à compléter." },
    };

    [Theory]
    [MemberData(nameof(EveryKind))]
    public void Describe_EachEventKind_IsASentenceInFrench(string kind, string? step, string? action, string? to, string? detail, string expected)
    {
        var entry = Describe(Record(kind, step, action, to, detail: detail));

        Assert.Equal(expected, entry?.Sentence);
    }

    [Theory]
    [MemberData(nameof(EveryKind))]
    public void Describe_EachEventKind_InArabicAndEnglish_NamesTheStepInThatLanguageAndNoId(string kind, string? step, string? action, string? to, string? detail, string french)
    {
        foreach (var language in new[] { Languages.Arabic, Languages.English })
        {
            var entry = Describe(Record(kind, step, action, to, detail: detail), language);

            Assert.NotNull(entry);
            Assert.NotEqual(french, entry.Sentence);
            if (step is not null && kind != WorkflowEvents.Decided && kind != WorkflowEvents.Withdrawn && kind != WorkflowEvents.DeadlineLapsed)
                Assert.Contains(Regulations.Steps.Single(s => s.Id == step).Title!.Get(language.Code), entry.Sentence, StringComparison.Ordinal);
            if (step is not null)
                Assert.DoesNotContain(step, entry.Sentence, StringComparison.Ordinal);
            Assert.All(entry.Items, item => Assert.DoesNotContain("_", item, StringComparison.Ordinal));
            if (language.RightToLeft)
                Assert.Matches(@"\p{IsArabic}", entry.Sentence);
        }
    }

    [Fact]
    public void Describe_ChangesRequested_GivesTheReviewersMessageAndTheReopenedItemsInWords()
    {
        var entry = Describe(Record(WorkflowEvents.ChangesRequested, "legal_review", "request_changes", "changes_requested",
            comment: "Modifiez l'article 27.", detail: "draft_regulations, article_count, establishment.address"))!;

        Assert.Equal("Message de l'administration", entry.MessageLabel);
        Assert.Equal("Modifiez l'article 27.", entry.Message);
        Assert.Equal("Éléments à modifier", entry.ItemsLabel);
        Assert.Equal(["Projet de règlement intérieur", "Nombre d'articles", "Entreprise ou établissement concerné › " + Regulations.FindField("establishment.address")!.Label!.Get("fr")], entry.Items);
        Assert.Equal(Repository.Catalog.Library.Roles["desk-agent"].Label!.Get("fr"), entry.By);
    }

    [Fact]
    public void Describe_ChangesRequestedInArabic_GivesTheItemsInArabic()
    {
        var entry = Describe(Record(WorkflowEvents.ChangesRequested, "legal_review", "request_changes", "changes_requested",
            comment: "عدلوا المادة 27.", detail: "draft_regulations, article_count"), Languages.Arabic)!;

        Assert.Equal(["مشروع النظام الداخلي", "عدد المواد"], entry.Items);
        Assert.Equal("رسالة الإدارة", entry.MessageLabel);
    }

    [Fact]
    public void Describe_Decision_GivesItsReason_AndAWithdrawalTheApplicantsOwn()
    {
        var rejected = Describe(Record(WorkflowEvents.Decided, "approval", "reject", "rejected", comment: "Clauses contraires à l'article 37."))!;
        var withdrawn = Describe(Record(WorkflowEvents.Withdrawn, "reception", to: "withdrawn", comment: "Projet abandonné.", actorRole: "employer", actorId: "owner"))!;

        Assert.Equal(("Motif", "Clauses contraires à l'article 37."), (rejected.MessageLabel, rejected.Message));
        Assert.Equal(("Votre motif", "Projet abandonné."), (withdrawn.MessageLabel, withdrawn.Message));
        Assert.Null(withdrawn.By);
    }

    [Fact]
    public void Describe_Return_KeepsTheReviewersNoteBetweenReviewers()
    {
        var entry = Describe(Record(WorkflowEvents.Returned, "reception", "return", "in_review", comment: "Note interne : vérifier le RC.", detail: "legal_review"))!;

        Assert.Null(entry.Message);
        Assert.Empty(entry.Items);
    }

    [Fact]
    public void Describe_By_NamesTheReviewersRoleForTheirActsOnly()
    {
        var approved = Describe(Record(WorkflowEvents.StepApproved, "reception", "approve", "in_review"))!;
        var entered = Describe(Record(WorkflowEvents.StepEntered, "legal_review", to: "in_review"))!;
        var bySystem = Describe(Record(WorkflowEvents.Decided, "approval", to: "approved", actorRole: "system", actorId: Actor.SystemId))!;

        Assert.Equal(Repository.Catalog.Library.Roles["desk-agent"].Label!.Get("fr"), approved.By);
        Assert.Null(entered.By);
        Assert.Null(bySystem.By);
    }

    [Fact]
    public void Of_LeavesOutRefusalsAutosavesAndUploads()
    {
        var strings = PortalStrings.In(Languages.French);
        var texts = new ProcedureTexts(Regulations, Repository.Catalog.Library, Languages.French, strings);
        AuditRecord[] history =
        [
            Record(StorageEvents.Started, actorRole: "employer"),
            Record(WorkflowEvents.Saved, actorRole: "employer"),
            Record(WorkflowEvents.DocumentAttached, detail: "draft_regulations", actorRole: "employer"),
            Record(WorkflowEvents.DocumentRemoved, detail: "draft_regulations", actorRole: "employer"),
            Record(WorkflowEvents.Refused, action: "submit", comment: "Not yours", detail: RefusalCodes.NotYours),
            Record(WorkflowEvents.Submitted, detail: "IRA-2026-000042", actorRole: "employer"),
        ];

        var timeline = Timeline.Of(history, texts, Languages.French, strings, MoroccoTime.Instance);

        Assert.Equal([StorageEvents.Started, WorkflowEvents.Submitted], timeline.Select(e => e.Kind));
    }

    [Fact]
    public void Of_PartnersReads_AreOneEntryPerPartnerAndDayInMorocco_AtTheFirstRead()
    {
        var strings = PortalStrings.In(Languages.French);
        var texts = new ProcedureTexts(Regulations, Repository.Catalog.Library, Languages.French, strings);
        AuditRecord Read(string client, string name, DateTime at, string what = "application") =>
            new(1, at, Guid.Empty, PartnerAccess.ActorPrefix + client, name, PartnerAccess.Role, StorageEvents.ReadThroughApi, "reception", null, "in_review", "in_review", null, what);
        var morning = new DateTime(2026, 11, 27, 8, 0, 0, DateTimeKind.Utc);
        var history = new List<AuditRecord> { Record(WorkflowEvents.Submitted, detail: "IRA-2026-000042", actorRole: "employer") };
        // Fifty reads by the CNSS's system in one day, its files among them, and one by the police's the same day.
        history.AddRange(Enumerable.Range(0, 50).Select(i => Read("cnss01", "CNSS — immatriculations", morning.AddMinutes(i * 10), i % 2 == 0 ? "application" : "document 7")));
        history.Add(Read("dgsn0001", "DGSN — visas", morning.AddHours(2)));
        history.Add(Record(WorkflowEvents.StepApproved, "reception", "approve", "in_review"));
        // 23:30 UTC is already the next day in Morocco (UTC+1): a second line for that day.
        history.Add(Read("cnss01", "CNSS — immatriculations", new DateTime(2026, 11, 27, 23, 30, 0, DateTimeKind.Utc)));

        var timeline = Timeline.Of(history, texts, Languages.French, strings, MoroccoTime.Instance);

        var reads = timeline.Where(e => e.Kind == StorageEvents.ReadThroughApi).ToList();
        Assert.Equal(
            [
                ("Dossier consulté par CNSS — immatriculations, système d'une administration partenaire.", new DateTime(2026, 11, 27, 9, 0, 0)),
                ("Dossier consulté par DGSN — visas, système d'une administration partenaire.", new DateTime(2026, 11, 27, 11, 0, 0)),
                ("Dossier consulté par CNSS — immatriculations, système d'une administration partenaire.", new DateTime(2026, 11, 28, 0, 30, 0)),
            ],
            reads.Select(e => (e.Sentence, e.At.DateTime)));
        Assert.All(reads, e => Assert.True(e.WholeDay));
        Assert.All(reads, e => Assert.Null(e.By));
        Assert.Equal(
            [WorkflowEvents.Submitted, StorageEvents.ReadThroughApi, StorageEvents.ReadThroughApi, WorkflowEvents.StepApproved, StorageEvents.ReadThroughApi],
            timeline.Select(e => e.Kind));
    }

    [Fact]
    public void Describe_Time_IsMoroccos()
    {
        var entry = Describe(Record(WorkflowEvents.Submitted, detail: "IRA-2026-000042"))!;

        Assert.Equal(TimeSpan.FromHours(1), entry.At.Offset);
        Assert.Equal(new DateTime(2026, 11, 27, 12, 0, 0), entry.At.DateTime);
    }

    [Fact]
    public void Item_InARepeatingGroup_NamesTheGroupTheRowAndTheField()
    {
        var definition = Repository.Catalog.Definitions.Values.First(d => d.AllFields().Any(f => f.Type == FieldType.Group && f.Label is not null));
        var group = definition.AllFields().First(f => f.Type == FieldType.Group && f.Label is not null);
        var child = group.Fields.First(f => f.Label is not null);
        var texts = new ProcedureTexts(definition, Repository.Catalog.Library, Languages.English, PortalStrings.In(Languages.English));

        var item = texts.Item($"{group.Path}[1].{child.Id}");

        Assert.EndsWith($"{group.Label!.Get("en")} (row 2) › {child.Label!.Get("en")}", item, StringComparison.Ordinal);
    }
}
