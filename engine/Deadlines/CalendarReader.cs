using System.Globalization;
using EmploymentProcedures.Engine.Definitions;
using EmploymentProcedures.Engine.Diagnostics;
using EmploymentProcedures.Engine.Loading;

namespace EmploymentProcedures.Engine.Deadlines;

/// <summary>
/// Reads <c>calendar.yaml</c> with the definitions' safe reader (pre-scan, then <see cref="YamlReader"/>) and
/// checks every entry, reporting each problem at its line and column. Entries with a problem are left out of
/// the calendar; everything else is kept, so one typo does not lose the whole calendar.
/// </summary>
internal sealed class CalendarReader
{
    private static readonly string[] TopKeys = ["weekend", "fixed", "by_year"];
    private static readonly string[] HolidayKeys = ["date", "name"];

    private static readonly Dictionary<string, DayOfWeek> Weekdays = new(StringComparer.Ordinal)
    {
        ["monday"] = DayOfWeek.Monday,
        ["tuesday"] = DayOfWeek.Tuesday,
        ["wednesday"] = DayOfWeek.Wednesday,
        ["thursday"] = DayOfWeek.Thursday,
        ["friday"] = DayOfWeek.Friday,
        ["saturday"] = DayOfWeek.Saturday,
        ["sunday"] = DayOfWeek.Sunday,
    };

    private readonly List<Diagnostic> _diagnostics = [];
    private readonly List<DayOfWeek> _weekend = [];
    private readonly List<FixedHoliday> _fixed = [];
    private readonly List<Holiday> _dated = [];
    private readonly List<int> _years = [];

    public static CalendarLoadResult ReadFile(string file, LoaderLimits limits)
    {
        var path = ProcedureLibrary.DisplayPath(file);
        try
        {
            var info = new FileInfo(file);
            if (info.Exists && info.Length > limits.MaxBytes)
                return new CalendarLoadResult(BusinessCalendar.Empty, [DiagnosticCodes.FileTooLarge.At(new SourceSpan(path, 1, 1), info.Length, limits.MaxBytes)]);
            return Read(File.ReadAllBytes(file), path, limits);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new CalendarLoadResult(BusinessCalendar.Empty, [DiagnosticCodes.Unreadable.At(SourceSpan.None(path), e.Message)]);
        }
    }

    public static CalendarLoadResult Read(ReadOnlySpan<byte> bytes, string path, LoaderLimits limits)
    {
        var reader = new CalendarReader();
        var text = PreScan.Decode(bytes, path, limits, reader._diagnostics);
        var root = text is null ? null : YamlReader.Read(text, path, limits, reader._diagnostics);
        switch (root)
        {
            case null:
                return new CalendarLoadResult(BusinessCalendar.Empty, InFileOrder(reader._diagnostics));
            case YamlMapping map:
                reader.ReadRoot(map);
                break;
            default:
                reader._diagnostics.Add(DiagnosticCodes.WrongType.At(root.Span, "calendar", "a mapping with the keys weekend, fixed and by_year", Describe(root)));
                break;
        }
        var calendar = new BusinessCalendar(reader._weekend, reader._fixed, reader._dated, reader._years);
        return new CalendarLoadResult(calendar, InFileOrder(reader._diagnostics));
    }

    /// <summary>By position, as the definition loader orders its findings.</summary>
    private static List<Diagnostic> InFileOrder(List<Diagnostic> diagnostics) =>
        diagnostics.OrderBy(d => d.Span.Line).ThenBy(d => d.Span.Column).ThenBy(d => d.Code, StringComparer.Ordinal).ToList();

    private void ReadRoot(YamlMapping root)
    {
        foreach (var entry in root.Entries.Where(e => !TopKeys.Contains(e.Key.Value)))
            _diagnostics.Add(DiagnosticCodes.UnknownKey.At(entry.Key.Span, entry.Key.Value, "the calendar", KeyHint(entry.Key.Value, TopKeys)));

        if (root.Find("weekend") is not { } weekend)
            _diagnostics.Add(DiagnosticCodes.MissingKey.At(root.Span, "The calendar", "weekend"));
        else
            ReadWeekend(weekend.Value);

        switch (root["fixed"])
        {
            case null or YamlScalar { IsNull: true }:
                break;
            case YamlSequence list:
                ReadFixed(list);
                break;
            case var other:
                _diagnostics.Add(DiagnosticCodes.WrongType.At(other.Span, "fixed", "a list of holidays ({ date: \"MM-DD\", name: ... })", Describe(other)));
                break;
        }

        switch (root["by_year"])
        {
            case null or YamlScalar { IsNull: true }:
                break;
            case YamlMapping years:
                ReadYears(years);
                break;
            case var other:
                _diagnostics.Add(DiagnosticCodes.WrongType.At(other.Span, "by_year", "a mapping of years to lists of holidays", Describe(other)));
                break;
        }
    }

