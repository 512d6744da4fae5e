using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using EmploymentProcedures.Engine.Definitions;
using EmploymentProcedures.Engine.Loading;
using EmploymentProcedures.Engine.Storage.Rows;
using EmploymentProcedures.Engine.Workflow;
using Microsoft.EntityFrameworkCore;

namespace EmploymentProcedures.Engine.Storage;

/// <summary>
/// Published definitions: each version is the exact YAML text, immutable, numbered 1, 2, 3... per procedure.
/// Publishing the same text again changes nothing. An application is pinned to the version it was started
/// on and keeps running on it after newer versions are published; a version is loaded back from its text
/// through the engine's loader once, then cached.
/// </summary>
public sealed partial class DefinitionStore
{
    private readonly IDbContextFactory<ProceduresDb> _databases;
    private readonly ProcedureLoader _loader;
    private readonly TimeProvider _clock;
    private readonly ConcurrentDictionary<(string Id, int Version), ProcedureDefinition> _loaded = new();

    public DefinitionStore(IDbContextFactory<ProceduresDb> databases, ProcedureLibrary library, TimeProvider? clock = null)
    {
        ArgumentNullException.ThrowIfNull(databases);
        ArgumentNullException.ThrowIfNull(library);
        _databases = databases;
        _loader = new ProcedureLoader(library);
        _clock = clock ?? TimeProvider.System;
    }

    /// <summary>The shared library (roles, lists, fragments) definitions are loaded with.</summary>
    public ProcedureLibrary Library => _loader.Library;

