using System.Globalization;

namespace EmploymentProcedures.Host.Applying;

/// <summary>
/// The name a browser gives a chosen file is only a label, but one that looks like a path
/// (<c>../../etc/passwd.pdf</c>, <c>C:\x.pdf</c>) or hides characters (controls, direction overrides that
/// disguise an extension) says something is wrong: it is refused with a message before a byte is read,
/// rather than silently renamed.
/// </summary>
internal static class UploadNames
{
    public static bool IsAcceptable(string? name)
    {
        if (string.IsNullOrWhiteSpace(name) || name.StartsWith("..", StringComparison.Ordinal))
            return false;
        foreach (var c in name)
        {
            // Direction embeddings, overrides and isolates can show "exe.pdf" as "fdp.exe"; marks (LRM, RLM) and joiners are harmless.
            if (c is '/' or '\\' or (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069') || char.IsControl(c)
                || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator)
            {
                return false;
            }
        }
        return true;
    }
}
