namespace EmploymentProcedures.Engine.Diagnostics;

/// <summary>Expression diagnostics, EP0400–EP0499: syntax, names, types and limits of expressions.</summary>
public static partial class DiagnosticCodes
{
    /// <summary>{0} what was expected, {1} what was found, {2} an optional hint starting with "; ".</summary>
    public static readonly DiagnosticDescriptor ExpressionSyntax =
        new("EP0401", Severity.Error, "syntax error in expression: expected {0} but found {1}{2}");

    /// <summary>{0} the name, {1} " (did you mean 'x'?)" or a hint.</summary>
    public static readonly DiagnosticDescriptor ExpressionUnknownField =
        new("EP0402", Severity.Error, "unknown field '{0}'{1}");

    /// <summary>{0} the name, {1} " (did you mean 'x'?)" or empty, {2} the known functions.</summary>
    public static readonly DiagnosticDescriptor ExpressionUnknownFunction =
        new("EP0403", Severity.Error, "unknown function '{0}'{1}; the functions are: {2}");

    /// <summary>{0} the function, {1} "1 argument", {2} the number given.</summary>
    public static readonly DiagnosticDescriptor ExpressionWrongArity =
        new("EP0404", Severity.Error, "function '{0}' takes {1}, got {2}");

    /// <summary>{0} the left operand, {1} the right operand, {2} the operator, {3} a hint starting with "; ".</summary>
    public static readonly DiagnosticDescriptor ExpressionComparisonMismatch =
        new("EP0405", Severity.Error, "cannot compare {0} with {1} using '{2}'{3}");

    /// <summary>{0} the argument position, {1} the function, {2} the expected type, {3} the argument, {4} its type.</summary>
    public static readonly DiagnosticDescriptor ExpressionArgumentType =
        new("EP0406", Severity.Error, "argument {0} of '{1}' must be {2}, but {3} is {4}");

    /// <summary>{0} the expected type, {1} the actual type, {2} a hint starting with "; ".</summary>
    public static readonly DiagnosticDescriptor ExpressionExpectedType =
        new("EP0407", Severity.Error, "this expression must be {0}, but it is {1}{2}");

    /// <summary>{0} the pattern, {1} the reason given by the regex parser.</summary>
    public static readonly DiagnosticDescriptor ExpressionInvalidRegex =
        new("EP0408", Severity.Error, "invalid regular expression {0} in 'matches': {1}");

    /// <summary>{0} what is too large, {1} the limit.</summary>
    public static readonly DiagnosticDescriptor ExpressionTooComplex =
        new("EP0409", Severity.Error, "expression is too {0} (the limit is {1}); split it into computed fields");

    /// <summary>{0} the value, {1} its type, {2} the fix.</summary>
    public static readonly DiagnosticDescriptor ExpressionNoMembers =
        new("EP0410", Severity.Error, "cannot use '.' on '{0}': it is a {1}{2}");

    /// <summary>{0} the kind of literal, {1} the literal, {2} the reason and fix.</summary>
    public static readonly DiagnosticDescriptor ExpressionInvalidLiteral =
        new("EP0411", Severity.Error, "invalid {0} {1}: {2}");

    /// <summary>{0} the record, {1} the member, {2} " (did you mean 'x'?)" or the members.</summary>
    public static readonly DiagnosticDescriptor ExpressionUnknownMember =
        new("EP0412", Severity.Error, "'{0}' has no member '{1}'{2}");

    /// <summary>{0} the operator, {1} what it needs, {2} the operand, {3} its type.</summary>
    public static readonly DiagnosticDescriptor ExpressionOperandType =
        new("EP0413", Severity.Error, "operator '{0}' needs {1}, but {2} is {3}");

    /// <summary>{0} the element, {1} its type, {2} the type of the first element.</summary>
    public static readonly DiagnosticDescriptor ExpressionListElementType =
        new("EP0414", Severity.Error, "all items of a list must have the same type, but {0} is {1} and the first item is {2}");

    /// <summary>{0} the argument found.</summary>
    public static readonly DiagnosticDescriptor ExpressionRegexNotLiteral =
        new("EP0415", Severity.Error, "the pattern of 'matches' must be a text literal such as \"^[0-9]+$\", but found {0}");
}
