using EmploymentProcedures.Engine.Deadlines;
using EmploymentProcedures.Engine.Definitions;
using EmploymentProcedures.Engine.Diagnostics;
using EmploymentProcedures.Engine.Templates;

namespace EmploymentProcedures.Engine.Loading;

/// <summary>
/// What procedures share: fragments, option lists, roles, categories and templates, read from the
/// procedures folder with the same safe reader as definitions. Loaded once; immutable.
/// </summary>
public sealed class ProcedureLibrary
{
    public static readonly ProcedureLibrary Empty = new("", [], [], [], [], TemplateLibrary.Empty, []);

    private ProcedureLibrary(
        string directory,
        IReadOnlyList<FragmentDefinition> fragments,
        IReadOnlyList<OptionList> lists,
        IReadOnlyList<RoleDefinition> roles,
        IReadOnlyList<CategoryDefinition> categories,
        TemplateLibrary templates,
        IReadOnlyList<Diagnostic> diagnostics)
    {
        Directory = directory;
        Fragments = fragments.ToDictionary(f => f.Id, StringComparer.Ordinal);
        Lists = lists.ToDictionary(l => l.Id, StringComparer.Ordinal);
        Roles = roles.ToDictionary(r => r.Id, StringComparer.Ordinal);
        Categories = categories.ToDictionary(c => c.Id, StringComparer.Ordinal);
        Templates = templates.Names;
        DocumentTemplates = templates;
        Diagnostics = diagnostics;
    }

    public string Directory { get; }
    public IReadOnlyDictionary<string, FragmentDefinition> Fragments { get; }
    public IReadOnlyDictionary<string, OptionList> Lists { get; }
    public IReadOnlyDictionary<string, RoleDefinition> Roles { get; }
    public IReadOnlyDictionary<string, CategoryDefinition> Categories { get; }

    /// <summary>Template names available in <c>templates/</c> (file name up to the first dot).</summary>
    public IReadOnlySet<string> Templates { get; }

    /// <summary>The working calendar of <c>calendar.yaml</c>, for deadlines; <see cref="BusinessCalendar.Empty"/> when the file is missing.</summary>
    public BusinessCalendar Calendar { get; private init; } = BusinessCalendar.Empty;

    /// <summary>The letters themselves, parsed and checked (their problems are among <see cref="Diagnostics"/>).</summary>
    public TemplateLibrary DocumentTemplates { get; }

    /// <summary>Problems found in the shared files themselves.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    /// <summary>Reads fragments/, lists/, roles.yaml, categories.yaml and templates/ under <paramref name="directory"/>.</summary>
    public static ProcedureLibrary Load(string directory, LoaderLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(directory);
        limits ??= LoaderLimits.Default;
        var diagnostics = new List<Diagnostic>();
        var fragments = new List<FragmentDefinition>();
        var lists = new List<OptionList>();

        foreach (var file in Files(directory, "fragments"))
        {
            if (Read(file, limits, diagnostics) is { } root)
            {
                SchemaCheck.Validate(SchemaCheck.Fragment, root, file, diagnostics);
                if (DefinitionBinder.BindFragment(root, file) is { } fragment)
                    fragments.Add(fragment);
            }
        }

        foreach (var file in Files(directory, "lists"))
        {
            if (Read(file, limits, diagnostics) is { } root)
            {
                SchemaCheck.Validate(SchemaCheck.List, root, DisplayPath(file), diagnostics);
                if (BindList(root) is { } list)
                    lists.Add(list);
            }
        }

        var roles = ReadRoles(Path.Combine(directory, "roles.yaml"), limits, diagnostics);
        var categories = ReadCategories(Path.Combine(directory, "categories.yaml"), limits, diagnostics);
        var templates = TemplateLibrary.Load(Path.Combine(directory, "templates"));
        diagnostics.AddRange(templates.Diagnostics);

        var calendar = ReadCalendar(Path.Combine(directory, "calendar.yaml"), limits, diagnostics);

        return new ProcedureLibrary(directory, fragments, lists, roles, categories, templates, diagnostics) { Calendar = calendar };
    }

    /// <summary>This library with other letters (a designer's draft templates, a test's broken ones).</summary>
    public ProcedureLibrary WithTemplates(TemplateLibrary templates)
    {
        ArgumentNullException.ThrowIfNull(templates);
        var own = Diagnostics.Except(DocumentTemplates.Diagnostics).Concat(templates.Diagnostics).ToList();
        return new ProcedureLibrary(Directory, Fragments.Values.ToList(), Lists.Values.ToList(), Roles.Values.ToList(), Categories.Values.ToList(), templates, own) { Calendar = Calendar };
    }

    private static IEnumerable<string> Files(string directory, string folder)
    {
        var path = Path.Combine(directory, folder);
        return System.IO.Directory.Exists(path)
            ? System.IO.Directory.EnumerateFiles(path, "*.yaml").Order(StringComparer.Ordinal)
            : [];
    }

    private static YamlMapping? Read(string file, LoaderLimits limits, List<Diagnostic> diagnostics)
    {
        if (!File.Exists(file))
            return null;
        var text = PreScan.Decode(File.ReadAllBytes(file), DisplayPath(file), limits, diagnostics);
        if (text is null)
            return null;
        var root = YamlReader.Read(text, DisplayPath(file), limits, diagnostics);
        if (root is YamlMapping map)
            return map;
        if (root is not null)
            diagnostics.Add(DiagnosticCodes.RootNotMapping.At(root.Span, "the file is not a mapping"));
        return null;
    }

    internal static string DisplayPath(string file) => Path.GetRelativePath(Environment.CurrentDirectory, file);

    private static OptionList? BindList(YamlMapping root)
    {
        var id = root.Text("id");
        if (id is null)
            return null;
        var options = root.Mappings("options")
            .Select(o => new OptionDefinition(o.Text("value") ?? "", o.Localized("label") ?? LocalizedText.Of("", ""), null, o.Text("parent"), o.Span))
            .ToList();
        return new OptionList(id, root.Localized("title"), options, root.Span);
    }

    private static List<RoleDefinition> ReadRoles(string file, LoaderLimits limits, List<Diagnostic> diagnostics)
    {
        var root = Read(file, limits, diagnostics);
        if (root is null)
            return [];
        var kinds = new[] { ("applicants", RoleKind.Applicant), ("reviewers", RoleKind.Reviewer), ("staff", RoleKind.Staff) };
        return kinds
            .SelectMany(k => root.Mappings(k.Item1).Select(r => new RoleDefinition(
                r.Text("id") ?? "", k.Item2, r.Localized("label"), r.Bool("territorial") ?? false, r.Bool("external") ?? false, r.Span)))
            .Where(r => r.Id.Length > 0)
            .ToList();
    }

    private static BusinessCalendar ReadCalendar(string file, LoaderLimits limits, List<Diagnostic> diagnostics)
    {
        if (!File.Exists(file))
            return BusinessCalendar.Empty;
        var result = BusinessCalendar.LoadFile(file, limits);
        diagnostics.AddRange(result.Diagnostics);
        return result.Calendar;
    }

    private static List<CategoryDefinition> ReadCategories(string file, LoaderLimits limits, List<Diagnostic> diagnostics)
    {
        var root = Read(file, limits, diagnostics);
        return root is null
            ? []
            : root.Mappings("categories").Select(c => new CategoryDefinition(c.Text("id") ?? "", c.Localized("title"), c.Span)).Where(c => c.Id.Length > 0).ToList();
    }
}
