using System.Collections;
using System.Reflection;
using System.Text;
using EmploymentProcedures.Engine.Definitions;
using EmploymentProcedures.Engine.Diagnostics;
using EmploymentProcedures.Engine.Loading;
using EmploymentProcedures.Engine.Tests.Support;

namespace EmploymentProcedures.Engine.Tests.Loading;

/// <summary>The ministry's 55 procedures as a whole: complete in French and Arabic, distinct references, and the table analysts read.</summary>
public sealed class CatalogTests
{
    private const string TableMarker = "<!-- procedures-table -->";

    private static readonly Lazy<ProcedureCatalog> Catalog = new(() => TestLibrary.Catalog);

    private static IEnumerable<ProcedureDefinition> Definitions => Catalog.Value.Definitions.Values.OrderBy(d => d.Id, StringComparer.Ordinal);

    [Fact]
    public void Catalog_HasTheMinistrys55Procedures_EachWithTwoScenariosOrMore()
    {
        Assert.Equal(55, Catalog.Value.Definitions.Count);
        Assert.True(Definitions.Sum(d => d.Tests.Count) >= 110);
    }

    [Fact]
    public void EveryText_OfEveryProcedure_HasFrenchAndArabic()
    {
        var missing = Definitions
            .SelectMany(d => Texts(d, d.Id))
            .Where(t => LocalizedText.RequiredLanguages.Any(language => !t.Text.Has(language)))
            .Select(t => t.Where)
            .ToList();

        Assert.True(missing.Count == 0, "texts without French or Arabic:\n" + string.Join("\n", missing));
    }

    [Fact]
    public void TextWalker_FindsATextMissingItsArabic()
    {
        var definition = Definitions.First();
        var broken = definition with { Sections = [definition.Sections[0] with { Title = new LocalizedText(new Dictionary<string, string> { ["fr"] = "Seulement en français" }) }, .. definition.Sections.Skip(1)] };

        var found = Texts(broken, broken.Id).Where(t => !t.Text.Has("ar")).Select(t => t.Where).ToList();

        Assert.Equal([$"{definition.Id}.Sections[0].Title"], found);
    }

    [Fact]
    public void TextWalker_FindsAPrivacyPurposeMissingItsArabic()
    {
        var definition = Definitions.First();
        var broken = definition with { Privacy = definition.Privacy! with { Purpose = new LocalizedText(new Dictionary<string, string> { ["fr"] = "Instruction de la demande." }) } };

        var found = Texts(broken, broken.Id).Where(t => !t.Text.Has("ar")).Select(t => t.Where).ToList();

        Assert.Equal([$"{definition.Id}.Privacy.Purpose"], found);
    }

