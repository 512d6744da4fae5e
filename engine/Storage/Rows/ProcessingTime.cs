using EmploymentProcedures.Engine.Definitions;

namespace EmploymentProcedures.Engine.Storage.Rows;

/// <summary>
/// How many decisions of one month, procedure and province took exactly <see cref="Days"/> days of the
/// <see cref="Calendar"/> kind (from the submission, the days paused for changes not counted): a histogram the median is
/// read from. Each decision counts once in business days (the dashboard's unit) and once in calendar days (the public
/// statistics give a procedure's median in the unit of its legal deadline). Kept per province and for all provinces
/// together (<see cref="MonthlyFigure.AllProvinces"/>), like the monthly figures.
/// </summary>
internal sealed class ProcessingTime
{
    public DateOnly Month { get; set; }
    public required string ProcedureId { get; set; }
    public required string Province { get; set; }
    public CalendarKind Calendar { get; set; }
    public int Days { get; set; }
    public int Count { get; set; }
}
