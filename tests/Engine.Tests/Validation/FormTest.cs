using EmploymentProcedures.Engine.Definitions;
using EmploymentProcedures.Engine.Expressions;
using EmploymentProcedures.Engine.Tests.Support;
using EmploymentProcedures.Engine.Validation;

namespace EmploymentProcedures.Engine.Tests.Validation;

/// <summary>The test form (<c>form-test.yaml</c>): a fragment section, chained conditions, a group with a row condition, a computed field, a conditional section and document.</summary>
internal static class FormTest
{
    public static readonly EvaluationContext Context = new(new DateOnly(2026, 3, 2));

    private static readonly Lazy<ProcedureDefinition> DefinitionValue = new(() =>
    {
        var result = Loading.TestLibrary.Loader().LoadFile(Path.Combine(Repository.Root, "tests", "Engine.Tests", "Validation", "form-test.yaml"));
        Assert.False(result.HasErrors, string.Join("\n", result.Diagnostics));
        return result.Definition!;
    });

    public static ProcedureDefinition Definition => DefinitionValue.Value;

    public static Answers Of(object values) =>
        Answers.From(values.GetType().GetProperties().Select(p => new KeyValuePair<string, object?>(p.Name, p.GetValue(values))));

    public static Dictionary<string, object?> Row(string name, bool? student = null, string? school = null)
    {
        var row = new Dictionary<string, object?> { ["name"] = name };
        if (student is not null)
            row["student"] = student;
        if (school is not null)
            row["school"] = school;
        return row;
    }
}
