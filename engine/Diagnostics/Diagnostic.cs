namespace EmploymentProcedures.Engine.Diagnostics;

/// <summary>
/// One finding about a definition, printed as <c>file(line,col): error EP0123: message</c>,
/// the format editors, the CLI and the designer all understand.
/// </summary>
/// <param name="IncludedFrom">For findings inside a fragment: the line of the procedure that included it.</param>
public sealed record Diagnostic(Severity Severity, string Code, string Message, SourceSpan Span, SourceSpan? IncludedFrom = null)
{
    public bool IsError => Severity == Severity.Error;

    public override string ToString()
    {
        var severity = Severity == Severity.Error ? "error" : "warning";
        var text = $"{Span}: {severity} {Code}: {Message}";
        return IncludedFrom is { } from ? $"{text} (included from {from})" : text;
    }
}
