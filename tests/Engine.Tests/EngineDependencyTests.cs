using EmploymentProcedures.Engine.Definitions;

namespace EmploymentProcedures.Engine.Tests;

public sealed class EngineDependencyTests
{
    [Fact]
    public void Engine_References_NothingFromAspNetCore()
    {
        var references = typeof(ProcedureDefinition).Assembly.GetReferencedAssemblies().Select(a => a.Name ?? "");
        Assert.DoesNotContain(references, name => name.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal));
    }
}
