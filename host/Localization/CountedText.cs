using Microsoft.Extensions.Localization;

namespace EmploymentProcedures.Host.Localization;

/// <summary>
/// A count with its noun, in the reader's language. A counted text has six resource entries, one per form of the count,
/// under one key: <c>{key}.Single</c> (one), <c>.Dual</c> (two), <c>.Low</c> (under two otherwise: zero and fractions),
/// <c>.Few</c> (whole counts whose last two digits are 3 to 10), <c>.Many</c> (whole counts whose last two digits are 11
/// to 99) and <c>.Other</c> (the rest: 100, 101, 102, 200, 1000, fractions above two). These are CLDR's Arabic plural
/// categories, which Arabic needs all of ("يوم واحد", "يومان", "5 أيام", "15 يوما", "100 يوم"); French takes the singular
/// under two ("1,5 jour") and English the plural but for one. <c>{0}</c> is the count, written in the reader's culture.
/// </summary>
public sealed class CountedText(Language language, IStringLocalizer strings)
{
    /// <summary>The suffixes of a counted text's entries, one per form.</summary>
    public static readonly IReadOnlyList<string> Forms = ["Single", "Dual", "Low", "Few", "Many", "Other"];

    /// <summary>The form of <paramref name="count"/>: the suffix of its resource entry.</summary>
    public static string FormOf(double count) => count switch
    {
        1 => "Single",
        2 => "Dual",
        < 2 => "Low",
        _ when count != Math.Floor(count) => "Other",
        _ => (count % 100) switch
        {
            >= 3 and <= 10 => "Few",
            >= 11 => "Many",
            _ => "Other",
        },
    };

    /// <summary>
    /// <paramref name="count"/> with the noun of <paramref name="key"/> in its form ("3 أيام عمل"); <paramref name="others"/>
    /// fill the entry's further places (<c>{1}</c>...).
    /// </summary>
    public string Say(string key, double count, params object?[] others) =>
        string.Format(language.Culture, strings[$"{key}.{FormOf(count)}"].Value, [count.ToString("0.#", language.Culture), .. others]);
}
