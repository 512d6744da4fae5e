using System.Buffers.Binary;

namespace EmploymentProcedures.Engine.Pdf;

/// <summary>
/// A TrueType font reduced to the glyphs a letter draws, for embedding (SkiaSharp's PDF backend embeds a typeface whole: its
/// own subsetter is not built in). Glyph ids are unchanged, so HarfBuzz's shaping of the full font stays valid: <c>glyf</c>
/// keeps the outlines of the glyphs asked for, of the components of composite glyphs (followed recursively) and of
/// <c>.notdef</c>, every other glyph being empty; <c>loca</c> is rebuilt (short or long), <c>head</c>, <c>hhea</c>,
/// <c>maxp</c>, <c>hmtx</c>, <c>cmap</c> (whole: the PDF's <c>ToUnicode</c> map is made from it), <c>name</c>, <c>OS/2</c>
/// and the hinting tables are kept, <c>post</c> becomes version 3 (no glyph names), and the layout tables (GSUB, GPOS,
/// GDEF) and the signature go. A font it cannot read (CFF outlines, a table out of bounds, a composite that points past the
/// glyphs) is refused with the reason, never half-made.
/// </summary>
internal static class FontSubset
{
    private const uint TrueTypeVersion = 0x00010000;
    private const uint AppleTrueType = 0x74727565; // 'true'
    private const uint ChecksumMagic = 0xB1B0AFBA;

    /// <summary>The tables drawing and embedding need (the rest, GSUB, GPOS, GDEF, DSIG..., is dropped).</summary>
    private static readonly string[] Kept = ["OS/2", "cmap", "cvt ", "fpgm", "gasp", "glyf", "head", "hhea", "hmtx", "loca", "maxp", "name", "post", "prep"];

    private static readonly string[] Required = ["cmap", "glyf", "head", "hhea", "hmtx", "loca", "maxp"];

    /// <summary>The subset of <paramref name="font"/> keeping <paramref name="glyphs"/>, or null with <paramref name="refusal"/> saying why.</summary>
    public static byte[]? Make(ReadOnlySpan<byte> font, IEnumerable<ushort> glyphs, out string? refusal)
    {
        try
        {
            refusal = null;
            return Build(font, glyphs);
        }
        catch (InvalidFontException e)
        {
            refusal = e.Message;
            return null;
        }
    }

    /// <summary>The outline bytes of <paramref name="glyph"/> in <paramref name="font"/> (empty for a glyph without one).</summary>
    public static byte[] Outline(ReadOnlySpan<byte> font, ushort glyph)
    {
        var tables = Directory(font);
        var head = Table(font, tables, "head");
        var count = BinaryPrimitives.ReadUInt16BigEndian(Table(font, tables, "maxp")[4..]);
        var glyf = Table(font, tables, "glyf");
        var loca = Locations(Table(font, tables, "loca"), count, BinaryPrimitives.ReadInt16BigEndian(head[50..]) == 1, glyf.Length);
        return glyf[loca[glyph]..loca[glyph + 1]].ToArray();
    }

