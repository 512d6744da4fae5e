namespace EmploymentProcedures.Engine.Expressions.Runtime;

/// <summary>
/// The functions whose arguments are plain values. Each returns null when an argument is null or of an
/// unexpected kind, or when the result would be out of range; none throws.
/// </summary>
internal static class Builtins
{
    public static Value Empty(Value[] args, EvaluationContext context) => Value.From(args[0].Kind switch
    {
        TypeKind.Null => true,
        TypeKind.Text => args[0].AsText!.Length == 0,
        TypeKind.List => args[0].AsList!.Count == 0,
        TypeKind.Group => args[0].AsRows!.Count == 0,
        _ => false,
    });

    public static Value Today(Value[] args, EvaluationContext context) => Value.From(context.Today);

    /// <summary>Whole years from the date to today; someone born on 29 February has a birthday on 1 March in other years.</summary>
    public static Value Age(Value[] args, EvaluationContext context)
    {
        if (args[0].AsDate is not { } birth)
            return Value.Null;
        var today = context.Today;
        var years = today.Year - birth.Year;
        if (today.Month < birth.Month || (today.Month == birth.Month && today.Day < birth.Day))
            years--;
        return Value.From((decimal)years);
    }

    public static Value DaysBetween(Value[] args, EvaluationContext context) =>
        args[0].AsDate is { } from && args[1].AsDate is { } to ? Value.From((decimal)(to.DayNumber - from.DayNumber)) : Value.Null;

    /// <summary>Whole months: the largest n with add_months(a, n) ≤ b (negative when b is before a).</summary>
    public static Value MonthsBetween(Value[] args, EvaluationContext context)
    {
        if (args[0].AsDate is not { } from || args[1].AsDate is not { } to)
            return Value.Null;
        return Value.From((decimal)(to >= from ? WholeMonths(from, to) : -WholeMonths(to, from)));
    }

    private static int WholeMonths(DateOnly from, DateOnly to)
    {
        var months = ((to.Year - from.Year) * 12) + to.Month - from.Month;
        if (from.AddMonths(months) > to)
            months--;
        return months;
    }

    public static Value AddDays(Value[] args, EvaluationContext context) =>
        Shift(args, (date, n) => date.AddDays(n));

    public static Value AddMonths(Value[] args, EvaluationContext context) =>
        Shift(args, (date, n) => date.AddMonths(n));

    public static Value AddYears(Value[] args, EvaluationContext context) =>
        Shift(args, (date, n) => date.AddYears(n));

    /// <summary>Adds a whole number of units (a fraction is truncated); null when the result is not a valid date.</summary>
    private static Value Shift(Value[] args, Func<DateOnly, int, DateOnly> add)
    {
        if (args[0].AsDate is not { } date || args[1].AsNumber is not { } amount)
            return Value.Null;
        var whole = decimal.Truncate(amount);
        if (whole is < -3_000_000 or > 3_000_000)
            return Value.Null;
        try
        {
            return Value.From(add(date, (int)whole));
        }
        catch (ArgumentOutOfRangeException)
        {
            return Value.Null;
        }
    }

    public static Value Year(Value[] args, EvaluationContext context) =>
        args[0].AsDate is { } date ? Value.From((decimal)date.Year) : Value.Null;

    public static Value Length(Value[] args, EvaluationContext context) =>
        args[0].AsText is { } text ? Value.From((decimal)text.Length) : Value.Null;

    public static Value Lower(Value[] args, EvaluationContext context) => Value.From(args[0].AsText?.ToLowerInvariant());

    public static Value Upper(Value[] args, EvaluationContext context) => Value.From(args[0].AsText?.ToUpperInvariant());

    public static Value Min(Value[] args, EvaluationContext context) => Pick(args, wantSmaller: true);

    public static Value Max(Value[] args, EvaluationContext context) => Pick(args, wantSmaller: false);

    private static Value Pick(Value[] args, bool wantSmaller)
    {
        int order;
        if (args[0].AsNumber is { } x && args[1].AsNumber is { } y)
            order = x.CompareTo(y);
        else if (args[0].AsDate is { } d && args[1].AsDate is { } e)
            order = d.CompareTo(e);
        else
            return Value.Null;
        return (order <= 0) == wantSmaller ? args[0] : args[1];
    }
}
