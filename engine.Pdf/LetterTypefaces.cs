using System.Diagnostics;
using SkiaSharp;

namespace EmploymentProcedures.Engine.Pdf;

/// <summary>
/// The typefaces one letter is drawn with: while the letter is laid out, every glyph HarfBuzz shapes is noted per font;
/// <see cref="Seal"/> then makes each font's subset (<see cref="FontSubset"/>: same glyph ids, only those outlines), which
/// SkiaSharp embeds in the PDF instead of the whole file. Shaping and measuring keep the whole fonts, so positions and
/// widths do not change. A subset that cannot be made or does not load leaves the whole font, with a trace saying why:
/// a heavier PDF, never a broken one. The current letter is this thread's (a letter is laid out and drawn on one thread).
/// </summary>
internal sealed class LetterTypefaces : IDisposable
{
    [ThreadStatic]
    private static LetterTypefaces? t_current;

    private readonly Dictionary<LetterFont, HashSet<ushort>> _used = [];
    private readonly Dictionary<LetterFont, SKTypeface> _drawn = [];

    private LetterTypefaces()
    {
    }

    /// <summary>Starts noting the glyphs of the letter laid out on this thread, until disposed.</summary>
    public static LetterTypefaces Begin() => t_current = new LetterTypefaces();

    /// <summary>Notes glyphs shaped with <paramref name="font"/> for the current letter, if any.</summary>
    public static void Note(LetterFont font, ReadOnlySpan<ushort> glyphs)
    {
        if (t_current is not { } current)
            return;
        if (!current._used.TryGetValue(font, out var set))
            current._used[font] = set = [];
        foreach (var glyph in glyphs)
            set.Add(glyph);
    }

    /// <summary>The typeface to draw <paramref name="font"/>'s glyphs with: the current letter's subset once sealed, else the whole font.</summary>
    public static SKTypeface Drawing(LetterFont font) =>
        t_current?._drawn.GetValueOrDefault(font) ?? font.Typeface;

    /// <summary>Makes the subsets of the fonts the letter used: call once the layout (feet included) is done, before drawing.</summary>
    public void Seal()
    {
        foreach (var (font, glyphs) in _used.OrderBy(u => u.Key.IsArabic))
        {
            if (Subset(font.Bytes, glyphs, out var reason) is { } typeface)
                _drawn[font] = typeface;
            else
                Trace.TraceWarning($"A letter's PDF embeds the whole {(font.IsArabic ? "Arabic" : "Latin")} font: {reason}.");
        }
    }

    /// <summary>The subset of <paramref name="font"/> as a SkiaSharp typeface, or null with the reason it could not be made or loaded.</summary>
    public static SKTypeface? Subset(byte[] font, IEnumerable<ushort> glyphs, out string? reason)
    {
        if (FontSubset.Make(font, glyphs, out reason) is not { } bytes)
            return null;
        if (SKTypeface.FromData(SKData.CreateCopy(bytes)) is { } typeface)
            return typeface;
        reason = "SkiaSharp did not load the subset";
        return null;
    }

    public void Dispose()
    {
        foreach (var typeface in _drawn.Values)
            typeface.Dispose();
        _drawn.Clear();
        if (t_current == this)
            t_current = null;
    }
}
