using HarfBuzzSharp;
using SkiaSharp;

namespace EmploymentProcedures.Engine.Pdf;

/// <summary>
/// The two fonts a letter is drawn with, embedded in this assembly from the portal's own files (<c>host/wwwroot/fonts</c>):
/// Noto Sans for Latin text and Noto Sans Arabic for Arabic, each loaded once for SkiaSharp (drawing, embedding a subset
/// in the PDF) and for HarfBuzz (shaping), from the same bytes.
/// </summary>
internal sealed class LetterFonts
{
    private static readonly Lazy<LetterFonts> Loaded = new(() => new LetterFonts());

    private LetterFonts()
    {
        Latin = LetterFont.Load("fonts/NotoSans-Regular.ttf", isArabic: false);
        Arabic = LetterFont.Load("fonts/NotoSansArabic-Regular.ttf", isArabic: true);
    }

    public static LetterFonts Shared => Loaded.Value;

    public LetterFont Latin { get; }

    public LetterFont Arabic { get; }

    /// <summary>Whether <paramref name="c"/> belongs to the Arabic script (letters, marks, Arabic-Indic digits, presentation forms).</summary>
    public static bool IsArabic(char c) => c is >= '\u0600' and <= '\u06FF' or >= '\u0750' and <= '\u077F' or >= '\u08A0' and <= '\u08FF'
        or >= '\uFB50' and <= '\uFDFF' or >= '\uFE70' and <= '\uFEFE';
}

/// <summary>One font: its typeface for SkiaSharp and its face for HarfBuzz.</summary>
internal sealed class LetterFont
{
    private LetterFont(SKTypeface typeface, HarfBuzzSharp.Font shaper, int unitsPerEm, bool isArabic)
    {
        Typeface = typeface;
        Shaper = shaper;
        UnitsPerEm = unitsPerEm;
        IsArabic = isArabic;
    }

    public SKTypeface Typeface { get; }

    public HarfBuzzSharp.Font Shaper { get; }

    public int UnitsPerEm { get; }

    public bool IsArabic { get; }

    public bool Has(char c) => char.IsSurrogate(c) || Shaper.TryGetGlyph(c, out _);

    public static LetterFont Load(string resource, bool isArabic)
    {
        using var stream = typeof(LetterFont).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"engine.Pdf was built without its font '{resource}'.");
        var bytes = new byte[stream.Length];
        stream.ReadExactly(bytes);
        var typeface = SKTypeface.FromData(SKData.CreateCopy(bytes))
            ?? throw new InvalidOperationException($"The font '{resource}' does not load.");
        using var blob = Blob.FromStream(new MemoryStream(bytes, writable: false));
        blob.MakeImmutable();
        var face = new Face(blob, 0);
        var unitsPerEm = face.UnitsPerEm;
        var font = new HarfBuzzSharp.Font(face);
        font.SetScale(unitsPerEm, unitsPerEm);
        return new LetterFont(typeface, font, unitsPerEm, isArabic);
    }

    /// <summary>An <see cref="SKFont"/> of this face at <paramref name="size"/> points, bold by emboldening and italic by slanting (only regular faces ship).</summary>
    public SKFont At(float size, bool bold, bool italic) => new(Typeface, size)
    {
        Embolden = bold,
        SkewX = italic ? -0.2f : 0,
        Subpixel = true,
        LinearMetrics = true,
        Hinting = SKFontHinting.None,
        Edging = SKFontEdging.Antialias,
    };
}