    private void ReadWeekend(YamlNode node)
    {
        if (node is not YamlSequence list)
        {
            _diagnostics.Add(DiagnosticCodes.WrongType.At(node.Span, "weekend", "a list of weekdays such as [saturday, sunday]", Describe(node)));
            return;
        }

        var seen = new Dictionary<DayOfWeek, int>();
        foreach (var item in list.Items)
        {
            if (item is not YamlScalar { IsNull: false } name)
            {
                _diagnostics.Add(DiagnosticCodes.WrongType.At(item.Span, "weekend", "a weekday such as saturday", Describe(item)));
                continue;
            }
            if (!Weekdays.TryGetValue(name.Value, out var day))
            {
                _diagnostics.Add(DiagnosticCodes.CalendarUnknownWeekday.At(name.Span, name.Value, Suggestions.DidYouMean(name.Value, Weekdays.Keys)));
                continue;
            }
            if (!seen.TryAdd(day, name.Span.Line))
            {
                _diagnostics.Add(DiagnosticCodes.CalendarDuplicate.At(name.Span, "weekday", name.Value, seen[day]));
                continue;
            }
            _weekend.Add(day);
        }
        if (_weekend.Count == 7)
            _diagnostics.Add(DiagnosticCodes.CalendarNoBusinessDay.At(list.Span));
    }

    private void ReadFixed(YamlSequence list)
    {
        var seen = new Dictionary<(int, int), int>();
        foreach (var item in list.Items)
        {
            if (ReadHoliday(item, "fixed holiday") is not { } holiday)
                continue;
            var (dateNode, name) = holiday;
            var text = dateNode.Value;
            if (!TryParseMonthDay(text, out var month, out var day))
            {
                var fix = text == "02-29"
                    ? "29 February exists only in leap years; list such a holiday under 'by_year:' instead"
                    : "write it as MM-DD (month-day, two digits each), e.g. \"05-01\"; fixed holidays come back every year";
                _diagnostics.Add(DiagnosticCodes.CalendarInvalidDate.At(dateNode.Span, "fixed holiday", text, fix));
                continue;
            }
            if (!seen.TryAdd((month, day), dateNode.Span.Line))
            {
                _diagnostics.Add(DiagnosticCodes.CalendarDuplicate.At(dateNode.Span, "fixed holiday", text, seen[(month, day)]));
                continue;
            }
            _fixed.Add(new FixedHoliday(month, day, name));
        }
    }

    private void ReadYears(YamlMapping years)
    {
        var seen = new Dictionary<DateOnly, int>();
        var listed = new List<(int Year, YamlScalar Key)>();
        foreach (var (key, value) in years.Entries.Select(e => (e.Key, e.Value)))
        {
            if (!int.TryParse(key.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var year)
                || year is < BusinessCalendar.FirstYear or > BusinessCalendar.LastYear)
            {
                _diagnostics.Add(DiagnosticCodes.CalendarYearOutOfRange.At(key.Span, key.Value, BusinessCalendar.FirstYear, BusinessCalendar.LastYear));
                continue;
            }
            if (value is YamlScalar { IsNull: true } or YamlSequence { Items.Count: 0 })
            {
                _diagnostics.Add(DiagnosticCodes.CalendarYearWithoutHolidays.At(key.Span, year));
                continue;
            }
            if (value is not YamlSequence list)
            {
                _diagnostics.Add(DiagnosticCodes.WrongType.At(value.Span, key.Value, "a list of holidays ({ date: \"YYYY-MM-DD\", name: ... })", Describe(value)));
                continue;
            }

            listed.Add((year, key));
            _years.Add(year);
            foreach (var item in list.Items)
            {
                if (ReadHoliday(item, $"holiday of {year}") is not { } holiday)
                    continue;
                var (dateNode, name) = holiday;
                var text = dateNode.Value;
                if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                {
                    _diagnostics.Add(DiagnosticCodes.CalendarInvalidDate.At(dateNode.Span, $"holiday of {year}", text, "write it as YYYY-MM-DD, e.g. \"2026-03-21\""));
                    continue;
                }
                if (date.Year != year)
                {
                    _diagnostics.Add(DiagnosticCodes.CalendarDateInOtherYear.At(dateNode.Span, text, year));
                    continue;
                }
                if (!seen.TryAdd(date, dateNode.Span.Line))
                {
                    _diagnostics.Add(DiagnosticCodes.CalendarDuplicate.At(dateNode.Span, "holiday", text, seen[date]));
                    continue;
                }
                _dated.Add(new Holiday(date, name, EveryYear: false));
            }
        }

        var ordered = listed.OrderBy(y => y.Year).ToList();
        for (var i = 1; i < ordered.Count; i++)
        {
            for (var missing = ordered[i - 1].Year + 1; missing < ordered[i].Year; missing++)
                _diagnostics.Add(DiagnosticCodes.CalendarCoverageGap.At(ordered[i].Key.Span, missing));
        }
    }

