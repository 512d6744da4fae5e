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
    public void EveryLeasedJob_IsNamedOnTheJobsPage_InTheThreeLanguages()
    {
        // The jobs page names a job by "Jobs.Name." and its id (a key made by joining, which the check of keys used cannot see).
        var jobs = typeof(EmploymentProcedures.Host.Operations.LeasedJob).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && t.IsSubclassOf(typeof(EmploymentProcedures.Host.Operations.LeasedJob)))
            .Select(t => (string)t.GetField("Name")!.GetValue(null)!).ToList();

        Assert.Contains("audit-seals", jobs);
        foreach (var file in (string[])["Strings.resx", "Strings.ar.resx", "Strings.en.resx"])
        {
            var keys = Read(file);
            Assert.All(jobs, job => Assert.True(keys.ContainsKey("Jobs.Name." + job), $"{file} does not name the job '{job}'"));
        }
    }

    [Fact]
    public void EveryKeyUsedInTheHost_IsInTheResources()
    {
        var keys = Read("Strings.resx").Keys.ToHashSet(StringComparer.Ordinal);
        var host = Path.Combine(Repository.Root, "host");
        var sources = Directory.EnumerateFiles(host, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".razor", StringComparison.Ordinal) || f.EndsWith(".cs", StringComparison.Ordinal))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}Migrations{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(f => (File: Path.GetRelativePath(host, f), Text: File.ReadAllText(f)))
            .ToList();
        var conventions = ResourceKeyUses.Conventions.Read(sources.Select(s => s.Text));
        var used = sources.SelectMany(s => ResourceKeyUses.Find(s.File, s.Text, conventions)).ToList();
        // Each way the host passes a key is seen: the indexer, a helper's key parameter, a member returning keys, a
        // component parameter set in markup, an array of tuples of keys.
        Assert.Contains(used, u => u.Key == "Staff.Title");
        Assert.Contains(used, u => u.Key == "Staff.Done.Deactivated");
        Assert.Contains(used, u => u.Key == "Mine.StatusDraft");
        Assert.Contains(used, u => u.Key == "ApiClients.WebhookSecretTitle");
        Assert.Contains(used, u => u.Key == "Statistics.OrderInTime");
        Assert.Empty(Missing(used, keys));
    }

    [Fact]
    public void KeyUses_InComments_AreNotKeys()
    {
        const string source = """
            // Says "Foo.Bar" when the file is gone: L["Foo.Line"]
            /* L["Foo.Block"] */
            /// <summary>Like <see cref="Foo.Doc"/>.</summary>
            @* @L["Foo.Razor"] *@
            <!-- @L["Foo.Html"] -->
            var url = "http://example.test/a"; // L["Foo.AfterCode"]
            """;

        Assert.Empty(ResourceKeyUses.Find("Page.razor", source, ConventionsOf(source)));
    }

    [Fact]
    public void KeyUses_QuotedTextOutsideAnyKeyPosition_IsNotAKey()
    {
        const string source = """
            logger.LogInformation("Mail.Sent");
            var file = Path.Combine(folder, "Letters.Archive");
            if (kind == "Staff.Nothing") return;
            """;

        Assert.Empty(ResourceKeyUses.Find("Code.cs", source, ConventionsOf(source)));
    }

    [Fact]
    public void KeyUses_EachWayOfPassingAKey_AreFound()
    {
        const string source = """
            @inject IStringLocalizer<Strings> L
            <h1>@L["Foo.Title"]</h1>
            <p>@L[_ok ? "Foo.Yes" : "Foo.No", count]</p>
            <Token TitleKey="Foo.TokenTitle" />
            @code {
                private Task SaveAsync() => ActAsync(Save(), "Foo.Saved");
                private Task ActAsync(Task work, string doneKey) => work;
                private static string StateKey(bool on) => on switch { true => "Foo.On", _ => "Foo.Off" };
                private static readonly (string Value, string Key)[] Orders = [("a", "Foo.OrderA")];
                private void Problem() { var key = "Foo.Problem"; }
            }
            """;

        var found = ResourceKeyUses.Find("Page.razor", source, ConventionsOf(source)).Select(u => (u.Line, u.Key));

        Assert.Equal(
            [(2, "Foo.Title"), (3, "Foo.Yes"), (3, "Foo.No"), (4, "Foo.TokenTitle"), (6, "Foo.Saved"), (8, "Foo.On"), (8, "Foo.Off"), (9, "Foo.OrderA"), (10, "Foo.Problem")],
            found);
    }

    [Fact]
    public void Missing_AKeyUsedButNotInTheResources_IsReportedWithItsPlace()
    {
        const string source = """
            internal static class Texts
            {
                // "Foo.Commented" is no use.
                public static string Of(IStringLocalizer strings) => strings["Foo.Known"] + strings["Foo.Missing"];
            }
            """;
        var used = ResourceKeyUses.Find("Catalog/Texts.cs", source, ConventionsOf(source)).ToList();

        Assert.Equal(["Catalog/Texts.cs(4): 'Foo.Missing' is not in Strings.resx"], Missing(used, new HashSet<string>(StringComparer.Ordinal) { "Foo.Known" }));
    }

    private static ResourceKeyUses.Conventions ConventionsOf(string source) => ResourceKeyUses.Conventions.Read([source]);

    /// <summary>
    /// The uses of keys <paramref name="keys"/> lacks, each with its place. A counted text ("Statistics.CalendarDays") is its
    /// six forms' entries ("Statistics.CalendarDays.Few"...), every one of them.
    /// </summary>
    private static List<string> Missing(IEnumerable<ResourceKeyUses.Use> used, HashSet<string> keys) =>
        [.. used.Where(u => !keys.Contains(u.Key) && !CountedText.Forms.All(f => keys.Contains($"{u.Key}.{f}")))
            .Select(u => $"{u.File}({u.Line}): '{u.Key}' is not in Strings.resx")];

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