    /// <summary>
    /// Publishes <paramref name="definition"/>, loaded from <paramref name="yaml"/>: a new version when its
    /// content differs from the latest one, else the latest version as it is (<see cref="PublishedDefinition.Created"/> false).
    /// </summary>
    /// <exception cref="ArgumentException">The text is not the one the definition was loaded from.</exception>
    public async Task<PublishedDefinition> PublishAsync(ProcedureDefinition definition, string yaml, Actor? publisher = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(yaml);
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(yaml)));
        if (hash != definition.ContentHash)
            throw new ArgumentException($"the text given for '{definition.Id}' is not the one it was loaded from (hash {hash}, loaded {definition.ContentHash})", nameof(yaml));

        await using var db = await _databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var latest = await db.Definitions.AsNoTracking()
            .Where(d => d.ProcedureId == definition.Id)
            .OrderByDescending(d => d.Version)
            .Select(d => new { d.Version, d.ContentHash })
            .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        if (latest is not null && latest.ContentHash == hash)
        {
            _loaded.TryAdd((definition.Id, latest.Version), definition);
            return new PublishedDefinition(definition, latest.Version, false);
        }

        var version = (latest?.Version ?? 0) + 1;
        var now = _clock.GetUtcNow().UtcDateTime;
        db.Definitions.Add(new StoredDefinition { ProcedureId = definition.Id, Version = version, ContentHash = hash, Yaml = yaml, PublishedAt = now });
        var who = publisher ?? Actor.System;
        await AuditLog.AppendAsync(db, [new AuditEntry
        {
            ActorId = who.UserId,
            ActorName = who.Name,
            ActorRole = who.Role,
            Kind = StorageEvents.Published,
            Detail = $"{definition.Id} v{version} {hash}",
            PreviousHash = "",
            Hash = "",
        }], now, cancellationToken).ConfigureAwait(false);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        _loaded.TryAdd((definition.Id, version), definition);
        return new PublishedDefinition(definition, version, true);
    }

    /// <summary>Publishes every definition of <paramref name="catalog"/> that loaded without errors, reading each file's text again.</summary>
    public async Task<IReadOnlyList<PublishedDefinition>> PublishAllAsync(ProcedureCatalog catalog, Actor? publisher = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        var byHash = catalog.Definitions.Values.ToDictionary(d => d.ContentHash, StringComparer.Ordinal);
        var published = new List<PublishedDefinition>();
        foreach (var file in ProcedureCatalog.DefinitionFiles(catalog.Library.Directory))
        {
            var bytes = await File.ReadAllBytesAsync(file, cancellationToken).ConfigureAwait(false);
            if (byHash.TryGetValue(Convert.ToHexStringLower(SHA256.HashData(bytes)), out var definition))
                published.Add(await PublishAsync(definition, Encoding.UTF8.GetString(bytes), publisher, cancellationToken).ConfigureAwait(false));
        }
        return published;
    }

    /// <summary>The latest published version of <paramref name="procedureId"/>, or null when it was never published.</summary>
    public async Task<PublishedDefinition?> LatestAsync(string procedureId, CancellationToken cancellationToken = default)
    {
        await using var db = await _databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var version = await db.Definitions.AsNoTracking()
            .Where(d => d.ProcedureId == procedureId)
            .MaxAsync(d => (int?)d.Version, cancellationToken).ConfigureAwait(false);
        return version is { } latest && await GetAsync(db, procedureId, latest, cancellationToken).ConfigureAwait(false) is { } definition
            ? new PublishedDefinition(definition, latest, false)
            : null;
    }

    /// <summary>The latest published version of every procedure, by id.</summary>
    public async Task<IReadOnlyList<PublishedDefinition>> PublishedAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await _databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var latest = await LatestVersionsAsync(db, cancellationToken).ConfigureAwait(false);
        var published = new List<PublishedDefinition>(latest.Count);
        foreach (var (procedureId, version) in latest.OrderBy(r => r.Key, StringComparer.Ordinal))
        {
            if (await GetAsync(db, procedureId, version, cancellationToken).ConfigureAwait(false) is { } definition)
                published.Add(new PublishedDefinition(definition, version, false));
        }
        return published;
    }

    /// <summary>
    /// The number of the latest version of every procedure ever published, by id, with no text read: what an instance
    /// compares with the versions it serves to notice publications made by another instance sharing the database. One
    /// query over the unique index on (procedure, version).
    /// </summary>
    public async Task<IReadOnlyDictionary<string, int>> LatestVersionsAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await _databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await LatestVersionsAsync(db, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<Dictionary<string, int>> LatestVersionsAsync(ProceduresDb db, CancellationToken cancellationToken) =>
        await db.Definitions.AsNoTracking()
            .GroupBy(d => d.ProcedureId)
            .Select(g => new { ProcedureId = g.Key, Version = g.Max(d => d.Version) })
            .ToDictionaryAsync(r => r.ProcedureId, r => r.Version, StringComparer.Ordinal, cancellationToken).ConfigureAwait(false);

    /// <summary>
    /// The number of the latest version of <paramref name="procedureId"/> and when it was published, as the database says it
    /// now (never this instance's cache: another instance may have published since), read in the caller's context and
    /// transaction; null when never published. One row of the unique index on (procedure, version).
    /// </summary>
    internal static async Task<(int Version, DateTime PublishedAt)?> LatestVersionAsync(ProceduresDb db, string procedureId, CancellationToken cancellationToken)
    {
        var latest = await db.Definitions.AsNoTracking()
            .Where(d => d.ProcedureId == procedureId)
            .OrderByDescending(d => d.Version)
            .Select(d => new { d.Version, d.PublishedAt })
            .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        return latest is null ? null : (latest.Version, latest.PublishedAt);
    }

    /// <summary>The exact text of version <paramref name="version"/> of <paramref name="procedureId"/>, or null when there is no such version.</summary>
    public async Task<string?> TextAsync(string procedureId, int version, CancellationToken cancellationToken = default)
    {
        await using var db = await _databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await db.Definitions.AsNoTracking()
            .Where(d => d.ProcedureId == procedureId && d.Version == version)
            .Select(d => d.Yaml)
            .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Exactly version <paramref name="version"/> of <paramref name="procedureId"/>, or null when there is no such version.</summary>
    public async Task<ProcedureDefinition?> GetAsync(string procedureId, int version, CancellationToken cancellationToken = default)
    {
        if (_loaded.TryGetValue((procedureId, version), out var cached))
            return cached;
        await using var db = await _databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await GetAsync(db, procedureId, version, cancellationToken).ConfigureAwait(false);
    }

    internal async Task<ProcedureDefinition?> GetAsync(ProceduresDb db, string procedureId, int version, CancellationToken cancellationToken)
    {
        if (_loaded.TryGetValue((procedureId, version), out var cached))
            return cached;
        var yaml = await db.Definitions.AsNoTracking()
            .Where(d => d.ProcedureId == procedureId && d.Version == version)
            .Select(d => d.Yaml)
            .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        if (yaml is null)
            return null;
        // The path must be the id's file name: the linter checks that the id matches it.
        var result = _loader.Load(Encoding.UTF8.GetBytes(yaml), procedureId + ".yaml");
        if (result.HasErrors)
        {
            throw new InvalidOperationException(
                $"published version {version} of '{procedureId}' no longer loads with the current library (a fragment, list or role it uses changed):"
                + Environment.NewLine + string.Join(Environment.NewLine, result.Diagnostics.Where(d => d.IsError)));
        }
        return _loaded.GetOrAdd((procedureId, version), result.Definition!);
    }
}

/// <summary>A published version of a definition.</summary>
/// <param name="Created">Whether publishing made this version (false: the same text was already the latest).</param>
public sealed record PublishedDefinition(ProcedureDefinition Definition, int Version, bool Created);

/// <summary>Audit kinds storage writes besides the workflow's events (<see cref="WorkflowEvents"/>).</summary>
public static class StorageEvents
{
    public const string Started = "started";

    /// <summary>A section of a new draft was filled from the owner's earlier application; the items: section, reference, day submitted.</summary>
    public const string Carried = "carried";

    /// <summary>A new draft was started from a prefilled link; the items: the paths of the answers it filled (never their values).</summary>
    public const string Prefilled = "prefilled";
    public const string Published = "published";

    /// <summary>An analyst retired a procedure (<see cref="DefinitionStore.RetireAsync"/>): detail the procedure's id, comment the reason.</summary>
    public const string Retired = "retired";

    /// <summary>An analyst reinstated a retired procedure (<see cref="DefinitionStore.ReinstateAsync"/>): detail the procedure's id.</summary>
    public const string Reinstated = "reinstated";
    public const string DeadlineNear = "deadline_near";

    /// <summary>A letter the transition called for could not be rendered: the transition stands, the reason is in the entry.</summary>
    public const string LetterNotIssued = "letter_not_issued";

    /// <summary>A message posted on an application (also the kind of the notification to the other side).</summary>
    public const string MessagePosted = "message_posted";

    /// <summary>A reviewer or an administrator downloaded the application's whole file (<see cref="Applications.DossierAsync"/>).</summary>
    public const string DossierDownloaded = "dossier_downloaded";

    /// <summary>
    /// A partner's system read the application (detail <c>application</c>), one of its files (<c>document 12</c>) or
    /// letters (<c>letter 3</c>) through the API (<see cref="Applications.PartnerGetAsync"/>): the actor is the API client.
    /// </summary>
    public const string ReadThroughApi = "read_through_api";

    public const string Claimed = "claimed";

    /// <summary>A reviewer put a label on the application (detail: the label's id). Staff only: never in the applicant's timeline or archive.</summary>
    public const string Labelled = "labelled";

    /// <summary>A reviewer took a label off the application (detail: the label's id). Staff only.</summary>
    public const string Unlabelled = "unlabelled";

    /// <summary>A reviewer marked the applicant's last message as needing no reply: the file leaves "awaiting a reply". Staff only.</summary>
    public const string NoReplyNeeded = "no_reply_needed";

    /// <summary>The kinds of entry that are the staff's own organisation of their work: an applicant is never shown them.</summary>
    public static readonly IReadOnlySet<string> StaffOnly = new HashSet<string>(StringComparer.Ordinal) { Labelled, Unlabelled, NoReplyNeeded };

    public const string Released = "released";

    /// <summary>An administrator sent again a notification whose e-mail had been given up (set aside).</summary>
    public const string MailResent = "mail_resent";

    /// <summary>A closed application's personal data was erased (<see cref="Applications.EraseAsync"/>): the tombstone's audit entry.</summary>
    public const string Erased = "erased";

    /// <summary>
    /// An applicant's draft untouched for long will be deleted: the notification telling them, its comment the day of the
    /// deletion (<c>yyyy-MM-dd</c>), which their page and e-mail say.
    /// </summary>
    public const string DraftExpiring = "draft_expiring";

    /// <summary>
    /// A draft moved to the latest version of its definition before a command (<see cref="Applications"/>): the detail says
    /// from which version to which and what it dropped, by field path and document id, never an answer.
    /// </summary>
    public const string DraftMoved = "draft_moved";

    /// <summary>An abandoned draft was deleted with its files (<see cref="Applications.SweepDraftsAsync"/>).</summary>
    public const string DraftDeleted = "draft_deleted";
}
