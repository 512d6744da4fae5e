using System.Globalization;

namespace EmploymentProcedures.Engine.Diagnostics;

/// <summary>A stable code with its message template; every diagnostic is made from one of these.</summary>
public sealed record DiagnosticDescriptor(string Code, Severity Severity, string Template)
{
    public Diagnostic At(SourceSpan span, params object?[] args) =>
        new(Severity, Code, string.Format(CultureInfo.InvariantCulture, Template, args), span);
}
