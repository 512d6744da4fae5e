using EmploymentProcedures.Engine.Deadlines;
using EmploymentProcedures.Engine.Definitions;
using EmploymentProcedures.Engine.Validation;
using EmploymentProcedures.Engine.Workflow;
using static EmploymentProcedures.Engine.Tests.Workflow.Circuit;

namespace EmploymentProcedures.Engine.Tests.Workflow;

/// <summary>Every transition of the circuit and every refusal, with its reason.</summary>
public sealed class WorkflowTests
{
    private static readonly Actor Desk = Reviewer("desk-agent");
    private static readonly Actor Inspector = Reviewer("labour-inspector");
    private static readonly Actor Director = Reviewer("regional-director");
    private static readonly Actor Governor = Reviewer("governor-office");
    private static readonly Actor Central = Reviewer("labour-directorate", province: "oujda-angad");
    private static readonly Actor Delegate = Reviewer("provincial-delegate");

    [Fact]
    public void Submit_ValidDraft_EntersTheFirstStepWithReferenceProvinceAndDate()
    {
        var result = Run(Draft(), Owner, new WorkflowCommand.Submit("CT-2026-000001"));

        var app = result.Application!;
        Assert.Equal(ApplicationStatus.InReview, app.Status);
        Assert.Equal("reception", app.Step);
        Assert.Equal("CT-2026-000001", app.Reference);
        Assert.Equal("casablanca", app.Province);
        Assert.Equal(Today, app.SubmittedOn);
        Assert.Equal(1, app.Version);
        Assert.Equal([WorkflowEvents.Submitted, WorkflowEvents.StepEntered], result.Events.Select(e => e.Kind));
    }

    [Fact]
    public void Submit_InvalidAnswers_ReturnsTheErrorsAndChangesNothing()
    {
        var draft = Draft() with { Answers = Form().With("salary", null), Documents = [] };

        var result = Run(draft, Owner, new WorkflowCommand.Submit("CT-2026-000001"));

        Assert.False(result.Succeeded);
        Assert.Equal(["contract", "salary"], result.Validation!.Errors.Select(e => e.Path).Order());
    }

    [Fact]
    public void Approve_SmallEstablishment_SkipsTheInspectionAndRecordsIt()
    {
        var result = Run(Submitted(headcount: 12), Desk, Decide("reception", StepAction.Approve));

        Assert.Equal("opinions", result.Application!.Step);
        Assert.Contains(result.Events, e => e.Kind == WorkflowEvents.StepSkipped && e.Step == "inspection");
    }

    [Fact]
    public void Approve_Inspection_NeedsTheRequiredReviewerField()
    {
        var app = Ok(Submitted(headcount: 80), Desk, Decide("reception", StepAction.Approve));
        Assert.Equal("inspection", app.Step);

        Refused(app, Inspector, Decide("inspection", StepAction.Approve), RefusalCodes.InvalidStepFields);
        Refused(app, Inspector, Decide("inspection", StepAction.Approve, fields: VisitDate("not a date")), RefusalCodes.InvalidStepFields);
        Refused(app, Inspector, Decide("inspection", StepAction.Approve, fields: Answers.From(new Dictionary<string, object?> { ["score"] = "3" })), RefusalCodes.InvalidStepFields);
        var approved = Ok(app, Inspector, Decide("inspection", StepAction.Approve, fields: VisitDate()));

        Assert.Equal("opinions", approved.Step);
        Assert.Equal("2026-03-10", approved.StepFields["inspection"]["visit_date"]);
    }

    [Fact]
    public void Reject_AtInspection_DoesNotNeedTheRequiredFieldButNeedsAReason()
    {
        var app = Ok(Submitted(headcount: 80), Desk, Decide("reception", StepAction.Approve));

        Refused(app, Inspector, Decide("inspection", StepAction.Reject, comment: " "), RefusalCodes.ReasonRequired);
        var rejected = Ok(app, Inspector, Decide("inspection", StepAction.Reject, comment: "Établissement fermé"));

        Assert.Equal(ApplicationStatus.Rejected, rejected.Status);
        Assert.Equal(Today, rejected.DecidedOn);
    }

