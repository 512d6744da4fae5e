using System.Globalization;
using EmploymentProcedures.Engine.Deadlines;
using EmploymentProcedures.Engine.Definitions;
using EmploymentProcedures.Engine.Tests.Loading;

namespace EmploymentProcedures.Engine.Tests.Deadlines;

/// <summary>Morocco's calendar as <c>procedures/calendar.yaml</c> gives it, read through the procedure library.</summary>
public sealed class BusinessCalendarTests
{
    private static BusinessCalendar Calendar => TestLibrary.Library.Calendar;

    private static DateOnly D(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Fact]
    public void Library_RepositoryCalendar_LoadsWithSaturdayAndSundayAsWeekend()
    {
        Assert.True(Calendar.Weekend.SetEquals([DayOfWeek.Saturday, DayOfWeek.Sunday]), string.Join(", ", Calendar.Weekend));
    }

    [Fact]
    public void CoveredYears_RepositoryCalendar_Are2024To2030()
    {
        Assert.Equal([2024, 2025, 2026, 2027, 2028, 2029, 2030], Calendar.CoveredYears);
        Assert.True(Calendar.Covers(2026));
        Assert.False(Calendar.Covers(2023));
        Assert.False(Calendar.Covers(2031));
    }

    /// <summary>The public holidays that come back every year (Dahir of 1977 as amended; Yennayer since 2024).</summary>
    [Theory]
    [InlineData("01-01", "Nouvel an")]
    [InlineData("01-11", "Anniversaire de la présentation du Manifeste de l'indépendance")]
    [InlineData("01-14", "Nouvel an amazigh (Id Yennayer)")]
    [InlineData("05-01", "Fête du Travail")]
    [InlineData("07-30", "Fête du Trône")]
    [InlineData("08-14", "Allégeance de Oued Ed-Dahab")]
    [InlineData("08-20", "Révolution du Roi et du Peuple")]
    [InlineData("08-21", "Fête de la Jeunesse")]
    [InlineData("11-06", "Marche Verte")]
    [InlineData("11-18", "Fête de l'Indépendance")]
    public void IsHoliday_FixedHolidayInEveryCoveredYear_IsAHolidayWithItsName(string monthDay, string frenchName)
    {
        for (var year = 2024; year <= 2030; year++)
        {
            var date = D($"{year}-{monthDay}");
            Assert.True(Calendar.IsHoliday(date, out var name), $"{date} should be a holiday");
            Assert.Equal(frenchName, name.Get("fr"));
            Assert.True(name.Has("ar"));
            Assert.False(Calendar.IsBusinessDay(date));
        }
    }

    [Theory]
    [InlineData("2026-03-21", "Aïd Al-Fitr")]
    [InlineData("2026-03-22", "Aïd Al-Fitr (2e jour)")]
    [InlineData("2026-05-27", "Aïd Al-Adha")]
    [InlineData("2026-05-28", "Aïd Al-Adha (2e jour)")]
    [InlineData("2026-06-17", "1er Moharram (Nouvel an de l'Hégire)")]
    [InlineData("2026-08-26", "Aïd Al-Mawlid (Anniversaire du Prophète)")]
    [InlineData("2026-08-27", "Aïd Al-Mawlid (2e jour)")]
    [InlineData("2025-03-31", "Aïd Al-Fitr")]
    [InlineData("2025-04-01", "Aïd Al-Fitr (2e jour)")]
    public void IsHoliday_IslamicHolidayListedForItsYear_IsAHoliday(string date, string frenchName)
    {
        Assert.True(Calendar.IsHoliday(D(date), out var name));
        Assert.Equal(frenchName, name.Get("fr"));
        Assert.False(Calendar.IsBusinessDay(D(date)));
    }

    [Theory]
    [InlineData("2024-04-12")] // the Friday after Aïd Al-Fitr 2024
    [InlineData("2025-06-09")] // the Monday after Aïd Al-Adha 2025
    public void IsBusinessDay_ExceptionalDayOffGrantedToTheAdministrations_IsNotABusinessDay(string date)
    {
        Assert.True(Calendar.IsHoliday(D(date), out var name));
        Assert.StartsWith("Congé exceptionnel", name.Get("fr"), StringComparison.Ordinal);
        Assert.False(Calendar.IsBusinessDay(D(date)));
    }

