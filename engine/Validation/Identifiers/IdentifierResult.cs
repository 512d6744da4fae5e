namespace EmploymentProcedures.Engine.Validation.Identifiers;

/// <summary>
/// The outcome of checking one identifier: the canonical form to store when valid, or a stable error code
/// (a key of <see cref="IdentifierMessages.All"/>) when not.
/// </summary>
public readonly record struct IdentifierResult(string? Normalized, string? ErrorCode)
{
    public bool IsValid => ErrorCode is null;

    public static IdentifierResult Valid(string normalized) => new(normalized, null);

    public static IdentifierResult Invalid(string code) => new(null, code);
}
