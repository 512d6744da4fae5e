using EmploymentProcedures.Engine.Expressions;

namespace EmploymentProcedures.Engine.Tests.Expressions;

/// <summary>A scope from a dictionary, with the fields of a typical procedure by default.</summary>
internal sealed class TestScope(IReadOnlyDictionary<string, ExprType> fields) : IExpressionScope
{
    public static readonly ExprType Employees = ExprType.GroupOf(new Dictionary<string, ExprType>
    {
        ["name"] = ExprType.Text,
        ["birth_date"] = ExprType.Date,
        ["salary"] = ExprType.Number,
        ["is_manager"] = ExprType.Boolean,
        ["headcount"] = ExprType.Text,
    });

    public static readonly ExprType Establishment = ExprType.RecordOf(new Dictionary<string, ExprType>
    {
        ["headcount"] = ExprType.Number,
        ["address"] = ExprType.RecordOf(new Dictionary<string, ExprType>
        {
            ["province"] = ExprType.Text,
            ["city"] = ExprType.Text,
        }),
    });

    public static TestScope Default { get; } = new(new Dictionary<string, ExprType>
    {
        ["headcount"] = ExprType.Number,
        ["salary"] = ExprType.Number,
        ["minimum_salary"] = ExprType.Number,
        ["start_date"] = ExprType.Date,
        ["end_date"] = ExprType.Date,
        ["birth_date"] = ExprType.Date,
        ["name"] = ExprType.Text,
        ["nationality"] = ExprType.Text,
        ["contract_type"] = ExprType.Text,
        ["is_foreign"] = ExprType.Boolean,
        ["amendment_types"] = ExprType.ListOf(ExprType.Text),
        ["establishment"] = Establishment,
        ["employees"] = Employees,
    });

    public ExprType? Lookup(string name) => fields.GetValueOrDefault(name);

    public IEnumerable<string> Names => fields.Keys;
}