    [Fact]
    public void Parallel_ClosesWhenTheQuorumIsReached_AndEachRoleSpeaksOnce()
    {
        var app = Ok(Submitted(), Desk, Decide("reception", StepAction.Approve));

        var one = Ok(app, Director, Decide("opinions", StepAction.Approve, comment: "Favorable"));
        Assert.Equal("opinions", one.Step);
        Assert.Single(one.Opinions);
        Refused(one, Director, Decide("opinions", StepAction.Approve), RefusalCodes.OpinionGiven);

        var two = Run(one, Central, Decide("opinions", StepAction.Approve));
        Assert.Equal("decision", two.Application!.Step);
        Assert.Empty(two.Application.Opinions);
        Assert.Contains(two.Events, e => e.Kind == WorkflowEvents.StepApproved && e.Step == "opinions");
    }

    [Fact]
    public void Assignees_AreTheRolesStillToAct_WithTheirTerritory()
    {
        var app = Ok(Submitted(), Desk, Decide("reception", StepAction.Approve));
        app = Ok(app, Director, Decide("opinions", StepAction.Approve));

        Assert.Equal([new Assignee("governor-office", Territorial: true), new Assignee("labour-directorate", Territorial: false)], Flow.Assignees(Definition, app));
        Assert.Equal([new Assignee("desk-agent", Territorial: true)], Flow.Assignees(Definition, Submitted()));
        Assert.Empty(Flow.Assignees(Definition, Draft()));
        Assert.Empty(Flow.Assignees(Definition with { Routing = null }, Draft()));
        Assert.Equal([new Assignee("desk-agent", Territorial: false)], Flow.Assignees(Definition with { Routing = null }, Submitted()));
    }

    [Fact]
    public void Parallel_RejectsOnlyWhenTheQuorumCanNoLongerBeReached()
    {
        var app = Ok(Submitted(), Desk, Decide("reception", StepAction.Approve));

        var one = Ok(app, Director, Decide("opinions", StepAction.Reject, comment: "Défavorable"));
        Assert.Equal(ApplicationStatus.InReview, one.Status);
        var two = Ok(one, Governor, Decide("opinions", StepAction.Reject, comment: "Ordre public"));

        Assert.Equal(ApplicationStatus.Rejected, two.Status);
    }

    [Fact]
    public void Approve_LastStep_ApprovesTheApplication_AndNothingMoreCanBeDecided()
    {
        var app = Ok(Submitted(), Desk, Decide("reception", StepAction.Approve));
        app = Ok(app, Director, Decide("opinions", StepAction.Approve));
        app = Ok(app, Governor, Decide("opinions", StepAction.Approve));

        var final = Run(app, Delegate, Decide("decision", StepAction.Approve));

        Assert.Equal(ApplicationStatus.Approved, final.Application!.Status);
        Assert.Equal(WorkflowEvents.Decided, final.Events[^1].Kind);
        Refused(final.Application, Delegate, Decide("decision", StepAction.Reject, comment: "Trop tard"), RefusalCodes.NotAtStep);
        Assert.Empty(Flow.PermittedActions(Definition, final.Application, Delegate));
        Assert.Empty(Flow.PermittedActions(Definition, final.Application, Owner));
    }

    [Fact]
    public void RequestChanges_ReopensOnlyTheNamedItems_PausesTheClock_AndResubmissionReturnsToTheStep()
    {
        var app = Submitted();
        Refused(app, Desk, Decide("reception", StepAction.RequestChanges, comment: "Corrigez"), RefusalCodes.ReopenRequired);
        Refused(app, Desk, Decide("reception", StepAction.RequestChanges, reopen: ["salary"]), RefusalCodes.ReasonRequired);
        Refused(app, Desk, Decide("reception", StepAction.RequestChanges, comment: "Corrigez", reopen: ["salaire"]), RefusalCodes.UnknownItem);

        var requested = Ok(app, Desk, Decide("reception", StepAction.RequestChanges, comment: "Salaire inférieur au SMIG", reopen: ["salary", "contract"]));
        Assert.Equal(ApplicationStatus.ChangesRequested, requested.Status);
        Assert.Equal(["salary", "contract"], requested.Reopened);
        Assert.Equal(new DeadlinePause(Today, null), Assert.Single(requested.Pauses));
        Assert.Equal([new PermittedAction(ActionKind.Edit, Editable: requested.Reopened), new PermittedAction(ActionKind.Submit), new PermittedAction(ActionKind.Withdraw)],
            Flow.PermittedActions(Definition, requested, Owner));
        Assert.Empty(Flow.PermittedActions(Definition, requested, Desk));

        Refused(requested, Owner, new WorkflowCommand.SaveAnswers(requested.Answers.With("headcount", "13")), RefusalCodes.NotReopened);
        var corrected = Ok(requested, Owner, new WorkflowCommand.SaveAnswers(requested.Answers.With("salary", "9500")));
        var resubmitted = Run(corrected, Owner, new WorkflowCommand.Submit("ignored"));

        var back = resubmitted.Application!;
        Assert.Equal(ApplicationStatus.InReview, back.Status);
        Assert.Equal("reception", back.Step);
        Assert.Equal("CT-2026-000001", back.Reference);
        Assert.Empty(back.Reopened);
        Assert.Equal(new DeadlinePause(Today, Today), Assert.Single(back.Pauses));
        var resubmission = Assert.Single(resubmitted.Events);
        Assert.Equal(WorkflowEvents.Resubmitted, resubmission.Kind);
        Assert.Equal(["salary"], resubmission.Items);
        Assert.Equal([new AnswerChange("salary", "9000", "9500")], AnswerDiff.Compare(back.AnswersBeforeChanges!, back.Answers));
    }

