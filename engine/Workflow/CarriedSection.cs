namespace EmploymentProcedures.Engine.Workflow;

/// <summary>
/// A section of a draft filled, when it was started, from the applicant's own earlier application ("tell us once"):
/// which section, and the application it came from, as the form tells the person ("from your application
/// <paramref name="Reference"/> of <paramref name="SubmittedOn"/>") until they submit or empty it.
/// </summary>
/// <param name="Section">The section's id in the draft's definition.</param>
/// <param name="Reference">The reference of the application the answers were taken from.</param>
/// <param name="SubmittedOn">The day that application was first submitted.</param>
public sealed record CarriedSection(string Section, string Reference, DateOnly SubmittedOn);
