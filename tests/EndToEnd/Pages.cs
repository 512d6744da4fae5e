using System.Text.RegularExpressions;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace EmploymentProcedures.EndToEnd;

/// <summary>What the tests do on the portal's pages, as a person would.</summary>
internal static partial class Pages
{
    public static async Task SignInAsync(IPage page, string email, string password)
    {
        await page.GotoAsync("/account/sign-in");
        await page.Locator("#email").FillAsync(email);
        await page.Locator("#password").FillAsync(password);
        // The form posts (a full page post) and the server answers with a new page either way: signed in, or the form
        // again with its message. Wait for that new page, not for the load state alone, which the page being left
        // already has; hashing the password and prerendering the next page can take long on a loaded machine.
        var arrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void Navigated(object? sender, IFrame frame)
        {
            if (frame == page.MainFrame)
                arrived.TrySetResult();
        }
        page.FrameNavigated += Navigated;
        try
        {
            await page.Locator("form button[type=submit].primary").ClickAsync();
            await arrived.Task.WaitAsync(TimeSpan.FromSeconds(90));
        }
        finally
        {
            page.FrameNavigated -= Navigated;
        }
        await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded, new() { Timeout = 90_000 });
    }

    /// <summary>
    /// Types on at the end of what a field holds, key by key, as a person does. Playwright's own sequential typing puts the
    /// caret back at the start when the page is not the browser's focused one (another test's page may be), so the caret
    /// is moved to the end first.
    /// </summary>
    public static async Task TypeOnAsync(ILocator input, string text)
    {
        await input.PressAsync("End");
        await input.Page.Keyboard.TypeAsync(text);
    }

    /// <summary>What the page's console says, from now on, about the content security policy: a violation each.</summary>
    public static List<string> CspViolations(IPage page)
    {
        var violations = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
                violations.Add(message.Text);
        };
        return violations;
    }

    /// <summary>
    /// Creates an applicant account as a person does: the sign-up page, the page saying a link was sent, the e-mail in the
    /// portal's pickup folder, its link opened; the person is then signed in, on the home page.
    /// </summary>
    public static async Task SignUpAsync(PortalFixture portal, IPage page, string kind, string name, string email, string password)
    {
        await FillSignUpAsync(page, kind, name, email, password);
        await Assertions.Expect(page.Locator("#sign-up-sent")).ToContainTextAsync(email);
        await OpenConfirmationAsync(portal, page, email);
        await Assertions.Expect(page.Locator(".account-menu .name")).ToHaveTextAsync(name);
    }

    /// <summary>Fills the sign-up form and sends it.</summary>
    public static async Task FillSignUpAsync(IPage page, string kind, string name, string email, string password)
    {
        await page.GotoAsync("/account/sign-up");
        await SubmitSignUpAsync(page, kind, name, email, password);
    }

    /// <summary>Fills and sends the sign-up form the page shows (reached through a link, keeping its address).</summary>
    public static async Task SubmitSignUpAsync(IPage page, string kind, string name, string email, string password)
    {
        await page.Locator("#kind").SelectOptionAsync(kind);
        await page.Locator("#name").FillAsync(name);
        await page.Locator("#email").FillAsync(email);
        await page.Locator("#password").FillAsync(password);
        await page.Locator("#confirm").FillAsync(password);
        await page.Locator("form button[type=submit].primary").ClickAsync();
    }

    /// <summary>
    /// Opens the link of the newest e-mail confirming <paramref name="email"/> (beyond <paramref name="already"/> e-mails):
    /// the page names the address; its "activate" button, pressed, confirms it and signs the person in.
    /// </summary>
    public static async Task OpenConfirmationAsync(PortalFixture portal, IPage page, string email, int already = 0, bool checkAccessibility = false)
    {
        var mail = await portal.MailToAsync(email, already);
        var link = new Uri(ConfirmationLink().Match(mail.TextBody!).Value);
        await page.GotoAsync(portal.BaseUrl + link.PathAndQuery);
        await Assertions.Expect(page.Locator("#confirm-ready")).ToContainTextAsync(email);
        if (checkAccessibility)
            await AssertNoSeriousAxeViolationAsync(page);
        await page.Locator("#confirm-activate").ClickAsync();
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"https?://\S+/account/confirm\?\S+")]
    private static partial System.Text.RegularExpressions.Regex ConfirmationLink();

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

    /// <summary>
    /// Loads <paramref name="path"/> again and again until the portal sends the person to the sign-in page: a session whose
    /// account was deactivated or closed ends at the cookie's next check against the account (<c>Portal:SessionCheck</c>, a
    /// minute), so this waits up to 90 seconds.
    /// </summary>
    public static async Task WaitUntilSignedOutAsync(IPage page, string path)
    {
        for (var tries = 0; tries < 18 && !page.Url.Contains("/account/sign-in", StringComparison.Ordinal); tries++)
        {
            await Task.Delay(tries == 0 ? 0 : 5_000);
            await page.GotoAsync(path);
        }
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/account/sign-in"));
    }

    /// <summary>
    /// Follows a link to a page whose address matches <paramref name="url"/>. A click that lands while the circuit is
    /// taking over the page can be lost with the element it hit; the link is then clicked again, as a person would.
    /// </summary>
    public static async Task FollowAsync(IPage page, ILocator link, System.Text.RegularExpressions.Regex url)
    {
        await link.WaitForAsync();
        for (var attempt = 1; ; attempt++)
        {
            await link.ClickAsync();
            try
            {
                await Assertions.Expect(page).ToHaveURLAsync(url, new() { Timeout = 7_000 });
                return;
            }
            catch (PlaywrightException) when (attempt < 3)
            {
            }
        }
    }

    /// <summary>
    /// Opens a procedure's page and presses its "start" button once the page is live, to the form. The button posts a
    /// plain form, which the circuit's takeover does not touch, so one press is enough (pressing again while the form
    /// loads would find no button).
    /// </summary>
    public static async Task StartApplicationAsync(IPage page, string procedureId, System.Text.RegularExpressions.Regex formUrl)
    {
        await page.GotoAsync($"/procedures/{procedureId}");
        await page.Locator(".start[data-live=true] button[type=submit]").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(formUrl);
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

    /// <summary>
    /// Runs axe-core on the page once it has settled (an interactive page's circuit has taken over: while it does, the
    /// head's title is briefly rendered again): no serious or critical violation (WCAG 2.2 AA).
    /// </summary>
    public static async Task AssertNoSeriousAxeViolationAsync(IPage page)
    {
        await Assertions.Expect(page.Locator("main[data-live=false]")).ToHaveCountAsync(0);
        await AssertNoSeriousAxeViolationNowAsync(page);
    }

    /// <summary>
    /// Runs axe-core on the page as it is now, live or not: no serious or critical violation (WCAG 2.2 AA). With
    /// <paramref name="intoFrames"/> false the frames' documents are left out, their element checked (a sandboxed frame, where
    /// no script runs, would never answer axe).
    /// </summary>
    public static async Task AssertNoSeriousAxeViolationNowAsync(IPage page, bool intoFrames = true)
    {
        await Assertions.Expect(page).ToHaveTitleAsync(new Regex(@"\S"));
        var results = await page.RunAxe(intoFrames ? null : new Deque.AxeCore.Commons.AxeRunOptions { Iframes = false });
        var serious = results.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.True(serious.Count == 0, page.Url + "\n" + string.Join("\n", serious.Select(v =>
            $"{v.Impact} {v.Id}: {v.Help} — {string.Join(" | ", v.Nodes.Take(3).Select(n => n.Html))}")));
    }

    /// <summary>
    /// The README's pictures of the portal: with <c>EP_SCREENSHOTS=1</c> in the environment, the page as it is now, at
    /// a desktop width, is saved as <c>docs/{name}.png</c>; otherwise nothing is written (the tests never change the
    /// repository's files by themselves).
    /// </summary>
    public static async Task ScreenshotAsync(IPage page, string name)
    {
        if (Environment.GetEnvironmentVariable("EP_SCREENSHOTS") != "1")
            return;
        await page.SetViewportSizeAsync(1280, 900);
        await page.EvaluateAsync("() => window.scrollTo(0, 0)");
        await page.ScreenshotAsync(new() { Path = Path.Combine(PortalFixture.RepositoryRoot(), "docs", name + ".png") });
    }
}
