using EmploymentProcedures.Engine.Storage;
using EmploymentProcedures.Host.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace EmploymentProcedures.EndToEnd;

/// <summary>The audit seals' public page in Chromium, with seals in its table, read by axe-core, in French and in Arabic.</summary>
[Collection(PortalTests.Name)]
public sealed class AuditSealsTests(PortalFixture portal)
{
    [Theory]
    [InlineData("fr", "ltr")]
    [InlineData("ar", "rtl")]
    public async Task AuditSealsPage_WithSeals_HasNoSeriousOrCriticalAxeViolation(string language, string direction)
    {
        // The days the portal will seal: today's and tomorrow's, as if two days had passed (written once, whichever case runs first).
        var seals = new AuditSeals(portal.App.Services.GetRequiredService<IDbContextFactory<ProceduresDb>>(), new Later(TimeSpan.FromDays(2)));
        await seals.SealAsync();
        var page = await portal.NewPageAsync(Languages.Find(language));

        await page.GotoAsync("/audit-seals");

        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("dir", direction);
        var rows = page.Locator("table.audit-seals tbody tr");
        await Assertions.Expect(rows).ToHaveCountAsync((await seals.ListAsync()).Count);
        await Assertions.Expect(rows.First.Locator("code.hash")).ToHaveAttributeAsync("dir", "ltr");
        await Pages.AssertNoSeriousAxeViolationAsync(page);
    }

    /// <summary>The system's clock moved on by <paramref name="after"/>, in UTC.</summary>
    private sealed class Later(TimeSpan after) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + after;

        public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;
    }
}
