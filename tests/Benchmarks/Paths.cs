namespace EmploymentProcedures.Benchmarks;

internal static class Paths
{
    public static string Procedures { get; } = Find();

    private static string Find()
    {
        for (var directory = Environment.CurrentDirectory; directory is not null; directory = Path.GetDirectoryName(directory))
        {
            if (File.Exists(Path.Combine(directory, "EmploymentProcedures.sln")))
                return Path.Combine(directory, "procedures");
        }
        for (var directory = AppContext.BaseDirectory; directory is not null; directory = Path.GetDirectoryName(directory))
        {
            if (File.Exists(Path.Combine(directory, "EmploymentProcedures.sln")))
                return Path.Combine(directory, "procedures");
        }
        throw new InvalidOperationException("run the benchmarks from the repository");
    }
}
