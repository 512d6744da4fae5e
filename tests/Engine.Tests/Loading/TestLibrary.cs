using EmploymentProcedures.Engine.Loading;

namespace EmploymentProcedures.Engine.Tests.Loading;

/// <summary>The repository's procedure library and catalog, each read once for all tests.</summary>
internal static class TestLibrary
{
    private static readonly Lazy<ProcedureLibrary> LibraryValue = new(() => ProcedureLibrary.Load(RepositoryPaths.Procedures));

    private static readonly Lazy<ProcedureCatalog> CatalogValue = new(() => ProcedureCatalog.Load(RepositoryPaths.Procedures));

    public static ProcedureLibrary Library => LibraryValue.Value;

    /// <summary>The 55 procedures as the host loads them.</summary>
    public static ProcedureCatalog Catalog => CatalogValue.Value;

    public static ProcedureLoader Loader() => new(Library);
}
