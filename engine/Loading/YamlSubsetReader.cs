using System.Globalization;
using System.Text;
using EmploymentProcedures.Engine.Diagnostics;

namespace EmploymentProcedures.Engine.Loading;

/// <summary>
/// Reads the YAML that definitions are written in (block mappings and sequences, one-line flow mappings and
/// sequences, plain and quoted one-line scalars, block scalars) straight into the loader's tree, several times
/// faster than YamlDotNet's scanner and parser. It is a fast path, not a second YAML parser: at the first thing
/// outside that subset, or anything that would be an error, a limit or a warning, it gives up and returns null,
/// and <see cref="YamlReader"/> reads the text with YamlDotNet and reports what it finds. When it does return a
/// tree, that tree is the one YamlDotNet's events would have built, spans included (a test compares both readers
/// on every file of the repository and every golden case).
/// </summary>
internal sealed class YamlSubsetReader
{
    private readonly string _text;
    private readonly string _path;
    private readonly int _maxDepth;
    private readonly int _maxNodes;
    private readonly List<int> _lineStarts = [0];
    private string[]? _lines;
    private int _nodes;

    private YamlSubsetReader(string text, string path, LoaderLimits limits)
    {
        _text = text;
        _path = path;
        // Stay clear of the limits: whatever comes near them is left to the full reader, which reports them.
        _maxDepth = limits.MaxDepth - 2;
        _maxNodes = limits.MaxNodes / 4;
    }

