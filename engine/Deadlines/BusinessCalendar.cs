using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;
using System.Numerics;
using EmploymentProcedures.Engine.Definitions;
using EmploymentProcedures.Engine.Loading;

namespace EmploymentProcedures.Engine.Deadlines;

/// <summary>
/// Morocco's working calendar, read from <c>procedures/calendar.yaml</c>: the weekend days, the holidays of
/// <c>fixed:</c> (every year) and those of <c>by_year:</c> (the Islamic feasts, which follow the lunar
/// calendar). Immutable and safe to share between threads.
/// </summary>
/// <remarks>
/// Counting never includes the start day: <see cref="AddDays"/> gives the Nth counted day <em>after</em>
/// <c>start</c>, and <see cref="CountDays"/> counts the days of <c>(from, to]</c>, so
/// <c>CountDays(s, AddDays(s, n, k), k) == n</c>. A calendar-day deadline is never extended when its last day
/// is a weekend day or a holiday (Moroccan administrative practice); a business-day deadline always ends on a
/// business day. The dated holidays are known only for <see cref="CoveredYears"/>; in other years only the
/// weekend and the fixed holidays are excluded, so check <see cref="Covers"/> before trusting a date there.
/// </remarks>
public sealed class BusinessCalendar
{
    /// <summary>The years <c>by_year:</c> may list; business days are precomputed for them.</summary>
    internal const int FirstYear = 2000;

    internal const int LastYear = 2100;

    private static readonly int WindowStart = new DateOnly(FirstYear, 1, 1).DayNumber;
    private static readonly int WindowLength = new DateOnly(LastYear, 12, 31).DayNumber - WindowStart + 1;

    private readonly bool[] _weekend = new bool[7];
    private readonly LocalizedText?[] _fixed = new LocalizedText?[13 * 32];
    private readonly FrozenDictionary<DateOnly, LocalizedText> _dated;
    private readonly int[] _coveredYears;

    /// <summary>One bit per day of <see cref="FirstYear"/>..<see cref="LastYear"/>, set for business days.</summary>
    private readonly ulong[] _businessDays;

    internal BusinessCalendar(IEnumerable<DayOfWeek> weekend, IEnumerable<FixedHoliday> fixedHolidays, IEnumerable<Holiday> datedHolidays, IEnumerable<int> coveredYears)
    {
        foreach (var day in weekend)
            _weekend[(int)day] = true;
        Weekend = _weekend.Select((isWeekend, day) => (isWeekend, day)).Where(d => d.isWeekend).Select(d => (DayOfWeek)d.day).ToFrozenSet();
        foreach (var holiday in fixedHolidays)
            _fixed[Key(holiday.Month, holiday.Day)] ??= holiday.Name;
        _dated = datedHolidays.DistinctBy(h => h.Date).ToFrozenDictionary(h => h.Date, h => h.Name);
        _coveredYears = coveredYears.Distinct().Order().ToArray();
        CoveredYears = _coveredYears.AsReadOnly();

        _businessDays = new ulong[(WindowLength + 63) / 64];
        for (var i = 0; i < WindowLength; i++)
        {
            if (IsBusinessDayUncached(DateOnly.FromDayNumber(WindowStart + i)))
                _businessDays[i >> 6] |= 1UL << (i & 63);
        }
    }

    /// <summary>No weekend, no holiday and no year covered: what a library without <c>calendar.yaml</c> has.</summary>
    public static BusinessCalendar Empty { get; } = new([], [], [], []);

    /// <summary>The days of the week that are never business days (Saturday and Sunday in Morocco).</summary>
    public IReadOnlySet<DayOfWeek> Weekend { get; }

    /// <summary>
    /// The years whose dated (Islamic) holidays are known, ascending: the keys of <c>by_year:</c>. For any
    /// other year a business-day count only excludes the weekend and the fixed holidays.
    /// </summary>
    public IReadOnlyList<int> CoveredYears { get; }

    /// <summary>Whether the dated holidays of <paramref name="year"/> are known.</summary>
    public bool Covers(int year) => Array.BinarySearch(_coveredYears, year) >= 0;

    /// <summary>Reads a calendar file from bytes (the same safe reader as definitions: size, encoding, depth, no aliases).</summary>
    public static CalendarLoadResult Load(ReadOnlySpan<byte> bytes, string path, LoaderLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        return CalendarReader.Read(bytes, path, limits ?? LoaderLimits.Default);
    }

    /// <summary>Reads <paramref name="file"/>; an unreadable file gives EP0015 and <see cref="Empty"/>.</summary>
    public static CalendarLoadResult LoadFile(string file, LoaderLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(file);
        return CalendarReader.ReadFile(file, limits ?? LoaderLimits.Default);
    }

    public bool IsWeekend(DateOnly date) => _weekend[(int)date.DayOfWeek];

    /// <summary>Neither a weekend day nor a holiday.</summary>
    public bool IsBusinessDay(DateOnly date) => IsBusinessDay(date.DayNumber);

    public bool IsHoliday(DateOnly date) => IsHoliday(date, out _);

    /// <summary>Whether <paramref name="date"/> is a public holiday, and its name (a fixed holiday first when a dated one falls on the same day).</summary>
    public bool IsHoliday(DateOnly date, [NotNullWhen(true)] out LocalizedText? name)
    {
        var (_, month, day) = date;
        name = _fixed[Key(month, day)];
        return name is not null || _dated.TryGetValue(date, out name);
    }

