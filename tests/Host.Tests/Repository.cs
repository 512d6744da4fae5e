using EmploymentProcedures.Engine.Loading;

namespace EmploymentProcedures.Host.Tests;

/// <summary>The repository's real procedures, loaded once for all tests.</summary>
internal static class Repository
{
    public static string Root { get; } = FindRoot();

    private static readonly Lazy<ProcedureCatalog> LazyCatalog = new(() => ProcedureCatalog.Load(Path.Combine(Root, "procedures")));

    public static ProcedureCatalog Catalog => LazyCatalog.Value;

    private static string FindRoot()
    {
        for (var directory = AppContext.BaseDirectory; directory is not null; directory = Path.GetDirectoryName(directory))
        {
            if (File.Exists(Path.Combine(directory, "EmploymentProcedures.sln")))
                return directory;
        }
        throw new InvalidOperationException("EmploymentProcedures.sln not found above " + AppContext.BaseDirectory);
    }
}
