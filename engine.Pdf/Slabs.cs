using SkiaSharp;

namespace EmploymentProcedures.Engine.Pdf;

/// <summary>
/// What the layout makes of a letter: a column of slabs, each drawn whole on one page. A page may break between two
/// slabs, never inside one: a line of text is a slab, and so is a row of a table, a pair of a definition list, the
/// letterhead and the verification block; only a row taller than a page is cut between its lines (<see cref="Row.Split"/>).
/// </summary>
internal abstract class Slab
{
    public abstract float Height { get; }

    public abstract void Draw(SKCanvas canvas, float top);
}

/// <summary>Vertical space (a margin): adjacent gaps collapse to the largest, and a gap at the top of a page goes.</summary>
internal sealed class Gap(float height) : Slab
{
    public override float Height { get; } = height;

    public override void Draw(SKCanvas canvas, float top)
    {
    }
}

/// <summary>One line of text, its left end at <paramref name="left"/>, with what is drawn beside it (a list's bullet, a message's bar).</summary>
internal sealed class LineSlab(TextLine line, string text, float left) : Slab
{
    public TextLine Line => line;

    public string Text => text;

    public List<Action<SKCanvas, float, float>> Decorations { get; } = [];

    public override float Height => line.Height;

    public override void Draw(SKCanvas canvas, float top)
    {
        TextLines.Draw(canvas, line, text, left, top);
        foreach (var decoration in Decorations)
            decoration(canvas, top, line.Height);
    }
}

/// <summary>A horizontal rule (a heading's underline, the footer's top border).</summary>
internal sealed class Rule(float left, float width, float thickness, SKColor colour) : Slab
{
    public override float Height => thickness;

    public override void Draw(SKCanvas canvas, float top)
    {
        using var paint = new SKPaint { Color = colour, Style = SKPaintStyle.Fill };
        canvas.DrawRect(left, top, width, thickness, paint);
    }
}

/// <summary>A drawing of fixed height (the QR code).</summary>
internal sealed class Picture(float height, Action<SKCanvas, float> draw) : Slab
{
    public override float Height => height;

    public override void Draw(SKCanvas canvas, float top) => draw(canvas, top);
}

/// <summary>
/// Columns side by side, kept together: a table's row, a definition's term and description, the letterhead's two
/// languages, the verification block's QR code and text. Each column is its own stack of slabs.
/// </summary>
internal sealed class Row(IReadOnlyList<(float Left, IReadOnlyList<Slab> Column)> columns, float padding, bool centred, Action<SKCanvas, float, float>? frame) : Slab
{
    private readonly float _content = columns.Count == 0 ? 0 : columns.Max(c => Stack(c.Column));

    public override float Height => _content + 2 * padding;

    public override void Draw(SKCanvas canvas, float top)
    {
        frame?.Invoke(canvas, top, Height);
        foreach (var (_, column) in columns)
        {
            var y = top + padding + (centred ? (_content - Stack(column)) / 2 : 0);
            foreach (var slab in column)
            {
                slab.Draw(canvas, y);
                y += slab.Height;
            }
        }
    }

    /// <summary>
    /// The row cut where <paramref name="available"/> points end, for a row taller than a page (a table's row holding a very
    /// long answer): what fits of each column above the cut, the rest below, each part padded and framed like the row, its
    /// columns from the top. Null when no column has a first slab that fits, or nothing would be left below.
    /// </summary>
    public (Row Above, Row Below)? Split(float available)
    {
        var room = available - 2 * padding;
        var first = new List<(float, IReadOnlyList<Slab>)>(columns.Count);
        var rest = new List<(float, IReadOnlyList<Slab>)>(columns.Count);
        foreach (var (left, column) in columns)
        {
            var (taken, used) = (0, 0f);
            while (taken < column.Count && used + column[taken].Height <= room)
                used += column[taken++].Height;
            first.Add((left, column.Take(taken).ToList()));
            // A margin at the cut goes, as at the top of a page.
            rest.Add((left, column.Skip(taken).SkipWhile(s => s is Gap).ToList()));
        }
        return first.All(c => c.Item2.Count == 0) || rest.All(c => c.Item2.Count == 0)
            ? null
            : (new Row(first, padding, centred: false, frame), new Row(rest, padding, centred: false, frame));
    }

    private static float Stack(IReadOnlyList<Slab> column) => column.Sum(s => s.Height);
}
