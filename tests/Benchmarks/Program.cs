using System.Globalization;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;
using EmploymentProcedures.Benchmarks;
using EmploymentProcedures.Engine.Loading;

// `circuits [count] [sections]` measures the server memory of live form circuits; `seed <file> <count>` fills a
// database for the inbox and dashboard figures; anything else goes to BenchmarkDotNet.
if (args is ["circuits", ..])
{
    var circuits = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 20;
    var sections = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 10;
    return await CircuitMemory.RunAsync(circuits, sections);
}
// dotnet run -c Release --project tests/Benchmarks -- mail [runs]: the e-mail dispatcher over 10,000 notifications, timed.
if (args is ["mail", ..])
    return await MailBenchmarks.MeasureAsync(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 3);
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
        $"{report.Applications:N0} applications ({report.Pending:N0} pending, {report.PendingRows:N0} pending-work rows, {report.Labels:N0} labels) seeded into {file} in {report.Took.TotalSeconds:N0} s (rows written in {report.Inserted.TotalSeconds:N0} s)"));
    return 0;
}

// BenchmarkDotNet builds a project of its own around these benchmarks (the whole solution's graph) before running them out
// of process: on a shared machine that takes more than its default two minutes, so it is given ten.
BenchmarkSwitcher.FromAssembly(typeof(BenchForm).Assembly).Run(args, ManualConfig.Create(DefaultConfig.Instance).WithBuildTimeout(TimeSpan.FromMinutes(10)));
return 0;
