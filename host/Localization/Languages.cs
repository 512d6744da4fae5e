using System.Globalization;

namespace EmploymentProcedures.Host.Localization;

/// <summary>One language of the portal: its code in definitions (<c>fr</c>), its culture and writing direction.</summary>
public sealed record Language(string Code, string CultureName, string NativeName, bool RightToLeft)
{
    public CultureInfo Culture { get; } = CultureInfo.GetCultureInfo(CultureName);

    public string Direction => RightToLeft ? "rtl" : "ltr";
}

/// <summary>The portal's languages: French (the default), Arabic (right to left) and English.</summary>
public static class Languages
{
    public static readonly Language French = new("fr", "fr-MA", "Français", RightToLeft: false);
    public static readonly Language Arabic = new("ar", "ar-MA", "العربية", RightToLeft: true);
    public static readonly Language English = new("en", "en", "English", RightToLeft: false);

    public static readonly IReadOnlyList<Language> All = [French, Arabic, English];

    public static Language Default => French;

    /// <summary>The language of a code (<c>ar</c>) or culture name (<c>ar-MA</c>), or null when the portal does not speak it.</summary>
    public static Language? Find(string? codeOrCulture)
    {
        if (string.IsNullOrWhiteSpace(codeOrCulture))
            return null;
        var code = codeOrCulture.Split('-')[0];
        return All.FirstOrDefault(l => string.Equals(l.Code, code, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>The language of the current request or circuit (set by the request-localization middleware).</summary>
    public static Language Current => Find(CultureInfo.CurrentUICulture.Name) ?? Default;
}
