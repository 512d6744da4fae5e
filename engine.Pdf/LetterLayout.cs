using System.Globalization;
using AngleSharp.Dom;
using EmploymentProcedures.Engine.Templates;
using SkiaSharp;

namespace EmploymentProcedures.Engine.Pdf;

/// <summary>
/// Lays a letter's HTML out in a column of <see cref="Slab"/>s, as <c>document.css</c> lays it out for print: the
/// elements of <see cref="PrintableMarkup.Elements"/>, their HTML defaults (paragraph margins, bold headings, list
/// indents), the classes of <c>document.css</c> that shape a letter (<c>ministry</c>, <c>facts</c>, <c>message</c>,
/// <c>missing</c>, <c>signature</c>, <c>unit</c>), the verification block's inline styles (margins, weight, slant, its
/// frame), <c>lang</c> and <c>dir</c>. Nothing is fetched: no stylesheet, image or font named by the HTML is read.
/// </summary>
internal sealed class LetterLayout
{
    private static readonly SKColor Ink = SKColor.Parse("#1a1a1a");
    private static readonly SKColor Green = SKColor.Parse("#006233");
    private static readonly SKColor Muted = SKColor.Parse("#4a4a4a");
    private static readonly SKColor Border = SKColor.Parse("#b9b9b9");
    private static readonly SKColor Red = SKColor.Parse("#8a1c1c");

    private readonly float _rem;

    private LetterLayout(float rem) => _rem = rem;

    /// <summary>An element's computed look, inherited down the tree.</summary>
    private sealed record Look(TextStyle Text, bool Rtl, string Language, Align Align, bool PreLine);

    /// <summary>The letter's slabs in a column <paramref name="width"/> points wide starting at <paramref name="left"/>.</summary>
    public static List<Slab> Of(IDocument document, float left, float width)
    {
        var root = document.DocumentElement;
        var language = root.GetAttribute("lang") ?? "fr";
        var rtl = string.Equals(root.GetAttribute("dir"), "rtl", StringComparison.OrdinalIgnoreCase);
        // document.css: 11pt (10.5pt printed) for French and English, 12pt for Arabic.
        var size = language == "ar" ? 12f : 10.5f;
        var layout = new LetterLayout(size);
        var flow = new List<Slab>();
        var look = new Look(new TextStyle(size, false, false, Ink), rtl, language, Align.Start, false);
        layout.Children(document.Body ?? root, look, left, width, flow);
        return Collapse(flow);
    }

    private void Children(IElement parent, Look look, float left, float width, List<Slab> flow)
    {
        InlineText? inline = null;
        foreach (var node in parent.ChildNodes)
        {
            if (node is IText text)
            {
                (inline ??= new InlineText()).Append(text.Data, look.Text, look.PreLine);
            }
            else if (node is IElement element)
            {
                var name = element.LocalName;
                if (!PrintableMarkup.Elements.Contains(name))
                    throw new UnsupportedMarkupException(name);
                if (PrintableMarkup.Skipped.Contains(name))
                    continue;
                if (PrintableMarkup.Inline.Contains(name))
                {
                    Inline(element, look, inline ??= new InlineText());
                    continue;
                }
                Paragraph(inline, look, left, width, flow);
                inline = null;
                Block(element, look, left, width, flow);
            }
        }
        Paragraph(inline, look, left, width, flow);
    }

    private void Inline(IElement element, Look look, InlineText inline)
    {
        var name = element.LocalName;
        if (name == "br")
        {
            inline.Break(look.Text);
            return;
        }
        var inner = LookOf(element, look);
        var isolate = name == "bdi" || element.HasAttribute("dir");
        if (isolate)
            inline.Open(element.GetAttribute("dir")?.ToLowerInvariant(), inner.Text);
        foreach (var node in element.ChildNodes)
        {
            if (node is IText text)
                inline.Append(text.Data, inner.Text, inner.PreLine);
            else if (node is IElement child)
            {
                if (!PrintableMarkup.Elements.Contains(child.LocalName))
                    throw new UnsupportedMarkupException(child.LocalName);
                if (!PrintableMarkup.Inline.Contains(child.LocalName))
                    throw new UnsupportedMarkupException(child.LocalName, $"<{child.LocalName}> inside <{name}>");
                Inline(child, inner, inline);
            }
        }
        if (isolate)
            inline.Close(inner.Text);
    }

