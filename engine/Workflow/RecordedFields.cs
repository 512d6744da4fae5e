using EmploymentProcedures.Engine.Definitions;
using EmploymentProcedures.Engine.Validation;

namespace EmploymentProcedures.Engine.Workflow;

/// <summary>
/// What the reviewers recorded in a step's fields, as a read-only form and its answers: the whole step's for a step with
/// one role; on a parallel step, one for each role's own fields and one for the shared ones.
/// </summary>
/// <param name="Role">The role whose own fields these are; null for a step with one role, or a parallel step's shared fields.</param>
/// <param name="Form">The fields as a one-section definition (<see cref="ReviewerFields.FormOf"/>), to render read-only.</param>
/// <param name="Answers">What was recorded in them; never empty.</param>
public sealed record RecordedFields(StepDefinition Step, string? Role, ProcedureDefinition Form, Answers Answers);
