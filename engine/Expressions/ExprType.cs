namespace EmploymentProcedures.Engine.Expressions;

/// <summary>The static type of an expression or a field, checked when a definition is loaded.</summary>
public sealed record ExprType
{
    private static readonly IReadOnlyDictionary<string, ExprType> NoMembers = new Dictionary<string, ExprType>();

    private ExprType(TypeKind kind, ExprType? element, IReadOnlyDictionary<string, ExprType>? members)
    {
        Kind = kind;
        Element = element;
        Members = members ?? NoMembers;
    }

    public static ExprType Any { get; } = new(TypeKind.Any, null, null);
    public static ExprType Null { get; } = new(TypeKind.Null, null, null);
    public static ExprType Boolean { get; } = new(TypeKind.Boolean, null, null);
    public static ExprType Number { get; } = new(TypeKind.Number, null, null);
    public static ExprType Text { get; } = new(TypeKind.Text, null, null);
    public static ExprType Date { get; } = new(TypeKind.Date, null, null);

    public TypeKind Kind { get; }

    /// <summary>The type of the items, for a <see cref="TypeKind.List"/>; otherwise null.</summary>
    public ExprType? Element { get; }

    /// <summary>The members of a <see cref="TypeKind.Record"/>, or of each row of a <see cref="TypeKind.Group"/>.</summary>
    public IReadOnlyDictionary<string, ExprType> Members { get; }

    public static ExprType ListOf(ExprType element) => new(TypeKind.List, element ?? Any, null);

    public static ExprType RecordOf(IReadOnlyDictionary<string, ExprType> members) => new(TypeKind.Record, null, members);

    public static ExprType GroupOf(IReadOnlyDictionary<string, ExprType> rowMembers) => new(TypeKind.Group, null, rowMembers);

    /// <summary>
    /// True when a value of this type may meet a value of <paramref name="other"/> (in <c>==</c>, <c>in</c>,
    /// a list literal, an expected type): the same kind, or either side unknown or null.
    /// </summary>
    internal bool IsCompatibleWith(ExprType other) =>
        Kind is TypeKind.Any or TypeKind.Null
        || other.Kind is TypeKind.Any or TypeKind.Null
        || (Kind == other.Kind && (Kind != TypeKind.List || Element!.IsCompatibleWith(other.Element!)));

    /// <summary>Structural equality: lists by element type, records and groups by member names and types.</summary>
    public bool Equals(ExprType? other)
    {
        if (ReferenceEquals(this, other))
            return true;
        if (other is null || Kind != other.Kind || !Equals(Element, other.Element) || Members.Count != other.Members.Count)
            return false;
        foreach (var (name, type) in Members)
        {
            if (!other.Members.TryGetValue(name, out var otherType) || !type.Equals(otherType))
                return false;
        }
        return true;
    }

    public override int GetHashCode() => HashCode.Combine(Kind, Element, Members.Count);

    /// <summary>For messages: "a number", "a list of text", "text", "true/false".</summary>
    internal string WithArticle() =>
        Kind is TypeKind.Number or TypeKind.Date or TypeKind.List or TypeKind.Record or TypeKind.Group ? $"a {this}" : ToString();

    public override string ToString() => Kind switch
    {
        TypeKind.Any => "any value",
        TypeKind.Null => "null",
        TypeKind.Boolean => "true/false",
        TypeKind.Number => "number",
        TypeKind.Text => "text",
        TypeKind.Date => "date",
        TypeKind.List => $"list of {Element}",
        TypeKind.Record => "record",
        TypeKind.Group => "group",
        _ => Kind.ToString(),
    };
}
