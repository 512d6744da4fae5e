using EmploymentProcedures.Engine.Definitions;
using EmploymentProcedures.Engine.Reporting;
using EmploymentProcedures.Engine.Templates;
using EmploymentProcedures.Engine.Workflow;

namespace EmploymentProcedures.Engine.Storage;

/// <summary>
/// The names of what the inbox, the dashboard and the exports show, in fr/ar/en, from the latest published
/// definitions and the library: procedures, their categories and steps, provinces, statuses. An id nobody
/// names any more (a procedure no longer published, a province dropped from the list) is shown as itself.
/// </summary>
internal sealed class CatalogLabels
{
    private static readonly LocalizedText NoProvince = LocalizedText.Of("Sans province (procédure nationale)", "بدون إقليم (مسطرة وطنية)", "No province (national procedure)");

    private readonly Dictionary<string, ProcedureDefinition> _procedures;
    private readonly ProcedureLibraryView _library;

    private CatalogLabels(IEnumerable<ProcedureDefinition> procedures, ProcedureLibraryView library)
    {
        _procedures = procedures.ToDictionary(d => d.Id, StringComparer.Ordinal);
        _library = library;
    }

    public static async Task<CatalogLabels> LoadAsync(DefinitionStore definitions, CancellationToken cancellationToken)
    {
        var published = await definitions.PublishedAsync(cancellationToken).ConfigureAwait(false);
        var library = definitions.Library;
        return new CatalogLabels(published.Select(p => p.Definition), new ProcedureLibraryView(
            library.Categories,
            library.Lists.TryGetValue("provinces", out var provinces) ? provinces.Options.ToDictionary(o => o.Value, o => o.Label, StringComparer.Ordinal) : []));
    }

    public ProcedureDefinition? Definition(string procedureId) => _procedures.GetValueOrDefault(procedureId);

    public LocalizedText Procedure(string id) => _procedures.TryGetValue(id, out var d) ? d.Title : Itself(id);

    public string? CategoryOf(string procedureId) => _procedures.TryGetValue(procedureId, out var d) ? d.Category : null;

    public LocalizedText Category(string id) => _library.Categories.TryGetValue(id, out var c) && c.Title is { } title ? title : Itself(id);

    /// <summary>The procedures whose latest version is in one of <paramref name="categories"/>.</summary>
    public IReadOnlyList<string> ProceduresIn(IReadOnlyList<string> categories) =>
        _procedures.Values.Where(d => categories.Contains(d.Category, StringComparer.Ordinal)).Select(d => d.Id).ToList();

    /// <summary>The procedures whose latest version has a legal deadline in business days.</summary>
    public IReadOnlyList<string> ProceduresInBusinessDays() =>
        _procedures.Values.Where(d => ProcedureStatistics.UnitOf(d.Deadline) == CalendarKind.Business).Select(d => d.Id).ToList();

    /// <summary>A step's title: in <paramref name="procedureId"/> when given, else in the first procedure that has the step.</summary>
    public LocalizedText Step(string stepId, string? procedureId = null)
    {
        var steps = procedureId is not null && _procedures.TryGetValue(procedureId, out var d)
            ? d.Steps
            : _procedures.Values.SelectMany(p => p.Steps);
        return steps.FirstOrDefault(s => s.Id == stepId)?.Title ?? Itself(stepId);
    }

    public LocalizedText Province(string? id) =>
        string.IsNullOrEmpty(id) ? NoProvince : _library.Provinces.TryGetValue(id, out var label) ? label : Itself(id);

    public static LocalizedText Status(ApplicationStatus status) =>
        LocalizedText.Of(DocumentTexts.Status(status.Name(), "fr"), DocumentTexts.Status(status.Name(), "ar"), DocumentTexts.Status(status.Name(), "en"));

    private static LocalizedText Itself(string id) => LocalizedText.Of(id, id, id);

    private sealed record ProcedureLibraryView(IReadOnlyDictionary<string, CategoryDefinition> Categories, IReadOnlyDictionary<string, LocalizedText> Provinces);
}
