using System.Collections.Concurrent;
using ScottPlot;
using SkiaSharp;

namespace EmploymentProcedures.Host.Reviewing;

/// <summary>
/// The charts' two fonts, embedded in the portal: Noto Sans (French, English) and Noto Sans Arabic. The server lays the
/// charts' text out with them (HarfBuzz shapes the Arabic), and browsers draw that text with the very same files
/// (<c>wwwroot/fonts</c>, declared in <c>app.css</c>), so what was measured is what is shown. Without them the
/// server would take whatever font the machine has (none on a bare Debian image) and Arabic labels would come out empty.
/// </summary>
internal sealed class ChartFonts : IFontResolver
{
    public const string Latin = "Noto Sans";
    public const string Arabic = "Noto Sans Arabic";

    private static readonly Dictionary<string, string> Files = new(StringComparer.Ordinal)
    {
        [Latin] = "fonts/NotoSans-Regular.ttf",
        [Arabic] = "fonts/NotoSansArabic-Regular.ttf",
    };

    private static readonly Lazy<bool> Registration = new(() =>
    {
        Fonts.FontResolvers.Insert(0, new ChartFonts());
        return true;
    });

    private readonly ConcurrentDictionary<string, SKTypeface?> _typefaces = new(StringComparer.Ordinal);

    /// <summary>Makes the two fonts known to ScottPlot, once per process.</summary>
    public static void EnsureRegistered() => _ = Registration.Value;

    /// <summary>The font for a language's charts.</summary>
    public static string For(bool rightToLeft) => rightToLeft ? Arabic : Latin;

    public SKTypeface? CreateTypeface(string fontName, FontWeight weight, FontSlant slant, FontSpacing spacing) => Typeface(fontName);

    public SKTypeface? CreateTypeface(string fontName, bool bold, bool italic) => Typeface(fontName);

    private SKTypeface? Typeface(string fontName) => Files.TryGetValue(fontName, out var file)
        ? _typefaces.GetOrAdd(fontName, _ =>
        {
            using var stream = typeof(ChartFonts).Assembly.GetManifestResourceStream(file)
                ?? throw new InvalidOperationException($"The portal was built without its chart font '{file}'.");
            return SKTypeface.FromStream(stream);
        })
        : null;
}
