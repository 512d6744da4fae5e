using EmploymentProcedures.Engine.Definitions;
using EmploymentProcedures.Engine.Validation;

namespace EmploymentProcedures.Engine.Workflow;

/// <summary>
/// What a prefilled link did to a draft when it started it (<see cref="PrefillLink"/>): the fields it filled, which the form
/// marks so the applicant checks them, and the values it left aside, which the form lists with their reasons.
/// </summary>
/// <param name="Fields">The validator's paths of the answers the link gave.</param>
/// <param name="Ignored">The link's values not taken, each with its reason.</param>
/// <param name="Refusal">Why the link was not read at all (too many values); null when it was.</param>
public sealed record PrefilledLink(IReadOnlyList<string> Fields, IReadOnlyList<IgnoredValue> Ignored, LocalizedText? Refusal = null);
