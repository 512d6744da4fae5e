using EmploymentProcedures.Engine.Definitions;

namespace EmploymentProcedures.Engine.Validation;

/// <summary>One problem with a submission: where (a field path such as <c>employees[2].salary</c> or a document id), what (a stable code) and the message in each language.</summary>
public sealed record ValidationError(string Path, string Code, LocalizedText Message)
{
    public override string ToString() => $"{Path}: {Code}: {Message.Get("fr")}";
}

/// <summary>The outcome of validating a submission; empty when everything is valid.</summary>
public sealed record ValidationReport(IReadOnlyList<ValidationError> Errors)
{
    public static readonly ValidationReport Valid = new([]);

    public bool IsValid => Errors.Count == 0;

    /// <summary>The errors of one field or document.</summary>
    public IEnumerable<ValidationError> For(string path) => Errors.Where(e => e.Path == path);
}
