namespace EmploymentProcedures.Engine.Diagnostics;

/// <summary>
/// Every diagnostic the loader and the linter can report, with its stable code and message template.
/// Codes never change meaning: EP00xx reading the file, EP01xx the schema, EP02xx references,
/// EP03xx semantic rules, EP04xx expressions, EP05xx templates.
/// </summary>
public static partial class DiagnosticCodes
{
    private static DiagnosticDescriptor Error(string code, string template) => new(code, Severity.Error, template);

    private static DiagnosticDescriptor Warning(string code, string template) => new(code, Severity.Warning, template);

    // EP00xx: reading the file, before and while parsing.
    public static readonly DiagnosticDescriptor FileTooLarge = Error("EP0001", "the file is {0:N0} bytes; a definition may not exceed {1:N0} bytes (split it with fragments)");
    public static readonly DiagnosticDescriptor InvalidUtf8 = Error("EP0002", "the file is not valid UTF-8 (byte 0x{0:X2}); save it as UTF-8");
    public static readonly DiagnosticDescriptor ControlCharacter = Error("EP0003", "the file contains the control character U+{0:X4}; remove it");
    public static readonly DiagnosticDescriptor TabIndentation = Error("EP0004", "a tab is used for indentation; YAML allows only spaces (replace it with two spaces)");
    public static readonly DiagnosticDescriptor TooDeep = Error("EP0005", "nesting is deeper than {0} levels; definitions never need this much (flatten it)");
    public static readonly DiagnosticDescriptor AnchorOrAlias = Error("EP0006", "YAML {0} '{1}' is not allowed in definitions; write the value out, or use a fragment (include:) to share fields");
    public static readonly DiagnosticDescriptor ByteOrderMark = Warning("EP0007", "the file starts with a byte-order mark; save it as UTF-8 without BOM");
    public static readonly DiagnosticDescriptor TagNotAllowed = Error("EP0008", "YAML tag '{0}' is not allowed in definitions; remove it (values are typed by the schema)");
    public static readonly DiagnosticDescriptor SeveralDocuments = Error("EP0009", "the file holds several YAML documents ('---'); a definition is one document");
    public static readonly DiagnosticDescriptor SyntaxError = Error("EP0010", "YAML syntax error: {0}");
    public static readonly DiagnosticDescriptor DuplicateKey = Error("EP0011", "key '{0}' appears twice in the same mapping (first at line {1}); remove one");
    public static readonly DiagnosticDescriptor RootNotMapping = Error("EP0012", "{0}; a definition is a mapping of keys such as 'id:', 'title:' and 'sections:'");
    public static readonly DiagnosticDescriptor TooManyNodes = Error("EP0013", "the file has more than {0:N0} YAML nodes; split it with fragments");
    public static readonly DiagnosticDescriptor ComplexKey = Error("EP0014", "a key must be a plain text; found a {0}");
    public static readonly DiagnosticDescriptor Unreadable = Error("EP0015", "cannot read the file: {0}");

    // EP01xx: the JSON Schema (procedure.schema.json).
    public static readonly DiagnosticDescriptor UnknownKey = Error("EP0101", "unknown key '{0}' in {1}{2}");
    public static readonly DiagnosticDescriptor MissingKey = Error("EP0102", "{0} needs the key '{1}'");
    public static readonly DiagnosticDescriptor WrongType = Error("EP0103", "'{0}' must be {1}, not {2}");
    public static readonly DiagnosticDescriptor NotAllowedValue = Error("EP0104", "'{0}' is not allowed for '{1}'{2}; allowed: {3}");
    public static readonly DiagnosticDescriptor PatternMismatch = Error("EP0105", "'{0}' is not a valid value for '{1}': {2}");
    public static readonly DiagnosticDescriptor SchemaViolation = Error("EP0106", "'{0}': {1}");
}