    [Fact]
    public void EveryProcedure_Privacy_SaysItsPurposeAndRecipientsInFrenchAndArabicAndKeepsClosedFilesOneToFiftyYears()
    {
        var problems = new List<string>();
        foreach (var definition in Definitions)
        {
            if (definition.Privacy is not { } privacy)
            {
                problems.Add($"{definition.Id}: no privacy block");
                continue;
            }
            if (privacy.Purpose is not { } purpose || !purpose.Has("fr") || !purpose.Has("ar"))
                problems.Add($"{definition.Id}: no purpose in French and Arabic");
            if (privacy.Recipients is not { } recipients || !recipients.Has("fr") || !recipients.Has("ar"))
                problems.Add($"{definition.Id}: no recipients in French and Arabic");
            if (privacy.Retention is not { TotalMonths: >= 12 and <= 600 })
                problems.Add($"{definition.Id}: retention '{privacy.RetentionText}' is not between 1 and 50 years");
            if (privacy.Cndp is not null)
                problems.Add($"{definition.Id}: a CNDP reference '{privacy.Cndp}' that no declaration has given yet");
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void ReferencePrefixes_AreDistinct()
    {
        var clashes = Definitions
            .GroupBy(d => d.ReferencePrefix ?? d.Id, StringComparer.OrdinalIgnoreCase)
            .Where(g => g.Count() > 1)
            .Select(g => $"{g.Key}: {string.Join(", ", g.Select(d => d.Id))}")
            .ToList();

        Assert.True(clashes.Count == 0, "reference prefixes used twice: " + string.Join("; ", clashes));
    }

    [Fact]
    public void ProceduresTable_InTheAnalystGuide_MatchesTheDefinitions()
    {
        var readme = Path.Combine(Repository.Procedures, "README.md");
        var text = File.ReadAllText(readme).ReplaceLineEndings("\n");
        var at = text.IndexOf(TableMarker, StringComparison.Ordinal);
        Assert.True(at >= 0, $"procedures/README.md has lost its {TableMarker} marker");
        var expected = text[..(at + TableMarker.Length)] + "\n" + Table();

        if (Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1")
            File.WriteAllText(readme, expected);
        Assert.True(expected == text, "procedures/README.md's table of procedures differs from the definitions; run the tests with UPDATE_GOLDEN=1 to regenerate it");
    }

    /// <summary>The table of procedures: generated from the files, so it cannot drift from them.</summary>
    private static string Table()
    {
        var categories = Catalog.Value.Library.Categories;
        var table = new StringBuilder();
        table.Append('\n').Append(Definitions.Count()).Append(" procedures, ").Append(Definitions.Sum(d => d.Tests.Count)).Append(" scenarios. Generated from the definitions by the tests (`UPDATE_GOLDEN=1` regenerates it).\n\n");
        table.Append("| Id | Titre | Catégorie | Base légale | Circuit | Délai légal | Conservation |\n| --- | --- | --- | --- | --- | --- | --- |\n");
        var order = categories.Keys.ToList();
        foreach (var definition in Definitions.OrderBy(d => order.IndexOf(d.Category)).ThenBy(d => d.Id, StringComparer.Ordinal))
        {
            var category = categories.TryGetValue(definition.Category, out var c) ? c.Title?.Get("fr") ?? c.Id : definition.Category;
            table.Append(System.Globalization.CultureInfo.InvariantCulture, $"| `{definition.Id}` | {Cell(definition.Title.Get("fr"))} | {Cell(category)} | {Cell(string.Join("; ", definition.LegalBasis))} | {Circuit(definition)} | {Deadline(definition)} | {Retention(definition)} |\n");
        }
        return table.ToString();
    }

    private static string Circuit(ProcedureDefinition definition) => string.Join(" → ", definition.Steps.Select(step =>
    {
        var who = step.Parallel is { } parallel
            ? "(" + string.Join(" + ", parallel.Roles) + (parallel.Quorum == parallel.Roles.Count ? ")" : $", {parallel.Quorum} of {parallel.Roles.Count})")
            : step.Role;
        return who + (step.When is null ? "" : "?");
    }));

    private static string Deadline(ProcedureDefinition definition) => definition.Deadline is { } deadline
        ? $"{deadline.Days} j {(deadline.Calendar == CalendarKind.Calendar ? "calendaires" : "ouvrables")}" + definition.OnDeadline switch
        {
            "approve" => ", silence vaut accord",
            "reject" => ", silence vaut refus",
            _ => "",
        }
        : "—";

    private static string Retention(ProcedureDefinition definition) => definition.Privacy?.Retention is { } retention
        ? (retention.Years > 0 ? $"{retention.Years} ans" : "") + (retention.Years > 0 && retention.Months > 0 ? " " : "") + (retention.Months > 0 ? $"{retention.Months} mois" : "")
        : "—";

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).ReplaceLineEndings(" ");

    /// <summary>Every <see cref="LocalizedText"/> reachable from a definition, with where it is.</summary>
    private static IEnumerable<(string Where, LocalizedText Text)> Texts(object? node, string where)
    {
        switch (node)
        {
            case null or string or SourceSpan:
                yield break;
            case LocalizedText text:
                yield return (where, text);
                yield break;
            case IDictionary map:
                foreach (DictionaryEntry entry in map)
                {
                    foreach (var found in Texts(entry.Value, $"{where}[{entry.Key}]"))
                        yield return found;
                }
                yield break;
            case IEnumerable items:
                var i = 0;
                foreach (var item in items)
                {
                    foreach (var found in Texts(item, $"{where}[{i++}]"))
                        yield return found;
                }
                yield break;
            default:
                var type = node.GetType();
                if (type.Namespace != typeof(ProcedureDefinition).Namespace)
                    yield break;
                foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetIndexParameters().Length == 0))
                {
                    if (property.Name is nameof(ProcedureDefinition.Lists) or nameof(ProcedureDefinition.Tests))
                        continue;
                    foreach (var found in Texts(property.GetValue(node), $"{where}.{property.Name}"))
                        yield return found;
                }
                yield break;
        }
    }
}
