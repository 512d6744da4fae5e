using EmploymentProcedures.Engine.Workflow;

namespace EmploymentProcedures.Cli;

/// <summary><c>procedures test</c>: runs every scenario of the definitions, one line each, then the totals.</summary>
internal static class TestCommand
{
    public static int Run(IReadOnlyList<string> paths, TextWriter output, TextWriter error)
    {
        if (DefinitionPaths.Resolve(paths, error) is not { } resolved)
            return ProceduresCommand.UsageOrIo;
        int passed = 0, failed = 0;
        foreach (var (loader, file) in resolved.Files)
        {
            var result = loader.LoadFile(file);
            if (result.HasErrors)
            {
                foreach (var diagnostic in result.Diagnostics.Where(d => d.IsError))
                    output.WriteLine(diagnostic);
                output.WriteLine($"FAIL {file}: the definition has errors; its scenarios cannot run");
                failed++;
                continue;
            }
            foreach (var scenario in ScenarioRunner.Run(result.Definition!, loader.Library.Roles))
            {
                var location = $"{file}({scenario.Scenario.Span.Line},{scenario.Scenario.Span.Column})";
                output.WriteLine($"{(scenario.Passed ? "pass" : "FAIL")} {location}: {scenario.Scenario.Name}: {scenario.Detail}");
                if (scenario.Passed)
                    passed++;
                else
                    failed++;
            }
        }
        output.WriteLine($"{passed} passed, {failed} failed");
        return failed > 0 ? ProceduresCommand.Findings : ProceduresCommand.Success;
    }
}
