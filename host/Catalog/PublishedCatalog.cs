using EmploymentProcedures.Engine.Definitions;
using EmploymentProcedures.Engine.Loading;

namespace EmploymentProcedures.Host.Catalog;

/// <summary>
/// What the portal serves now: the catalog and its search index, swapped as one immutable snapshot when an
/// analyst publishes from the designer, so the new version is served with no restart. Readers take the
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

    /// <summary>Serves <paramref name="definition"/> from now on, in place of the version with its id.</summary>
    public void Serve(ProcedureDefinition definition)
    {
        lock (_publishing)
        {
            var catalog = _current.Catalog.With(definition);
            Volatile.Write(ref _current, new Snapshot(catalog, new CatalogIndex(catalog)));
        }
    }

    private sealed record Snapshot(ProcedureCatalog Catalog, CatalogIndex Index);
}
