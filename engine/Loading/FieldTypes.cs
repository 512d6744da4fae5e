using EmploymentProcedures.Engine.Definitions;
using EmploymentProcedures.Engine.Expressions;

namespace EmploymentProcedures.Engine.Loading;

/// <summary>The expression type of each field kind: what <c>visible:</c>, <c>check:</c> and <c>value:</c> see.</summary>
internal static class FieldTypes
{
    public static readonly IReadOnlyDictionary<string, ExprType> AddressMembers = new Dictionary<string, ExprType>
    {
        ["street"] = ExprType.Text,
        ["commune"] = ExprType.Text,
        ["province"] = ExprType.Text,
        ["postal_code"] = ExprType.Text,
    };

    public static readonly IReadOnlyDictionary<string, ExprType> RcMembers = new Dictionary<string, ExprType>
    {
        ["number"] = ExprType.Text,
        ["court"] = ExprType.Text,
    };

    /// <summary>The type of <paramref name="field"/>; computed fields take theirs from <paramref name="computed"/>.</summary>
    public static ExprType? Of(FieldDefinition field, IReadOnlyDictionary<string, ExprType> computed) => field.Type switch
    {
        FieldType.Number or FieldType.Money => ExprType.Number,
        FieldType.Date => ExprType.Date,
        FieldType.Boolean or FieldType.Consent => ExprType.Boolean,
        FieldType.Multichoice => ExprType.ListOf(ExprType.Text),
        FieldType.Address => ExprType.RecordOf(AddressMembers),
        FieldType.Rc => ExprType.RecordOf(RcMembers),
        FieldType.Group => ExprType.GroupOf(Members(field.Fields, computed)),
        FieldType.Computed => computed.TryGetValue(field.Path, out var type) ? type : ExprType.Any,
        FieldType.Info => null,
        _ => ExprType.Text,
    };

    public static IReadOnlyDictionary<string, ExprType> Members(IEnumerable<FieldDefinition> fields, IReadOnlyDictionary<string, ExprType> computed)
    {
        var members = new Dictionary<string, ExprType>(StringComparer.Ordinal);
        foreach (var field in fields)
        {
            if (Of(field, computed) is { } type)
                members.TryAdd(field.Id, type);
        }
        return members;
    }
}