    [Fact]
    public void RequestChanges_DocumentsReopenOneByOne()
    {
        var requested = Ok(Submitted(), Desk, Decide("reception", StepAction.RequestChanges, comment: "Salaire", reopen: ["salary"]));

        Refused(requested, Owner, new WorkflowCommand.AttachDocument(new AttachedDocument("contract", "v2.pdf", 1, "pdf")), RefusalCodes.NotReopened);
        Refused(requested, Owner, new WorkflowCommand.RemoveDocument("contract", "contrat.pdf"), RefusalCodes.NotReopened);
    }

    [Fact]
    public void Return_GoesBackToAnEarlierStepThatRan_Only()
    {
        var app = Ok(Submitted(headcount: 12), Desk, Decide("reception", StepAction.Approve));
        app = Ok(app, Director, Decide("opinions", StepAction.Approve));
        app = Ok(app, Governor, Decide("opinions", StepAction.Approve));

        Refused(app, Delegate, Decide("decision", StepAction.Return, to: "inspection"), RefusalCodes.InvalidReturn);
        Refused(app, Delegate, Decide("decision", StepAction.Return, to: "decision"), RefusalCodes.InvalidReturn);
        var permitted = Flow.PermittedActions(Definition, app, Delegate).Single(a => a.Action == StepAction.Return);
        Assert.Equal(["reception", "opinions"], permitted.ReturnTargets);

        var returned = Run(app, Delegate, Decide("decision", StepAction.Return, comment: "Revoir le dossier", to: "reception"));
        Assert.Equal("reception", returned.Application!.Step);
        Assert.Equal(WorkflowEvents.Returned, Assert.Single(returned.Events).Kind);
    }

    [Fact]
    public void Decide_ByAnotherRoleOrTerritory_IsRefused()
    {
        var app = Submitted();

        Refused(app, Inspector, Decide("reception", StepAction.Approve), RefusalCodes.NotYourRole);
        Refused(app, Reviewer("desk-agent", "rabat"), Decide("reception", StepAction.Approve), RefusalCodes.NotYours);
        Refused(app, Desk, Decide("decision", StepAction.Approve), RefusalCodes.NotAtStep);
        Refused(app, Desk, Decide("reception", StepAction.Return, to: "reception"), RefusalCodes.ActionNotOffered);
        Refused(app, Owner, Decide("reception", StepAction.Approve), RefusalCodes.NotYourRole);
    }

    [Fact]
    public void Authorize_ReviewersSeeOnlyTheirProvince_CentralServicesSeeAll_ApplicantsOnlyTheirOwn()
    {
        var app = Submitted();

        Assert.Null(Flow.Authorize(Definition, app, Desk));
        Assert.NotNull(Flow.Authorize(Definition, app, Reviewer("desk-agent", "rabat")));
        Assert.Null(Flow.Authorize(Definition, app, Central));
        Assert.NotNull(Flow.Authorize(Definition, app, Reviewer("court-clerk")));
        Assert.Null(Flow.Authorize(Definition, app, Owner));
        Assert.NotNull(Flow.Authorize(Definition, app, Stranger));
        Assert.NotNull(Flow.Authorize(Definition, Draft(), Desk));
    }

    [Fact]
    public void AnotherApplicant_CanNeitherSeeNorChangeTheApplication()
    {
        var draft = Draft();

        Refused(draft, Stranger, new WorkflowCommand.SaveAnswers(Form(salary: "1")), RefusalCodes.NotYours);
        Refused(draft, Stranger, new WorkflowCommand.Submit("X"), RefusalCodes.NotYours);
        Refused(Submitted(), Stranger, new WorkflowCommand.Withdraw(null), RefusalCodes.NotYours);
        Assert.Empty(Flow.PermittedActions(Definition, draft, Stranger));
    }

