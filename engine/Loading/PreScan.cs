using System.Text;
using EmploymentProcedures.Engine.Diagnostics;

namespace EmploymentProcedures.Engine.Loading;

/// <summary>
/// Checks raw bytes before any parser sees them: size, encoding, control characters and tab
/// indentation. Linear in the input and allocation-light, so a hostile file costs milliseconds.
/// </summary>
internal static class PreScan
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The decoded text, or null when the file cannot be parsed safely (the reason is in diagnostics).</summary>
    public static string? Decode(ReadOnlySpan<byte> bytes, string path, LoaderLimits limits, ICollection<Diagnostic> diagnostics)
    {
        if (bytes.Length > limits.MaxBytes)
        {
            diagnostics.Add(DiagnosticCodes.FileTooLarge.At(new SourceSpan(path, 1, 1), bytes.Length, limits.MaxBytes));
            return null;
        }

        if (bytes.StartsWith("\uFEFF"u8))
        {
            diagnostics.Add(DiagnosticCodes.ByteOrderMark.At(new SourceSpan(path, 1, 1)));
            bytes = bytes[3..];
        }

        var badByte = FindInvalidUtf8(bytes);
        if (badByte >= 0)
        {
            var (line, column) = Locate(bytes[..badByte]);
            diagnostics.Add(DiagnosticCodes.InvalidUtf8.At(new SourceSpan(path, line, column), bytes[badByte]));
            return null;
        }

        var text = StrictUtf8.GetString(bytes);
        return Check(text, path, diagnostics) ? text : null;
    }

    /// <summary>Checks already-decoded text (from the designer's editor, for example).</summary>
    public static bool Check(string text, string path, ICollection<Diagnostic> diagnostics)
    {
        var ok = true;
        var line = 1;
        var column = 1;
        var atIndentation = true;
        foreach (var c in text)
        {
            if (c == '\n')
            {
                line++;
                column = 1;
                atIndentation = true;
                continue;
            }

            if (c == '\t' && atIndentation)
            {
                diagnostics.Add(DiagnosticCodes.TabIndentation.At(new SourceSpan(path, line, column)));
                ok = false;
                atIndentation = false;
            }
            else if (char.IsControl(c) && c is not '\t' and not '\r')
            {
                diagnostics.Add(DiagnosticCodes.ControlCharacter.At(new SourceSpan(path, line, column), (int)c));
                return false;
            }
            else if (c != ' ')
            {
                atIndentation = false;
            }
            column++;
        }
        return ok;
    }

    private static int FindInvalidUtf8(ReadOnlySpan<byte> bytes)
    {
        var buffer = new char[4096];
        var offset = 0;
        while (true)
        {
            var status = System.Text.Unicode.Utf8.ToUtf16(bytes[offset..], buffer, out var read, out _, replaceInvalidSequences: false, isFinalBlock: true);
            offset += read;
            if (status == System.Buffers.OperationStatus.Done)
                return -1;
            if (status != System.Buffers.OperationStatus.DestinationTooSmall)
                return offset;
        }
    }

    private static (int Line, int Column) Locate(ReadOnlySpan<byte> before)
    {
        var line = 1 + before.Count((byte)'\n');
        var lastNewline = before.LastIndexOf((byte)'\n');
        var column = 1 + Encoding.UTF8.GetCharCount(before[(lastNewline + 1)..]);
        return (line, column);
    }
}
