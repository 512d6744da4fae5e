using System.Buffers;
using System.Globalization;
using System.Text;
using EmploymentProcedures.Engine.Storage;

namespace EmploymentProcedures.Engine.Archiving;

/// <summary>
/// The names of an archive's entries, made from labels and what applicants called their files: never a path from
/// user input (path and reserved characters, control and direction characters, leading dots and trailing spaces
/// removed, Windows' device names such as <c>CON</c> or <c>NUL</c> prefixed), ending in the extension of the format the store detected, and unique within the archive (ignoring case,
/// as Windows and macOS unpack them) by a " (2)", " (3)"... before the extension.
/// </summary>
internal sealed class DossierNames
{
    /// <summary>Longest name of an entry's last segment, in characters; archive tools and file systems accept 255.</summary>
    public const int MaxLength = 120;

    /// <summary>Characters that are a path or are refused by Windows in a file name.</summary>
    private static readonly SearchValues<char> Reserved = SearchValues.Create("/\\:*?\"<>|");

    /// <summary>The extension each stored format is saved under.</summary>
    private static readonly Dictionary<string, string[]> Extensions = new(StringComparer.OrdinalIgnoreCase)
    {
        ["jpg"] = [".jpg", ".jpeg"],
        ["html"] = [".html", ".htm"],
    };

    private readonly HashSet<string> _taken = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>A new name <c>folder/name.ext</c>, unique in this archive; <paramref name="format"/> (<c>pdf</c>, <c>jpg</c>...) gives its extension.</summary>
    public string Take(string folder, string name, string format)
    {
        var clean = Clean(name);
        var accepted = Extensions.TryGetValue(format, out var known) ? known : ["." + format.ToLowerInvariant()];
        var extension = accepted.FirstOrDefault(e => clean.EndsWith(e, StringComparison.OrdinalIgnoreCase)) is { } kept
            ? clean[^kept.Length..]
            : accepted[0];
        var stem = clean.EndsWith(extension, StringComparison.Ordinal) ? clean[..^extension.Length].TrimEnd(' ', '.') : clean;
        stem = Cap(stem.Length == 0 ? "document" : Unreserved(stem), MaxLength - extension.Length - 5);
        var candidate = stem + extension;
        for (var n = 2; !_taken.Add(folder + candidate); n++)
            candidate = string.Create(CultureInfo.InvariantCulture, $"{stem} ({n}){extension}");
        return folder + candidate;
    }

    /// <summary>
    /// <paramref name="name"/> without what would make it a path or hide its nature: path and reserved characters become
    /// a space, control and formatting characters (a right-to-left override) go, runs of spaces shrink to one, leading
    /// dots and surrounding spaces go.
    /// </summary>
    public static string Clean(string? name)
    {
        var text = new StringBuilder((name ?? "").Length);
        foreach (var c in name ?? "")
        {
            if (FileNames.Hides(c))
                continue;
            var kept = Reserved.Contains(c) || char.IsWhiteSpace(c) ? ' ' : c;
            if (kept == ' ' && (text.Length == 0 || text[^1] == ' '))
                continue;
            text.Append(kept);
        }
        var clean = text.ToString().Trim().TrimStart('.', ' ').TrimEnd('.', ' ');
        return clean;
    }

    /// <summary>
    /// <paramref name="stem"/>, with a <c>_</c> before it when Windows would take it for a device (<c>CON</c>,
    /// <c>nul.txt</c>, <c>COM1</c>...: the part before the first dot, whatever the case): unpacking such an entry fails or
    /// writes to the device.
    /// </summary>
    private static string Unreserved(string stem)
    {
        var device = stem.Split('.')[0].TrimEnd(' ');
        var reserved = device.Length switch
        {
            3 => device.ToUpperInvariant() is "CON" or "PRN" or "AUX" or "NUL",
            4 => device[..3].ToUpperInvariant() is "COM" or "LPT" && (char.IsAsciiDigit(device[3]) || device[3] is '¹' or '²' or '³'),
            _ => false,
        };
        return reserved ? "_" + stem : stem;
    }

    private static string Cap(string text, int length) => FileNames.Cap(text, length).TrimEnd();
}
