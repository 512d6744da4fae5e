using System.Text;
using HarfBuzzSharp;
using SkiaSharp;
using Buffer = HarfBuzzSharp.Buffer;

namespace EmploymentProcedures.Engine.Pdf;

/// <summary>Where a paragraph's lines sit in their box.</summary>
internal enum Align { Start, End, Center }

/// <summary>
/// A piece of a paragraph shaped as one: same style, same bidi level, same font, all spaces or none. HarfBuzz gives its
/// glyphs in visual order (right to left runs come out reversed), with the index in the paragraph's text of the
/// character each comes from (its cluster).
/// </summary>
internal sealed record Atom(int Start, int Length, byte Level, TextStyle Style, LetterFont Font, ushort[] Glyphs, float[] Advances, SKPoint[] Offsets, int[] Clusters, bool IsSpace, bool IsBreak)
{
    public float Width { get; } = Advances.Sum();
}

/// <summary>One line of a paragraph: its atoms in visual order (left to right) with their x from the line's left end.</summary>
internal sealed record TextLine(IReadOnlyList<(Atom Atom, float X)> Atoms, float Width, float Height, float Baseline);

/// <summary>
/// Lays a paragraph out in lines: bidi levels (<see cref="Bidi"/>), a font per character (Arabic letters in Noto Sans
/// Arabic, other letters in Noto Sans, digits, spaces and punctuation in the font of the letters around them), shaping
/// with HarfBuzz, lines broken at spaces (a word longer than the line is broken between characters), then each line's
/// runs reordered from its levels.
/// </summary>
internal static class TextLines
{
    public const float LineHeight = 1.45f;

    public static List<TextLine> Layout(InlineText inline, float width, bool rtl, string language)
    {
        var text = inline.Text;
        var levels = Bidi.Levels(text, rtl ? 1 : 0);
        var atoms = Atoms(text, inline.Styles, levels, rtl, language);
        return Wrap(atoms, text, width, rtl, language);
    }