    /// <summary>The root mapping, or null when the text is not plainly within the subset (then read it with <see cref="YamlReader"/>).</summary>
    public static YamlMapping? Read(string text, string path, LoaderLimits limits)
    {
        foreach (var c in text)
        {
            // Tabs, carriage returns, BOMs, surrogates and YAML 1.1's other line breaks are left to the full reader.
            if (c is '\t' or '\r' or '\uFEFF' or '\u0085' or '\u2028' or '\u2029' || char.IsSurrogate(c))
                return null;
        }
        var reader = new YamlSubsetReader(text, path, limits);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n')
                reader._lineStarts.Add(i + 1);
        }
        try
        {
            return reader.ReadDocument();
        }
        catch (OutsideSubset)
        {
            return null;
        }
    }

    private YamlMapping ReadDocument()
    {
        var line = NextContentLine(0);
        if (line < 0 || Indent(line) != 0)
            throw new OutsideSubset();
        var start = _lineStarts[line];
        if (_text[start] is '-' or '%' or '.' || !StartsKey(start))
            throw new OutsideSubset();
        var (root, next) = Mapping(line, 0, start, 1);
        if (next >= 0)
            throw new OutsideSubset();
        return root;
    }

    // ---- block collections -------------------------------------------------------------------------------------

    /// <summary>A block mapping whose first key is at <paramref name="position"/> (column <paramref name="indent"/>); returns the next content line at or above its indentation, or -1.</summary>
    private (YamlMapping Mapping, int Next) Mapping(int line, int indent, int position, int depth)
    {
        if (depth > _maxDepth)
            throw new OutsideSubset();
        Count();
        var entries = new List<YamlEntry>();
        var keys = new HashSet<string>(StringComparer.Ordinal);
        var span = Span(position);
        while (true)
        {
            var key = Key(ref position);
            if (!keys.Add(key.Value))
                throw new OutsideSubset();
            var (value, next) = Value(line, indent, position, depth, isItem: false);
            entries.Add(new YamlEntry(key, value));
            if (next < 0 || Indent(next) < indent)
                return (new YamlMapping(span, entries), next);
            if (Indent(next) > indent)
                throw new OutsideSubset();
            line = next;
            position = _lineStarts[line] + indent;
            if (!StartsKey(position))
                throw new OutsideSubset();
        }
    }

    /// <summary>A block sequence whose first '-' is at <paramref name="position"/>; returns the next content line at or above its indentation, or -1.</summary>
    private (YamlSequence Sequence, int Next) Sequence(int line, int indent, int position, int depth)
    {
        if (depth > _maxDepth)
            throw new OutsideSubset();
        Count();
        var items = new List<YamlNode>();
        var span = Span(position);
        while (true)
        {
            position++;  // the '-'
            var (item, next) = Value(line, indent, position, depth, isItem: true);
            items.Add(item);
            if (next < 0 || Indent(next) != indent)
                return (new YamlSequence(span, items), next);
            line = next;
            position = _lineStarts[line] + indent;
            if (!(_text[position] == '-' && IsBlankOrEnd(position + 1)))
                return (new YamlSequence(span, items), next);
        }
    }

    /// <summary>
    /// The value after a key's ':' or an item's '-' at <paramref name="position"/>, on the same line or on the lines
    /// below; returns it with the next content line after it.
    /// </summary>
    private (YamlNode Node, int Next) Value(int line, int parentIndent, int position, int depth, bool isItem)
    {
        if (position < _text.Length && _text[position] != '\n' && _text[position] != ' ')
            throw new OutsideSubset();
        position = SkipSpaces(position);
        if (AtLineEnd(position))
        {
            if (position < _text.Length && _text[position] == '#' && _text[position - 1] != ' ')
                throw new OutsideSubset();
            // The value is on the lines below: a nested block collection, more indented (or, after a key, an indentless sequence).
            var next = NextContentLine(line + 1);
            if (next < 0)
                throw new OutsideSubset();
            var indent = Indent(next);
            var start = _lineStarts[next] + indent;
            var startsItem = _text[start] == '-' && IsBlankOrEnd(start + 1);
            if (indent > parentIndent || (indent == parentIndent && startsItem && !isItem))
            {
                if (startsItem)
                    return Collection(Sequence(next, indent, start, depth + 1));
                if (StartsKey(start))
                    return Collection(Mapping(next, indent, start, depth + 1));
            }
            throw new OutsideSubset();  // an empty value, or a scalar on the next line: left to the full reader
        }

        var column = position - _lineStarts[line];
        switch (_text[position])
        {
            case '-' when IsBlankOrEnd(position + 1):
                if (!isItem)
                    throw new OutsideSubset();
                return Collection(Sequence(line, column, position, depth + 1));
            case '|' or '>':
                return BlockScalar(line, parentIndent, position);
            case '[' or '{':
                var flow = Flow(ref position, depth + 1, parentIndent);
                return (flow, EndOfLine(position));
        }
        if (isItem && StartsKey(position))
            return Collection(Mapping(line, column, position, depth + 1));
        var scalar = Scalar(ref position, flow: false);
        return (scalar, EndOfLine(position));
    }

    private static (YamlNode, int) Collection((YamlMapping Mapping, int Next) result) => (result.Mapping, result.Next);

    private static (YamlNode, int) Collection((YamlSequence Sequence, int Next) result) => (result.Sequence, result.Next);

    // ---- keys and scalars --------------------------------------------------------------------------------------

    /// <summary>A key (plain or quoted) and its ':' followed by a space or the line's end.</summary>
    private YamlScalar Key(ref int position)
    {
        var key = _text[position] is '"' or '\'' ? Quoted(ref position) : PlainKey(ref position);
        if (position >= _text.Length || _text[position] != ':' || !IsBlankOrEnd(position + 1))
            throw new OutsideSubset();
        position++;
        return key;
    }

    private YamlScalar PlainKey(ref int position)
    {
        var start = position;
        if (!CanStartPlain(start))
            throw new OutsideSubset();
        while (position < _text.Length && _text[position] != '\n' && !(_text[position] == ':' && IsBlankOrEnd(position + 1)))
        {
            if (_text[position] == '#' && _text[position - 1] == ' ')
                throw new OutsideSubset();
            position++;
        }
        var end = position;
        while (end > start && _text[end - 1] == ' ')
            end--;
        if (end != position)
            throw new OutsideSubset();  // "key :" is left to the full reader
        Count();
        return new YamlScalar(Span(start), _text[start..end], IsPlain: true);
    }

    /// <summary>Whether a key (plain or quoted, then ': ') starts here.</summary>
    private bool StartsKey(int position)
    {
        var c = _text[position];
        if (c is '"' or '\'')
        {
            var end = _text.IndexOf(c, position + 1);
            var lineEnd = _text.IndexOf('\n', position);
            return end > 0 && (lineEnd < 0 || end < lineEnd) && end + 1 < _text.Length && _text[end + 1] == ':';
        }
        if (!CanStartPlain(position))
            return false;
        for (var i = position; i < _text.Length && _text[i] != '\n'; i++)
        {
            if (_text[i] == '#' && _text[i - 1] == ' ')
                return false;
            if (_text[i] == ':' && IsBlankOrEnd(i + 1))
                return true;
        }
        return false;
    }

    private bool CanStartPlain(int position)
    {
        var c = _text[position];
        if (c is '?' or ':' or '-')
            return !IsBlankOrEnd(position + 1) && c == '-';
        return c is not (',' or '[' or ']' or '{' or '}' or '#' or '&' or '*' or '!' or '|' or '>' or '\'' or '"' or '%' or '@' or '`' or ' ' or '\n');
    }

    private YamlScalar Scalar(ref int position, bool flow)
    {
        if (_text[position] is '"' or '\'')
            return Quoted(ref position);
        var start = position;
        if (!CanStartPlain(start))
            throw new OutsideSubset();
        while (position < _text.Length && _text[position] != '\n')
        {
            var c = _text[position];
            if (c == '#' && _text[position - 1] == ' ')
                break;
            if (c == ':' && (IsBlankOrEnd(position + 1) || flow))
                break;
            if (flow && c is ',' or '[' or ']' or '{' or '}')
                break;
            position++;
        }
        var end = position;
        while (end > start && _text[end - 1] == ' ')
            end--;
        if (end == start)
            throw new OutsideSubset();
        Count();
        return new YamlScalar(Span(start), _text[start..end], IsPlain: true);
    }

    /// <summary>A quoted scalar on one line; escapes beyond the common ones, and line breaks, are left to the full reader.</summary>
    private YamlScalar Quoted(ref int position)
    {
        var start = position;
        var quote = _text[position++];
        StringBuilder? value = null;
        var run = position;
        while (true)
        {
            if (position >= _text.Length || _text[position] == '\n')
                throw new OutsideSubset();
            var c = _text[position];
            if (c == quote)
            {
                if (quote == '\'' && position + 1 < _text.Length && _text[position + 1] == '\'')
                {
                    (value ??= new StringBuilder()).Append(_text, run, position - run + 1);
                    position += 2;
                    run = position;
                    continue;
                }
                break;
            }
            if (c == '\\' && quote == '"')
            {
                (value ??= new StringBuilder()).Append(_text, run, position - run);
                position = Escape(position, value);
                run = position;
                continue;
            }
            position++;
        }
        var text = value is null ? _text[run..position] : value.Append(_text, run, position - run).ToString();
        position++;  // the closing quote
        Count();
        return new YamlScalar(Span(start), text, IsPlain: false);
    }

    private int Escape(int position, StringBuilder value)
    {
        if (position + 1 >= _text.Length)
            throw new OutsideSubset();
        switch (_text[position + 1])
        {
            case '"': value.Append('"'); return position + 2;
            case '\\': value.Append('\\'); return position + 2;
            case '/': value.Append('/'); return position + 2;
            case 'n': value.Append('\n'); return position + 2;
            case 't': value.Append('\t'); return position + 2;
            case 'u' when position + 6 <= _text.Length
                && ushort.TryParse(_text.AsSpan(position + 2, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code)
                && !char.IsSurrogate((char)code) && code >= 0x20:
                value.Append((char)code);
                return position + 6;
            default:
                throw new OutsideSubset();
        }
    }

    // ---- flow collections --------------------------------------------------------------------------------------

    private YamlNode Flow(ref int position, int depth, int parentIndent)
    {
        if (depth > _maxDepth)
            throw new OutsideSubset();
        Count();
        var start = position;
        var isMapping = _text[position] == '{';
        var close = isMapping ? '}' : ']';
        position = SkipFlowSpaces(position + 1, parentIndent);
        var entries = isMapping ? new List<YamlEntry>() : null;
        var items = isMapping ? null : new List<YamlNode>();
        var keys = isMapping ? new HashSet<string>(StringComparer.Ordinal) : null;
        while (_text[position] != close)
        {
            if (isMapping)
            {
                var key = _text[position] is '"' or '\'' ? Quoted(ref position) : Scalar(ref position, flow: true);
                if (!keys!.Add(key.Value) || _text[position] != ':' || !IsBlankOrEnd(position + 1))
                    throw new OutsideSubset();
                position = SkipFlowSpaces(position + 1, parentIndent);
                entries!.Add(new YamlEntry(key, FlowNode(ref position, depth, parentIndent)));
            }
            else
            {
                items!.Add(FlowNode(ref position, depth, parentIndent));
            }
            position = SkipFlowSpaces(position, parentIndent);
            if (_text[position] == ',')
                position = SkipFlowSpaces(position + 1, parentIndent);
            else if (_text[position] != close)
                throw new OutsideSubset();
        }
        position++;
        return isMapping ? new YamlMapping(Span(start), entries!) : new YamlSequence(Span(start), items!);
    }

    private YamlNode FlowNode(ref int position, int depth, int parentIndent)
    {
        if (_text[position] is '[' or '{')
            return Flow(ref position, depth + 1, parentIndent);
        var node = Scalar(ref position, flow: true);
        // "[a: b]" (a one-pair mapping in a sequence) and "{a: b: c}" are left to the full reader.
        if (position < _text.Length && _text[position] == ':')
            throw new OutsideSubset();
        return node;
    }

    /// <summary>Spaces and line breaks inside a flow collection; comments there are left to the full reader.</summary>
    private int SkipFlowSpaces(int position, int parentIndent)
    {
        var start = position;
        while (position < _text.Length && _text[position] is ' ' or '\n')
            position++;
        if (position >= _text.Length || _text[position] == '#')
            throw new OutsideSubset();
        // A flow collection's continuation lines are indented past the block they are in.
        if (_text.AsSpan(start, position - start).Contains('\n') && Column(position) <= parentIndent)
            throw new OutsideSubset();
        return position;
    }

    // ---- block scalars -----------------------------------------------------------------------------------------

    /// <summary>A literal (<c>|</c>) or folded (<c>&gt;</c>) block scalar, with clip, strip (-) or keep (+) chomping; no explicit indentation.</summary>
    private (YamlNode, int) BlockScalar(int line, int parentIndent, int position)
    {
        var start = position;
        var folded = _text[position] == '>';
        var chomping = position + 1 < _text.Length ? _text[position + 1] : '\n';
        position += chomping is '-' or '+' ? 2 : 1;
        if (!AtLineEnd(SkipSpaces(position)) || (position < _text.Length && _text[position] is not (' ' or '\n')))
            throw new OutsideSubset();

        var first = line + 1;
        if (first >= _lineStarts.Count || IsBlank(first))
            throw new OutsideSubset();
        var indent = Indent(first);
        if (indent <= parentIndent)
            throw new OutsideSubset();
        var last = first;
        var lines = new List<string>();
        for (var i = first; i < _lineStarts.Count; i++)
        {
            if (IsBlank(i))
            {
                if (LineEnd(i) - _lineStarts[i] > indent)
                    throw new OutsideSubset();
                lines.Add("");
                continue;
            }
            var lineIndent = Indent(i);
            if (lineIndent < indent)
                break;
            if (lineIndent > indent && folded)
                throw new OutsideSubset();  // more-indented lines of a folded scalar keep their breaks: left to the full reader
            lines.Add(_text[(_lineStarts[i] + indent)..LineEnd(i)]);
            last = i;
        }
        if (chomping == '+')
            throw new OutsideSubset();  // kept trailing breaks are left to the full reader
        lines.RemoveRange(last - first + 1, lines.Count - (last - first + 1));
        var endsWithBreak = LineEnd(last) < _text.Length;

        // Literal: the lines as they are. Folded: lines joined by a space, each empty line between them a break.
        var value = new StringBuilder();
        var empty = 0;
        for (var i = 0; i < lines.Count; i++)
        {
            if (lines[i].Length == 0)
            {
                empty++;
                continue;
            }
            if (value.Length > 0 || i > 0)
                value.Append(folded ? (empty == 0 ? " " : new string('\n', empty)) : new string('\n', empty + 1));
            empty = 0;
            value.Append(lines[i]);
        }
        if (chomping != '-' && endsWithBreak)
            value.Append('\n');
        Count();
        var scalar = new YamlScalar(Span(start), value.ToString(), IsPlain: false)
        {
            Block = YamlReader.BlockTextOf(_lines ??= _text.Split('\n'), line + 1, _path),
        };
        return (scalar, NextContentLine(last + 1));
    }

    // ---- lines and positions -----------------------------------------------------------------------------------

    /// <summary>After a value ending at <paramref name="position"/>: only spaces and a comment may follow; returns the next content line or -1.</summary>
    private int EndOfLine(int position)
    {
        var after = SkipSpaces(position);
        if (after < _text.Length && _text[after] != '\n' && (_text[after] != '#' || _text[after - 1] != ' '))
            throw new OutsideSubset();
        var line = LineOf(Math.Min(position, _text.Length - 1));
        return NextContentLine(line + 1);
    }

    /// <summary>The first line from <paramref name="line"/> on that is neither blank nor a comment, or -1.</summary>
    private int NextContentLine(int line)
    {
        for (; line < _lineStarts.Count; line++)
        {
            var position = SkipSpaces(_lineStarts[line]);
            if (position < _text.Length && _text[position] != '\n' && _text[position] != '#')
                return line;
        }
        return -1;
    }

    private bool AtLineEnd(int position) => position >= _text.Length || _text[position] == '\n' || _text[position] == '#';

    private bool IsBlankOrEnd(int position) => position >= _text.Length || _text[position] is ' ' or '\n';

    private bool IsBlank(int line)
    {
        var position = SkipSpaces(_lineStarts[line]);
        return position >= _text.Length || _text[position] == '\n';
    }

    private int SkipSpaces(int position)
    {
        while (position < _text.Length && _text[position] == ' ')
            position++;
        return position;
    }

    private int Indent(int line) => SkipSpaces(_lineStarts[line]) - _lineStarts[line];

    private int LineEnd(int line) => line + 1 < _lineStarts.Count ? _lineStarts[line + 1] - 1 : _text.Length;

    private int LineOf(int position)
    {
        var index = _lineStarts.BinarySearch(position);
        return index >= 0 ? index : ~index - 1;
    }

    private int Column(int position) => position - _lineStarts[LineOf(position)];

    private SourceSpan Span(int position)
    {
        var line = LineOf(position);
        return new SourceSpan(_path, line + 1, position - _lineStarts[line] + 1);
    }

    private void Count()
    {
        if (++_nodes > _maxNodes)
            throw new OutsideSubset();
    }

    /// <summary>Thrown inside the reader only, caught in <see cref="Read"/>: the text needs the full reader.</summary>
    private sealed class OutsideSubset : Exception;
}
