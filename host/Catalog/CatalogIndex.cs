using System.Globalization;
using EmploymentProcedures.Engine.Definitions;
using EmploymentProcedures.Engine.Loading;
using EmploymentProcedures.Engine.Storage;

namespace EmploymentProcedures.Host.Catalog;

/// <summary>The procedures of one category, as the catalog lists them.</summary>
public sealed record CatalogGroup(string CategoryId, LocalizedText? Title, IReadOnlyList<ProcedureDefinition> Procedures);

/// <summary>
/// The catalog's search: every served procedure with its texts in all three languages folded once
/// (<see cref="SearchFolding.Fold"/>, as the reviewers' inbox does), so a query in any language finds it whatever the page's language.
/// Built once at startup from the loaded <see cref="ProcedureCatalog"/>; immutable, shared by all circuits.
/// </summary>
public sealed class CatalogIndex
{
    private readonly List<Entry> _entries;
    private readonly List<CategoryDefinition> _categories;

    /// <param name="retired">Procedures served but retired: their pages say so, but they are neither listed nor found.</param>
    public CatalogIndex(ProcedureCatalog catalog, IEnumerable<string>? retired = null)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        var library = catalog.Library;
        var leftOut = retired?.ToHashSet(StringComparer.Ordinal) ?? [];
        _categories = library.Categories.Values.ToList();
        _entries = catalog.Definitions.Values
            .Where(d => !leftOut.Contains(d.Id))
            .Select(d => new Entry(d, SearchFolding.Fold(string.Join(' ', Texts(d, library)))))
            .ToList();
        Count = _entries.Count;
        BuiltAt = DateTimeOffset.Now;
    }

    /// <summary>When the catalog was loaded: the date the portal shows as "updated on".</summary>
    public DateTimeOffset BuiltAt { get; }

    /// <summary>How many procedures the catalog serves.</summary>
    public int Count { get; }

    /// <summary>
    /// The procedures whose texts contain every word of <paramref name="query"/> (all of them when it is
    /// empty), grouped by category in the order of <c>categories.yaml</c> and sorted by their title in
    /// <paramref name="language"/>. Empty groups are left out.
    /// </summary>
    public IReadOnlyList<CatalogGroup> Search(string? query, string language)
    {
        var words = SearchFolding.Words(query, int.MaxValue);
        var culture = CultureInfo.GetCultureInfo(language);
        var titles = StringComparer.Create(culture, ignoreCase: true);
        var matches = _entries.Where(e => words.All(w => e.Text.Contains(w, StringComparison.Ordinal))).ToList();

        var known = _categories.Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
        var groups = _categories.Select(c => (c.Id, c.Title))
            .Concat(matches.Select(m => m.Definition.Category).Where(id => !known.Contains(id)).Distinct().Select(id => (Id: id, Title: (LocalizedText?)null)));
        return groups
            .Select(g => new CatalogGroup(
                g.Id,
                g.Title,
                matches.Where(m => m.Definition.Category == g.Id).Select(m => m.Definition).OrderBy(d => d.Title.Get(language), titles).ToList()))
            .Where(g => g.Procedures.Count > 0)
            .ToList();
    }

    private static IEnumerable<string> Texts(ProcedureDefinition definition, ProcedureLibrary library)
    {
        yield return definition.Id.Replace('-', ' ');
        foreach (var text in new[] { definition.Title, definition.Summary })
        {
            if (text is not null)
            {
                foreach (var value in text.Texts.Values)
                    yield return value;
            }
        }
        foreach (var basis in definition.LegalBasis)
            yield return basis;
        if (library.Categories.TryGetValue(definition.Category, out var category) && category.Title is not null)
        {
            foreach (var value in category.Title.Texts.Values)
                yield return value;
        }
    }

    private sealed record Entry(ProcedureDefinition Definition, string Text);
}
