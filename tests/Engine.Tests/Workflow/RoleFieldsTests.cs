using EmploymentProcedures.Engine.Definitions;
using EmploymentProcedures.Engine.Diagnostics;
using EmploymentProcedures.Engine.Expressions;
using EmploymentProcedures.Engine.Tests.Support;
using EmploymentProcedures.Engine.Validation;
using EmploymentProcedures.Engine.Workflow;
using static EmploymentProcedures.Engine.Tests.Workflow.Circuit;

namespace EmploymentProcedures.Engine.Tests.Workflow;

/// <summary>Fields of a parallel step that belong to one of its roles (<c>role:</c> on the field), and the shared ones.</summary>
public sealed class RoleFieldsTests
{
    private static readonly ProcedureDefinition Filing = Load(
        File.ReadAllText(Path.Combine(Repository.Root, "tests", "Engine.Tests", "Workflow", "role-fields-test.yaml")), "role-fields-test.yaml");

    private static readonly StepDefinition Step = Filing.Steps[0];
    private static readonly Actor Desk = Reviewer("desk-agent");
    private static readonly Actor Clerk = Reviewer("court-clerk");

    private static Answers Fields(params (string Key, object? Value)[] values) => Answers.From(values.Select(v => KeyValuePair.Create(v.Key, v.Value)));

    private static Application Submitted() => Ok(Application.Start(Filing, 1, Guid.NewGuid(), Owner) with
    {
        Answers = Fields(("province", "casablanca"), ("title", "Convention d'entreprise")),
        Documents = [new AttachedDocument("text", "texte.pdf", 20_000, "pdf")],
    }, Owner, new WorkflowCommand.Submit("RF-2026-000001"), Filing);

    [Fact]
    public void Approve_RoleField_OnlyItsRoleIsHeldToItsRequired()
    {
        // The desk agent's opinion does not wait for the clerk's receipt number, and the clerk's does not wait for the desk agent's check.
        var desk = Ok(Submitted(), Desk, Decide("filing", StepAction.Approve, fields: Fields(("copies_complete", "true"))), Filing);
        Assert.Equal("filing", desk.Step);

        var missing = Refused(desk, Clerk, Decide("filing", StepAction.Approve), RefusalCodes.InvalidStepFields, Filing);
        Assert.Contains("receipt_number", missing.Message.Get("en"), StringComparison.Ordinal);
        Assert.DoesNotContain("copies_complete", missing.Message.Get("en"), StringComparison.Ordinal);

        var closed = Ok(desk, Clerk, Decide("filing", StepAction.Approve, fields: Fields(("receipt_number", "TPI-CAS-014"))), Filing);
        Assert.Equal("legality", closed.Step);
        Assert.Equal("true", closed.StepFields["filing"]["copies_complete"]);
        Assert.Equal("TPI-CAS-014", closed.StepFields["filing"]["receipt_number"]);
    }

    [Fact]
    public void Approve_AnotherRolesField_IsRefusedNamingTheRoleThatFillsIt()
    {
        var refusal = Refused(Submitted(), Desk,
            Decide("filing", StepAction.Approve, fields: Fields(("copies_complete", "true"), ("receipt_number", "TPI-CAS-014"))),
            RefusalCodes.NotYourField, Filing);

        Assert.Equal("The step's field 'receipt_number' is filled by another party: Court clerk's office.", refusal.Message.Get("en"));
        Assert.Contains("كتابة الضبط بالمحكمة", refusal.Message.Get("ar"), StringComparison.Ordinal);
    }

    [Fact]
    public void Approve_GroupOfOneRole_ItsRowsAreCheckedWithTheirConditions_AndTheOtherRoleCannotGiveThem()
    {
        static Answers Hearing(params (string Key, object? Value)[] row) => Fields(row);
        var rows = new List<Answers> { Hearing(("heard", "Mme Alaoui"), ("capacity", "Secrétaire générale")), Hearing(("heard", "M. Bennani")) };

        // The second row names someone without their capacity: its 'required: not empty(heard)' holds.
        var incomplete = Refused(Submitted(), Clerk, Decide("filing", StepAction.Approve, fields: Fields(("receipt_number", "R-1"), ("hearings", rows))),
            RefusalCodes.InvalidStepFields, Filing);
        Assert.Contains("hearings[1].capacity", incomplete.Message.Get("en"), StringComparison.Ordinal);

        rows[1] = Hearing(("heard", "M. Bennani"), ("capacity", "Gérant"));
        var clerk = Ok(Submitted(), Clerk, Decide("filing", StepAction.Approve, fields: Fields(("receipt_number", "R-1"), ("hearings", rows))), Filing);
        Assert.Equal(2, Assert.IsAssignableFrom<System.Collections.IList>(clerk.StepFields["filing"]["hearings"]).Count);

        Refused(Submitted(), Desk, Decide("filing", StepAction.Approve, fields: Fields(("copies_complete", "true"), ("hearings", rows))),
            RefusalCodes.NotYourField, Filing);
    }

