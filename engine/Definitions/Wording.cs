using System.Globalization;

namespace EmploymentProcedures.Engine.Definitions;

/// <summary>Picks the engine's own words (kept as French, Arabic and English triples) and formats in a language's culture.</summary>
internal static class Wording
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-MA");
    private static readonly CultureInfo Arabic = CultureInfo.GetCultureInfo("ar-MA");
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");

    /// <summary>The word in <paramref name="language"/> (<c>fr</c>, <c>ar</c>, <c>en</c>); French for any other.</summary>
    public static string In(this (string Fr, string Ar, string En) words, string language) => language switch
    {
        "ar" => words.Ar,
        "en" => words.En,
        _ => words.Fr,
    };

    /// <summary>How numbers are written: fr-MA (1.000), ar-MA (Latin digits), en.</summary>
    public static CultureInfo Culture(string language) => language switch
    {
        "ar" => Arabic,
        "en" => English,
        _ => French,
    };
}