    private static void Paragraph(InlineText? inline, Look look, float left, float width, List<Slab> flow)
    {
        if (inline is null || !inline.HasContent)
            return;
        var text = inline.Text;
        foreach (var line in TextLines.Layout(inline, width, look.Rtl, look.Language))
        {
            var x = look.Align switch
            {
                Align.Center => left + (width - line.Width) / 2,
                Align.End => look.Rtl ? left : left + width - line.Width,
                _ => look.Rtl ? left + width - line.Width : left,
            };
            flow.Add(new LineSlab(line, text, x));
        }
    }

    private void Block(IElement element, Look outer, float left, float width, List<Slab> flow)
    {
        var look = LookOf(element, outer);
        var name = element.LocalName;
        var style = InlineStyle(element);
        var em = look.Text.Size;
        var (before, after) = name switch
        {
            "p" or "ul" or "ol" or "dl" => (em, em),
            "h1" => (0f, .4f * _rem),
            "h2" or "h3" => (1.2f * _rem, .4f * _rem),
            "table" => (.2f * _rem, .6f * _rem),
            "footer" => (1.8f * _rem, 0f),
            _ => (0f, 0f),
        };
        if (Has(element, "facts") || element.ParentElement is { } parent && Has(parent.ParentElement, "ministry"))
            (before, after) = (0, 0);
        if (Has(element, "signature"))
            before = 2 * _rem;
        if (Has(element, "ministry"))
            after = 1.2f * _rem;
        if (style.TryGetValue("margin", out var margin))
            (before, after) = Margins(margin, em);
        if (style.TryGetValue("margin-block-start", out var start))
            before = Length(start, em);
        flow.Add(new Gap(before));

        if (name == "footer")
        {
            flow.Add(new Rule(left, width, .75f, Border));
            flow.Add(new Gap(.4f * _rem));
        }
        var column = new List<Slab>();
        switch (name)
        {
            case "dl":
                Definitions(element, look, left, width, column);
                break;
            case "ul" or "ol":
                List(element, look, left, width, column);
                break;
            case "table":
                Table(element, look, left, width, column);
                break;
            case "svg":
                column.Add(Svg(element, look, left, width));
                break;
            case "hr":
                column.Add(new Rule(left, width, .75f, Border));
                break;
            default:
                if (Has(element, "ministry") || style.GetValueOrDefault("display") == "flex")
                    column.Add(FlexRow(element, look, left, width, style));
                else if (Has(element, "signature"))
                    Signature(element, look, left, width, column);
                else if (Has(element, "message"))
                    Message(element, look, left, width, column);
                else
                    Children(element, look, left, width, column);
                break;
        }
        flow.AddRange(column);
        if (name is "h2" or "h3")
        {
            flow.Add(new Gap(.15f * _rem));
            flow.Add(new Rule(left, width, .75f, Border));
        }
        if (Has(element, "ministry"))
        {
            flow.Add(new Gap(.5f * _rem));
            flow.Add(new Rule(left, width, 1.5f, Green));
        }
        flow.Add(new Gap(after));
    }

