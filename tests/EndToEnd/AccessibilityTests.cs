using Deque.AxeCore.Playwright;
using EmploymentProcedures.Host.Localization;
using Microsoft.Playwright;

namespace EmploymentProcedures.EndToEnd;

[Collection(PortalTests.Name)]
public sealed class AccessibilityTests(PortalFixture portal)
{
    [Theory]
    [InlineData("/", "fr")]
    [InlineData("/", "ar")]
    [InlineData("/procedures/foreign-worker-contract-visa", "fr")]
    [InlineData("/procedures/foreign-worker-contract-visa", "ar")]
    [InlineData("/account/sign-up", "fr")]
    [InlineData("/account/sign-in", "ar")]
    public async Task Page_HasNoSeriousOrCriticalAxeViolation(string path, string language)
    {
        var page = await portal.NewPageAsync(Languages.Find(language));
        await page.GotoAsync(path);
        await Assertions.Expect(page.Locator("h1")).ToBeVisibleAsync();

        var results = await page.RunAxe();

        var serious = results.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.True(serious.Count == 0, string.Join("\n", serious.Select(v =>
            $"{v.Impact} {v.Id}: {v.Help} — {string.Join(" | ", v.Nodes.Take(3).Select(n => n.Html))}")));
    }
}
