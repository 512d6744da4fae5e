using System.Globalization;
using System.Text;

namespace EmploymentProcedures.Engine.Storage;

/// <summary>The name an applicant gave a file, made safe to show: it is a label, never a path.</summary>
internal static class FileNames
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
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (char.IsControl(c) || category is UnicodeCategory.Format or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator)
                continue;
            text.Append(c);
        }
        var clean = text.ToString().Trim().TrimStart('.');
        if (clean.Length > MaxLength)
            clean = clean[..(char.IsHighSurrogate(clean[MaxLength - 1]) ? MaxLength - 1 : MaxLength)];
        return clean.Length == 0 ? "document" : clean;
    }
}