    /// <summary>The letterhead's two languages, or the verification block's QR code and text: side by side, kept together.</summary>
    private Row FlexRow(IElement element, Look look, float left, float width, Dictionary<string, string> style)
    {
        var framed = style.ContainsKey("border");
        var padding = style.TryGetValue("padding", out var p) ? Length(p, look.Text.Size) : 0;
        var gap = style.TryGetValue("gap", out var g) ? Length(g, look.Text.Size) : 1.5f * _rem;
        var items = element.Children.Where(c => !PrintableMarkup.Skipped.Contains(c.LocalName)).ToList();
        var inner = width - 2 * padding;
        // A fixed-size item (the QR code) keeps its width; the others share what is left.
        var fixedWidths = items.Select(i => i.LocalName == "svg" ? SvgSize(i, look).Width : (float?)null).ToList();
        var shared = items.Count(i => i.LocalName != "svg");
        var free = inner - fixedWidths.Sum(w => w ?? 0) - gap * (items.Count - 1);
        var columns = new List<(float, IReadOnlyList<Slab>)>();
        var offset = 0f;
        for (var i = 0; i < items.Count; i++)
        {
            var itemWidth = fixedWidths[i] ?? free / Math.Max(1, shared);
            // The first item is at the start: the right in a right-to-left letter.
            var x = look.Rtl ? left + padding + inner - offset - itemWidth : left + padding + offset;
            var column = new List<Slab>();
            if (items[i].LocalName == "svg")
                column.Add(Svg(items[i], look, x, itemWidth));
            else
                Children(items[i], LookOf(items[i], look), x, itemWidth, column);
            columns.Add((x, Collapse(column)));
            offset += itemWidth + gap;
        }
        return new Row(columns, padding, centred: framed, framed ? (canvas, top, height) =>
        {
            using var paint = new SKPaint { Color = SKColors.Black, Style = SKPaintStyle.Stroke, StrokeWidth = .75f };
            canvas.DrawRect(left, top, width, height, paint);
        } : null);
    }

    /// <summary><c>dl.facts</c>: a grid of two columns, the terms as wide as the widest (at most 45% of the width).</summary>
    private void Definitions(IElement list, Look look, float left, float width, List<Slab> flow)
    {
        var terms = list.Children.Where(c => c.LocalName == "dt").ToList();
        var gap = _rem;
        var termWidth = Math.Min(width * .45f, terms.Select(t => Natural(t, look)).DefaultIfEmpty(0).Max());
        var descriptionWidth = width - termWidth - gap;
        var termX = look.Rtl ? left + width - termWidth : left;
        var descriptionX = look.Rtl ? left : left + termWidth + gap;
        IElement? term = null;
        var first = true;
        foreach (var child in list.Children)
        {
            if (child.LocalName == "dt")
            {
                term = child;
                continue;
            }
            if (child.LocalName != "dd")
                throw new UnsupportedMarkupException(child.LocalName, $"<{child.LocalName}> in <dl>");
            if (!first)
                flow.Add(new Gap(.2f * _rem));
            first = false;
            var termColumn = new List<Slab>();
            if (term is not null)
                Children(term, LookOf(term, look), termX, termWidth, termColumn);
            var descriptionColumn = new List<Slab>();
            Children(child, LookOf(child, look), descriptionX, descriptionWidth, descriptionColumn);
            flow.Add(new Row([(termX, Collapse(termColumn)), (descriptionX, Collapse(descriptionColumn))], 0, centred: false, null));
            term = null;
        }
    }

    /// <summary>The width of <paramref name="element"/>'s text on one line (its widest line).</summary>
    private float Natural(IElement element, Look outer)
    {
        var column = new List<Slab>();
        Children(element, LookOf(element, outer), 0, 10_000, column);
        return column.OfType<LineSlab>().Select(l => l.Line.Width).DefaultIfEmpty(0).Max();
    }

    private void List(IElement list, Look look, float left, float width, List<Slab> flow)
    {
        var indent = 30f;
        var contentLeft = look.Rtl ? left : left + indent;
        var number = 0;
        foreach (var item in list.Children)
        {
            if (item.LocalName != "li")
                throw new UnsupportedMarkupException(item.LocalName, $"<{item.LocalName}> in <{list.LocalName}>");
            number++;
            var column = new List<Slab>();
            var itemLook = LookOf(item, look);
            Children(item, itemLook, contentLeft, width - indent, column);
            var marker = list.LocalName == "ol" ? number.ToString(CultureInfo.InvariantCulture) + "." : "•";
            if (column.OfType<LineSlab>().FirstOrDefault() is { } firstLine)
            {
                var inline = new InlineText();
                inline.Append(marker, itemLook.Text, false);
                var markerLine = TextLines.Layout(inline, indent, look.Rtl, look.Language)[0];
                var markerText = inline.Text;
                var x = look.Rtl ? left + width - indent + 8 : left + indent - 8 - markerLine.Width;
                firstLine.Decorations.Add((canvas, top, _) => TextLines.Draw(canvas, markerLine, markerText, x, top + firstLine.Line.Baseline - markerLine.Baseline));
            }
            flow.AddRange(column);
        }
    }

