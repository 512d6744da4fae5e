using System.Globalization;
using BenchmarkDotNet.Running;
using EmploymentProcedures.Benchmarks;

// `circuits [count] [sections]` measures the server memory of live form circuits; anything else goes to BenchmarkDotNet.
if (args is ["circuits", ..])
{
    var circuits = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 20;
    var sections = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 10;
    return await CircuitMemory.RunAsync(circuits, sections);
}
BenchmarkSwitcher.FromAssembly(typeof(BenchForm).Assembly).Run(args);
return 0;
