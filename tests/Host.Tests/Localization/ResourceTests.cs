using System.Text.RegularExpressions;
using System.Xml.Linq;
using EmploymentProcedures.Host.Localization;

namespace EmploymentProcedures.Host.Tests.Localization;

public sealed partial class ResourceTests
{
    private static readonly string Folder = Path.Combine(Repository.Root, "host", "Resources", "Localization");

    private static Dictionary<string, string> Read(string file) =>
        XDocument.Load(Path.Combine(Folder, file)).Root!.Elements("data")
            .ToDictionary(d => (string)d.Attribute("name")!, d => (string)d.Element("value")!);

    [Theory]
    [InlineData("Strings.ar.resx")]
    [InlineData("Strings.en.resx")]
    public void Translation_HasExactlyTheFrenchKeys(string file)
    {
        var french = Read("Strings.resx");
        var other = Read(file);
        Assert.Equal(french.Keys.Order(StringComparer.Ordinal), other.Keys.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("Strings.ar.resx")]
    [InlineData("Strings.en.resx")]
    public void Translation_KeepsTheSamePlaceholders(string file)
    {
        var french = Read("Strings.resx");
        foreach (var (key, text) in Read(file))
            Assert.True(Placeholders(french[key]).SetEquals(Placeholders(text)), $"{file}: {key}");
    }

    [Fact]
    public void Arabic_IsWrittenInArabic() =>
        Assert.All(Read("Strings.ar.resx").Where(e => e.Value.Any(char.IsLetter)), e => Assert.Matches(@"\p{IsArabic}", e.Value));

    [Fact]
    public void EveryKeyUsedInTheHost_IsInTheResources()
    {
        var keys = Read("Strings.resx").Keys.ToHashSet(StringComparer.Ordinal);
        // A quoted "Prefix.Name" whose prefix is one the resources use (Staff, ChoosePassword...) is a key: a page that
        // gains a new family of texts is checked without this test being told.
        var prefixes = keys.Select(k => k[..k.IndexOf('.', StringComparison.Ordinal)]).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
        var keyUse = new Regex($@"""((?:{string.Join('|', prefixes)})(?:\.[A-Za-z_]+)+)""", RegexOptions.CultureInvariant);
        var host = Path.Combine(Repository.Root, "host");
        var used = Directory.EnumerateFiles(host, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".razor", StringComparison.Ordinal) || f.EndsWith(".cs", StringComparison.Ordinal))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}Migrations{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => keyUse.Matches(File.ReadAllText(f)).Select(m => (File: Path.GetFileName(f), Key: m.Groups[1].Value)))
            .ToList();
        Assert.Contains(used, u => u.Key.StartsWith("Staff.", StringComparison.Ordinal));
        Assert.Contains(used, u => u.Key.StartsWith("ChoosePassword.", StringComparison.Ordinal));
        // A counted text ("Statistics.CalendarDays") is its six forms' entries ("Statistics.CalendarDays.Few"...), every one of them.
        Assert.All(used, u => Assert.True(keys.Contains(u.Key) || CountedText.Forms.All(f => keys.Contains($"{u.Key}.{f}")), $"{u.File} uses '{u.Key}', missing from Strings.resx"));
    }

    [Theory]
    [InlineData("Strings.resx")]
    [InlineData("Strings.ar.resx")]
    [InlineData("Strings.en.resx")]
    public void CountedText_HasAnEntryForEveryFormOfTheCount(string file)
    {
        // Keys that share a prefix and end in two forms or more ("Deadline.CalendarDays.Few", ".Many") are a counted text:
        // a count whose form had no entry would be said with the key's name.
        var keys = Read(file).Keys.ToHashSet(StringComparer.Ordinal);
        var counted = keys.Select(k => k[..Math.Max(0, k.LastIndexOf('.'))])
            .Where(prefix => CountedText.Forms.Count(f => keys.Contains($"{prefix}.{f}")) >= 2)
            .Distinct(StringComparer.Ordinal).ToList();
        Assert.NotEmpty(counted);
        Assert.All(counted, key => Assert.All(CountedText.Forms, f => Assert.True(keys.Contains($"{key}.{f}"), $"{file}: '{key}' has no '.{f}' entry")));
    }

    private static HashSet<string> Placeholders(string text) => Placeholder().Matches(text).Select(m => m.Value).ToHashSet();

    [GeneratedRegex(@"\{\d+\}")]
    private static partial Regex Placeholder();
}