    [Fact]
    public void IsHoliday_IslamicHolidayDateInAnotherYear_IsNotAHoliday()
    {
        // Aïd Al-Fitr 2026 falls on 21 March; the lunar feasts move about 11 days a year, so 21 March 2027 is ordinary.
        Assert.False(Calendar.IsHoliday(D("2027-03-21"), out var name));
        Assert.Null(name);
    }

    [Fact]
    public void HolidaysIn_2026_ListsTenFixedAndSevenIslamicHolidaysInDateOrder()
    {
        var holidays = Calendar.HolidaysIn(2026);

        Assert.Equal(17, holidays.Count);
        Assert.Equal(10, holidays.Count(h => h.EveryYear));
        Assert.Equal(holidays.Select(h => h.Date).Order(), holidays.Select(h => h.Date));
        Assert.Equal(D("2026-01-01"), holidays[0].Date);
        Assert.Equal(D("2026-11-18"), holidays[^1].Date);
    }

    [Theory]
    [InlineData("2026-03-07", false)] // Saturday
    [InlineData("2026-03-08", false)] // Sunday
    [InlineData("2026-03-09", true)]  // an ordinary Monday
    public void IsBusinessDay_WeekendOrOrdinaryDay_IsFalseOnlyOnTheWeekend(string date, bool expected)
    {
        Assert.Equal(expected, Calendar.IsBusinessDay(D(date)));
        Assert.Equal(!expected, Calendar.IsWeekend(D(date)));
    }

    [Theory]
    [InlineData("2026-03-06", 1, "2026-03-09")] // Friday + 1: over the weekend to Monday
    [InlineData("2026-04-30", 1, "2026-05-04")] // Thursday + 1: 1 May is Labour Day (Friday), then the weekend
    [InlineData("2026-08-13", 5, "2026-08-25")] // 14 Aug (Fri), 20 and 21 Aug (Thu, Fri) are holidays
    [InlineData("2026-08-13", 7, "2026-08-31")] // ... and Aïd Al-Mawlid on 26 and 27 Aug
    [InlineData("2026-01-09", 3, "2026-01-15")] // Friday + 3: 11 Jan is a Sunday, 14 Jan (Yennayer) a Wednesday
    [InlineData("2026-05-25", 3, "2026-06-01")] // Aïd Al-Adha on Wednesday 27 and Thursday 28 May
    [InlineData("2026-06-16", 1, "2026-06-18")] // 1er Moharram on Wednesday 17 June
    [InlineData("2025-03-28", 1, "2025-04-02")] // Aïd Al-Fitr observed on Monday 31 March and Tuesday 1 April 2025
    [InlineData("2024-04-09", 1, "2024-04-15")] // Aïd Al-Fitr 2024 on Wednesday and Thursday, then the exceptional Friday off
    [InlineData("2025-06-06", 1, "2025-06-10")] // Aïd Al-Adha 2025 on the weekend, then the exceptional Monday off
    [InlineData("2025-12-31", 1, "2026-01-02")] // over the year boundary: 1 January is a holiday
    [InlineData("2026-12-31", 1, "2027-01-04")] // 1 January 2027 is a Friday
    [InlineData("2026-03-07", 1, "2026-03-09")] // starting on a Saturday: the first business day after it
    public void AddDays_BusinessDays_SkipsWeekendsAndHolidays(string start, int days, string expected)
    {
        Assert.Equal(D(expected), Calendar.AddDays(D(start), days, CalendarKind.Business));
    }

    [Fact]
    public void AddDays_CalendarDaysEndingOnAHoliday_IsNotExtended()
    {
        // Tuesday 21 April + 10 days = Friday 1 May, Labour Day: the deadline stays on 1 May.
        Assert.Equal(D("2026-05-01"), Calendar.AddDays(D("2026-04-21"), 10, CalendarKind.Calendar));
    }