    /// <summary>A table: a caption, then each row kept together; a row whose first cell is a header gives that column 42%.</summary>
    private void Table(IElement table, Look look, float left, float width, List<Slab> flow)
    {
        var rows = new List<(IElement Row, bool Head)>();
        foreach (var child in table.Children)
        {
            switch (child.LocalName)
            {
                case "caption":
                    var captionLook = LookOf(child, look) with { Text = look.Text with { Bold = true } };
                    flow.Add(new Gap(.4f * _rem));
                    Children(child, captionLook, left, width, flow);
                    flow.Add(new Gap(.2f * _rem));
                    break;
                case "thead" or "tbody" or "tfoot":
                    rows.AddRange(child.Children.Select(r => (r, child.LocalName == "thead")));
                    break;
                case "tr":
                    rows.Add((child, false));
                    break;
                default:
                    throw new UnsupportedMarkupException(child.LocalName, $"<{child.LocalName}> in <table>");
            }
        }
        var count = rows.Count == 0 ? 0 : rows.Max(r => r.Row.Children.Length);
        if (count == 0)
            return;
        var rowHeader = rows.Any(r => !r.Head && (r.Row.Children.Length > 0 ? r.Row.Children[0].LocalName : null) == "th");
        var widths = Enumerable.Repeat(width / count, count).ToArray();
        if (rowHeader && count > 1)
        {
            widths[0] = width * .42f;
            for (var c = 1; c < count; c++)
                widths[c] = width * .58f / (count - 1);
        }
        var (padX, padY) = (.4f * _rem, .22f * _rem);
        foreach (var (row, head) in rows)
        {
            if (row.LocalName != "tr")
                throw new UnsupportedMarkupException(row.LocalName, $"<{row.LocalName}> in <table>");
            var columns = new List<(float, IReadOnlyList<Slab>)>();
            var offset = 0f;
            var cells = row.Children.ToList();
            for (var c = 0; c < cells.Count && c < count; c++)
            {
                var cell = cells[c];
                if (cell.LocalName is not ("th" or "td"))
                    throw new UnsupportedMarkupException(cell.LocalName, $"<{cell.LocalName}> in <tr>");
                var cellLook = LookOf(cell, look);
                if (cell.LocalName == "th")
                {
                    cellLook = cellLook with
                    {
                        Text = head ? cellLook.Text with { Bold = true, Color = Muted, Size = .9f * _rem } : cellLook.Text with { Bold = false, Color = Muted },
                    };
                }
                var cellWidth = widths[c];
                var x = look.Rtl ? left + width - offset - cellWidth : left + offset;
                var column = new List<Slab>();
                Children(cell, cellLook, x + padX, cellWidth - 2 * padX, column);
                columns.Add((x + padX, Collapse(column)));
                offset += cellWidth;
            }
            var line = head ? SKColor.Parse("#9a9a9a") : SKColor.Parse("#e0e0e0");
            flow.Add(new Row(columns, padY, centred: false, (canvas, top, height) =>
            {
                using var paint = new SKPaint { Color = line, Style = SKPaintStyle.Fill };
                canvas.DrawRect(left, top + height - .75f, width, .75f, paint);
            }));
        }
    }

    /// <summary><c>p.signature</c>: as wide as its longest line, at the end of the line, its lines centred.</summary>
    private void Signature(IElement element, Look look, float left, float width, List<Slab> flow)
    {
        var lines = new List<Slab>();
        Children(element, look with { Align = Align.Start }, left, width, lines);
        var slabs = lines.OfType<LineSlab>().ToList();
        var box = slabs.Select(l => l.Line.Width).DefaultIfEmpty(0).Max();
        var boxLeft = look.Rtl ? left : left + width - box;
        foreach (var slab in lines)
        {
            flow.Add(slab is LineSlab line
                ? new LineSlab(line.Line, line.Text, boxLeft + (box - line.Line.Width) / 2)
                : slab);
        }
    }

