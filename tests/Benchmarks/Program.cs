using System.Globalization;
using BenchmarkDotNet.Running;
using EmploymentProcedures.Benchmarks;
using EmploymentProcedures.Engine.Loading;

// dotnet run -c Release --project tests/Benchmarks -- seed <database file> <applications>
if (args is ["seed", var file, var count])
{
    if (!int.TryParse(count, NumberStyles.None, CultureInfo.InvariantCulture, out var applications) || applications < 1)
    {
        Console.Error.WriteLine($"'{count}' is not a number of applications; usage: seed <database file> <applications>");
        return 2;
    }
    var report = await InboxSeeder.SeedAsync(Path.GetFullPath(file), ProcedureCatalog.Load(Paths.Procedures), applications, DateOnly.FromDateTime(DateTime.Today));
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{report.Applications:N0} applications ({report.Pending:N0} pending, {report.PendingRows:N0} pending-work rows) seeded into {file} in {report.Took.TotalSeconds:N0} s (rows written in {report.Inserted.TotalSeconds:N0} s)"));
    return 0;
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
