using System.Buffers.Binary;
using System.Runtime.InteropServices;
using EmploymentProcedures.Engine.Pdf;
using HarfBuzzSharp;
using SkiaSharp;

namespace EmploymentProcedures.Engine.Tests.Pdf;

/// <summary>
/// The fonts reduced to a letter's glyphs before SkiaSharp embeds them: what a PDF reader loads must draw those glyphs
/// exactly as the whole font does, with the same glyph ids, and nothing else.
/// </summary>
public sealed class FontSubsetTests
{
    private static readonly LetterFont Latin = LetterFonts.Shared.Latin;
    private static readonly LetterFont Arabic = LetterFonts.Shared.Arabic;

    private static ushort Glyph(LetterFont font, char c) =>
        font.Shaper.TryGetGlyph(c, out var glyph) ? (ushort)glyph : throw new InvalidOperationException($"no glyph for '{c}'");

    private static byte[] Subset(LetterFont font, params ushort[] glyphs) =>
        FontSubset.Make(font.Bytes, glyphs, out var refusal) ?? throw new Xunit.Sdk.XunitException("expected a subset, got: " + refusal);

    private static string PathOf(SKTypeface typeface, ushort glyph)
    {
        using var font = new SKFont(typeface, 1000);
        using var path = font.GetGlyphPath(glyph);
        return path?.ToSvgPathData() ?? "";
    }

    [Fact]
    public void Make_KnownGlyphs_LoadsInSkiaSharpAndHarfBuzzWithTheSameGlyphIdsAndOutlines()
    {
        ushort[] asked = [Glyph(Latin, 'D'), Glyph(Latin, 'a'), Glyph(Latin, '7')];

        var subset = Subset(Latin, asked);

        using var typeface = SKTypeface.FromData(SKData.CreateCopy(subset));
        Assert.NotNull(typeface);
        Assert.Equal(Latin.Typeface.GlyphCount, typeface.GlyphCount);
        var data = Marshal.AllocHGlobal(subset.Length);
        Marshal.Copy(subset, 0, data, subset.Length);
        using var blob = new Blob(data, subset.Length, MemoryMode.ReadOnly, () => Marshal.FreeHGlobal(data));
        using var face = new Face(blob, 0);
        using var shaper = new HarfBuzzSharp.Font(face);
        Assert.Equal(Latin.Typeface.GlyphCount, face.GlyphCount);
        foreach (var (c, glyph) in "Da7".Zip(asked))
        {
            Assert.True(shaper.TryGetGlyph(c, out var found));
            Assert.Equal(glyph, found);
            Assert.Equal(FontSubset.Outline(Latin.Bytes, glyph), FontSubset.Outline(subset, glyph));
            Assert.NotEmpty(FontSubset.Outline(subset, glyph));
            Assert.Equal(PathOf(Latin.Typeface, glyph), PathOf(typeface, glyph));
        }
    }

    [Fact]
    public void Make_GlyphNotAsked_HasNoOutlineButNotdefKeepsIts()
    {
        var unused = Glyph(Latin, 'Z');

        var subset = Subset(Latin, Glyph(Latin, 'D'));

        Assert.NotEmpty(FontSubset.Outline(Latin.Bytes, unused));
        Assert.Empty(FontSubset.Outline(subset, unused));
        Assert.Equal(FontSubset.Outline(Latin.Bytes, 0), FontSubset.Outline(subset, 0));
        Assert.True(subset.Length < Latin.Bytes.Length / 5, $"a one-letter subset weighs {subset.Length} bytes");
    }

    [Fact]
    public void Make_CompositeGlyph_KeepsItsComponents()
    {
        // Noto Sans draws é as a composite: the outline's contour count is negative, its parts are other glyphs.
        var eAcute = Glyph(Latin, 'é');
        Assert.True(BinaryPrimitives.ReadInt16BigEndian(FontSubset.Outline(Latin.Bytes, eAcute)) < 0);
        var e = Glyph(Latin, 'e');

        var subset = Subset(Latin, eAcute);

        using var typeface = SKTypeface.FromData(SKData.CreateCopy(subset));
        Assert.Equal(PathOf(Latin.Typeface, eAcute), PathOf(typeface, eAcute));
        Assert.NotEqual("", PathOf(typeface, eAcute));
        // e was not asked for: it is kept as é's component.
        Assert.Equal(FontSubset.Outline(Latin.Bytes, e), FontSubset.Outline(subset, e));
        Assert.Empty(FontSubset.Outline(subset, Glyph(Latin, 'x')));
    }

    [Fact]
    public void Make_ArabicShapedForms_KeepsTheirOutlinesAndAValidChecksum()
    {
        ushort[] asked = [Glyph(Arabic, 'ب'), Glyph(Arabic, 'ع')];

        var subset = Subset(Arabic, asked);

        // The whole file sums to 0xB1B0AFBA once head's adjustment is in (OpenType's check of a font file).
        Assert.Equal(0xB1B0AFBAu, FontSubset.Checksum(subset));
        using var typeface = SKTypeface.FromData(SKData.CreateCopy(subset));
        foreach (var glyph in asked)
            Assert.Equal(PathOf(Arabic.Typeface, glyph), PathOf(typeface, glyph));
    }

    [Fact]
    public void Make_CffFont_IsRefusedSayingWhy()
    {
        var cff = Latin.Bytes.ToArray();
        BinaryPrimitives.WriteUInt32BigEndian(cff, 0x4F54544F); // 'OTTO'

        Assert.Null(FontSubset.Make(cff, [Glyph(Latin, 'D')], out var refusal));
        Assert.Contains("CFF", refusal, StringComparison.Ordinal);
    }

    [Fact]
    public void Make_TableOutsideTheFile_IsRefusedAndNoTypefaceIsMade()
    {
        var cut = Latin.Bytes.AsSpan(0, Latin.Bytes.Length / 2).ToArray();

        Assert.Null(LetterTypefaces.Subset(cut, [Glyph(Latin, 'D')], out var reason));
        Assert.Contains("outside the file", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Make_CompositeNamingAGlyphPastTheFont_IsRefused()
    {
        var font = Latin.Bytes.ToArray();
        var eAcute = Glyph(Latin, 'é');
        var outline = FontSubset.Outline(font, eAcute);
        var at = font.AsSpan().IndexOf(outline);
        BinaryPrimitives.WriteUInt16BigEndian(font.AsSpan(at + 12), ushort.MaxValue);

        Assert.Null(FontSubset.Make(font, [eAcute], out var refusal));
        Assert.Contains("past the font", refusal, StringComparison.Ordinal);
    }
}
