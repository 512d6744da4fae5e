using System.Globalization;
using System.Text;

namespace EmploymentProcedures.Engine.Authoring;

/// <summary>
/// Draws a <see cref="Circuit"/> as SVG, top to bottom: the submission, each condition (a hexagon, with the way
/// past its step drawn along the start side), each step (a box; a parallel one stacked), the approved or
/// acknowledged end below; rejections run along a rail on the end side to the rejected end, and the deadline's
/// outcome sits beside the submission. Requests for changes and returns are written in each step's actions.
/// Presentation attributes only (no style element or attribute: the portal's CSP forbids inline styles),
/// integer coordinates, every text escaped; Arabic mirrors every x and writes right to left.
/// </summary>
internal static class CircuitSvg
{
    private const int Width = 800;
    private const int Gutter = 24;
    private const int Left = 168;
    private const int Right = 528;
    private const int Center = (Left + Right) / 2;
    private const int SideLeft = 612;
    private const int SideRight = 788;
    private const int Rail = (SideLeft + SideRight) / 2;
    private const int Top = 16;
    private const int Gap = 44;
    private const int LineHeight = 18;
    private const int Padding = 10;

    private const string Ink = "#0b0c0c";
    private const string Muted = "#383f43";

    private sealed record TextLine(string Text, bool Bold = false);

    /// <summary>A node where it is drawn, in left-to-right coordinates.</summary>
    private sealed record Placed(CircuitNode Node, int X, int Y, int W, int H, IReadOnlyList<TextLine> Lines)
    {
        public int Bottom => Y + H;
        public int Middle => Y + H / 2;
    }

