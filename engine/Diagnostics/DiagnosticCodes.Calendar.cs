namespace EmploymentProcedures.Engine.Diagnostics;

/// <summary>
/// Calendar diagnostics, EP0700–EP0799: problems in <c>procedures/calendar.yaml</c> (weekend, fixed and
/// dated holidays). Shape problems shared with definitions keep their codes (EP0101 unknown key, EP0102
/// missing key, EP0103 wrong kind of value, EP0301 missing translation).
/// </summary>
public static partial class DiagnosticCodes
{
    /// <summary>{0} what the entry is ("fixed holiday", "holiday of 2026"), {1} the text written, {2} the fix.</summary>
    public static readonly DiagnosticDescriptor CalendarInvalidDate =
        Error("EP0701", "{0} '{1}' is not a valid date; {2}");

    /// <summary>{0} the name written, {1} " (did you mean 'x'?)" or "".</summary>
    public static readonly DiagnosticDescriptor CalendarUnknownWeekday =
        Error("EP0702", "unknown weekday '{0}'{1}; write monday, tuesday, wednesday, thursday, friday, saturday or sunday");

    /// <summary>{0} what is repeated ("weekday", "fixed holiday", "holiday"), {1} the value, {2} the line of the first one.</summary>
    public static readonly DiagnosticDescriptor CalendarDuplicate =
        Error("EP0703", "{0} '{1}' is listed twice (first at line {2}); remove one");

    /// <summary>{0} the key written, {1} the first year accepted, {2} the last.</summary>
    public static readonly DiagnosticDescriptor CalendarYearOutOfRange =
        Error("EP0704", "'{0}' is not a year from {1} to {2}; the keys of 'by_year:' are years such as 2026");

    /// <summary>{0} the date, {1} the year it is listed under.</summary>
    public static readonly DiagnosticDescriptor CalendarDateInOtherYear =
        Error("EP0705", "holiday '{0}' is listed under year {1}; move it under its own year");

    public static readonly DiagnosticDescriptor CalendarNoBusinessDay =
        Error("EP0706", "every day of the week is a weekend day, so no deadline in business days could ever end; keep at least one working day");

    /// <summary>{0} the year.</summary>
    public static readonly DiagnosticDescriptor CalendarYearWithoutHolidays =
        Error("EP0707", "year {0} lists no holidays; list its holidays or remove the year (a listed year counts as known)");

    /// <summary>{0} the year missing between two listed years.</summary>
    public static readonly DiagnosticDescriptor CalendarCoverageGap =
        Warning("EP0708", "'by_year:' skips {0}: its dated (Islamic) holidays are unknown, so business-day deadlines would count them as working days; add the year");
}