    private static List<Atom> Atoms(string text, IReadOnlyList<TextStyle> styles, byte[] levels, bool rtl, string language)
    {
        var fonts = LetterFonts.Shared;
        var chosen = new LetterFont[text.Length];
        LetterFont? context = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (LetterFonts.IsArabic(c) && !char.IsDigit(c))
                context = chosen[i] = fonts.Arabic;
            else if (char.IsLetter(c))
                context = chosen[i] = fonts.Latin;
        }
        // Digits, spaces and punctuation take the font of the letters before them (else after them, else the paragraph's).
        LetterFont? next = null;
        for (var i = text.Length - 1; i >= 0; i--)
        {
            if (chosen[i] is { } letter)
                next = letter;
            else
                chosen[i] = next!;
        }
        context = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (LetterFonts.IsArabic(c) && !char.IsDigit(c) || char.IsLetter(c))
            {
                context = chosen[i];
                continue;
            }
            var font = context ?? chosen[i] ?? (rtl ? fonts.Arabic : fonts.Latin);
            chosen[i] = font.Has(c) ? font : font == fonts.Arabic ? fonts.Latin : fonts.Arabic;
        }

        var atoms = new List<Atom>();
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var boundary = i == text.Length || Bidi.IsMarker(text[i]) || text[i] == InlineText.ForcedBreak
                || (start >= 0 && (levels[i] != levels[start] || chosen[i] != chosen[start] || styles[i] != styles[start] || (text[i] == ' ') != (text[start] == ' ')));
            if (boundary && start >= 0)
            {
                atoms.Add(Shape(text, start, i - start, levels[start], styles[start], fonts.For(chosen[start], styles[start]), language));
                start = -1;
            }
            if (i == text.Length)
                break;
            if (text[i] == InlineText.ForcedBreak)
                atoms.Add(new Atom(i, 1, levels[i], styles[i], chosen[i], [], [], [], [], IsSpace: false, IsBreak: true));
            else if (!Bidi.IsMarker(text[i]) && start < 0)
                start = i;
        }
        return atoms;
    }

    public static Atom Shape(string text, int start, int length, byte level, TextStyle style, LetterFont font, string language)
    {
        using var buffer = new Buffer();
        // The whole paragraph is given as context, so a letter joins (or not) with its neighbours as in the text.
        buffer.AddUtf16(text, start, length);
        buffer.Direction = (level & 1) == 1 ? Direction.RightToLeft : Direction.LeftToRight;
        buffer.Language = new Language(font.IsArabic ? "ar" : language == "ar" ? "fr" : language);
        buffer.GuessSegmentProperties();
        font.Shaper.Shape(buffer);
        var infos = buffer.GlyphInfos;
        var positions = buffer.GlyphPositions;
        var scale = style.Size / font.UnitsPerEm;
        var glyphs = new ushort[infos.Length];
        var advances = new float[infos.Length];
        var offsets = new SKPoint[infos.Length];
        var clusters = new int[infos.Length];
        for (var g = 0; g < infos.Length; g++)
        {
            glyphs[g] = (ushort)infos[g].Codepoint;
            clusters[g] = (int)infos[g].Cluster;
            advances[g] = positions[g].XAdvance * scale;
            offsets[g] = new SKPoint(positions[g].XOffset * scale, -positions[g].YOffset * scale);
        }
        LetterTypefaces.Note(font, glyphs);
        return new Atom(start, length, level, style, font, glyphs, advances, offsets, clusters, text[start] == ' ', IsBreak: false);
    }

    private static List<TextLine> Wrap(List<Atom> atoms, string text, float width, bool rtl, string language)
    {
        var lines = new List<TextLine>();
        var line = new List<Atom>();
        var lineWidth = 0f;
        var i = 0;
        while (i < atoms.Count)
        {
            if (atoms[i].IsBreak)
            {
                lines.Add(Finish(line, rtl, atoms[i].Style));
                line = [];
                lineWidth = 0;
                i++;
                continue;
            }
            // A word: the spaces before it and its atoms up to the next space or break.
            var j = i;
            while (j < atoms.Count && atoms[j].IsSpace)
                j++;
            var k = j;
            while (k < atoms.Count && !atoms[k].IsSpace && !atoms[k].IsBreak)
                k++;
            var spaces = Sum(atoms, i, j);
            var word = Sum(atoms, j, k);
            if (line.Count > 0 && lineWidth + spaces + word > width)
            {
                lines.Add(Finish(line, rtl, atoms[i].Style));
                line = [];
                lineWidth = 0;
                spaces = 0;
                i = j;
            }
            if (line.Count == 0 && word > width)
            {
                // Longer than a line: as much of it as fits, the rest on the next line.
                var (head, remainder) = SplitWord(atoms, j, k, width, text, language);
                lines.Add(Finish(head, rtl, atoms[j].Style));
                atoms.RemoveRange(j, k - j);
                atoms.InsertRange(j, remainder);
                i = j;
                continue;
            }
            for (var a = line.Count == 0 ? j : i; a < k; a++)
                line.Add(atoms[a]);
            lineWidth += spaces + word;
            i = k;
        }
        if (line.Count > 0)
            lines.Add(Finish(line, rtl, line[^1].Style));
        return lines;
    }

    private static float Sum(List<Atom> atoms, int from, int to)
    {
        var sum = 0f;
        for (var a = from; a < to; a++)
            sum += atoms[a].Width;
        return sum;
    }

    private static (List<Atom> Head, List<Atom> Remainder) SplitWord(List<Atom> atoms, int from, int to, float width, string text, string language)
    {
        var head = new List<Atom>();
        var used = 0f;
        for (var a = from; a < to; a++)
        {
            var atom = atoms[a];
            if (used + atom.Width <= width)
            {
                head.Add(atom);
                used += atom.Width;
                continue;
            }
            var fits = 0;
            Atom? part = null;
            for (var n = 1; n < atom.Length; n++)
            {
                var candidate = Shape(text, atom.Start, n, atom.Level, atom.Style, atom.Font, language);
                if (used + candidate.Width > width)
                    break;
                fits = n;
                part = candidate;
            }
            if (part is null && head.Count == 0)
            {
                // Not even one character fits: it goes alone, overflowing, rather than never.
                fits = 1;
                part = Shape(text, atom.Start, 1, atom.Level, atom.Style, atom.Font, language);
            }
            if (part is not null)
                head.Add(part);
            var rest = new List<Atom>();
            if (fits < atom.Length)
                rest.Add(Shape(text, atom.Start + fits, atom.Length - fits, atom.Level, atom.Style, atom.Font, language));
            rest.AddRange(atoms.Skip(a + 1).Take(to - a - 1));
            return (head, rest);
        }
        return (head, []);
    }

    /// <summary>L1: spaces at the line's end go (they are at the paragraph's level, out of sight); L2: the runs in visual order.</summary>
    private static TextLine Finish(List<Atom> logical, bool rtl, TextStyle fallback)
    {
        var atoms = logical.ToList();
        while (atoms.Count > 0 && atoms[^1].IsSpace)
            atoms.RemoveAt(atoms.Count - 1);
        while (atoms.Count > 0 && atoms[0].IsSpace)
            atoms.RemoveAt(0);

        var order = Bidi.VisualOrder(atoms.Select(a => a.Level).ToList());
        var placed = new List<(Atom, float)>(atoms.Count);
        var x = 0f;
        foreach (var index in order)
        {
            placed.Add((atoms[index], x));
            x += atoms[index].Width;
        }

        var ascent = 0f;
        var descent = 0f;
        var height = fallback.Size * LineHeight;
        foreach (var atom in atoms.Count > 0 ? atoms.Select(a => (a.Style, a.Font)) : [(fallback, rtl ? LetterFonts.Shared.Arabic : LetterFonts.Shared.Latin)])
        {
            using var font = atom.Font.At(atom.Style.Size, italic: false);
            var metrics = font.Metrics;
            ascent = Math.Max(ascent, -metrics.Ascent);
            descent = Math.Max(descent, metrics.Descent);
            height = Math.Max(height, atom.Style.Size * LineHeight);
        }
        height = Math.Max(height, ascent + descent);
        var baseline = (height - (ascent + descent)) / 2 + ascent;
        return new TextLine(placed, x, height, baseline);
    }

    /// <summary>Draws <paramref name="line"/> with its left end at <paramref name="left"/> and its top at <paramref name="top"/>.</summary>
    public static void Draw(SKCanvas canvas, TextLine line, string text, float left, float top)
    {
        // One text blob per colour (a missing document's state is red among grey words).
        foreach (var colour in line.Atoms.Select(a => a.Atom.Style.Color).Distinct())
        {
            using var builder = new SKTextBlobBuilder();
            foreach (var (atom, x) in line.Atoms.Where(a => a.Atom.Style.Color == colour && a.Atom.Glyphs.Length > 0))
                AddRun(builder, atom, x, text);
            using var blob = builder.Build();
            if (blob is null)
                continue;
            using var paint = new SKPaint { IsAntialias = true, Color = colour };
            canvas.DrawText(blob, left, top + line.Baseline, paint);
        }
    }

    /// <summary>
    /// The atom's glyphs with its characters and each glyph's cluster as a byte offset in them: the PDF then carries the text
    /// as written (ActualText where glyphs are shaped forms), so it can be searched and copied.
    /// </summary>
    private static void AddRun(SKTextBlobBuilder builder, Atom atom, float x, string text)
    {
        using var font = LetterFont.At(LetterTypefaces.Drawing(atom.Font), atom.Style.Size, atom.Style.Italic);
        var chars = text.AsSpan(atom.Start, atom.Length);
        var offsets = new int[atom.Length + 1];
        var bytes = 0;
        for (var c = 0; c < atom.Length; c++)
        {
            offsets[c] = bytes;
            if (char.IsHighSurrogate(chars[c]) && c + 1 < atom.Length && char.IsLowSurrogate(chars[c + 1]))
            {
                offsets[++c] = bytes;
                bytes += 4;
            }
            else
            {
                bytes += Encoding.UTF8.GetByteCount(chars.Slice(c, 1));
            }
        }
        offsets[atom.Length] = bytes;
        var run = builder.AllocatePositionedTextRun(font, atom.Glyphs.Length, bytes);
        var glyphs = run.Glyphs;
        var positions = run.Positions;
        var clusters = run.Clusters;
        var pen = x;
        for (var g = 0; g < atom.Glyphs.Length; g++)
        {
            glyphs[g] = atom.Glyphs[g];
            positions[g] = new SKPoint(pen + atom.Offsets[g].X, atom.Offsets[g].Y);
            clusters[g] = (uint)offsets[Math.Clamp(atom.Clusters[g] - atom.Start, 0, atom.Length)];
            pen += atom.Advances[g];
        }
        Encoding.UTF8.GetBytes(chars, run.Text);
    }
}
