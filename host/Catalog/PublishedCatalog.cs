using System.Collections.Immutable;
using EmploymentProcedures.Engine.Definitions;
using EmploymentProcedures.Engine.Loading;

namespace EmploymentProcedures.Host.Catalog;

/// <summary>
/// What the portal serves now: the catalog and its search index, swapped as one immutable snapshot when an
/// analyst publishes from the designer on this instance, or when <see cref="CatalogRefresh"/> finds versions another
/// instance sharing the database published, so the new version is served with no restart. Readers take the
/// current snapshot without a lock (pages receive it once per request or circuit, as the scoped
/// <see cref="ProcedureCatalog"/> and <see cref="CatalogIndex"/>); publishers are serialised so two
/// publications never lose one another. Applications in progress are unaffected: they are pinned to their
/// version in storage.
/// </summary>
public sealed class PublishedCatalog(ProcedureCatalog initial)
{
    private readonly Lock _publishing = new();
    private Snapshot _current = new(initial, new CatalogIndex(initial), ImmutableDictionary<string, int>.Empty.WithComparers(StringComparer.Ordinal));

    public ProcedureCatalog Catalog => Volatile.Read(ref _current).Catalog;

    public CatalogIndex Index => Volatile.Read(ref _current).Index;

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
            Volatile.Write(ref _current, new Snapshot(catalog, new CatalogIndex(catalog), versions));
        }
    }

    /// <summary>The catalog, its index, and the stored version of each definition served since the start (those from the folder have none here).</summary>
    private sealed record Snapshot(ProcedureCatalog Catalog, CatalogIndex Index, ImmutableDictionary<string, int> Versions);
}