    /// <summary><c>.message</c>: the reviewer's words, line breaks kept, with a green bar on the start side of every line.</summary>
    private void Message(IElement element, Look look, float left, float width, List<Slab> flow)
    {
        var bar = 3 * .75f;
        var pad = .7f * _rem;
        var column = new List<Slab>();
        Children(element, look with { PreLine = true }, look.Rtl ? left : left + bar + pad, width - bar - pad, column);
        var x = look.Rtl ? left + width - bar : left;
        foreach (var line in column.OfType<LineSlab>())
        {
            line.Decorations.Add((canvas, top, height) =>
            {
                using var paint = new SKPaint { Color = Green, Style = SKPaintStyle.Fill };
                canvas.DrawRect(x, top, bar, height, paint);
            });
        }
        flow.AddRange(column);
    }

    /// <summary>An inline SVG (the QR code): its <c>rect</c>s and <c>path</c>s drawn as vectors, scaled from its view box.</summary>
    private Picture Svg(IElement svg, Look look, float left, float width)
    {
        var (w, h, viewWidth, viewHeight) = SvgSize(svg, look);
        var x = look.Rtl ? left + width - w : left;
        var shapes = new List<(SKPath Path, SKColor Fill)>();
        foreach (var shape in svg.Descendants<IElement>())
        {
            var fill = Colour(shape.GetAttribute("fill") ?? "#000");
            switch (shape.LocalName)
            {
                case "path":
                    shapes.Add((SKPath.ParseSvgPathData(shape.GetAttribute("d") ?? "") ?? throw new UnsupportedMarkupException("path", "an SVG path that does not parse"), fill));
                    break;
                case "rect":
                    var path = new SKPath();
                    path.AddRect(SKRect.Create(Number(shape, "x"), Number(shape, "y"), Number(shape, "width"), Number(shape, "height")));
                    shapes.Add((path, fill));
                    break;
                default:
                    throw new UnsupportedMarkupException(shape.LocalName, $"<{shape.LocalName}> in <svg>");
            }
        }
        return new Picture(h, (canvas, top) =>
        {
            canvas.Save();
            canvas.Translate(x, top);
            canvas.Scale(w / viewWidth, h / viewHeight);
            foreach (var (path, fill) in shapes)
            {
                using var paint = new SKPaint { Color = fill, Style = SKPaintStyle.Fill, IsAntialias = false };
                canvas.DrawPath(path, paint);
            }
            canvas.Restore();
        });
    }

    private (float Width, float Height, float ViewWidth, float ViewHeight) SvgSize(IElement svg, Look look)
    {
        var box = (svg.GetAttribute("viewBox") ?? "").Split([' ', ','], StringSplitOptions.RemoveEmptyEntries)
            .Select(v => float.Parse(v, CultureInfo.InvariantCulture)).ToArray();
        var width = Length(svg.GetAttribute("width") ?? "", look.Text.Size);
        var height = Length(svg.GetAttribute("height") ?? "", look.Text.Size);
        if (box.Length != 4 || width <= 0 || height <= 0)
            throw new UnsupportedMarkupException("svg", "an <svg> without a view box and a width and height");
        return (width, height, box[2], box[3]);
    }