    /// <summary>
    /// The date scalar and the name of one holiday entry, or null when the entry has no usable date. A missing
    /// or incomplete name is reported but keeps the holiday: the day off matters more than its label.
    /// </summary>
    private (YamlScalar Date, LocalizedText Name)? ReadHoliday(YamlNode item, string what)
    {
        if (item is not YamlMapping entry)
        {
            _diagnostics.Add(DiagnosticCodes.WrongType.At(item.Span, what, "a mapping { date: ..., name: { fr: ..., ar: ... } }", Describe(item)));
            return null;
        }

        var dateText = entry.Text("date");
        var label = dateText is null ? $"a {what}" : $"{what} '{dateText}'";
        foreach (var key in entry.Entries.Select(e => e.Key).Where(k => !HolidayKeys.Contains(k.Value)))
            _diagnostics.Add(DiagnosticCodes.UnknownKey.At(key.Span, key.Value, label, KeyHint(key.Value, HolidayKeys)));

        var name = ReadName(entry, label);
        switch (entry["date"])
        {
            case YamlScalar { IsNull: false } date:
                return (date, name);
            case null or YamlScalar { IsNull: true }:
                _diagnostics.Add(DiagnosticCodes.MissingKey.At(entry.Span, Capitalise(label), "date"));
                return null;
            case var other:
                _diagnostics.Add(DiagnosticCodes.WrongType.At(other.Span, "date", "a date in quotes", Describe(other)));
                return null;
        }
    }

    private LocalizedText ReadName(YamlMapping entry, string label)
    {
        switch (entry["name"])
        {
            case null or YamlScalar { IsNull: true }:
                _diagnostics.Add(DiagnosticCodes.MissingKey.At(entry.Span, Capitalise(label), "name"));
                return new LocalizedText(new Dictionary<string, string>());
            case YamlMapping:
                var name = entry.Localized("name")!;
                foreach (var language in LocalizedText.RequiredLanguages.Where(l => !name.Has(l)))
                {
                    var languageName = language == "fr" ? "French (fr)" : "Arabic (ar)";
                    _diagnostics.Add(DiagnosticCodes.MissingTranslation.At(entry.SpanOf("name"), $"The name of {label}", languageName));
                }
                return name;
            case var other:
                _diagnostics.Add(DiagnosticCodes.WrongType.At(other.Span, "name", "a text per language ({ fr: ..., ar: ... })", Describe(other)));
                return new LocalizedText(new Dictionary<string, string>());
        }
    }

    private static bool TryParseMonthDay(string text, out int month, out int day)
    {
        (month, day) = (0, 0);
        // 2000 is a leap year, so every month-day of some year parses; 29 February is then refused because a
        // fixed holiday must exist every year.
        if (text.Length != 5
            || !DateOnly.TryParseExact("2000-" + text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            || date is { Month: 2, Day: 29 })
            return false;
        (month, day) = (date.Month, date.Day);
        return true;
    }

    private static string KeyHint(string key, IReadOnlyList<string> known) =>
        Suggestions.Closest(key, known) is { } match ? $" (did you mean '{match}'?)" : $"; known keys: {string.Join(", ", known)}";

    private static string Describe(YamlNode node) => node switch
    {
        YamlScalar { IsNull: true } => "empty",
        YamlScalar s => $"the text '{s.Value}'",
        YamlSequence => "a list",
        _ => "a mapping",
    };

    private static string Capitalise(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