    public static string Render(Circuit circuit)
    {
        var id = $"circuit-{circuit.ProcedureId}-{circuit.Language}";
        var placed = Layout(circuit, out var height);
        var svg = new Writer(circuit.RightToLeft);
        svg.Open($"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {Width} {height}\" width=\"{Width}\" height=\"{height}\" role=\"img\" aria-labelledby=\"{id}-title {id}-desc\" lang=\"{circuit.Language}\"{(circuit.RightToLeft ? " direction=\"rtl\"" : "")} font-family=\"'Noto Sans', 'Noto Naskh Arabic', Arial, sans-serif\" font-size=\"13\" fill=\"{Ink}\">");
        svg.Line($"<title id=\"{id}-title\">{Writer.Escape(circuit.Title)}</title>");
        svg.Line($"<desc id=\"{id}-desc\">{Writer.Escape(circuit.Summary)}</desc>");
        svg.Line($"<defs><marker id=\"{id}-arrow\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" orient=\"auto-start-reverse\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"{Ink}\"/></marker></defs>");

        var at = placed.ToDictionary(p => p.Node.Id, StringComparer.Ordinal);
        Edges(circuit, at, svg, $"url(#{id}-arrow)");
        foreach (var node in placed)
            Node(node, svg);
        svg.Close("</svg>");
        return svg.ToString();
    }

    private static List<Placed> Layout(Circuit circuit, out int height)
    {
        var main = circuit.Nodes.Where(n => n.Id is not ("end.rejected" or "end.deadline")).ToList();
        var deadline = circuit.Nodes.FirstOrDefault(n => n.Id == "end.deadline");
        var rejected = circuit.Nodes.FirstOrDefault(n => n.Id == "end.rejected");

        var placed = new List<Placed>();
        var y = Top;
        foreach (var node in main)
        {
            var lines = Lines(node);
            var h = Padding * 2 + lines.Count * LineHeight + (node.Kind is CircuitNodeKind.Start or CircuitNodeKind.End ? 4 : 0);
            var side = node.Kind == CircuitNodeKind.Start ? deadline : node.Kind == CircuitNodeKind.End ? rejected : null;
            if (side is not null)
            {
                // A side node shares the row of its main node; the taller of the two sets the row.
                var sideLines = Wrap(side.Label, 22).Select(t => new TextLine(t, Bold: true)).ToList();
                var sideHeight = Padding * 2 + sideLines.Count * LineHeight + 4;
                var row = Math.Max(h, sideHeight);
                placed.Add(new Placed(side, SideLeft, y + (row - sideHeight) / 2, SideRight - SideLeft, sideHeight, sideLines));
                placed.Add(new Placed(node, Left, y + (row - h) / 2, Right - Left, h, lines));
                y += row + Gap;
                continue;
            }
            placed.Add(new Placed(node, Left, y, Right - Left, h, lines));
            y += h + Gap;
        }
        height = y - Gap + Top;
        return placed;
    }

    private static List<TextLine> Lines(CircuitNode node)
    {
        var lines = new List<TextLine>();
        void Add(string? text, int chars, bool bold = false)
        {
            if (text is not null)
                lines.AddRange(Wrap(text, chars).Select(t => new TextLine(t, bold)));
        }
        switch (node.Kind)
        {
            case CircuitNodeKind.Step:
                Add(node.Label, 42, bold: true);
                Add(node.RoleText, 50);
                Add(node.DeadlineText, 50);
                Add(node.ActionsText, 50);
                break;
            case CircuitNodeKind.Condition:
                Add(node.Label, 44);
                break;
            default:
                Add(node.Label, 44, bold: true);
                Add(node.DeadlineText, 50);
                break;
        }
        return lines;
    }

    private static void Node(Placed p, Writer svg)
    {
        var node = p.Node;
        svg.Open($"<g data-node=\"{Writer.Escape(node.Id)}\" data-kind=\"{node.Kind.ToString().ToLowerInvariant()}\">");
        var centered = node.Kind != CircuitNodeKind.Step;
        switch (node.Kind)
        {
            case CircuitNodeKind.Step:
                if (node.Quorum is not null)
                    svg.Rect(p.X + 6, p.Y + 6, p.W, p.H, 4, "#f3f2f1", Ink, 1);
                svg.Rect(p.X, p.Y, p.W, p.H, 4, "#ffffff", Ink, node.Quorum is null ? 1 : 2);
                break;
            case CircuitNodeKind.Condition:
                svg.Polygon([(p.X, p.Middle), (p.X + 16, p.Y), (p.X + p.W - 16, p.Y), (p.X + p.W, p.Middle), (p.X + p.W - 16, p.Bottom), (p.X + 16, p.Bottom)], "#fff7e6", "#8a5a00");
                break;
            case CircuitNodeKind.Start:
                svg.Rect(p.X, p.Y, p.W, p.H, p.H / 2, "#e8f1f8", "#1d70b8", 2);
                break;
            default:
                var (fill, stroke) = node.Id switch
                {
                    "end.rejected" => ("#fbe9e7", "#d4351c"),
                    "end.deadline" => ("#f3f2f1", "#505a5f"),
                    _ => ("#e6f4ea", "#00703c"),
                };
                svg.Rect(p.X, p.Y, p.W, p.H, p.H / 2, fill, stroke, 3, dashed: node.Id == "end.deadline");
                break;
        }
        for (var i = 0; i < p.Lines.Count; i++)
        {
            var line = p.Lines[i];
            var baseline = p.Y + Padding + (centered && node.Kind != CircuitNodeKind.Condition ? 2 : 0) + 13 + i * LineHeight;
            svg.Text(centered ? p.X + p.W / 2 : p.X + 12, baseline, line.Text, centered ? "middle" : "start", line.Bold ? 14 : 13, line.Bold);
        }
        svg.Close("</g>");
    }

    private static void Edges(Circuit circuit, Dictionary<string, Placed> at, Writer svg, string arrow)
    {
        var rejections = circuit.Edges.Where(e => e.Kind == CircuitEdgeKind.Reject).Select(e => at[e.From].Y + 22).ToList();
        foreach (var edge in circuit.Edges)
        {
            if (edge.Kind is CircuitEdgeKind.ChangesRequested or CircuitEdgeKind.Return)
                continue;
            var (from, to) = (at[edge.From], at[edge.To]);
            svg.Open($"<g data-from=\"{Writer.Escape(edge.From)}\" data-to=\"{Writer.Escape(edge.To)}\" data-kind=\"{edge.Kind.ToString().ToLowerInvariant()}\">");
            switch (edge.Kind)
            {
                case CircuitEdgeKind.Skipped:
                    var entry = to.Y - 14;
                    svg.Polyline([(from.X, from.Middle), (Gutter, from.Middle), (Gutter, entry), (Center, entry), (Center, to.Y)], arrow);
                    svg.Text((Gutter + from.X) / 2, from.Middle - 6, edge.Label, "middle", 12, color: Muted);
                    break;
                case CircuitEdgeKind.Reject:
                    var y = from.Y + 22;
                    svg.Polyline(y == rejections[0] ? [(from.X + from.W, y), (Rail, y), (Rail, to.Y)] : [(from.X + from.W, y), (Rail, y)], y == rejections[0] ? arrow : null);
                    if (y != rejections[0])
                        svg.Line($"<circle cx=\"{svg.X(Rail)}\" cy=\"{y}\" r=\"3\" fill=\"{Ink}\"/>");
                    svg.Text((from.X + from.W + Rail) / 2, y - 6, edge.Label, "middle", 12, color: Muted);
                    break;
                case CircuitEdgeKind.Deadline:
                    svg.Polyline([(from.X + from.W, from.Middle), (to.X, from.Middle)], arrow, dashed: true);
                    break;
                default:
                    svg.Polyline([(Center, from.Bottom), (Center, to.Y)], arrow);
                    if (edge.From != "start")
                        svg.Text(Center + 8, (from.Bottom + to.Y) / 2 + 4, edge.Label, "start", 12, color: Muted);
                    break;
            }
            svg.Close("</g>");
        }
    }

    /// <summary>Greedy wrapping by an estimate of characters per line (no font metrics in the engine); long words are cut.</summary>
    private static List<string> Wrap(string text, int chars)
    {
        var lines = new List<string>();
        var line = new StringBuilder();
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var rest = word;
            while (rest.Length > chars)
            {
                if (line.Length > 0)
                {
                    lines.Add(line.ToString());
                    line.Clear();
                }
                lines.Add(rest[..chars]);
                rest = rest[chars..];
            }
            if (line.Length > 0 && line.Length + 1 + rest.Length > chars)
            {
                lines.Add(line.ToString());
                line.Clear();
            }
            line.Append(line.Length > 0 ? " " : "").Append(rest);
        }
        if (line.Length > 0)
            lines.Add(line.ToString());
        return lines;
    }

    /// <summary>Writes elements one a line, indented, mirroring x for right-to-left.</summary>
    private sealed class Writer(bool rightToLeft)
    {
        private readonly StringBuilder _text = new();
        private int _depth;

        public int X(int x) => rightToLeft ? Width - x : x;

        public void Line(string element) => _text.Append(' ', _depth * 2).Append(element).Append('\n');

        public void Open(string element)
        {
            Line(element);
            _depth++;
        }

        public void Close(string element)
        {
            _depth--;
            Line(element);
        }

        public void Rect(int x, int y, int w, int h, int radius, string fill, string stroke, int strokeWidth, bool dashed = false) =>
            Line($"<rect x=\"{(rightToLeft ? Width - x - w : x)}\" y=\"{y}\" width=\"{w}\" height=\"{h}\" rx=\"{radius}\" fill=\"{fill}\" stroke=\"{stroke}\" stroke-width=\"{strokeWidth}\"{(dashed ? " stroke-dasharray=\"6 4\"" : "")}/>");

        public void Polygon(IEnumerable<(int X, int Y)> points, string fill, string stroke) =>
            Line($"<polygon points=\"{Points(points)}\" fill=\"{fill}\" stroke=\"{stroke}\" stroke-width=\"2\"/>");

        public void Polyline(IEnumerable<(int X, int Y)> points, string? arrow, bool dashed = false) =>
            Line($"<polyline points=\"{Points(points)}\" fill=\"none\" stroke=\"{Ink}\" stroke-width=\"1.5\"{(dashed ? " stroke-dasharray=\"6 4\"" : "")}{(arrow is null ? "" : $" marker-end=\"{arrow}\"")}/>");

        public void Text(int x, int y, string text, string anchor, int size, bool bold = false, string? color = null) =>
            Line($"<text x=\"{X(x)}\" y=\"{y}\" text-anchor=\"{anchor}\"{(size == 13 ? "" : $" font-size=\"{size}\"")}{(bold ? " font-weight=\"700\"" : "")}{(color is null ? "" : $" fill=\"{color}\"")}>{Escape(text)}</text>");

        private string Points(IEnumerable<(int X, int Y)> points) =>
            string.Join(' ', points.Select(p => string.Create(CultureInfo.InvariantCulture, $"{X(p.X)},{p.Y}")));

        public static string Escape(string text) => text
            .Replace("&", "&amp;", StringComparison.Ordinal)
            .Replace("<", "&lt;", StringComparison.Ordinal)
            .Replace(">", "&gt;", StringComparison.Ordinal)
            .Replace("\"", "&quot;", StringComparison.Ordinal)
            .Replace("'", "&#39;", StringComparison.Ordinal);

        public override string ToString() => _text.ToString();
    }
}
