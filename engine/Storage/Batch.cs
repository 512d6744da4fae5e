using EmploymentProcedures.Engine.Definitions;
using EmploymentProcedures.Engine.Workflow;

namespace EmploymentProcedures.Engine.Storage;

/// <summary>
/// What a reviewer may do to several applications at once from the inbox: claim, release, and the two decisions that
/// need nothing but their word. Rejecting, requesting changes and returning need a reason per file, so they are not here.
/// </summary>
public enum BatchAction
{
    Claim,
    Release,
    Acknowledge,
    Approve,

    /// <summary>Puts a label on each file (<see cref="Applications.LabelAllAsync"/>): not among <see cref="BatchActions.All"/>, it names its label.</summary>
    AddLabel,

    /// <summary>Takes a label off each file (<see cref="Applications.LabelAllAsync"/>).</summary>
    RemoveLabel,

    /// <summary>Writes the same message to each file's applicant (<see cref="Applications.MessageAllAsync"/>): it carries its text and files.</summary>
    Message,
}

public static class BatchActions
{
    /// <summary>Every batch action, in the order the inbox offers them.</summary>
    public static readonly IReadOnlyList<BatchAction> All = [BatchAction.Claim, BatchAction.Release, BatchAction.Acknowledge, BatchAction.Approve];

    /// <summary>What <see cref="Applications.CheckBatchAsync"/> answers for: every action of <see cref="All"/>, then writing to the applicants.</summary>
    public static readonly IReadOnlyList<BatchAction> Checked = [.. All, BatchAction.Message];

    /// <summary>The step action a batch decision takes; null for a claim or a release.</summary>
    public static StepAction? Decision(this BatchAction action) => action switch
    {
        BatchAction.Acknowledge => StepAction.Acknowledge,
        BatchAction.Approve => StepAction.Approve,
        _ => null,
    };
}

/// <summary>
/// One application of a batch: done (<see cref="Refusal"/> null), or refused with the reason, as the single action would be.
/// <paramref name="Reference"/> is null when the application is not the reviewer's to see (nothing of it is told).
/// </summary>
public sealed record BatchLine(Guid ApplicationId, string? Reference, Refusal? Refusal)
{
    public bool Done => Refusal is null;
}

/// <summary>What <see cref="BatchAction"/> did (or, checked beforehand, would do) to each application, in the order they were given.</summary>
public sealed record BatchResult(BatchAction Action, IReadOnlyList<BatchLine> Lines)
{
    public IReadOnlyList<BatchLine> Done => [.. Lines.Where(l => l.Done)];

    public IReadOnlyList<BatchLine> Refused => [.. Lines.Where(l => !l.Done)];
}
