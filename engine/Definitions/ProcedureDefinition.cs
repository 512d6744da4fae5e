using EmploymentProcedures.Engine.Diagnostics;

namespace EmploymentProcedures.Engine.Definitions;

/// <summary>A loaded procedure: everything its YAML file says, bound, checked and compiled.</summary>
public sealed record ProcedureDefinition
{
    public required int Language { get; init; }
    public required string Id { get; init; }
    public string? ReferencePrefix { get; init; }
    public required LocalizedText Title { get; init; }
    public LocalizedText? Summary { get; init; }
    public LocalizedText? Eligibility { get; init; }
    public required string Category { get; init; }
    public required string Applicant { get; init; }
    public IReadOnlyList<string> LegalBasis { get; init; } = [];
    public string? Notes { get; init; }
    public DeadlineDefinition? Deadline { get; init; }
    public string OnDeadline { get; init; } = "none";

    /// <summary>The <c>privacy:</c> block (purpose, recipients, retention, CNDP reference); null when the file has none (EP0343).</summary>
    public PrivacyDefinition? Privacy { get; init; }
    public string? Routing { get; init; }
    public SourceSpan? RoutingSpan { get; init; }
    public IReadOnlyList<SectionDefinition> Sections { get; init; } = [];
    public IReadOnlyList<DocumentDefinition> Documents { get; init; } = [];
    public IReadOnlyList<RuleDefinition> Rules { get; init; } = [];
    public IReadOnlyList<StepDefinition> Steps { get; init; } = [];
    public IReadOnlyDictionary<string, string> Outputs { get; init; } = new Dictionary<string, string>();
    public IReadOnlyList<ScenarioDefinition> Tests { get; init; } = [];

    /// <summary>The <c>labels:</c> reviewers may put on files, in the order written (the order the pages show them).</summary>
    public IReadOnlyList<LabelDefinition> Labels { get; init; } = [];
    public required SourceSpan Span { get; init; }

    /// <summary>Where the value of each top-level key is written (and of each output, as <c>outputs.approved</c>).</summary>
    public IReadOnlyDictionary<string, SourceSpan> ValueSpans { get; init; } = new Dictionary<string, SourceSpan>();

    /// <summary>Where the value of <paramref name="key"/> is written, or the file itself when the key is absent.</summary>
    public SourceSpan SpanOf(string key) => ValueSpans.TryGetValue(key, out var span) ? span : Span;

    /// <summary>The shared option lists (provinces, commercial courts...) addresses and registers are checked against.</summary>
    public IReadOnlyDictionary<string, OptionList> Lists { get; init; } = new Dictionary<string, OptionList>();

    /// <summary>SHA-256 of the file's bytes, hex: pins the exact text an application was started on.</summary>
    public string ContentHash { get; init; } = "";

    /// <summary>Every applicant field in form order, including group rows' fields (depth-first).</summary>
    public IEnumerable<FieldDefinition> AllFields() => Sections.SelectMany(s => s.Fields).SelectMany(Flatten);

    /// <summary>The label <paramref name="id"/>, or null when the definition declares none of that id.</summary>
    public LabelDefinition? FindLabel(string id) => Labels.FirstOrDefault(l => l.Id == id);

    public FieldDefinition? FindField(string path) => AllFields().FirstOrDefault(f => f.Path == path);

    private static IEnumerable<FieldDefinition> Flatten(FieldDefinition field) => [field, .. field.Fields.SelectMany(Flatten)];
}
