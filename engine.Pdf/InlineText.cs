using System.Text;
using SkiaSharp;

namespace EmploymentProcedures.Engine.Pdf;

/// <summary>How a run of text looks: size in points, weight, slant, colour.</summary>
internal readonly record struct TextStyle(float Size, bool Bold, bool Italic, SKColor Color)
{
    public TextStyle Scaled(float factor) => this with { Size = Size * factor };
}

/// <summary>
/// A paragraph's text in logical order as HTML gives it: white space collapsed (or kept at line ends for
/// <c>white-space: pre-line</c>), each character with its style, isolates marked by LRI/RLI/FSI ... PDI and
/// <c>&lt;br&gt;</c> by U+2028 (a forced break that bidi treats as a space).
/// </summary>
internal sealed class InlineText
{
    public const char ForcedBreak = '\u2028';

    private readonly StringBuilder _text = new();
    private readonly List<TextStyle> _styles = [];
    private bool _pendingSpace;

    public string Text => _text.ToString();

    public IReadOnlyList<TextStyle> Styles => _styles;

    /// <summary>Whether anything visible was added.</summary>
    public bool HasContent { get; private set; }

    public void Append(string text, TextStyle style, bool preLine)
    {
        foreach (var c in text)
        {
            if (preLine && c == '\n')
            {
                Break(style);
                continue;
            }
            if (char.IsWhiteSpace(c) && c != '\u00A0')
            {
                _pendingSpace = HasContent && _text.Length > 0 && _text[^1] != ForcedBreak;
                continue;
            }
            if (_pendingSpace)
                Add(' ', style);
            _pendingSpace = false;
            Add(c, style);
            HasContent = true;
        }
    }

    public void Break(TextStyle style)
    {
        _pendingSpace = false;
        Add(ForcedBreak, style);
        HasContent = true;
    }

    /// <summary>Opens an isolate (<c>&lt;bdi&gt;</c>): <paramref name="direction"/> <c>rtl</c>, <c>ltr</c>, else its first strong character decides.</summary>
    public void Open(string? direction, TextStyle style)
    {
        FlushSpace(style);
        Add(direction switch { "rtl" => Bidi.Rli, "ltr" => Bidi.Lri, _ => Bidi.Fsi }, style);
    }

    public void Close(TextStyle style)
    {
        FlushSpace(style);
        Add(Bidi.Pdi, style);
    }

    // A space before an isolate's edge belongs to the side it was written on.
    private void FlushSpace(TextStyle style)
    {
        if (_pendingSpace)
            Add(' ', style);
        _pendingSpace = false;
    }

    private void Add(char c, TextStyle style)
    {
        _text.Append(c);
        _styles.Add(style);
    }
}
