using EmploymentProcedures.Engine.Diagnostics;

namespace EmploymentProcedures.Engine.Expressions.Parsing;

/// <summary>Turns an offset in the expression text into a position in the definition file.</summary>
internal sealed class SourceMap(string text, SourceSpan start)
{
    public SourceSpan At(int offset)
    {
        offset = Math.Clamp(offset, 0, text.Length);
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
}
