using EmploymentProcedures.Engine.Definitions;
using EmploymentProcedures.Engine.Diagnostics;
using EmploymentProcedures.Host.Catalog;
using EmploymentProcedures.Host.Localization;
using EmploymentProcedures.Host.Tests.MyApplications;

namespace EmploymentProcedures.Host.Tests.Catalog;

/// <summary>A legal deadline in words, as the catalog, the procedure page, its steps and the receipt say it.</summary>
[Collection(LivePortalTests.Name)]
public sealed class DeadlineTextTests(LivePortal portal)
{
    [Theory]
    [InlineData("fr", "Délai légal : 2 jours ouvrables", "2 jours calendaires")]
    [InlineData("ar", "الأجل القانوني: يوما عمل", "يومان")]
    public async Task ProcedurePage_AStepDeadlineWithoutItsUnit_SaysItInTheProceduresBusinessDays(string code, string said, string notSaid)
    {
        // The delegate's disciplinary approval counts 15 business days; its reception step's 2 days say no unit, and the
        // engine's clock counts them in business days too (DueDates.Step).
        using var client = portal.In(code);

        using var response = await client.GetAsync("/procedures/delegate-disciplinary-approval");
        var html = System.Net.WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        var steps = html[html.IndexOf("<ol class=\"steps\">", StringComparison.Ordinal)..];
        Assert.Contains(said, steps, StringComparison.Ordinal);
        Assert.DoesNotContain(notSaid, steps, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ar", 1, CalendarKind.Business, "الأجل القانوني: يوم عمل واحد")]
    [InlineData("ar", 2, CalendarKind.Business, "الأجل القانوني: يوما عمل")]
    [InlineData("ar", 10, CalendarKind.Business, "الأجل القانوني: 10 أيام عمل")]
    [InlineData("ar", 15, CalendarKind.Business, "الأجل القانوني: 15 يوم عمل")]
    [InlineData("ar", 3, CalendarKind.Calendar, "الأجل القانوني: 3 أيام")]
    [InlineData("ar", 60, CalendarKind.Calendar, "الأجل القانوني: 60 يوما")]
    [InlineData("ar", 100, CalendarKind.Calendar, "الأجل القانوني: 100 يوم")]
    [InlineData("ar", 120, CalendarKind.Business, "الأجل القانوني: 120 يوم عمل")]
    [InlineData("fr", 1, CalendarKind.Business, "Délai légal : 1 jour ouvrable")]
    [InlineData("fr", 30, CalendarKind.Calendar, "Délai légal : 30 jours calendaires")]
    [InlineData("en", 1, CalendarKind.Calendar, "Legal deadline: 1 calendar day")]
    [InlineData("en", 10, CalendarKind.Business, "Legal deadline: 10 business days")]
    public void Of_ACount_TakesTheFormOfItsNumber(string language, int days, CalendarKind unit, string expected) =>
        Assert.Equal(expected, Said(new DeadlineDefinition(days, unit, SourceSpan.None("test.yaml")), language));

    [Fact]
    public void Of_AStepDeadlineWithoutItsUnit_CountsInItsProceduresUnit()
    {
        // The engine's clock counts such a step in its procedure's unit (business days when the procedure says none).
        var step = new DeadlineDefinition(5, null, SourceSpan.None("test.yaml"));

        Assert.Equal("Délai légal : 5 jours calendaires", DeadlineText.Of(step, Languages.French, PortalStrings.In(Languages.French), CalendarKind.Calendar));
        Assert.Equal("Délai légal : 5 jours ouvrables", Said(step, "fr"));
    }

    private static string Said(DeadlineDefinition deadline, string code) =>
        DeadlineText.Of(deadline, Languages.Find(code)!, PortalStrings.In(Languages.Find(code)!));
}
