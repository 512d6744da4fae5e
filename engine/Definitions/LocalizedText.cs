namespace EmploymentProcedures.Engine.Definitions;

/// <summary>A text in several languages, keyed by language code (<c>fr</c>, <c>ar</c>, <c>en</c>).</summary>
public sealed record LocalizedText(IReadOnlyDictionary<string, string> Texts)
{
    public static readonly IReadOnlyList<string> Languages = ["fr", "ar", "en"];

    /// <summary>The languages every text must have.</summary>
    public static readonly IReadOnlyList<string> RequiredLanguages = ["fr", "ar"];

    public static LocalizedText Of(string fr, string ar, string? en = null)
    {
        var texts = new Dictionary<string, string> { ["fr"] = fr, ["ar"] = ar };
        if (en is not null)
            texts["en"] = en;
        return new LocalizedText(texts);
    }

    /// <summary>A message of the engine's own, its three texts formatted with <paramref name="args"/> (invariant culture).</summary>
    public static LocalizedText Format((string Fr, string Ar, string En) texts, params object?[] args) => Of(
        string.Format(System.Globalization.CultureInfo.InvariantCulture, texts.Fr, args),
        string.Format(System.Globalization.CultureInfo.InvariantCulture, texts.Ar, args),
        string.Format(System.Globalization.CultureInfo.InvariantCulture, texts.En, args));

    /// <summary>The text in <paramref name="language"/>, else French, else any.</summary>
    public string Get(string language) =>
        Texts.TryGetValue(language, out var text) ? text
        : Texts.TryGetValue("fr", out var fr) ? fr
        : Texts.Values.FirstOrDefault() ?? "";

    public bool Has(string language) => Texts.TryGetValue(language, out var text) && !string.IsNullOrWhiteSpace(text);

    public override string ToString() => Get("fr");
}
