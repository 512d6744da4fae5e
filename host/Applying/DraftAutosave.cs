using EmploymentProcedures.Engine.Storage;
using EmploymentProcedures.Engine.Validation;
using EmploymentProcedures.Engine.Workflow;

namespace EmploymentProcedures.Host.Applying;

/// <summary>
/// The autosave of one application being filled in, as one form page (one circuit) holds it. Answers are
/// written <see cref="Delay"/> after the last change, at once on <see cref="FlushAsync"/> (a page change, the
/// review) and when the page is disposed (the tab closed, the circuit ended). The page's writes take turns:
/// a save, an upload and a removal never overlap, so each knows the version it starts from. Each save names
/// that version, and a save from a page opened before another tab or device saved is refused by the engine
/// (<see cref="RefusalCodes.Stale"/>) instead of overwriting that work: the draft is read again and the page is
/// told through <see cref="Reloaded"/>. <see cref="SaveState.Saved"/> is only ever reported after the engine's
/// transaction committed.
/// </summary>
internal sealed partial class DraftAutosave : IAsyncDisposable
{
    /// <summary>The pause after the last change before it is written (the browser adds its own pause while typing).</summary>
    public static readonly TimeSpan DefaultDelay = TimeSpan.FromMilliseconds(500);

    /// <summary>How long to wait before trying again after the service was busy or a write failed.</summary>
    public static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(3);

    private readonly Applications _applications;
    private readonly Actor _applicant;
    private readonly TimeProvider _clock;
    private readonly ILogger _logger;
    private readonly ITimer _timer;
    private readonly SemaphoreSlim _turn = new(1, 1);
    private readonly Lock _lock = new();

    /// <summary>Answers changed on the page and not yet written; null when there is nothing to write.</summary>
    private Answers? _pending;

    /// <summary>The answers as last asked for (written or pending), as JSON: a change back to them is no change.</summary>
    private string _latest;
    private bool _disposed;