    [Fact]
    public void AddDays_CalendarDaysEndingOnASaturday_IsNotExtended()
    {
        Assert.Equal(D("2026-03-07"), Calendar.AddDays(D("2026-03-02"), 5, CalendarKind.Calendar));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(int.MinValue)]
    public void AddDays_ZeroOrNegativeDays_IsRejected(int days)
    {
        foreach (var kind in new[] { CalendarKind.Business, CalendarKind.Calendar })
        {
            var error = Assert.Throws<ArgumentOutOfRangeException>(() => Calendar.AddDays(D("2026-03-02"), days, kind));
            Assert.Equal("days", error.ParamName);
            Assert.Contains("at least one day", error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void AddDays_UndefinedKind_IsRejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Calendar.AddDays(D("2026-03-02"), 1, (CalendarKind)7));
    }

    [Theory]
    [InlineData("2026-04-24", "2026-05-08", CalendarKind.Business, 9)] // two weeks less Labour Day
    [InlineData("2026-04-24", "2026-05-08", CalendarKind.Calendar, 14)]
    [InlineData("2026-05-08", "2026-04-24", CalendarKind.Business, -9)]
    [InlineData("2026-03-02", "2026-03-02", CalendarKind.Business, 0)]
    [InlineData("2026-03-06", "2026-03-08", CalendarKind.Business, 0)] // Friday to Sunday: no business day after Friday
    [InlineData("2025-12-31", "2026-01-02", CalendarKind.Business, 1)]
    public void CountDays_CountsTheDaysAfterFromUpToAndIncludingTo(string from, string to, CalendarKind kind, int expected)
    {
        Assert.Equal(expected, Calendar.CountDays(D(from), D(to), kind));
    }

    [Theory]
    [InlineData(CalendarKind.Business)]
    [InlineData(CalendarKind.Calendar)]
    public void CountDays_OfAddDays_GivesBackTheNumberOfDays(CalendarKind kind)
    {
        foreach (var days in new[] { 1, 2, 10, 60, 366 })
        {
            for (var start = D("2024-01-01"); start.Year <= 2030; start = start.AddDays(1))
            {
                var end = Calendar.AddDays(start, days, kind);
                Assert.Equal(days, Calendar.CountDays(start, end, kind));
                if (kind == CalendarKind.Business)
                    Assert.True(Calendar.IsBusinessDay(end), $"{start} + {days} business days = {end}, not a business day");
            }
        }
    }

    [Fact]
    public void IsBusinessDay_YearNotCovered_StillExcludesWeekendsAndFixedHolidays()
    {
        // 2031 has no by_year entry: its Islamic holidays are unknown, but 1 January (a Wednesday) is fixed.
        Assert.False(Calendar.IsBusinessDay(D("2031-01-01")));
        Assert.True(Calendar.IsBusinessDay(D("2031-01-02")));
        Assert.Equal(D("2031-01-02"), Calendar.AddDays(D("2030-12-31"), 1, CalendarKind.Business));
    }

    [Fact]
    public void IsBusinessDay_FarOutsideTheUsualYears_FollowsTheSameRules()
    {
        // 1 May 2150 is a Friday: a fixed holiday, far beyond the years whose business days are precomputed.
        Assert.False(Calendar.IsBusinessDay(D("2150-05-01")));
        Assert.Equal(D("2150-05-04"), Calendar.AddDays(D("2150-04-30"), 1, CalendarKind.Business));
        Assert.False(Calendar.IsBusinessDay(D("1999-01-01")));
        // Across the end of the precomputed years: Friday 31 Dec 2100, then Monday 3 and Tuesday 4 Jan 2101.
        Assert.Equal(3, Calendar.CountDays(D("2100-12-30"), D("2101-01-04"), CalendarKind.Business));
    }

    [Fact]
    public void Empty_WithoutCalendarFile_CountsEveryDayAndCoversNoYear()
    {
        var empty = BusinessCalendar.Empty;

        Assert.Empty(empty.Weekend);
        Assert.Empty(empty.CoveredYears);
        Assert.True(empty.IsBusinessDay(D("2026-05-01")));
        Assert.Equal(D("2026-03-09"), empty.AddDays(D("2026-03-06"), 3, CalendarKind.Business));
    }
}
