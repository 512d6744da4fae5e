using System.Security.Cryptography;
using System.Text;
using EmploymentProcedures.Engine.Definitions;
using EmploymentProcedures.Engine.Loading;
using EmploymentProcedures.Engine.Storage;
using Microsoft.Extensions.Options;

namespace EmploymentProcedures.Host.Catalog;

/// <summary>
/// Keeps this instance's catalog up with what the database says is published and retired. Every
/// <see cref="PortalOptions.CatalogRefresh"/>, one query reads the latest version number of each procedure
/// (<see cref="DefinitionStore.LatestVersionsAsync"/>) and compares it with the last one this instance saw; only a newer
/// version is read, from its stored text, through the loader the designer publishes with, and swapped in with
/// <see cref="PublishedCatalog.Serve"/>; a second query reads the retired procedures (<see cref="DefinitionStore.RetirementsAsync"/>)
/// and hands them to <see cref="PublishedCatalog.Retire"/>. The start's baseline is the same round from nothing: after
/// the folder's files are published (each becoming its procedure's latest version), it serves every procedure whose latest
/// version is only in the database (published from the designer, no file), so a restarted instance serves what a
/// caught-up one does. A version the current library cannot load is logged and left out; the next version of that
/// procedure is tried when it comes. Runs on every instance: each has its own catalog.
/// </summary>
internal sealed partial class CatalogRefresh(
    DefinitionStore store, PublishedCatalog served, TimeProvider clock, IOptions<PortalOptions> options, ILogger<CatalogRefresh> logger) : BackgroundService
{
    private readonly SemaphoreSlim _round = new(1, 1);

    /// <summary>The latest version of each procedure this instance has seen (served, or found not to load); null before the baseline.</summary>
    private Dictionary<string, int>? _seen;

    private long _lastCaughtUp;

    /// <summary>When the last round ended with this instance serving every version published (null before the first).</summary>
    public DateTimeOffset? LastCaughtUp => Interlocked.Read(ref _lastCaughtUp) is var ticks and > 0 ? new DateTimeOffset(ticks, TimeSpan.Zero) : null;

    /// <summary>
    /// The start's round, called once the folder's files are published: serves every procedure whose latest version this
    /// instance does not serve yet (those published from the designer only), and the retirements; the rounds after it
    /// serve only what is published or retired later. Returns the procedures served from the database only.
    /// </summary>
    public async Task<IReadOnlyList<string>> BaselineAsync(CancellationToken cancellationToken = default)
    {
        await _round.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            _seen = new(StringComparer.Ordinal);
            await CatchUpAsync(cancellationToken).ConfigureAwait(false);
            return served.DatabaseOnly;
        }
        finally
        {
            _round.Release();
        }
    }

    /// <summary>One round: serves every version published since the last one and the retirements as they are now; returns how many definitions were swapped in.</summary>
    public async Task<int> RoundAsync(CancellationToken cancellationToken = default)
    {
        if (_seen is null)
        {
            await BaselineAsync(cancellationToken).ConfigureAwait(false);
            return 0;
        }
        await _round.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await CatchUpAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _round.Release();
        }
    }

    /// <summary>
    /// Takes the retirements as they are in the database now, at once: what the designer calls after a retirement or a
    /// reinstatement on this instance. Serialised with the rounds, so a round that read them before the change cannot
    /// hand the older state to the catalog after it.
    /// </summary>
    public async Task TakeRetirementsAsync(CancellationToken cancellationToken = default)
    {
        await _round.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await RetireAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _round.Release();
        }
    }

    private async Task<int> CatchUpAsync(CancellationToken cancellationToken)
    {
        var latest = await store.LatestVersionsAsync(cancellationToken).ConfigureAwait(false);
        var newer = new List<(ProcedureDefinition, int)>();
        var ids = new List<string>();
        foreach (var (procedureId, version) in latest.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            if (_seen!.TryGetValue(procedureId, out var seen) && seen >= version)
                continue;
            if (await LoadAsync(procedureId, version, cancellationToken).ConfigureAwait(false) is { } definition)
            {
                newer.Add((definition, version));
                ids.Add($"{procedureId} v{version}");
            }
            _seen[procedureId] = version;
        }
        served.Serve(newer);
        await RetireAsync(cancellationToken).ConfigureAwait(false);
        Interlocked.Exchange(ref _lastCaughtUp, clock.GetUtcNow().UtcTicks);
        if (newer.Count > 0)
            Served(newer.Count, ids);
        return newer.Count;
    }

    private async Task RetireAsync(CancellationToken cancellationToken)
    {
        var retired = await store.RetirementsAsync(cancellationToken).ConfigureAwait(false);
        if (served.Retire(retired))
        {
            var names = retired.Keys.Order(StringComparer.Ordinal).ToList();
            RetiredNow(names.Count, names);
        }
    }

    /// <summary>
    /// Version <paramref name="version"/> of <paramref name="procedureId"/> loaded from its stored text; null when this
    /// instance already serves that text (it published it) or when it does not load (logged).
    /// </summary>
    private async Task<ProcedureDefinition?> LoadAsync(string procedureId, int version, CancellationToken cancellationToken)
    {
        var text = await store.TextAsync(procedureId, version, cancellationToken).ConfigureAwait(false);
        if (text is null)
            return null;
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
        var catalog = served.Catalog;
        if (catalog.Definitions.TryGetValue(procedureId, out var current) && current.ContentHash == hash)
            return null;
        // The path must be the id's file name, as when the designer published it: the linter checks that the id matches.
        var result = new ProcedureLoader(catalog.Library).LoadText(text, procedureId + ".yaml");
        if (!result.HasErrors)
            return result.Definition;
        NotLoaded(procedureId, version, string.Join(Environment.NewLine, result.Diagnostics.Where(d => d.IsError)));
        return null;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var period = options.Value.CatalogRefresh;
        if (period <= TimeSpan.Zero)
            return;
        using var timer = new PeriodicTimer(period, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
        {
            try
            {
                await RoundAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                RoundFailed(e);
            }
        }
    }

    public override void Dispose()
    {
        _round.Dispose();
        base.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Catalog: {Count} definition(s) published in the database now served here: {Procedures}")]
    private partial void Served(int count, IReadOnlyList<string> procedures);

    [LoggerMessage(Level = LogLevel.Information, Message = "Catalog: the retired procedures are now {Count}, closed to new applications here: {Procedures}")]
    private partial void RetiredNow(int count, IReadOnlyList<string> procedures);

    [LoggerMessage(Level = LogLevel.Error, Message = "Catalog: version {Version} of '{Procedure}' is published but does not load here, so it is not served (the previous version, if any, stays):\n{Diagnostics}")]
    private partial void NotLoaded(string procedure, int version, string diagnostics);

    [LoggerMessage(Level = LogLevel.Error, Message = "Catalog: looking for definitions published by another instance failed; the next round tries again")]
    private partial void RoundFailed(Exception exception);
}
