using EmploymentProcedures.Engine.Definitions;
using EmploymentProcedures.Engine.Diagnostics;

namespace EmploymentProcedures.Engine.Loading;

/// <summary>What loading one file gives: the definition (when it could be bound) and every finding.</summary>
public sealed record LoadResult(ProcedureDefinition? Definition, IReadOnlyList<Diagnostic> Diagnostics)
{
    public bool HasErrors => Definition is null || Diagnostics.Any(d => d.IsError);

    /// <summary>The definition, for code that must not run a definition with errors.</summary>
    public ProcedureDefinition DefinitionOrThrow() =>
        !HasErrors ? Definition! : throw new InvalidOperationException("the definition has errors:" + Environment.NewLine + string.Join(Environment.NewLine, Diagnostics.Where(d => d.IsError)));
}
