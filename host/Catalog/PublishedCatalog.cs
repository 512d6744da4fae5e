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
    private Snapshot _current = new(initial, new CatalogIndex(initial));

    public ProcedureCatalog Catalog => Volatile.Read(ref _current).Catalog;

    public CatalogIndex Index => Volatile.Read(ref _current).Index;

    /// <summary>
    /// Serves <paramref name="definitions"/> from now on, each in place of the version with its id, as one new snapshot
    /// (the search index is folded once, however many changed).
    /// </summary>
    public void Serve(params IReadOnlyCollection<ProcedureDefinition> definitions)
    {
        ArgumentNullException.ThrowIfNull(definitions);
        if (definitions.Count == 0)
            return;
        lock (_publishing)
        {
            var catalog = definitions.Aggregate(_current.Catalog, (served, definition) => served.With(definition));
            Volatile.Write(ref _current, new Snapshot(catalog, new CatalogIndex(catalog)));
        }
    }

    private sealed record Snapshot(ProcedureCatalog Catalog, CatalogIndex Index);
}
