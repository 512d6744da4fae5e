namespace EmploymentProcedures.Engine.Tests.Loading;

/// <summary>Folders of the source tree, found from the test's base directory by walking up to the solution.</summary>
internal static class RepositoryPaths
{
    private static readonly Lazy<string> RootPath = new(FindRoot);

    /// <summary>The folder holding <c>EmploymentProcedures.sln</c>.</summary>
    public static string Root => RootPath.Value;

    /// <summary>The repository's <c>procedures</c> folder.</summary>
    public static string Procedures => Path.Combine(Root, "procedures");

    /// <summary>The golden lint cases, read from the source tree (they are not copied to the output).</summary>
    public static string Cases => Path.Combine(Root, "tests", "Engine.Tests", "Loading", "Cases");

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "EmploymentProcedures.sln")))
                return directory.FullName;
        }
        throw new InvalidOperationException($"EmploymentProcedures.sln was not found above {AppContext.BaseDirectory}");
    }
}
