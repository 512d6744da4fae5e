using EmploymentProcedures.Engine.Deadlines;
using EmploymentProcedures.Engine.Reporting;
using EmploymentProcedures.Engine.Storage;
using EmploymentProcedures.Host.Statistics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace EmploymentProcedures.Host.Tests.Statistics;

/// <summary>The public statistics kept in memory: one reading a quarter of an hour, and a new period read at once.</summary>
[Collection(StatisticsPortalTests.Name)]
public sealed class PublishedStatisticsTests(StatisticsPortal portal)
{
    /// <summary>A clock moved by hand, in Morocco's zone.</summary>
    private sealed class Clock(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;

        public override DateTimeOffset GetUtcNow() => Now;

        public override TimeZoneInfo LocalTimeZone => MoroccoTime.Instance.LocalTimeZone;
    }

    private PublishedStatistics Kept(Clock clock) => new(
        new PublicStatistics(portal.Live.Portal.App.Services.GetRequiredService<IDbContextFactory<ProceduresDb>>(), clock),
        Options.Create(new PortalOptions()), clock);

    [Fact]
    public async Task Current_WithinAQuarterOfAnHour_IsOneReadingForEveryone_ThenReadAgain()
    {
        var clock = new Clock(new DateTimeOffset(2026, 11, 10, 9, 0, 0, TimeSpan.Zero));
        using var kept = Kept(clock);

        var together = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => kept.CurrentAsync()));
        clock.Now += TimeSpan.FromMinutes(14);
        var later = await kept.CurrentAsync();
        clock.Now += TimeSpan.FromMinutes(2);
        var fresh = await kept.CurrentAsync();

        Assert.All(together, tally => Assert.Same(together[0], tally));
        Assert.Same(together[0], later);
        Assert.NotSame(together[0], fresh);
        Assert.Equal(clock.Now, fresh.ComputedAt);
    }

    [Fact]
    public async Task Current_OnANewMonth_ReadsItsPeriodAtOnce()
    {
        // 23:50 in Morocco (UTC+1) on 31 October, then ten minutes later: 1 November.
        var clock = new Clock(new DateTimeOffset(2026, 10, 31, 22, 50, 0, TimeSpan.Zero));
        using var kept = Kept(clock);

        var october = await kept.CurrentAsync();
        clock.Now += TimeSpan.FromMinutes(10);
        var november = await kept.CurrentAsync();

        Assert.Equal(StatisticsPeriod.LastTwelveFullMonths(new DateOnly(2026, 10, 31)), october.Period);
        Assert.Equal(StatisticsPeriod.LastTwelveFullMonths(new DateOnly(2026, 11, 1)), november.Period);
    }
}
