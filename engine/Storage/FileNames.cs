using System.Globalization;
using System.Text;

namespace EmploymentProcedures.Engine.Storage;

/// <summary>The name an applicant gave a file, made safe to show: it is a label, never a path.</summary>
public static class FileNames
{
    public const int MaxLength = 255;

    /// <summary>
    /// Drops control and bidirectional-formatting characters (which can hide an extension or forge a line in
    /// a log), keeps only the last path segment, trims, and caps the length; an empty result becomes "document".
    /// </summary>
    public static string Clean(string? name)
    {
        var text = new StringBuilder(Math.Min(name?.Length ?? 0, MaxLength));
        foreach (var c in name ?? "")
        {
            if (c is '/' or '\\')
            {
                text.Clear();
                continue;
            }
            if (!Hides(c))
                text.Append(c);
        }
        var clean = Cap(text.ToString().Trim().TrimStart('.'), MaxLength);
        return clean.Length == 0 ? "document" : clean;
    }

    /// <summary>A control or formatting character (a right-to-left override, a line separator): it can hide an extension or forge a line.</summary>
    public static bool Hides(char c) =>
        char.IsControl(c)
        || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.Format or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator;

    /// <summary><paramref name="text"/> cut to <paramref name="length"/> characters at most, never between the two halves of a surrogate pair.</summary>
    public static string Cap(string text, int length) =>
        text.Length <= length ? text : text[..(char.IsHighSurrogate(text[length - 1]) ? length - 1 : length)];
}
