using EmploymentProcedures.Engine.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace EmploymentProcedures.Engine.Loading;

/// <summary>
/// Builds a <see cref="YamlNode"/> tree from YamlDotNet's event parser, refusing what definitions
/// never need (anchors, aliases, tags, several documents) and stopping at the depth and node limits
/// as the events arrive. YamlDotNet's own document model is never used: it recurses without bound.
/// </summary>
internal sealed class YamlReader
{
    private readonly string _path;
    private readonly LoaderLimits _limits;
    private readonly ICollection<Diagnostic> _diagnostics;
    private readonly Stack<Builder> _stack = new();
    private int _nodes;

    private YamlReader(string path, LoaderLimits limits, ICollection<Diagnostic> diagnostics)
    {
        _path = path;
        _limits = limits;
        _diagnostics = diagnostics;
    }

    /// <summary>The root node, or null when the text is not a usable YAML document.</summary>
    /// <remarks>Definitions as analysts write them take <see cref="YamlSubsetReader"/>'s fast path; anything else, errors included, YamlDotNet's parser.</remarks>
    public static YamlNode? Read(string text, string path, LoaderLimits limits, ICollection<Diagnostic> diagnostics) =>
        YamlSubsetReader.Read(text, path, limits) ?? ReadFully(text, path, limits, diagnostics);

    /// <summary>Reads with YamlDotNet's parser only (what the fast path is compared with).</summary>
    internal static YamlNode? ReadFully(string text, string path, LoaderLimits limits, ICollection<Diagnostic> diagnostics) =>
        new YamlReader(path, limits, diagnostics).ReadDocument(text);

    private string[]? _lines;
    private string _text = "";

    private YamlNode? ReadDocument(string text)
    {
        _text = text;
        var parser = new Parser(new StringReader(text));
        try
        {
            parser.Consume<StreamStart>();
            if (parser.Accept<StreamEnd>(out _))
                return Empty();

            parser.Consume<DocumentStart>();
            var root = ReadNode(parser);
            if (root is null)
                return null;
            parser.Consume<DocumentEnd>();
            if (parser.Accept<DocumentStart>(out var next))
            {
                _diagnostics.Add(DiagnosticCodes.SeveralDocuments.At(Span(next.Start)));
                return null;
            }
            return root is YamlScalar { IsNull: true } ? Empty() : root;
        }
        catch (YamlException e)
        {
            _diagnostics.Add(DiagnosticCodes.SyntaxError.At(Span(e.Start), Describe(e)));
            return null;
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's scanner throws this (not a YamlException) on some unclosed flow collections:
            // point at the innermost '{' or '[' still open.
            var open = _stack.FirstOrDefault(b => b.IsFlow);
            var message = open is null
                ? "a flow collection ('{' or '[') is not closed"
                : open.IsMapping ? "the flow mapping '{' opened here is not closed with '}'" : "the flow sequence '[' opened here is not closed with ']'";
            _diagnostics.Add(DiagnosticCodes.SyntaxError.At(open?.Span ?? Span(parser.Current?.Start ?? Mark.Empty), message));
            return null;
        }
    }

    private YamlNode? Empty()
    {
        _diagnostics.Add(DiagnosticCodes.RootNotMapping.At(new SourceSpan(_path, 1, 1), "the file is empty"));
        return null;
    }

    /// <summary>Reads one node with an explicit stack, so hostile nesting cannot exhaust the thread's stack.</summary>
    private YamlNode? ReadNode(IParser parser)
    {
        var stack = _stack;
        while (true)
        {
            var parsingEvent = parser.Consume<ParsingEvent>();
            if (++_nodes > _limits.MaxNodes)
            {
                _diagnostics.Add(DiagnosticCodes.TooManyNodes.At(Span(parsingEvent.Start), _limits.MaxNodes));
                return null;
            }

            YamlNode? completed = null;
            switch (parsingEvent)
            {
                case AnchorAlias alias:
                    _diagnostics.Add(DiagnosticCodes.AnchorOrAlias.At(Span(alias.Start), "alias", "*" + alias.Value));
                    return null;
                case NodeEvent { Anchor.IsEmpty: false } anchored:
                    _diagnostics.Add(DiagnosticCodes.AnchorOrAlias.At(Span(anchored.Start), "anchor", "&" + anchored.Anchor));
                    return null;
                case NodeEvent { Tag.IsEmpty: false } tagged when !IsImplicitTag(tagged):
                    _diagnostics.Add(DiagnosticCodes.TagNotAllowed.At(Span(tagged.Start), tagged.Tag.Value));
                    return null;
                case Scalar scalar:
                    completed = scalar.Style is ScalarStyle.Literal or ScalarStyle.Folded
                        ? Block(scalar)
                        : new YamlScalar(Span(scalar.Start), scalar.Value, scalar.Style == ScalarStyle.Plain);
                    break;
                case SequenceStart start:
                    if (!Push(stack, new Builder(Span(start.Start), isMapping: false, start.Style == SequenceStyle.Flow)))
                        return null;
                    continue;
                case MappingStart start:
                    if (!Push(stack, new Builder(Span(start.Start), isMapping: true, start.Style == MappingStyle.Flow)))
                        return null;
                    continue;
                case SequenceEnd or MappingEnd:
                    completed = stack.Pop().Build();
                    break;
                default:
                    _diagnostics.Add(DiagnosticCodes.SyntaxError.At(Span(parsingEvent.Start), $"unexpected {parsingEvent.GetType().Name}"));
                    return null;
            }

            if (stack.Count == 0)
                return completed;
            if (!stack.Peek().Add(completed, _diagnostics))
                return null;
        }
    }