    [Fact]
    public void Withdraw_BeforeADecision_EndsTheApplication()
    {
        Refused(Draft(), Owner, new WorkflowCommand.Withdraw(null), RefusalCodes.WrongStatus);

        var withdrawn = Ok(Submitted(), Owner, new WorkflowCommand.Withdraw("Poste pourvu"));

        Assert.Equal(ApplicationStatus.Withdrawn, withdrawn.Status);
        Refused(withdrawn, Owner, new WorkflowCommand.Submit("X"), RefusalCodes.WrongStatus);
        Refused(withdrawn, Owner, new WorkflowCommand.SaveAnswers(Form()), RefusalCodes.WrongStatus);
    }

    [Fact]
    public void Draft_SavesAnswersAndReplacesASingleDocument()
    {
        var draft = Ok(Draft(), Owner, new WorkflowCommand.SaveAnswers(Form(salary: "12000")));
        draft = Ok(draft, Owner, new WorkflowCommand.AttachDocument(new AttachedDocument("contract", "signé.pdf", 30_000, "pdf")));

        Assert.Equal("12000", draft.Answers["salary"]);
        Assert.Equal("signé.pdf", Assert.Single(draft.Documents).FileName);
        Assert.Equal(2, draft.Version);
        Refused(draft, Owner, new WorkflowCommand.AttachDocument(new AttachedDocument("passport", "p.pdf", 1, "pdf")), RefusalCodes.UnknownDocument);
        Assert.Empty(Ok(draft, Owner, new WorkflowCommand.RemoveDocument("contract", "signé.pdf")).Documents);
    }

    [Fact]
    public void LapseDeadline_OnlyTheSystem_AppliesTheDefinitionsOutcome()
    {
        var app = Submitted();
        Refused(app, Desk, new WorkflowCommand.LapseDeadline(), RefusalCodes.NotYourRole);

        var lapsed = Run(app, Actor.System, new WorkflowCommand.LapseDeadline());

        Assert.Equal(ApplicationStatus.Approved, lapsed.Application!.Status);
        Assert.Equal([WorkflowEvents.DeadlineLapsed, WorkflowEvents.Decided], lapsed.Events.Select(e => e.Kind));
        var silent = Definition with { OnDeadline = "none" };
        Refused(app, Actor.System, new WorkflowCommand.LapseDeadline(), RefusalCodes.NoDeadlineOutcome, silent);
    }

    [Fact]
    public void Execute_OnAnotherVersionOfTheDefinition_IsRefused()
    {
        var republished = Definition with { ContentHash = "another" };

        Refused(Submitted(), Desk, Decide("reception", StepAction.Approve), RefusalCodes.WrongDefinition, republished);
        Assert.Empty(Flow.PermittedActions(republished, Submitted(), Desk));
    }

    [Fact]
    public void Acknowledge_EndsADeclarationAcknowledged()
    {
        var declaration = Load("""
            language: 1
            id: declaration-test
            title: { fr: "Déclaration", ar: "تصريح" }
            category: foreign-employment
            applicant: employer
            legal_basis: ["Essai"]
            deadline: { days: 5, calendar: business }
            privacy:
              purpose: { fr: "Instruction de la demande d'essai.", ar: "دراسة الطلب التجريبي." }
              recipients: { fr: "La délégation provinciale de l'emploi.", ar: "المندوبية الإقليمية للتشغيل." }
              retention: 5y
            sections:
              - id: request
                title: { fr: "Déclaration", ar: "التصريح" }
                fields:
                  - { id: headcount, type: number, required: true, label: { fr: "Effectif", ar: "عدد الأجراء" } }
            steps:
              - { id: reception, role: desk-agent, actions: [acknowledge, request_changes] }
            outputs: { receipt: receipt, acknowledged: acknowledgement, changes_requested: changes-requested }
            """, "declaration-test.yaml");
        var draft = Application.Start(declaration, 1, Guid.NewGuid(), Owner) with { Answers = Answers.From(new Dictionary<string, object?> { ["headcount"] = 4 }) };
        var submitted = Ok(draft, Owner, new WorkflowCommand.Submit("D-1"), declaration);

        var acknowledged = Ok(submitted, Reviewer("desk-agent"), Decide("reception", StepAction.Acknowledge), declaration);

        Assert.Equal(ApplicationStatus.Acknowledged, acknowledged.Status);
    }
}
