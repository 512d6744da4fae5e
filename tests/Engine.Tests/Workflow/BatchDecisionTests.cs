using EmploymentProcedures.Engine.Definitions;
using EmploymentProcedures.Engine.Workflow;
using static EmploymentProcedures.Engine.Tests.Workflow.Circuit;

namespace EmploymentProcedures.Engine.Tests.Workflow;

/// <summary>Which decisions a reviewer may take on several files at once: those that need nothing but their word.</summary>
public sealed class BatchDecisionTests
{
    private static readonly Actor Desk = Reviewer("desk-agent");
    private static readonly Actor Inspector = Reviewer("labour-inspector");

    [Fact]
    public void RefusalInBatch_ApproveWherePermittedAndNoFieldIsRequired_IsNone()
    {
        Assert.Null(Flow.RefusalInBatch(Definition, Submitted(), Desk, StepAction.Approve));
    }

    [Fact]
    public void RefusalInBatch_StepWithARequiredReviewerField_SendsToTheCasePage()
    {
        var atInspection = Ok(Submitted(headcount: 80), Desk, Decide("reception", StepAction.Approve));

        var refusal = Flow.RefusalInBatch(Definition, atInspection, Inspector, StepAction.Approve);

        Assert.Equal(RefusalCodes.StepFieldsRequired, refusal?.Code);
        Assert.Contains(Flow.PermittedActions(Definition, atInspection, Inspector), a => a.Action == StepAction.Approve);
    }

    [Fact]
    public void RefusalInBatch_NotPermitted_GivesTheReasonTheDecisionWouldGet()
    {
        var app = Submitted();

        Assert.Equal(RefusalCodes.ActionNotOffered, Flow.RefusalInBatch(Definition, app, Desk, StepAction.Acknowledge)?.Code);
        Assert.Equal(RefusalCodes.NotYours, Flow.RefusalInBatch(Definition, app, Reviewer("desk-agent", "rabat"), StepAction.Approve)?.Code);
        Assert.Equal(RefusalCodes.NotYourRole, Flow.RefusalInBatch(Definition, app, Inspector, StepAction.Approve)?.Code);
        Assert.Equal(RefusalCodes.NotYours, Flow.RefusalInBatch(Definition, app, Stranger, StepAction.Approve)?.Code);
        Assert.Equal(RefusalCodes.NotYourRole, Flow.RefusalInBatch(Definition, app, Owner, StepAction.Approve)?.Code);
        var moved = Ok(app, Desk, Decide("reception", StepAction.Approve));
        Assert.Equal(RefusalCodes.NotYourRole, Flow.RefusalInBatch(Definition, moved, Desk, StepAction.Approve)?.Code);
        var rejected = Ok(app, Desk, Decide("reception", StepAction.Reject, "Hors champ"));
        Assert.Equal(RefusalCodes.NotAtStep, Flow.RefusalInBatch(Definition, rejected, Desk, StepAction.Approve)?.Code);
    }

    [Theory]
    [InlineData(StepAction.Reject)]
    [InlineData(StepAction.RequestChanges)]
    [InlineData(StepAction.Return)]
    public void RefusalInBatch_ActionNeedingAReasonPerFile_IsNotABatchAction(StepAction action)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Flow.RefusalInBatch(Definition, Submitted(), Desk, action));
    }
}
