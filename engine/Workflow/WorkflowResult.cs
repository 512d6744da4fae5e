using EmploymentProcedures.Engine.Validation;

namespace EmploymentProcedures.Engine.Workflow;

/// <summary>
/// The outcome of a command: the next application and what happened, or a refusal with its reason,
/// or (for a submission) the validation errors. Never an exception.
/// </summary>
public sealed record WorkflowResult
{
    public Application? Application { get; private init; }
    public IReadOnlyList<WorkflowEvent> Events { get; private init; } = [];
    public Refusal? Refusal { get; private init; }
    public ValidationReport? Validation { get; private init; }

    public bool Succeeded => Application is not null;

    public static WorkflowResult Done(Application application, IReadOnlyList<WorkflowEvent> events) => new() { Application = application, Events = events };

    public static WorkflowResult Refused(Refusal refusal) => new() { Refusal = refusal };

    public static WorkflowResult Invalid(ValidationReport report) => new() { Validation = report };

    public override string ToString() =>
        Refusal is not null ? Refusal.ToString()
        : Validation is not null ? "invalid: " + string.Join(", ", Validation.Errors.Select(e => e.Path))
        : Application!.Status.Name();
}
