using Microsoft.Playwright;

namespace EmploymentProcedures.EndToEnd;

[Collection(PortalTests.Name)]
public sealed class SecurityTests(PortalFixture portal)
{
    [Theory]
    [InlineData("/")]
    [InlineData("/procedures/strike-notice")]
    [InlineData("/account/sign-in")]
    public async Task Page_HasTheSecurityHeaders(string path)
    {
        var page = await portal.NewPageAsync();
        var response = await page.GotoAsync(path);
        Assert.NotNull(response);
        var headers = await response.AllHeadersAsync();

        Assert.Equal("nosniff", headers["x-content-type-options"]);
        Assert.Equal("strict-origin-when-cross-origin", headers["referrer-policy"]);
        Assert.Contains("script-src 'self'", headers["content-security-policy"]);
        Assert.Contains("frame-ancestors 'none'", headers["content-security-policy"]);
    }

    [Fact]
    public async Task InteractivePages_RunUnderTheContentSecurityPolicy_WithoutAViolation()
    {
        var page = await portal.NewPageAsync();
        var violations = Pages.CspViolations(page);

        await page.GotoAsync("/");
        await Pages.SearchAsync(page, "grève");
        await Assertions.Expect(page.Locator("a[href='procedures/strike-notice']")).ToBeVisibleAsync();
        await page.Locator("a[href='procedures/strike-notice']").ClickAsync();
        await Assertions.Expect(page.Locator("#steps")).ToBeVisibleAsync();

        Assert.Empty(violations);
    }
}
