using EmploymentProcedures.Engine.Diagnostics;

namespace EmploymentProcedures.Engine.Expressions.Parsing;

/// <summary>Turns an offset in the expression text into a position in the definition file.</summary>
/// <param name="lineLengths">
/// For text from a YAML block: the length of each of its lines in the file, all starting at
/// <paramref name="start"/>'s column. YAML joins them with one character (a newline, or a space when
/// folded), so an offset is found by walking the lines.
/// </param>
internal sealed class SourceMap(string text, SourceSpan start, IReadOnlyList<int>? lineLengths = null)
{
    public SourceSpan At(int offset)
    {
        offset = Math.Clamp(offset, 0, text.Length);
        if (lineLengths is { Count: > 0 })
            return InBlock(offset, lineLengths);

        var lastNewline = text.LastIndexOf('\n', Math.Max(offset - 1, 0), offset);
        if (offset == 0 || lastNewline < 0)
            return start.Shift(offset);

        var newlines = 0;
        for (var i = 0; i < offset; i++)
        {
            if (text[i] == '\n')
                newlines++;
        }
        return start with { Line = start.Line + newlines, Column = offset - lastNewline };
    }

    private SourceSpan InBlock(int offset, IReadOnlyList<int> lengths)
    {
        var line = 0;
        while (line < lengths.Count - 1 && offset > lengths[line])
        {
            offset -= lengths[line] + 1;
            line++;
        }
        return start with { Line = start.Line + line, Column = start.Column + offset };
    }
}