    private static byte[] Build(ReadOnlySpan<byte> font, IEnumerable<ushort> glyphs)
    {
        var tables = Directory(font);
        foreach (var tag in Required)
        {
            if (!tables.ContainsKey(tag))
                throw new InvalidFontException($"the font has no '{tag}' table");
        }
        var head = Table(font, tables, "head");
        var maxp = Table(font, tables, "maxp");
        if (head.Length < 54 || maxp.Length < 6)
            throw new InvalidFontException("the font's 'head' or 'maxp' table is too short");
        var longLoca = BinaryPrimitives.ReadInt16BigEndian(head[50..]) switch
        {
            0 => false,
            1 => true,
            _ => throw new InvalidFontException("the font's 'head' names an unknown 'loca' format"),
        };
        var count = BinaryPrimitives.ReadUInt16BigEndian(maxp[4..]);
        var glyf = Table(font, tables, "glyf");
        var loca = Locations(Table(font, tables, "loca"), count, longLoca, glyf.Length);

        var kept = Closure(glyf, loca, glyphs);
        var (newGlyf, newLoca, newLong) = Outlines(glyf, loca, kept);

        var output = new SortedDictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var tag in Kept)
        {
            if (tables.ContainsKey(tag))
                output[tag] = Table(font, tables, tag).ToArray();
        }
        output["glyf"] = newGlyf;
        output["loca"] = newLoca;
        var newHead = output["head"];
        BinaryPrimitives.WriteInt16BigEndian(newHead.AsSpan(50), (short)(newLong ? 1 : 0));
        BinaryPrimitives.WriteUInt32BigEndian(newHead.AsSpan(8), 0);
        if (output.TryGetValue("post", out var post))
        {
            if (post.Length < 32)
                throw new InvalidFontException("the font's 'post' table is too short");
            var header = post.AsSpan(0, 32).ToArray();
            BinaryPrimitives.WriteUInt32BigEndian(header, 0x00030000);
            output["post"] = header;
        }
        return Assemble(output);
    }

    /// <summary>The table directory: each table's offset and length, checked to lie inside the file.</summary>
    private static Dictionary<string, (int Offset, int Length)> Directory(ReadOnlySpan<byte> font)
    {
        if (font.Length < 12)
            throw new InvalidFontException("the font is shorter than its header");
        var version = BinaryPrimitives.ReadUInt32BigEndian(font);
        if (version is not (TrueTypeVersion or AppleTrueType))
            throw new InvalidFontException(version == 0x4F54544F ? "the font has CFF outlines, not TrueType ones" : "the font is not TrueType");
        var numTables = BinaryPrimitives.ReadUInt16BigEndian(font[4..]);
        if (font.Length < 12 + 16 * numTables)
            throw new InvalidFontException("the font's table directory is cut short");
        var tables = new Dictionary<string, (int, int)>(StringComparer.Ordinal);
        for (var t = 0; t < numTables; t++)
        {
            var record = font.Slice(12 + 16 * t, 16);
            var tag = System.Text.Encoding.Latin1.GetString(record[..4]);
            var offset = BinaryPrimitives.ReadUInt32BigEndian(record[8..]);
            var length = BinaryPrimitives.ReadUInt32BigEndian(record[12..]);
            if (offset > (uint)font.Length || length > (uint)font.Length - offset)
                throw new InvalidFontException($"the font's '{tag}' table lies outside the file");
            tables[tag] = ((int)offset, (int)length);
        }
        return tables;
    }

    private static ReadOnlySpan<byte> Table(ReadOnlySpan<byte> font, Dictionary<string, (int Offset, int Length)> tables, string tag) =>
        font.Slice(tables[tag].Offset, tables[tag].Length);

    /// <summary><c>loca</c> read: glyph g's outline is <c>glyf[at[g]..at[g + 1]]</c>.</summary>
    private static int[] Locations(ReadOnlySpan<byte> loca, int count, bool longFormat, int glyfLength)
    {
        var size = longFormat ? 4 : 2;
        if (loca.Length < (count + 1) * size)
            throw new InvalidFontException("the font's 'loca' table is shorter than its glyphs");
        var at = new int[count + 1];
        for (var g = 0; g <= count; g++)
        {
            var value = longFormat ? BinaryPrimitives.ReadUInt32BigEndian(loca[(4 * g)..]) : 2u * BinaryPrimitives.ReadUInt16BigEndian(loca[(2 * g)..]);
            if (value > (uint)glyfLength || g > 0 && value < (uint)at[g - 1])
                throw new InvalidFontException($"the font's 'loca' entry of glyph {g} is out of order or outside 'glyf'");
            at[g] = (int)value;
        }
        return at;
    }

    /// <summary>The glyphs kept: those asked for that the font has, <c>.notdef</c>, and every composite's components, recursively.</summary>
    private static bool[] Closure(ReadOnlySpan<byte> glyf, int[] loca, IEnumerable<ushort> glyphs)
    {
        var count = loca.Length - 1;
        var kept = new bool[count];
        var pending = new Stack<int>();
        pending.Push(0);
        foreach (var glyph in glyphs)
        {
            if (glyph < count)
                pending.Push(glyph);
        }
        while (pending.TryPop(out var glyph))
        {
            if (kept[glyph])
                continue;
            kept[glyph] = true;
            var outline = glyf[loca[glyph]..loca[glyph + 1]];
            if (outline.Length == 0 || BinaryPrimitives.ReadInt16BigEndian(outline) >= 0)
                continue;
            foreach (var component in Components(outline, count))
                pending.Push(component);
        }
        return kept;
    }

    /// <summary>The glyph ids a composite glyph's components name (OpenType <c>glyf</c>, composite glyph description).</summary>
    private static List<int> Components(ReadOnlySpan<byte> outline, int count)
    {
        const ushort wordArguments = 0x0001, scale = 0x0008, moreComponents = 0x0020, xyScale = 0x0040, twoByTwo = 0x0080;
        var components = new List<int>();
        var at = 10;
        ushort flags;
        do
        {
            if (outline.Length < at + 4)
                throw new InvalidFontException("a composite glyph is cut short");
            flags = BinaryPrimitives.ReadUInt16BigEndian(outline[at..]);
            var component = BinaryPrimitives.ReadUInt16BigEndian(outline[(at + 2)..]);
            if (component >= count)
                throw new InvalidFontException($"a composite glyph names glyph {component}, past the font's {count}");
            components.Add(component);
            at += 4 + ((flags & wordArguments) != 0 ? 4 : 2)
                + ((flags & scale) != 0 ? 2 : (flags & xyScale) != 0 ? 4 : (flags & twoByTwo) != 0 ? 8 : 0);
        }
        while ((flags & moreComponents) != 0);
        if (outline.Length < at)
            throw new InvalidFontException("a composite glyph is cut short");
        return components;
    }

    /// <summary>The new <c>glyf</c> (kept outlines, each padded to an even length as short offsets need) and its <c>loca</c>, short when it fits.</summary>
    private static (byte[] Glyf, byte[] Loca, bool Long) Outlines(ReadOnlySpan<byte> glyf, int[] loca, bool[] kept)
    {
        var count = kept.Length;
        var at = new int[count + 1];
        var size = 0;
        for (var g = 0; g < count; g++)
        {
            at[g] = size;
            if (kept[g])
                size += (loca[g + 1] - loca[g] + 1) & ~1;
        }
        at[count] = size;
        var newGlyf = new byte[size];
        for (var g = 0; g < count; g++)
        {
            if (kept[g])
                glyf[loca[g]..loca[g + 1]].CopyTo(newGlyf.AsSpan(at[g]));
        }
        var longFormat = size / 2 > ushort.MaxValue;
        var newLoca = new byte[(count + 1) * (longFormat ? 4 : 2)];
        for (var g = 0; g <= count; g++)
        {
            if (longFormat)
                BinaryPrimitives.WriteUInt32BigEndian(newLoca.AsSpan(4 * g), (uint)at[g]);
            else
                BinaryPrimitives.WriteUInt16BigEndian(newLoca.AsSpan(2 * g), (ushort)(at[g] / 2));
        }
        return (newGlyf, newLoca, longFormat);
    }

    /// <summary>The font file: header, directory sorted by tag, tables at four-byte boundaries with their checksums, and <c>head</c>'s checksum adjustment.</summary>
    private static byte[] Assemble(SortedDictionary<string, byte[]> tables)
    {
        var numTables = tables.Count;
        var power = 1;
        var log = 0;
        while (power * 2 <= numTables)
        {
            power *= 2;
            log++;
        }
        var headerSize = 12 + 16 * numTables;
        var total = headerSize + tables.Values.Sum(t => Padded(t.Length));
        var file = new byte[total];
        var span = file.AsSpan();
        BinaryPrimitives.WriteUInt32BigEndian(span, TrueTypeVersion);
        BinaryPrimitives.WriteUInt16BigEndian(span[4..], (ushort)numTables);
        BinaryPrimitives.WriteUInt16BigEndian(span[6..], (ushort)(power * 16));
        BinaryPrimitives.WriteUInt16BigEndian(span[8..], (ushort)log);
        BinaryPrimitives.WriteUInt16BigEndian(span[10..], (ushort)(numTables * 16 - power * 16));
        var offset = headerSize;
        var record = 12;
        var headAt = 0;
        foreach (var (tag, data) in tables)
        {
            System.Text.Encoding.Latin1.GetBytes(tag, span[record..]);
            BinaryPrimitives.WriteUInt32BigEndian(span[(record + 4)..], Checksum(data));
            BinaryPrimitives.WriteUInt32BigEndian(span[(record + 8)..], (uint)offset);
            BinaryPrimitives.WriteUInt32BigEndian(span[(record + 12)..], (uint)data.Length);
            data.CopyTo(span[offset..]);
            if (tag == "head")
                headAt = offset;
            offset += Padded(data.Length);
            record += 16;
        }
        BinaryPrimitives.WriteUInt32BigEndian(span[(headAt + 8)..], unchecked(ChecksumMagic - Checksum(file)));
        return file;
    }

    /// <summary>The sum of the data's big-endian 32-bit words, the last one padded with zeros.</summary>
    public static uint Checksum(ReadOnlySpan<byte> data)
    {
        var sum = 0u;
        var whole = data.Length & ~3;
        for (var i = 0; i < whole; i += 4)
            sum = unchecked(sum + BinaryPrimitives.ReadUInt32BigEndian(data[i..]));
        if (whole < data.Length)
        {
            Span<byte> last = stackalloc byte[4];
            last.Clear();
            data[whole..].CopyTo(last);
            sum = unchecked(sum + BinaryPrimitives.ReadUInt32BigEndian(last));
        }
        return sum;
    }

    private static int Padded(int length) => (length + 3) & ~3;

    private sealed class InvalidFontException(string message) : Exception(message);
}
