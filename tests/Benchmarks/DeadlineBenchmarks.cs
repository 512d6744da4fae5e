using BenchmarkDotNet.Attributes;
using EmploymentProcedures.Engine.Deadlines;
using EmploymentProcedures.Engine.Definitions;
using EmploymentProcedures.Engine.Diagnostics;
using EmploymentProcedures.Engine.Loading;

namespace EmploymentProcedures.Benchmarks;

/// <summary>
/// The deadline clock on the repository's calendar.yaml: an inbox of a few hundred applications evaluates one
/// deadline per row, so each call must stay well under a microsecond.
/// </summary>
[MemoryDiagnoser]
public class DeadlineBenchmarks
{
    private static readonly DateOnly Start = new(2026, 3, 2);
    private static readonly DeadlineDefinition SixtyBusinessDays = new(60, CalendarKind.Business, SourceSpan.None("bench.yaml"));

    private readonly DeadlinePause[] _threePauses =
    [
        new(new DateOnly(2026, 3, 4), new DateOnly(2026, 3, 9)),
        new(new DateOnly(2026, 4, 1), new DateOnly(2026, 4, 15)),
        new(new DateOnly(2026, 5, 11), new DateOnly(2026, 5, 12)),
    ];

    private BusinessCalendar _calendar = null!;

    [GlobalSetup]
    public void Setup()
    {
        var library = ProcedureLibrary.Load(Paths.Procedures);
        if (library.Diagnostics.Count > 0 || !library.Calendar.Covers(2026))
            throw new InvalidOperationException("the repository calendar must load cleanly and cover 2026: " + string.Join("; ", library.Diagnostics));
        _calendar = library.Calendar;
    }

    [Benchmark]
    public DateOnly AddSixtyBusinessDays() => _calendar.AddDays(Start, 60, CalendarKind.Business);

    [Benchmark]
    public DateOnly? DueDateWithThreePauses() => DeadlineClock.DueDate(_calendar, Start, SixtyBusinessDays, null, _threePauses);

    [Benchmark]
    public DeadlineState EvaluateWithThreePauses() => DeadlineClock.Evaluate(_calendar, Start, SixtyBusinessDays, null, _threePauses, new DateOnly(2026, 5, 20)).State;
}
