using System.Globalization;
using System.Text;

namespace EmploymentProcedures.Engine.Expressions;

/// <summary>
/// A runtime value: null, a boolean, a number, a text, a date, a list, a record or a group of rows.
/// Compared by value. The <c>As…</c> accessors return null for another kind, so reading never throws.
/// </summary>
public readonly record struct Value
{
    // Booleans and dates are kept in _number (0/1, day number) so scalar values need no allocation.
    private readonly TypeKind _kind;
    private readonly decimal _number;
    private readonly object? _object;

    private Value(TypeKind kind, decimal number, object? obj)
    {
        _kind = kind;
        _number = number;
        _object = obj;
    }

    public static Value Null => default;

    public static Value True { get; } = new(TypeKind.Boolean, 1, null);

    public static Value False { get; } = new(TypeKind.Boolean, 0, null);

    /// <summary>The kind of the value; never <see cref="TypeKind.Any"/> (a default value is null).</summary>
    public TypeKind Kind => _kind == TypeKind.Any ? TypeKind.Null : _kind;

    public bool IsNull => Kind == TypeKind.Null;

    /// <summary>True only for the boolean true: conditions treat null and everything else as false.</summary>
    public bool IsTrue => _kind == TypeKind.Boolean && _number != 0;

    public bool? AsBoolean => _kind == TypeKind.Boolean ? _number != 0 : null;

    public decimal? AsNumber => _kind == TypeKind.Number ? _number : null;

    public string? AsText => _kind == TypeKind.Text ? (string?)_object : null;

    public DateOnly? AsDate => _kind == TypeKind.Date ? DateOnly.FromDayNumber((int)_number) : null;

    public IReadOnlyList<Value>? AsList => _kind == TypeKind.List ? (IReadOnlyList<Value>?)_object : null;

    public IReadOnlyDictionary<string, Value>? AsRecord => _kind == TypeKind.Record ? (IReadOnlyDictionary<string, Value>?)_object : null;

    public IReadOnlyList<IValueSource>? AsRows => _kind == TypeKind.Group ? (IReadOnlyList<IValueSource>?)_object : null;

    public static Value From(bool value) => value ? True : False;

    public static Value From(decimal value) => new(TypeKind.Number, value, null);

    public static Value From(string? value) => value is null ? Null : new(TypeKind.Text, 0, value);

    public static Value From(DateOnly value) => new(TypeKind.Date, value.DayNumber, null);

    public static Value From(decimal? value) => value is { } number ? From(number) : Null;

    public static Value From(DateOnly? value) => value is { } date ? From(date) : Null;

    public static Value List(IEnumerable<Value>? items) => items is null ? Null : new(TypeKind.List, 0, items.ToArray());

    public static Value List(params Value[] items) => List((IEnumerable<Value>)items);

    public static Value Record(IReadOnlyDictionary<string, Value>? members) =>
        members is null ? Null : new(TypeKind.Record, 0, new Dictionary<string, Value>(members, StringComparer.Ordinal));

    public static Value Group(IEnumerable<IValueSource>? rows) => rows is null ? Null : new(TypeKind.Group, 0, rows.ToArray());

    public bool Equals(Value other)
    {
        if (Kind != other.Kind)
            return false;
        return Kind switch
        {
            TypeKind.Null => true,
            TypeKind.Boolean or TypeKind.Number or TypeKind.Date => _number == other._number,
            TypeKind.Text => string.Equals(AsText, other.AsText, StringComparison.Ordinal),
            TypeKind.List => AsList!.SequenceEqual(other.AsList!),
            TypeKind.Record => RecordsEqual(AsRecord!, other.AsRecord!),
            _ => ReferenceEquals(_object, other._object),
        };
    }

    public override int GetHashCode() => Kind switch
    {
        TypeKind.Null => 0,
        TypeKind.Boolean or TypeKind.Number or TypeKind.Date => HashCode.Combine(Kind, _number),
        TypeKind.Text => HashCode.Combine(Kind, StringComparer.Ordinal.GetHashCode(AsText!)),
        TypeKind.List => HashCode.Combine(Kind, AsList!.Count, AsList.Count > 0 ? AsList[0] : Null),
        TypeKind.Record => HashCode.Combine(Kind, AsRecord!.Count),
        _ => HashCode.Combine(Kind, _object),
    };

    public override string ToString()
    {
        switch (Kind)
        {
            case TypeKind.Boolean:
                return IsTrue ? "true" : "false";
            case TypeKind.Number:
                return _number.ToString(CultureInfo.InvariantCulture);
            case TypeKind.Text:
                return $"\"{AsText}\"";
            case TypeKind.Date:
                return AsDate!.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            case TypeKind.List:
                return $"[{string.Join(", ", AsList!)}]";
            case TypeKind.Record:
                var text = new StringBuilder("{");
                foreach (var (name, value) in AsRecord!.OrderBy(member => member.Key, StringComparer.Ordinal))
                    text.Append(text.Length > 1 ? ", " : " ").Append(name).Append(": ").Append(value);
                return text.Append(" }").ToString();
            case TypeKind.Group:
                return $"group of {AsRows!.Count} rows";
            default:
                return "null";
        }
    }

    private static bool RecordsEqual(IReadOnlyDictionary<string, Value> left, IReadOnlyDictionary<string, Value> right)
    {
        if (left.Count != right.Count)
            return false;
        foreach (var (name, value) in left)
        {
            if (!right.TryGetValue(name, out var other) || !value.Equals(other))
                return false;
        }
        return true;
    }
}
