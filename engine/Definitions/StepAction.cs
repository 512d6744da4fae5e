namespace EmploymentProcedures.Engine.Definitions;

public enum StepAction
{
    Approve,
    Reject,
    RequestChanges,
    Return,
    Acknowledge,
}

public static class StepActions
{
    public static readonly IReadOnlyDictionary<string, StepAction> ByName = new Dictionary<string, StepAction>
    {
        ["approve"] = StepAction.Approve,
        ["reject"] = StepAction.Reject,
        ["request_changes"] = StepAction.RequestChanges,
        ["return"] = StepAction.Return,
        ["acknowledge"] = StepAction.Acknowledge,
    };

    public static string Name(this StepAction action) => action switch
    {
        StepAction.Approve => "approve",
        StepAction.Reject => "reject",
        StepAction.RequestChanges => "request_changes",
        StepAction.Return => "return",
        StepAction.Acknowledge => "acknowledge",
        _ => throw new ArgumentOutOfRangeException(nameof(action)),
    };
}
