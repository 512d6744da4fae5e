using EmploymentProcedures.Engine.Definitions;

namespace EmploymentProcedures.Engine.Deadlines;

/// <summary>A holiday of <c>fixed:</c>: the same month and day every year.</summary>
internal sealed record FixedHoliday(int Month, int Day, LocalizedText Name);
