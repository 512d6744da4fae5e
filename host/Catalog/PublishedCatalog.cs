using System.Collections.Immutable;
using EmploymentProcedures.Engine.Definitions;
using EmploymentProcedures.Engine.Loading;
using EmploymentProcedures.Engine.Storage;

namespace EmploymentProcedures.Host.Catalog;

/// <summary>
/// What the portal serves now: the catalog, its search index and the retired procedures, swapped as one immutable
/// snapshot when an analyst publishes or retires from the designer on this instance, or when <see cref="CatalogRefresh"/>
/// finds versions or retirements another instance sharing the database wrote, so the change is served with no restart.
/// Readers take the current snapshot without a lock (pages receive it once per request or circuit, as the scoped
/// <see cref="ProcedureCatalog"/> and <see cref="CatalogIndex"/>); publishers are serialised so two publications never
/// lose one another. A retired procedure stays in the catalog (its page says it is closed; the applications on it are
/// still named by their title) but not in the index, so it is neither listed nor found. Applications in progress are
/// unaffected: they are pinned to their version in storage.
/// </summary>
public sealed class PublishedCatalog
{
    private readonly Lock _publishing = new();
    private Snapshot _current;

    public PublishedCatalog(ProcedureCatalog initial)
    {
        ArgumentNullException.ThrowIfNull(initial);
        FromFolder = initial.Definitions.Keys.ToImmutableHashSet(StringComparer.Ordinal);
        _current = new(initial, new CatalogIndex(initial), ImmutableDictionary<string, int>.Empty.WithComparers(StringComparer.Ordinal),
            ImmutableDictionary<string, Retirement>.Empty.WithComparers(StringComparer.Ordinal));
    }

    public ProcedureCatalog Catalog => Volatile.Read(ref _current).Catalog;

    public CatalogIndex Index => Volatile.Read(ref _current).Index;

    /// <summary>The procedures whose file in <c>procedures/</c> this instance loaded at its start.</summary>
    public ImmutableHashSet<string> FromFolder { get; }

    /// <summary>
    /// The procedures served from the database only: published from the designer, with no file in <c>procedures/</c>. Their
    /// text is safe in the database, but not reviewed in the repository: to be exported and committed.
    /// </summary>
    public IReadOnlyList<string> DatabaseOnly =>
        Catalog.Definitions.Keys.Where(id => !FromFolder.Contains(id)).Order(StringComparer.Ordinal).ToList();

    /// <summary>The retirement of <paramref name="procedureId"/> as this instance last saw it; null while it is open.</summary>
    public Retirement? RetirementOf(string procedureId) => Volatile.Read(ref _current).Retired.GetValueOrDefault(procedureId);

    /// <summary>
    /// Serves each of <paramref name="definitions"/> (a definition and its stored version) from now on in place of the
    /// version with its id, as one new snapshot (the search index is folded once, however many changed). A version older
    /// than the one served for its procedure is left out: a catalog refresh that read version 3 while an analyst here
    /// published version 4 does not put 3 back.
    /// </summary>
    public void Serve(params IReadOnlyCollection<(ProcedureDefinition Definition, int Version)> definitions)
    {
        ArgumentNullException.ThrowIfNull(definitions);
        lock (_publishing)
        {
            var current = _current;
            var newer = definitions.Where(d => !current.Versions.TryGetValue(d.Definition.Id, out var served) || served <= d.Version).ToList();
            if (newer.Count == 0)
                return;
            var catalog = newer.Aggregate(current.Catalog, (served, d) => served.With(d.Definition));
            var versions = newer.Aggregate(current.Versions, (served, d) => served.SetItem(d.Definition.Id, d.Version));
            Volatile.Write(ref _current, new Snapshot(catalog, new CatalogIndex(catalog, current.Retired.Keys), versions, current.Retired));
        }
    }

    /// <summary>
    /// Takes <paramref name="retired"/> (every retired procedure, as stored) as the procedures closed to new applications;
    /// false, and the same snapshot, when they are those already known.
    /// </summary>
    public bool Retire(IReadOnlyDictionary<string, Retirement> retired)
    {
        ArgumentNullException.ThrowIfNull(retired);
        lock (_publishing)
        {
            var current = _current;
            if (current.Retired.Count == retired.Count && retired.All(r => current.Retired.TryGetValue(r.Key, out var known) && known == r.Value))
                return false;
            var all = ImmutableDictionary.CreateRange(StringComparer.Ordinal, retired);
            Volatile.Write(ref _current, current with { Index = new CatalogIndex(current.Catalog, all.Keys), Retired = all });
            return true;
        }
    }

    /// <summary>The catalog, its index, the stored version of each definition served since the start (those from the folder have none here), and the retired procedures.</summary>
    private sealed record Snapshot(ProcedureCatalog Catalog, CatalogIndex Index, ImmutableDictionary<string, int> Versions, ImmutableDictionary<string, Retirement> Retired);
}
