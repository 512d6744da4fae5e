namespace EmploymentProcedures.Engine.Storage.Rows;

/// <summary>
/// How many decisions of one month, procedure and province took exactly <see cref="BusinessDays"/> business days
/// (from the submission, the days paused for changes not counted): a histogram the median is read from. Kept per
/// province and for all provinces together (<see cref="MonthlyFigure.AllProvinces"/>), like the monthly figures.
/// </summary>
internal sealed class ProcessingTime
{
    public DateOnly Month { get; set; }
    public required string ProcedureId { get; set; }
    public required string Province { get; set; }
    public int BusinessDays { get; set; }
    public int Count { get; set; }
}
