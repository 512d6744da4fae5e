using EmploymentProcedures.Engine.Definitions;

namespace EmploymentProcedures.Engine.Deadlines;

/// <summary>A public holiday on a given date, with its name in French, Arabic and English.</summary>
/// <param name="EveryYear">True for the holidays of <c>fixed:</c> (same month and day every year), false for those of <c>by_year:</c>.</param>
public sealed record Holiday(DateOnly Date, LocalizedText Name, bool EveryYear);