    /// <summary>The holidays of <paramref name="year"/> in date order: the fixed ones and, when the year is covered, the dated ones.</summary>
    public IReadOnlyList<Holiday> HolidaysIn(int year)
    {
        var holidays = new List<Holiday>();
        for (var month = 1; month <= 12; month++)
        {
            for (var day = 1; day <= DateTime.DaysInMonth(year, month); day++)
            {
                if (_fixed[Key(month, day)] is { } name)
                    holidays.Add(new Holiday(new DateOnly(year, month, day), name, EveryYear: true));
            }
        }
        holidays.AddRange(_dated.Where(h => h.Key.Year == year).Select(h => new Holiday(h.Key, h.Value, EveryYear: false)));
        return holidays.OrderBy(h => h.Date).ThenByDescending(h => h.EveryYear).ToList();
    }

    /// <summary>
    /// The <paramref name="days"/>-th day after <paramref name="start"/> (which never counts itself).
    /// <see cref="CalendarKind.Business"/>: the Nth business day after start, so the result is always a
    /// business day. <see cref="CalendarKind.Calendar"/>: start + N, even when that day is a weekend day or a
    /// holiday: a deadline in calendar days is not extended.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="days"/> is below 1, or <paramref name="kind"/> is not defined.</exception>
    public DateOnly AddDays(DateOnly start, int days, CalendarKind kind)
    {
        RequirePositive(days, nameof(days));
        switch (kind)
        {
            case CalendarKind.Calendar:
                return start.AddDays(days);
            case CalendarKind.Business:
                return DateOnly.FromDayNumber(NthBusinessDay(start.DayNumber, days));
            default:
                throw UndefinedKind(kind);
        }
    }

    /// <summary>
    /// How many days of <paramref name="kind"/> lie in <c>(from, to]</c>: after <paramref name="from"/>, up to and
    /// including <paramref name="to"/>. Negative when <paramref name="to"/> is before <paramref name="from"/>
    /// (<c>CountDays(a, b) == -CountDays(b, a)</c>); 0 when they are the same day.
    /// </summary>
    public int CountDays(DateOnly from, DateOnly to, CalendarKind kind)
    {
        if (kind is not (CalendarKind.Business or CalendarKind.Calendar))
            throw UndefinedKind(kind);
        if (to < from)
            return -CountDays(to, from, kind);
        return kind == CalendarKind.Calendar
            ? to.DayNumber - from.DayNumber
            : CountBusinessDays(from.DayNumber, to.DayNumber);
    }

    /// <summary>The business days after day number <paramref name="after"/> up to <paramref name="upTo"/> included (0 when <paramref name="upTo"/> ≤ <paramref name="after"/>).</summary>
    internal int CountBusinessDays(int after, int upTo)
    {
        if (upTo <= after)
            return 0;
        var first = after + 1 - WindowStart;
        var last = upTo - WindowStart;
        if (first < 0 || last >= WindowLength)
            return CountBusinessDaysOneByOne(after, upTo);

        // Whole 64-day words at a time: a year is six population counts.
        var count = 0;
        for (var word = first >> 6; word <= last >> 6; word++)
        {
            var bits = _businessDays[word];
            if (word == first >> 6)
                bits &= ulong.MaxValue << (first & 63);
            if (word == last >> 6)
                bits &= ulong.MaxValue >> (63 - (last & 63));
            count += BitOperations.PopCount(bits);
        }
        return count;
    }

    /// <summary>The day number of the <paramref name="n"/>-th business day after day number <paramref name="after"/> (n ≥ 1).</summary>
    internal int NthBusinessDay(int after, int n)
    {
        var first = after + 1 - WindowStart;
        if (first < 0 || first >= WindowLength)
            return NthBusinessDayOneByOne(after, n);

        var word = first >> 6;
        var bits = _businessDays[word] & (ulong.MaxValue << (first & 63));
        while (true)
        {
            var inWord = BitOperations.PopCount(bits);
            if (inWord >= n)
            {
                for (var skip = 1; skip < n; skip++)
                    bits &= bits - 1; // clears the lowest set bit
                return WindowStart + (word << 6) + BitOperations.TrailingZeroCount(bits);
            }
            n -= inWord;
            if (++word == _businessDays.Length)
                return NthBusinessDayOneByOne(WindowStart + WindowLength - 1, n);
            bits = _businessDays[word];
        }
    }

    private int CountBusinessDaysOneByOne(int after, int upTo)
    {
        var count = 0;
        for (var day = after + 1; day <= upTo; day++)
        {
            if (IsBusinessDay(day))
                count++;
        }
        return count;
    }

    private int NthBusinessDayOneByOne(int after, int n)
    {
        var day = after;
        for (var counted = 0; counted < n;)
        {
            if (IsBusinessDay(++day))
                counted++;
        }
        return day;
    }

    internal bool IsBusinessDay(int dayNumber)
    {
        var i = dayNumber - WindowStart;
        return (uint)i < (uint)WindowLength
            ? (_businessDays[i >> 6] & (1UL << (i & 63))) != 0
            : IsBusinessDayUncached(DateOnly.FromDayNumber(dayNumber));
    }

    /// <summary>The definition of a business day; <see cref="_businessDays"/> caches it for the usual years.</summary>
    private bool IsBusinessDayUncached(DateOnly date) => !IsWeekend(date) && !IsHoliday(date);

    internal static void RequirePositive(int days, string parameter)
    {
        if (days < 1)
            throw new ArgumentOutOfRangeException(parameter, days, $"a deadline counts at least one day, but {days} was given; deadlines are 1 to 366 days (procedure.schema.json)");
    }

    internal static ArgumentOutOfRangeException UndefinedKind(CalendarKind kind) =>
        new(nameof(kind), kind, "the calendar kind must be Business or Calendar");

    private static int Key(int month, int day) => month * 32 + day;
}