    public DraftAutosave(Applications applications, Actor applicant, Application application, TimeProvider clock, ILogger logger, TimeSpan? delay = null)
    {
        ArgumentNullException.ThrowIfNull(applications);
        ArgumentNullException.ThrowIfNull(applicant);
        ArgumentNullException.ThrowIfNull(application);
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(logger);
        _applications = applications;
        _applicant = applicant;
        _clock = clock;
        _logger = logger;
        Application = application;
        Delay = delay ?? DefaultDelay;
        _latest = application.Answers.ToJson();
        _timer = clock.CreateTimer(_ => _ = SaveInTurnAsync(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    public TimeSpan Delay { get; }

    /// <summary>The application as last stored by (or read again for) this page.</summary>
    public Application Application { get; private set; }

    public SaveStatus Status { get; private set; } = SaveStatus.Idle;

    /// <summary>Whether answers changed on the page are still waiting to be written.</summary>
    public bool HasPending
    {
        get
        {
            lock (_lock)
                return _pending is not null;
        }
    }

    /// <summary>Raised when <see cref="Status"/> changes, possibly from a timer's thread: re-render through <c>InvokeAsync</c>.</summary>
    public event Action? Changed;

    /// <summary>Raised when the draft was read again because it changed elsewhere: the page shows these answers and documents.</summary>
    public event Action<Application>? Reloaded;

    /// <summary>The answers changed on the page: they are written after <see cref="Delay"/> without a further change.</summary>
    public void Change(Answers answers)
    {
        ArgumentNullException.ThrowIfNull(answers);
        var json = answers.ToJson();
        lock (_lock)
        {
            if (_disposed || json == _latest)
                return;
            _latest = json;
            _pending = answers;
            _timer.Change(Delay, Timeout.InfiniteTimeSpan);
        }
        SetStatus(Status with { State = SaveState.Pending, Refusal = null });
    }

    /// <summary>Writes what is pending now (a page change, the review), after any write in progress.</summary>
    public Task FlushAsync()
    {
        lock (_lock)
            _timer.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        return SaveInTurnAsync();
    }

    /// <summary>Attaches a file (streamed by the engine into the document store) in the page's turn.</summary>
    public Task<WorkflowResult> AttachAsync(string documentId, string fileName, Stream content) =>
        InTurnAsync(() => _applications.AttachDocumentAsync(Application.Id, _applicant, documentId, fileName, content));

    /// <summary>Removes an attached file in the page's turn.</summary>
    public Task<WorkflowResult> RemoveAsync(string documentId, string fileName) =>
        InTurnAsync(() => _applications.RemoveDocumentAsync(Application.Id, _applicant, documentId, fileName));

    /// <summary>
    /// Empties section <paramref name="section"/> (one filled from an earlier application the person does without): what is
    /// pending is written first, then the section is emptied from the version that wrote, so nothing typed elsewhere is lost.
    /// </summary>
    public async Task<WorkflowResult> EmptySectionAsync(string section)
    {
        await FlushAsync().ConfigureAwait(false);
        var result = await InTurnAsync(() => _applications.EmptySectionAsync(Application.Id, _applicant, section, Application.Version)).ConfigureAwait(false);
        if (result.Application is { } emptied)
        {
            lock (_lock)
            {
                // A change made meanwhile still held the section's old answers: it must not bring them back.
                _pending = _pending?.With(section, null);
                _latest = (_pending ?? emptied.Answers).ToJson();
            }
            SetStatus(new SaveStatus(HasPending ? SaveState.Pending : SaveState.Saved, _clock.GetLocalNow()));
        }
        return result;
    }

    private async Task<WorkflowResult> InTurnAsync(Func<Task<WorkflowResult>> write)
    {
        await _turn.WaitAsync().ConfigureAwait(false);
        try
        {
            var result = await write().ConfigureAwait(false);
            if (result.Application is { } stored)
                Application = stored;
            return result;
        }
        finally
        {
            _turn.Release();
        }
    }

    /// <summary>Writes the pending answers when it is this page's turn; never throws (it also runs from the timer).</summary>
    private async Task SaveInTurnAsync()
    {
        await _turn.WaitAsync().ConfigureAwait(false);
        try
        {
            await SaveAsync().ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Reading the draft again failed: nothing is shown as saved, the next change tries again.
            SaveFailed(e, Application.Id);
            SetStatus(Status with { State = SaveState.Failed, Refusal = null });
        }
        finally
        {
            _turn.Release();
        }
    }

    private async Task SaveAsync()
    {
        Answers? answers;
        lock (_lock)
        {
            answers = _pending;
            _pending = null;
        }
        if (answers is null)
            return;

        SetStatus(Status with { State = SaveState.Saving });
        WorkflowResult result;
        try
        {
            result = await _applications.SaveAnswersAsync(Application.Id, _applicant, answers, Application.Version).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The database failed (disk, I/O): keep the answers and try again; nothing is shown as saved.
            SaveFailed(e, Application.Id);
            Retry(answers, null);
            return;
        }

        if (result.Application is { } saved)
        {
            Application = saved;
            SetStatus(new SaveStatus(HasPending ? SaveState.Pending : SaveState.Saved, _clock.GetLocalNow()));
        }
        else if (result.Refusal is { Code: RefusalCodes.Busy } busy)
            Retry(answers, busy);
        else
            await ReloadAsync(result.Refusal).ConfigureAwait(false);
    }

    /// <summary>Keeps <paramref name="answers"/> to write later, unless a newer change replaced them meanwhile.</summary>
    private void Retry(Answers answers, Refusal? why)
    {
        lock (_lock)
        {
            if (_disposed)
                return;
            _pending ??= answers;
            _timer.Change(RetryDelay, Timeout.InfiniteTimeSpan);
        }
        SetStatus(Status with { State = SaveState.Failed, Refusal = why });
    }

    /// <summary>
    /// The save was refused for a reason a retry cannot fix (changed elsewhere, submitted from another tab,
    /// no longer editable): the draft is read again as stored and the page shows it, with the reason.
    /// </summary>
    private async Task ReloadAsync(Refusal? why)
    {
        var read = await _applications.GetAsync(Application.Id, _applicant).ConfigureAwait(false);
        if (read.Value is not { } fresh)
        {
            SetStatus(Status with { State = SaveState.Failed, Refusal = why ?? read.Refusal });
            return;
        }
        lock (_lock)
        {
            _pending = null;
            _latest = fresh.Answers.ToJson();
            Application = fresh;
        }
        SetStatus(Status with { State = SaveState.Reloaded, Refusal = why });
        Reloaded?.Invoke(fresh);
    }

    private void SetStatus(SaveStatus status)
    {
        Status = status;
        Changed?.Invoke();
    }

    /// <summary>Stops the timer and writes what is still pending: closing the tab or losing the circuit keeps every change the server received.</summary>
    public async ValueTask DisposeAsync()
    {
        lock (_lock)
            _disposed = true;
        await _timer.DisposeAsync().ConfigureAwait(false);
        await SaveInTurnAsync().ConfigureAwait(false);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Autosave of application {Id} failed; it is tried again")]
    private partial void SaveFailed(Exception exception, Guid id);
}