    private static float Number(IElement element, string attribute) =>
        float.TryParse(element.GetAttribute(attribute), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : 0;

    /// <summary>What <paramref name="element"/> changes in the look it inherits.</summary>
    private Look LookOf(IElement element, Look outer)
    {
        var look = outer;
        if (element.GetAttribute("lang") is { Length: > 0 } language)
            look = look with { Language = language };
        if (element.GetAttribute("dir") is { } dir && dir.ToLowerInvariant() is "rtl" or "ltr" && element.LocalName != "bdi" && !PrintableMarkup.Inline.Contains(element.LocalName))
            look = look with { Rtl = dir.Equals("rtl", StringComparison.OrdinalIgnoreCase), Align = Align.Start };
        var text = look.Text;
        switch (element.LocalName)
        {
            case "h1":
                text = text with { Size = 1.4f * _rem, Bold = true, Color = Green };
                break;
            case "h2":
                text = text with { Size = 1.05f * _rem, Bold = true };
                break;
            case "h3":
                text = text with { Bold = true };
                break;
            case "strong" or "b":
                text = text with { Bold = true };
                break;
            case "em" or "i":
                text = text with { Italic = true };
                break;
            case "small":
                text = text.Scaled(.85f);
                break;
            case "footer":
                text = text with { Size = .85f * _rem, Color = Muted };
                break;
            case "dt" when Has(element.ParentElement, "facts"):
                text = text with { Color = Muted };
                break;
            case "dd" when Has(element.ParentElement, "facts"):
                text = text with { Bold = true };
                break;
            case "p" when Has(element.ParentElement?.ParentElement, "ministry"):
                text = text with { Bold = !Has(element, "unit"), Size = Has(element, "unit") ? .9f * _rem : text.Size };
                break;
        }
        if (Has(element, "missing"))
            text = text with { Color = Red, Bold = true };
        if (Has(element, "signature"))
            look = look with { Align = Align.Center };
        var style = InlineStyle(element);
        if (style.TryGetValue("font-weight", out var weight))
            text = text with { Bold = weight is "bold" or "bolder" || int.TryParse(weight, out var w) && w >= 600 };
        if (style.TryGetValue("font-style", out var slant))
            text = text with { Italic = slant is "italic" or "oblique" };
        if (style.TryGetValue("font-size", out var size) && Length(size, text.Size) is > 0 and var points)
            text = text with { Size = points };
        if (style.TryGetValue("color", out var colour))
            text = text with { Color = Colour(colour) };
        return look with { Text = text };
    }

    private static bool Has(IElement? element, string className) => element?.ClassList.Contains(className) == true;

    private static Dictionary<string, string> InlineStyle(IElement element)
    {
        var style = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var declaration in (element.GetAttribute("style") ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var colon = declaration.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0)
                style[declaration[..colon].Trim()] = declaration[(colon + 1)..].Trim();
        }
        return style;
    }

    /// <summary>A CSS length in points (mm, pt, px, rem, em; a bare number is pixels).</summary>
    private float Length(string value, float em)
    {
        value = value.Trim();
        (string Unit, float Points)[] units = [("mm", 72f / 25.4f), ("pt", 1), ("px", .75f), ("rem", _rem), ("em", em)];
        foreach (var (unit, points) in units)
        {
            if (value.EndsWith(unit, StringComparison.OrdinalIgnoreCase)
                && float.TryParse(value[..^unit.Length], NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
                return number * points;
        }
        return float.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var pixels) ? pixels * .75f : 0;
    }

    /// <summary>The top and bottom of a <c>margin</c> shorthand.</summary>
    private (float Top, float Bottom) Margins(string margin, float em)
    {
        var parts = margin.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(p => Length(p, em)).ToArray();
        return parts.Length switch
        {
            0 => (0, 0),
            1 or 2 => (parts[0], parts[0]),
            _ => (parts[0], parts[2]),
        };
    }

    private static SKColor Colour(string value) =>
        SKColor.TryParse(value.Trim(), out var colour) ? colour : value.Trim().ToLowerInvariant() switch
        {
            "white" => SKColors.White,
            "none" or "transparent" => SKColors.Transparent,
            _ => SKColors.Black,
        };

    /// <summary>Adjacent gaps become the largest of them (CSS margins collapse); gaps at either end of the column go.</summary>
    private static List<Slab> Collapse(List<Slab> flow)
    {
        var collapsed = new List<Slab>(flow.Count);
        foreach (var slab in flow)
        {
            if (slab is Gap gap && collapsed.Count > 0 && collapsed[^1] is Gap previous)
                collapsed[^1] = new Gap(Math.Max(previous.Height, gap.Height));
            else if (slab is not Gap || collapsed.Count > 0)
                collapsed.Add(slab);
        }
        while (collapsed.Count > 0 && collapsed[^1] is Gap)
            collapsed.RemoveAt(collapsed.Count - 1);
        return collapsed;
    }
}

/// <summary>An element the renderer does not lay out: the letter cannot be made a PDF.</summary>
internal sealed class UnsupportedMarkupException(string element, string? where = null)
    : Exception($"the letter uses {where ?? $"<{element}>"}, which the PDF renderer does not lay out")
{
    public string Element { get; } = element;
}
