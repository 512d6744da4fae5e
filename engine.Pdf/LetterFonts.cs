using System.Runtime.InteropServices;
using HarfBuzzSharp;
using SkiaSharp;

namespace EmploymentProcedures.Engine.Pdf;

/// <summary>
/// The fonts a letter is drawn with, embedded in this assembly from the portal's own files (<c>host/wwwroot/fonts</c>):
/// Noto Sans for Latin text and Noto Sans Arabic for Arabic, each in its regular and its bold face, each loaded once for
/// SkiaSharp (drawing, embedding a subset in the PDF: see <see cref="LetterTypefaces"/>) and for HarfBuzz (shaping), from
/// the same bytes. Bold text is drawn with the bold face: an emboldened regular face would be drawn as outlines, heavier
/// in the PDF and thinner on paper.
/// </summary>
internal sealed class LetterFonts
{
    private static readonly Lazy<LetterFonts> Loaded = new(() => new LetterFonts());

    private LetterFonts()
    {
        Latin = LetterFont.Load("fonts/NotoSans-Regular.ttf", isArabic: false);
        Arabic = LetterFont.Load("fonts/NotoSansArabic-Regular.ttf", isArabic: true);
        LatinBold = LetterFont.Load("fonts/NotoSans-Bold.ttf", isArabic: false);
        ArabicBold = LetterFont.Load("fonts/NotoSansArabic-Bold.ttf", isArabic: true);
    }

    public static LetterFonts Shared => Loaded.Value;

    public LetterFont Latin { get; }

    public LetterFont Arabic { get; }

    public LetterFont LatinBold { get; }

    public LetterFont ArabicBold { get; }

    /// <summary>The face of <paramref name="font"/>'s script to draw text of <paramref name="style"/> with: bold text in the bold face.</summary>
    public LetterFont For(LetterFont font, TextStyle style) =>
        !style.Bold ? font : font == Arabic ? ArabicBold : font == Latin ? LatinBold : font;

    /// <summary>Whether <paramref name="c"/> belongs to the Arabic script (letters, marks, Arabic-Indic digits, presentation forms).</summary>
    public static bool IsArabic(char c) => c is >= '\u0600' and <= '\u06FF' or >= '\u0750' and <= '\u077F' or >= '\u08A0' and <= '\u08FF'
        or >= '\uFB50' and <= '\uFDFF' or >= '\uFE70' and <= '\uFEFE';
}

/// <summary>One font: its typeface for SkiaSharp and its face for HarfBuzz.</summary>
internal sealed class LetterFont
{
    /// <summary>
    /// This thread's HarfBuzz fonts: the face is shared (immutable), but a HarfBuzz font keeps caches that two threads
    /// shaping at once would corrupt (widths came out wrong under parallel renders), so each thread shapes with its own.
    /// </summary>
    [ThreadStatic]
    private static Dictionary<LetterFont, HarfBuzzSharp.Font>? t_shapers;

    private readonly Face _face;

    private LetterFont(byte[] bytes, SKTypeface typeface, Face face, int unitsPerEm, bool isArabic)
    {
        Bytes = bytes;
        Typeface = typeface;
        _face = face;
        UnitsPerEm = unitsPerEm;
        IsArabic = isArabic;
    }

    /// <summary>The font file, which <see cref="LetterTypefaces"/> reduces to a letter's glyphs for embedding.</summary>
    public byte[] Bytes { get; }

    /// <summary>The whole font for SkiaSharp: measuring lines, and drawing when no subset could be made.</summary>
    public SKTypeface Typeface { get; }

    /// <summary>This thread's HarfBuzz font of the face, at a scale of one unit per font unit.</summary>
    public HarfBuzzSharp.Font Shaper
    {
        get
        {
            var shapers = t_shapers ??= [];
            if (!shapers.TryGetValue(this, out var font))
            {
                font = new HarfBuzzSharp.Font(_face);
                font.SetScale(UnitsPerEm, UnitsPerEm);
                shapers[this] = font;
            }
            return font;
        }
    }

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
        // HarfBuzz reads the font where it lies for as long as the face lives (the process): unmanaged memory, which the
        // garbage collector never moves (a managed array under the blob gave wrong glyphs once it had been moved).
        var data = Marshal.AllocHGlobal(bytes.Length);
        Marshal.Copy(bytes, 0, data, bytes.Length);
        using var blob = new Blob(data, bytes.Length, MemoryMode.ReadOnly, () => Marshal.FreeHGlobal(data));
        blob.MakeImmutable();
        var face = new Face(blob, 0);
        face.MakeImmutable();
        return new LetterFont(bytes, typeface, face, face.UnitsPerEm, isArabic);
    }

    /// <summary>An <see cref="SKFont"/> of this face at <paramref name="size"/> points, italic by slanting (no italic face ships).</summary>
    public SKFont At(float size, bool italic) => At(Typeface, size, italic);

    /// <summary>The same, drawn with <paramref name="typeface"/> (this face's subset for a letter).</summary>
    public static SKFont At(SKTypeface typeface, float size, bool italic) => new(typeface, size)
    {
        SkewX = italic ? -0.2f : 0,
        Subpixel = true,
        LinearMetrics = true,
        Hinting = SKFontHinting.None,
        Edging = SKFontEdging.Antialias,
    };
}
