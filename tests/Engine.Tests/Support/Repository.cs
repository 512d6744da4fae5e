namespace EmploymentProcedures.Engine.Tests.Support;

/// <summary>Paths in the source tree, found by walking up from the test binaries to the solution file.</summary>
internal static class Repository
{
    public static string Root { get; } = FindRoot();

    public static string Procedures => Path.Combine(Root, "procedures");

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
