using AngleSharp.Dom;
using Bunit;
using EmploymentProcedures.Engine.Workflow;
using EmploymentProcedures.Host.Components.Pages.Reviewing;
using EmploymentProcedures.Host.Localization;
using EmploymentProcedures.Host.Tests.MyApplications;
using Microsoft.Data.Sqlite;

namespace EmploymentProcedures.Host.Tests.Reviewing;

/// <summary>
/// The dashboard's days in words, on a portal of its own: one application for the approval of internal regulations (60
/// calendar days) rejected the day it came, whose processing time each test sets in the figures to the count it reads.
/// </summary>
public sealed class DashboardDaysTests(DashboardDaysTests.OneDecision decision) : IClassFixture<DashboardDaysTests.OneDecision>
{
    public sealed class OneDecision : IAsyncLifetime
    {
        public LivePortal Portal { get; } = new();

        public async Task InitializeAsync()
        {
            await Portal.InitializeAsync();
            var applicant = Actor.Applicant("days-applicant", "Karima Bennani");
            await Portal.Filing.RejectedAsync(await Portal.Filing.SubmittedAsync(applicant), "Incomplet.");
        }

        /// <summary>Makes the one decision have taken <paramref name="days"/> calendar days.</summary>
        public async Task TookAsync(int days)
        {
            await using var connection = new SqliteConnection($"Data Source={Portal.Portal.DatabaseFile}");
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "UPDATE ProcessingTimes SET Days = $days WHERE Calendar = 'Calendar'";
            command.Parameters.AddWithValue("$days", days);
            Assert.Equal(2, await command.ExecuteNonQueryAsync());
        }

        public Task DisposeAsync() => Portal.DisposeAsync();
    }

    [Theory]
    [InlineData("ar", 1, "يوم واحد")]
    [InlineData("ar", 2, "يومان")]
    [InlineData("ar", 3, "3 أيام")]
    [InlineData("ar", 11, "11 يوما")]
    [InlineData("fr", 1, "1 jour calendaire")]
    [InlineData("fr", 2, "2 jours calendaires")]
    [InlineData("en", 1, "1 calendar day")]
    [InlineData("en", 11, "11 calendar days")]
    public async Task Median_InEachLanguage_TakesTheFormOfItsCount(string code, int days, string expected)
    {
        await decision.TookAsync(days);
        var (_, director) = await decision.Portal.AccountAsync("labour-directorate");
        using var context = ReviewerPage.At(decision.Portal, director, "dashboard", Languages.Find(code));

        var page = context.Render<DashboardPage>();

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("figure.chart svg.chart-drawing")));
        Assert.Equal(expected, ReviewerPage.Text(page.FindAll(".key-figures dd")[3]));
        var chart = page.Find("figure[aria-labelledby=chart-times-calendar-title]");
        Assert.Equal(expected, ReviewerPage.Text(chart.QuerySelectorAll("tbody tr td")[1]));
        Assert.Contains(expected, chart.QuerySelectorAll("svg.chart-drawing text").Select(ReviewerPage.Text));
    }

    [Fact]
    public async Task Deadline_InArabic_SaysSixtyDaysInTheFormOfSixty()
    {
        var (_, director) = await decision.Portal.AccountAsync("labour-directorate");
        using var context = ReviewerPage.At(decision.Portal, director, "dashboard", Languages.Arabic);

        var page = context.Render<DashboardPage>();

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("figure[aria-labelledby=chart-times-calendar-title] tbody tr")));
        var row = page.Find("figure[aria-labelledby=chart-times-calendar-title] tbody tr");
        Assert.Equal("60 يوما", ReviewerPage.Text(row.QuerySelectorAll("td")[2]));
        Assert.Equal("المدة الوسيطة للمعالجة مقارنة بالأجل القانوني، بالأيام المتتالية", ReviewerPage.Text(page.Find("#chart-times-calendar-title")));
    }
}