    [Fact]
    public void RecordedBefore_ALaterStep_GivesEachRolesOwnFieldsThenTheShared_AndNothingToTheApplicantOrAtTheStepItself()
    {
        var desk = Ok(Submitted(), Desk, Decide("filing", StepAction.Approve, fields: Fields(("copies_complete", "true"), ("note", "vu"))), Filing);
        Assert.Empty(ReviewerFields.RecordedBefore(Filing, desk, Clerk));

        var atLegality = Ok(desk, Clerk, Decide("filing", StepAction.Approve, fields: Fields(("receipt_number", "R-1"))), Filing);
        var recorded = ReviewerFields.RecordedBefore(Filing, atLegality, Reviewer("labour-directorate"));

        Assert.Equal([("filing", "desk-agent"), ("filing", "court-clerk"), ("filing", null)], recorded.Select(r => (r.Step.Id, r.Role)));
        Assert.Equal(["copies_complete"], recorded[0].Answers.Keys);
        Assert.Equal(["receipt_number"], recorded[1].Answers.Keys);
        Assert.Equal(["note"], recorded[2].Form.Sections.Single().Fields.Select(f => f.Id));
        Assert.Equal("vu", recorded[2].Answers["note"]);
        Assert.Empty(ReviewerFields.RecordedBefore(Filing, atLegality, Owner));
    }

    [Fact]
    public void Decide_AfterOneRoleRecorded_TheOtherNeverChangesItsFields()
    {
        var desk = Ok(Submitted(), Desk, Decide("filing", StepAction.Approve, fields: Fields(("copies_complete", "false"), ("note", "desk"))), Filing);

        var closed = Ok(desk, Clerk, Decide("filing", StepAction.Approve, fields: Fields(("receipt_number", "R-1"), ("note", "clerk"))), Filing);

        Assert.Equal("false", closed.StepFields["filing"]["copies_complete"]);
        Assert.Equal("clerk", closed.StepFields["filing"]["note"]);
    }

    [Fact]
    public void Reject_RoleField_IsNotRequiredButStillCheckedByType()
    {
        var rejected = Ok(Submitted(), Clerk, Decide("filing", StepAction.Reject, comment: "Pas un texte signé"), Filing);
        Assert.Equal(ApplicationStatus.Rejected, rejected.Status);

        Refused(Submitted(), Clerk, Decide("filing", StepAction.Reject, comment: "Non", fields: Fields(("receipt_number", new string('9', 21)))),
            RefusalCodes.InvalidStepFields, Filing);
    }

    [Fact]
    public void FormOf_Role_IsTheSharedFieldsAndItsOwn()
    {
        static IEnumerable<string> Ids(ProcedureDefinition form) => form.Sections.Single().Fields.Select(f => f.Id);

        Assert.Equal(["copies_complete", "note"], Ids(ReviewerFields.FormOf(Step, "desk-agent")));
        Assert.Equal(["receipt_number", "hearings", "note"], Ids(ReviewerFields.FormOf(Step, "court-clerk")));
        Assert.Equal(["copies_complete", "receipt_number", "hearings", "note"], Ids(ReviewerFields.FormOf(Step, null)));
        Assert.Equal(["receipt_number", "hearings"], Ids(ReviewerFields.OwnFormOf(Step, "court-clerk")));
        Assert.Same(ReviewerFields.FormOf(Step, "desk-agent"), ReviewerFields.FormOf(Step, "desk-agent"));
    }

    [Fact]
    public void Check_Role_IgnoresWhatTheOtherRoleRecordedAndMustAnswer()
    {
        var kept = Fields(("receipt_number", new string('9', 30)));

        var desk = ReviewerFields.Check(Step, "desk-agent", kept, Fields(("copies_complete", "true")), StepAction.Approve, new EvaluationContext(Today));
        var clerk = ReviewerFields.Check(Step, "court-clerk", kept, Answers.Empty, StepAction.Approve, new EvaluationContext(Today));

        Assert.True(desk.IsValid, string.Join(", ", desk.Errors.Select(e => e.Path)));
        Assert.Equal(["receipt_number"], clerk.Errors.Select(e => e.Path).Distinct());
    }

    [Fact]
    public void Of_Role_KeepsOnlyTheAnswersThatRoleFills()
    {
        var recorded = Fields(("copies_complete", "true"), ("receipt_number", "R-1"), ("note", "n"));

        Assert.Equal(["copies_complete", "note"], ReviewerFields.Of(Step, "desk-agent", recorded).Keys.Order(StringComparer.Ordinal));
        Assert.Same(recorded, ReviewerFields.Of(Step, null, recorded));
    }

    [Fact]
    public void ScenarioRunner_ActionsRole_FillsThatRolesFields_AndAnotherRolesFieldFailsTheScenarioSayingWhy()
    {
        var at = new SourceSpan("role-fields-test.yaml", 1, 1);
        ScenarioAction Action(string? role, Answers fields, StepAction action = StepAction.Approve, string step = "filing") =>
            new() { Step = step, Action = action, Role = role, Fields = fields, Span = at };
        var both = new ScenarioDefinition
        {
            Name = "both-receipts",
            Today = Today,
            Answers = Fields(("province", "casablanca"), ("title", "Convention d'entreprise")),
            Documents = ["text"],
            Actions =
            [
                Action("desk-agent", Fields(("copies_complete", "true"))),
                Action("court-clerk", Fields(("receipt_number", "R-1"))),
                Action(null, Answers.Empty, StepAction.Acknowledge, "legality"),
            ],
            ExpectStatus = "acknowledged",
            Span = at,
        };
        var wrongRole = both with { Name = "clerk-field-as-first-role", Actions = [Action(null, Fields(("copies_complete", "true"), ("receipt_number", "R-1")))], ExpectStatus = "in_review" };

        var results = ScenarioRunner.Run(Filing with { Tests = [both, wrongRole] }, Library.Roles);

        Assert.True(results[0].Passed, results[0].Detail);
        Assert.False(results[1].Passed);
        Assert.Contains("'receipt_number' is filled by another party: Court clerk's office", results[1].Detail, StringComparison.Ordinal);
    }
}
