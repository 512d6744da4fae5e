using System.Globalization;

namespace EmploymentProcedures.Engine.Definitions;

/// <summary>
/// How long a closed application's personal data is kept (a procedure's <c>privacy.retention</c>): whole
/// years and months, written <c>10y</c>, <c>18m</c> or <c>2y6m</c>. Calendar arithmetic, not a <see cref="TimeSpan"/>,
/// so "5 years after" a date is the same day five years on, whatever leap days lie between.
/// </summary>
public readonly record struct RetentionPeriod(int Years, int Months)
{
    /// <summary>Beyond this a period is not a retention (the linter asks for at most 50 years): it also keeps the date arithmetic far from overflow.</summary>
    private const int MaxNumber = 9999;

    public int TotalMonths => Years * 12 + Months;

    /// <summary>
    /// The first moment the personal data of an application closed at <paramref name="closedAt"/> may be
    /// erased: the same day and time <see cref="Years"/> years and <see cref="Months"/> months later; a day
    /// the target month lacks falls back to its last day (closed on 29 February 2028, kept 1 year: 28 February 2029).
    /// </summary>
    public DateTimeOffset ErasedAfter(DateTimeOffset closedAt) => closedAt.AddMonths(TotalMonths);

    /// <summary>Reads <c>5y</c>, <c>18m</c>, <c>2y6m</c> (a number of years, of months, or both in that order); null for anything else.</summary>
    public static RetentionPeriod? Parse(string? text)
    {
        if (string.IsNullOrEmpty(text))
            return null;
        var rest = text.AsSpan();
        var years = Number(ref rest, 'y');
        var months = Number(ref rest, 'm');
        return rest.Length == 0 && (years ?? months) is not null ? new RetentionPeriod(years ?? 0, months ?? 0) : null;
    }

    /// <summary>Reads digits followed by <paramref name="unit"/> from the start of <paramref name="text"/>, or leaves it as it was.</summary>
    private static int? Number(ref ReadOnlySpan<char> text, char unit)
    {
        var digits = 0;
        while (digits < text.Length && char.IsAsciiDigit(text[digits]))
            digits++;
        if (digits == 0 || digits == text.Length || text[digits] != unit
            || !int.TryParse(text[..digits], NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number > MaxNumber)
            return null;
        text = text[(digits + 1)..];
        return number;
    }

    /// <summary>The period as the language writes it: <c>10y</c>, <c>18m</c>, <c>2y6m</c>.</summary>
    public override string ToString() =>
        Years > 0 && Months > 0 ? $"{Years}y{Months}m" : Months > 0 ? $"{Months}m" : $"{Years}y";
}
