using Microsoft.Playwright;

namespace EmploymentProcedures.EndToEnd;

/// <summary>
/// Slows the circuit's replies as a slow connection does: while held, what the server sends the page over the circuit's
/// WebSocket (render batches) waits, in order, until <see cref="Release"/>; what the page sends goes on at once.
/// </summary>
internal sealed class CircuitReplies
{
    private readonly Lock _lock = new();
    private readonly Queue<IWebSocketFrame> _held = new();
    private readonly TaskCompletionSource _first = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private IWebSocketRoute? _page;
    private bool _holding;

    /// <summary>Routes the circuits the page opens from now on through this.</summary>
    public static async Task<CircuitReplies> RouteAsync(IPage page)
    {
        var replies = new CircuitReplies();
        await page.RouteWebSocketAsync(url => url.Contains("/_blazor", StringComparison.Ordinal), replies.Connect);
        return replies;
    }

    private void Connect(IWebSocketRoute page)
    {
        _page = page;
        var server = page.ConnectToServer();
        server.OnMessage(frame =>
        {
            lock (_lock)
            {
                if (_holding)
                {
                    _held.Enqueue(frame);
                    _first.TrySetResult();
                    return;
                }
            }
            Forward(frame);
        });
    }

    /// <summary>From now on the server's messages wait.</summary>
    public void Hold()
    {
        lock (_lock)
            _holding = true;
    }

    /// <summary>Completes once a message from the server is waiting.</summary>
    public Task HeldAsync() => _first.Task.WaitAsync(TimeSpan.FromSeconds(15));

    /// <summary>Gives the page what waited, in order, and lets the rest through.</summary>
    public void Release()
    {
        lock (_lock)
        {
            _holding = false;
            while (_held.TryDequeue(out var frame))
                Forward(frame);
        }
    }

    private void Forward(IWebSocketFrame frame)
    {
        if (frame.Binary is { } binary)
            _page!.Send(binary);
        else
            _page!.Send(frame.Text ?? "");
    }
}
