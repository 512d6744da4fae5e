using System.Globalization;
using System.Text;
using EmploymentProcedures.Engine.Deadlines;
using EmploymentProcedures.Engine.Definitions;
using EmploymentProcedures.Engine.Diagnostics;
using EmploymentProcedures.Engine.Loading;
using EmploymentProcedures.Engine.Tests.Loading;
using NJsonSchema;

namespace EmploymentProcedures.Engine.Tests.Deadlines;

/// <summary>Reading calendar files; the messages themselves are golden cases under <c>Loading/Cases/700-calendar</c>.</summary>
public sealed class CalendarLoadingTests
{
    private static DateOnly D(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static CalendarLoadResult Load(string yaml) => BusinessCalendar.Load(Encoding.UTF8.GetBytes(yaml), "calendar.yaml");

    [Fact]
    public void LoadFile_RepositoryCalendar_HasNoDiagnostics()
    {
        var result = BusinessCalendar.LoadFile(Path.Combine(RepositoryPaths.Procedures, "calendar.yaml"));

        Assert.True(result.Diagnostics.Count == 0, string.Join(Environment.NewLine, result.Diagnostics));
    }

    [Fact]
    public async Task CalendarSchema_RepositoryCalendar_ConformsSoEditorsShowNoError()
    {
        var schema = await JsonSchema.FromJsonAsync(await File.ReadAllTextAsync(Path.Combine(RepositoryPaths.Procedures, "calendar.schema.json")));
        var diagnostics = new List<Diagnostic>();
        var root = YamlReader.Read(await File.ReadAllTextAsync(Path.Combine(RepositoryPaths.Procedures, "calendar.yaml")), "calendar.yaml", LoaderLimits.Default, diagnostics);

        var errors = schema.Validate(JsonProjection.Of(root!).Root);

        Assert.Empty(diagnostics);
        Assert.True(errors.Count == 0, string.Join(Environment.NewLine, errors));
    }

    [Fact]
    public void Load_BadEntry_IsReportedAndLeftOutWhileTheOthersStillCount()
    {
        var result = Load("""
            weekend: [saturday, sunday]
            fixed:
              - { date: "05-32", name: { fr: "Faux", ar: "خطأ" } }
              - { date: "11-18", name: { fr: "Fête de l'Indépendance", ar: "عيد الاستقلال" } }
            by_year:
              2026:
                - { date: "2027-03-10", name: { fr: "Aïd Al-Fitr", ar: "عيد الفطر" } }
                - { date: "2026-03-20", name: { fr: "Aïd Al-Fitr", ar: "عيد الفطر" } }
            """);

        Assert.True(result.HasErrors);
        Assert.Equal(["EP0701", "EP0705"], result.Diagnostics.Select(d => d.Code));
        Assert.False(result.Calendar.IsBusinessDay(D("2026-11-18")));
        Assert.False(result.Calendar.IsBusinessDay(D("2026-03-20")));
        Assert.True(result.Calendar.IsBusinessDay(D("2027-03-10")));
        Assert.Equal([2026], result.Calendar.CoveredYears);
    }

    [Fact]
    public void Load_HolidayWithoutName_IsReportedButStillADayOff()
    {
        var result = Load("""
            weekend: [saturday, sunday]
            fixed:
              - { date: "05-01" }
            """);

        Assert.Equal("EP0102", Assert.Single(result.Diagnostics).Code);
        Assert.False(result.Calendar.IsBusinessDay(D("2026-05-01")));
    }

    [Fact]
    public void Load_Anchor_IsRefusedLikeInDefinitions()
    {
        var result = Load("""
            weekend: &days [saturday, sunday]
            """);

        Assert.Equal("EP0006", Assert.Single(result.Diagnostics).Code);
        Assert.Same(BusinessCalendar.Empty, result.Calendar);
    }

    [Fact]
    public void Load_ListInsteadOfMapping_IsReportedAtTheRoot()
    {
        var result = Load("- saturday\n- sunday\n");

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal("calendar.yaml(1,1): error EP0103: 'calendar' must be a mapping with the keys weekend, fixed and by_year, not a list", diagnostic.ToString());
    }

    [Fact]
    public void Load_FridayWeekend_CountsSaturdayAndSundayAsBusinessDays()
    {
        var calendar = Load("weekend: [friday]").Calendar;

        Assert.Equal(D("2026-03-07"), calendar.AddDays(D("2026-03-05"), 1, CalendarKind.Business));
    }

    [Fact]
    public void LoadFile_MissingFile_ReportsUnreadableAndGivesTheEmptyCalendar()
    {
        var result = BusinessCalendar.LoadFile(Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N"), "calendar.yaml"));

        Assert.Equal("EP0015", Assert.Single(result.Diagnostics).Code);
        Assert.Same(BusinessCalendar.Empty, result.Calendar);
    }

    [Fact]
    public void LibraryLoad_BadCalendar_JoinsTheLibraryDiagnostics()
    {
        var directory = Directory.CreateTempSubdirectory("calendar-test-");
        try
        {
            File.WriteAllText(Path.Combine(directory.FullName, "calendar.yaml"), "weekend: [saturday, sundy]\n");

            var library = ProcedureLibrary.Load(directory.FullName);

            var diagnostic = Assert.Single(library.Diagnostics);
            Assert.Equal("EP0702", diagnostic.Code);
            Assert.EndsWith("calendar.yaml", diagnostic.Span.File, StringComparison.Ordinal);
            Assert.Equal([DayOfWeek.Saturday], library.Calendar.Weekend);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public void LibraryLoad_NoCalendarFile_HasTheEmptyCalendarAndNoFinding()
    {
        var directory = Directory.CreateTempSubdirectory("calendar-test-");
        try
        {
            var library = ProcedureLibrary.Load(directory.FullName);

            Assert.Same(BusinessCalendar.Empty, library.Calendar);
            Assert.Empty(library.Diagnostics);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public void CatalogLoad_RepositoryProcedures_ExposesTheCalendar()
    {
        var catalog = ProcedureCatalog.Load(RepositoryPaths.Procedures);

        Assert.Same(catalog.Library.Calendar, catalog.Calendar);
        Assert.True(catalog.Calendar.Covers(2026));
    }
}
