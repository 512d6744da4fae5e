using Microsoft.Playwright;

namespace EmploymentProcedures.EndToEnd;

/// <summary>
/// Holds back a page's circuit, as a slow connection does: Blazor's requests (under <c>_blazor/</c>) wait until
/// <see cref="ReleaseAsync"/>, so the prerendered page stays un-live (<c>main[data-live=false]</c>) while the test types
/// and clicks in it. Pages reached meanwhile (a link, a GET form) are held too.
/// </summary>
internal sealed class CircuitHold
{
    private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly IPage _page;

    private CircuitHold(IPage page) => _page = page;

    public static async Task<CircuitHold> OnAsync(IPage page)
    {
        var hold = new CircuitHold(page);
        await page.RouteAsync("**/_blazor/**", hold.WaitAsync);
        return hold;
    }

    private async Task WaitAsync(IRoute route)
    {
        await _released.Task;
        await route.ContinueAsync();
    }

    /// <summary>Lets the circuit start.</summary>
    public void Release() => _released.TrySetResult();

    /// <summary>Lets the circuit start and waits until it has taken the page over.</summary>
    public async Task ReleaseAsync()
    {
        Release();
        await Assertions.Expect(_page.Locator("main[data-live=true]")).ToHaveCountAsync(1);
    }
}