    private bool Push(Stack<Builder> stack, Builder builder)
    {
        if (stack.Count >= _limits.MaxDepth)
        {
            _diagnostics.Add(DiagnosticCodes.TooDeep.At(builder.Span, _limits.MaxDepth));
            return false;
        }
        stack.Push(builder);
        return true;
    }

    // A quoted scalar carries the non-specific tag '!' in some YamlDotNet paths; that is not an analyst's tag.
    private static bool IsImplicitTag(NodeEvent node) => node.Tag.IsNonSpecific;

    /// <summary>
    /// A block scalar (<c>|</c> or <c>&gt;</c>) with where its text really is: on the lines after the
    /// indicator, at their indentation, so an expression's errors point inside it.
    /// </summary>
    private YamlScalar Block(Scalar scalar) =>
        // The indicator's 1-based line is the 0-based index of the first content line.
        new(Span(scalar.Start), scalar.Value, IsPlain: false) { Block = BlockTextOf(_lines ??= _text.Split('\n'), (int)scalar.Start.Line, _path) };

    /// <summary>Where the lines of a block scalar are, from <paramref name="first"/> (the 0-based index of its first content line).</summary>
    internal static BlockText BlockTextOf(string[] lines, int first, string path)
    {
        var lengths = new List<int>();
        var indent = -1;
        for (var i = first; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r');
            var spaces = line.Length - line.TrimStart(' ').Length;
            if (line.Trim().Length == 0)
            {
                lengths.Add(0);
                continue;
            }
            if (indent < 0)
                indent = spaces;
            if (spaces < indent)
                break;
            lengths.Add(line.TrimEnd().Length - indent);
        }
        while (lengths.Count > 0 && lengths[^1] == 0)
            lengths.RemoveAt(lengths.Count - 1);
        return new BlockText(new SourceSpan(path, first + 1, Math.Max(indent, 0) + 1), lengths);
    }

    private SourceSpan Span(Mark mark) => new(_path, (int)Math.Max(mark.Line, 1), (int)Math.Max(mark.Column, 1));

    private static string Describe(YamlException e)
    {
        // YamlDotNet prefixes messages with "(Line: x, Col: y, Idx: z) - (…): "; the location is already in the span.
        var message = e.Message;
        var cut = message.LastIndexOf("): ", StringComparison.Ordinal);
        return (cut >= 0 ? message[(cut + 3)..] : message).Trim();
    }

    private sealed class Builder(SourceSpan span, bool isMapping, bool isFlow)
    {
        public bool IsMapping => isMapping;

        public bool IsFlow => isFlow;

        private readonly List<YamlNode> _items = [];
        private readonly List<YamlEntry> _entries = [];
        private readonly Dictionary<string, YamlScalar> _keys = new(StringComparer.Ordinal);
        private YamlScalar? _pendingKey;

        public SourceSpan Span { get; } = span;

        public bool Add(YamlNode node, ICollection<Diagnostic> diagnostics)
        {
            if (!isMapping)
            {
                _items.Add(node);
                return true;
            }

            if (_pendingKey is null)
            {
                if (node is not YamlScalar key)
                {
                    diagnostics.Add(DiagnosticCodes.ComplexKey.At(node.Span, node is YamlMapping ? "mapping" : "sequence"));
                    return false;
                }
                if (_keys.TryGetValue(key.Value, out var first))
                    diagnostics.Add(DiagnosticCodes.DuplicateKey.At(key.Span, key.Value, first.Span.Line));
                else
                    _keys.Add(key.Value, key);
                _pendingKey = key;
                return true;
            }

            // A duplicated key is reported above; the first occurrence is kept so the rest of the file still binds.
            if (_keys[_pendingKey.Value] == _pendingKey)
                _entries.Add(new YamlEntry(_pendingKey, node));
            _pendingKey = null;
            return true;
        }

        public YamlNode Build() => isMapping ? new YamlMapping(Span, _entries) : new YamlSequence(Span, _items);
    }
}
