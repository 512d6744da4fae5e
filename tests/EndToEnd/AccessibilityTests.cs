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

        await Pages.AssertNoSeriousAxeViolationAsync(page);
    }
}
