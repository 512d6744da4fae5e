using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace EmploymentProcedures.EndToEnd;

/// <summary>What the tests do on the portal's pages, as a person would.</summary>
internal static class Pages
{
    public static async Task SignInAsync(IPage page, string email, string password)
    {
        await page.GotoAsync("/account/sign-in");
        await page.Locator("#email").FillAsync(email);
        await page.Locator("#password").FillAsync(password);
        await page.Locator("form button[type=submit].primary").ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
    }

    /// <summary>
    /// Signs out with the header's button. A click that lands while the circuit is taking over the page
    /// can be lost with the element it hit; the button is then clicked again, as a person would.
    /// </summary>
    public static async Task SignOutAsync(IPage page)
    {
        var button = page.Locator(".account-menu form button");
        var signIn = page.Locator(".account-menu a[href^='account/sign-in']");
        for (var attempt = 1; ; attempt++)
        {
            if (await button.IsVisibleAsync())
                await button.ClickAsync();
            try
            {
                await Assertions.Expect(signIn).ToBeVisibleAsync(new() { Timeout = 7_000 });
                return;
            }
            catch (PlaywrightException) when (attempt < 3)
            {
            }
        }
    }

    /// <summary>Waits until the catalog's search filters live (the circuit has taken over the page).</summary>
    public static Task WaitForLiveSearchAsync(IPage page) =>
        Assertions.Expect(page.Locator("form[role=search]")).ToHaveAttributeAsync("data-live", "true");

    public static async Task SearchAsync(IPage page, string query)
    {
        await WaitForLiveSearchAsync(page);
        await page.Locator("#q").FillAsync(query);
    }

    public static ILocator ProcedureLinks(IPage page) => page.Locator(".procedure-card h3 a");

    /// <summary>Runs axe-core on the page as it is now: no serious or critical violation (WCAG 2.2 AA).</summary>
    public static async Task AssertNoSeriousAxeViolationAsync(IPage page)
    {
        var results = await page.RunAxe();
        var serious = results.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.True(serious.Count == 0, page.Url + "\n" + string.Join("\n", serious.Select(v =>
            $"{v.Impact} {v.Id}: {v.Help} — {string.Join(" | ", v.Nodes.Take(3).Select(n => n.Html))}")));
    }
}
