using System.Globalization;
using EmploymentProcedures.Engine.Definitions;
using EmploymentProcedures.Engine.Diagnostics;
using EmploymentProcedures.Engine.Validation;

namespace EmploymentProcedures.Engine.Loading;

/// <summary>
/// Binds the YAML tree into definition records, each with its source span. Tolerant: what the schema
/// already reported is skipped, so one run still finds every other problem of the file.
/// </summary>
internal static class DefinitionBinder
{
    private static readonly Dictionary<string, FieldType> FieldTypeNames =
        Enum.GetValues<FieldType>().ToDictionary(t => t.ToString().ToLowerInvariant(), StringComparer.Ordinal);

    public static ProcedureDefinition? BindProcedure(YamlMapping root, string path, ProcedureLibrary library)
    {
        var id = root.Text("id");
        var title = root.Localized("title");
        if (id is null || title is null)
            return null;

        return new ProcedureDefinition
        {
            Language = root.Int("language") ?? 1,
            Id = id,
            ReferencePrefix = root.Text("reference_prefix"),
            Title = title,
            Summary = root.Localized("summary"),
            Eligibility = root.Localized("eligibility"),
            Category = root.Text("category") ?? "",
            Applicant = root.Text("applicant") ?? "",
            LegalBasis = root.Scalars("legal_basis").Select(s => s.Value).ToList(),
            Notes = root.Text("notes"),
            Deadline = Deadline(root),
            OnDeadline = root.Text("on_deadline") ?? "none",
            Privacy = root["privacy"] is YamlMapping privacy ? Privacy(privacy) : null,
            Routing = root.Text("routing"),
            RoutingSpan = root["routing"] is YamlScalar routing ? routing.TextStart : null,
            Sections = root.Mappings("sections").Select(s => Section(s, library)).Select(s => s with { Fields = s.Fields.Select(f => ResolveChoices(f, library)).ToList() }).ToList(),
            Documents = root.Mappings("documents").Select(Document).ToList(),
            Rules = root.Mappings("rules").Select(Rule).Where(r => r is not null).Select(r => r!).ToList(),
            Steps = root.Mappings("steps").Select(Step).Select(s => s with { Fields = s.Fields.Select(f => ResolveChoices(f, library)).ToList() }).ToList(),
            Outputs = root["outputs"] is YamlMapping outputs
                ? outputs.Entries.Where(e => e.Value is YamlScalar { IsNull: false }).ToDictionary(e => e.Key.Value, e => ((YamlScalar)e.Value).Value)
                : new Dictionary<string, string>(),
            Tests = root.Mappings("tests").Select(Scenario).ToList(),
            Labels = root.Mappings("labels").Select(Label).ToList(),
            Span = new SourceSpan(path, 1, 1),
            ValueSpans = ValueSpans(root),
            Lists = library.Lists,
        };
    }

    private static Dictionary<string, SourceSpan> ValueSpans(YamlMapping root)
    {
        var spans = root.Entries.ToDictionary(e => e.Key.Value, e => e.Value.Span, StringComparer.Ordinal);
        if (root["outputs"] is YamlMapping outputs)
        {
            foreach (var entry in outputs.Entries)
                spans["outputs." + entry.Key.Value] = entry.Value.Span;
        }
        return spans;
    }

    public static FragmentDefinition? BindFragment(YamlMapping root, string path)
    {
        var id = root.Text("fragment");
        return id is null
            ? null
            : new FragmentDefinition(id, root.Localized("title"), root.Localized("help"), Fields(root, ""), new SourceSpan(path, 1, 1), root.Text("carry") == "applicant");
    }

    private static SectionDefinition Section(YamlMapping map, ProcedureLibrary library)
    {
        var id = map.Text("id") ?? "";
        var include = map.Text("include");
        var fields = Fields(map, "");
        var fragment = include is not null ? library.Fragments.GetValueOrDefault(include) : null;
        if (fragment is not null)
        {
            var includedFrom = map.SpanOf("include");
            fields = [.. fragment.Fields.Select(f => Rebase(f, id + ".", includedFrom)), .. fields.Select(f => Rebase(f, id + ".", null))];
        }
        return new SectionDefinition
        {
            Id = id,
            Title = map.Localized("title") ?? fragment?.Title,
            Help = map.Localized("help") ?? fragment?.Help,
            Visible = map.Expression("visible"),
            Include = include,
            Carry = map.Text("carry"),
            Carried = fragment is { Carried: true } && map.Text("carry") != "none",
            Fields = fields,
            Span = map.Span,
        };
    }

    /// <summary>A fragment's field as included in one section: its own path and its own copy of every expression.</summary>
    private static FieldDefinition Rebase(FieldDefinition field, string prefix, SourceSpan? includedFrom) => field with
    {
        Path = prefix + field.Path,
        IncludedFrom = includedFrom ?? field.IncludedFrom,
        Required = field.Required.Expression is { } e ? new Condition(false, Copy(e)) : field.Required,
        Visible = Copy(field.Visible),
        Value = Copy(field.Value),
        Min = field.Min is { Expression: { } min } ? field.Min with { Expression = Copy(min) } : field.Min,
        Max = field.Max is { Expression: { } max } ? field.Max with { Expression = Copy(max) } : field.Max,
        Fields = field.Fields.Select(f => Rebase(f, prefix, includedFrom)).ToList(),
    };

    /// <summary>Fills <see cref="FieldDefinition.Choices"/> from inline options or the shared list (countries and provinces by default).</summary>
    private static FieldDefinition ResolveChoices(FieldDefinition field, ProcedureLibrary library)
    {
        var listId = field.ListId ?? field.Type switch
        {
            FieldType.Country => "countries",
            FieldType.Province => "provinces",
            _ => null,
        };
        var choices = field.Options.Count > 0 ? field.Options
            : listId is not null && library.Lists.TryGetValue(listId, out var list) ? list.Options
            : [];
        return field with { Choices = choices, Fields = field.Fields.Select(f => ResolveChoices(f, library)).ToList() };
    }

    private static ExpressionSource? Copy(ExpressionSource? source) => source is null ? null : new ExpressionSource(source.Text, source.Span);

    private static List<FieldDefinition> Fields(YamlMapping map, string prefix) =>
        map.Mappings("fields").Select(f => Field(f, prefix)).Where(f => f is not null).Select(f => f!).ToList();

    private static FieldDefinition? Field(YamlMapping map, string prefix)
    {
        var id = map.Text("id");
        if (id is null)
            return null;
        // An unknown type was reported by the schema; binding it as text keeps its name known, so
        // expressions that read it do not cascade into "unknown field" errors.
        var type = FieldTypeNames.GetValueOrDefault(map.Text("type") ?? "", FieldType.Text);
        var path = prefix + id;
        return new FieldDefinition
        {
            Id = id,
            Path = path,
            Type = type,
            Label = map.Localized("label"),
            Help = map.Localized("help"),
            Required = map.Condition("required"),
            Visible = map.Expression("visible"),
            Default = map.Text("default"),
            Min = Bound(map, "min"),
            Max = Bound(map, "max"),
            MinLength = map.Int("min_length"),
            MaxLength = map.Int("max_length"),
            Decimals = map.Int("decimals"),
            Pattern = map.Text("pattern"),
            PatternMessage = map.Localized("pattern_message"),
            Options = map.Mappings("options").Select(Option).ToList(),
            ListId = map.Text("list"),
            CnssKind = map.Text("kind"),
            Unit = map.Localized("unit"),
            Value = map.Expression("value"),
            Fields = Fields(map, path + "."),
            Role = map.Text("role"),
            RoleSpan = map["role"] is YamlScalar role ? role.TextStart : null,
            Span = map.Span,
        };
    }

    private static Bound? Bound(YamlMapping map, string key) => map[key] switch
    {
        YamlScalar { IsPlain: true } s when decimal.TryParse(s.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) => new Bound(number, null, s.Span),
        YamlScalar { IsNull: false } s => new Bound(null, s.ToExpression(), s.Span),
        _ => null,
    };

    private static OptionDefinition Option(YamlMapping map) =>
        new(map.Text("value") ?? "", map.Localized("label") ?? new LocalizedText(new Dictionary<string, string>()), map.Localized("help"), null, map.Span);

    private static LabelDefinition Label(YamlMapping map) =>
        new(map.Text("id") ?? "", map.Localized("title") ?? new LocalizedText(new Dictionary<string, string>()), map.Text("colour") ?? "", map.Span);

    private static DocumentDefinition Document(YamlMapping map) => new()
    {
        Id = map.Text("id") ?? "",
        Label = map.Localized("label"),
        Help = map.Localized("help"),
        Required = map.Condition("required"),
        Formats = map.Scalars("formats").Select(s => s.Value).ToList(),
        MaxMegabytes = map.Decimal("max_mb") ?? 5,
        MaxFiles = map.Int("max_files") ?? 1,
        Span = map.Span,
    };

    private static RuleDefinition? Rule(YamlMapping map)
    {
        var check = map.Expression("check");
        return check is null
            ? null
            : new RuleDefinition
            {
                Id = map.Text("id") ?? "",
                When = map.Expression("when"),
                Check = check,
                Field = map.Text("field") ?? "",
                FieldSpan = map["field"] is YamlScalar f ? f.TextStart : map.Span,
                Message = map.Localized("message"),
                Span = map.Span,
            };
    }

    private static StepDefinition Step(YamlMapping map)
    {
        var step = new StepDefinition
        {
            Id = map.Text("id") ?? "",
            Title = map.Localized("title"),
            Role = map.Text("role"),
            Parallel = map["parallel"] is YamlMapping parallel ? Parallel(parallel) : null,
            When = map.Expression("when"),
            Deadline = Deadline(map),
            Territorial = map.Bool("territorial"),
            External = map.Bool("external") ?? false,
            Fields = Fields(map, (map.Text("id") ?? "") + "."),
            Span = map.Span,
        };
        var actions = map.Scalars("actions").Select(a => StepActions.ByName.TryGetValue(a.Value, out var action) ? action : (StepAction?)null).OfType<StepAction>().ToList();
        return actions.Count > 0 ? step with { Actions = actions } : step;
    }

    private static ParallelDefinition Parallel(YamlMapping map)
    {
        var roles = map.Scalars("roles").Select(r => r.Value).ToList();
        var text = map.Text("quorum");
        var quorum = text switch
        {
            null or "all" => roles.Count,
            "any" => 1,
            var n when int.TryParse(n, NumberStyles.None, CultureInfo.InvariantCulture, out var count) => count,
            _ => (int?)null, // Not all, any or a count: the linter names the text.
        };
        return new ParallelDefinition(roles, quorum ?? roles.Count, map.SpanOf("quorum")) { UnknownQuorum = quorum is null ? text : null };
    }

    private static PrivacyDefinition Privacy(YamlMapping map)
    {
        var retention = map["retention"] as YamlScalar;
        var text = retention is { IsNull: false } ? retention.Value : null;
        return new PrivacyDefinition
        {
            Purpose = map.Localized("purpose"),
            Recipients = map.Localized("recipients"),
            RetentionText = text,
            Retention = RetentionPeriod.Parse(text),
            RetentionSpan = retention?.TextStart ?? map.Span,
            Cndp = map.Text("cndp"),
            Span = map.Span,
        };
    }

    private static DeadlineDefinition? Deadline(YamlMapping map)
    {
        if (map["deadline"] is not YamlMapping deadline || deadline.Int("days") is not { } days)
            return null;
        CalendarKind? calendar = deadline.Text("calendar") switch
        {
            "business" => CalendarKind.Business,
            "calendar" => CalendarKind.Calendar,
            _ => null,
        };
        return new DeadlineDefinition(days, calendar, deadline.Span);
    }

    private static ScenarioDefinition Scenario(YamlMapping map) => new()
    {
        Name = map.Text("name") ?? "",
        Today = DateOnly.TryParseExact(map.Text("today"), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var today) ? today : null,
        Answers = AnswersOf(map["answers"]),
        AnswerSpans = map["answers"] is YamlMapping answers ? KeySpans(answers, "") : new Dictionary<string, SourceSpan>(),
        Documents = map.Scalars("documents").Select(s => s.Value).ToList(),
        Actions = map["actions"] is YamlSequence actions ? actions.Items.Select(ScenarioAction).OfType<ScenarioAction>().ToList() : [],
        ExpectStatus = (map["expect"] as YamlMapping)?.Text("status"),
        ExpectStep = (map["expect"] as YamlMapping)?.Text("step"),
        ExpectErrors = (map["expect"] as YamlMapping)?["errors"] is not null ? ((YamlMapping)map["expect"]!).Scalars("errors").Select(s => s.Value).ToList() : null,
        Span = map.Span,
    };

    private static ScenarioAction? ScenarioAction(YamlNode node)
    {
        switch (node)
        {
            case YamlScalar { IsNull: false } text:
                var dot = text.Value.LastIndexOf('.');
                return dot > 0 && StepActions.ByName.TryGetValue(text.Value[(dot + 1)..], out var action)
                    ? new ScenarioAction { Step = text.Value[..dot], Action = action, Span = text.Span }
                    : null;
            case YamlMapping map when map.Text("step") is { } step && StepActions.ByName.TryGetValue(map.Text("action") ?? "", out var mapped):
                return new ScenarioAction
                {
                    Step = step,
                    Action = mapped,
                    Role = map.Text("role"),
                    Comment = map.Text("comment"),
                    Reopen = map.Scalars("reopen").Select(s => s.Value).ToList(),
                    To = map.Text("to"),
                    Fields = AnswersOf(map["fields"]),
                    Answers = AnswersOf(map["answers"]),
                    Span = map.Span,
                };
            default:
                return null;
        }
    }

    /// <summary>Where each answer key is written (group rows by their field path), for located scenario errors.</summary>
    private static Dictionary<string, SourceSpan> KeySpans(YamlMapping map, string prefix)
    {
        var spans = new Dictionary<string, SourceSpan>(StringComparer.Ordinal);
        foreach (var entry in map.Entries)
        {
            var path = prefix + entry.Key.Value;
            spans.TryAdd(path, entry.Key.Span);
            var nested = entry.Value switch
            {
                YamlMapping inner => [inner],
                YamlSequence rows => rows.Items.OfType<YamlMapping>(),
                _ => [],
            };
            foreach (var inner in nested)
            {
                foreach (var (key, span) in KeySpans(inner, path + "."))
                    spans.TryAdd(key, span);
            }
        }
        return spans;
    }

    private static Answers AnswersOf(YamlNode? node) =>
        node is YamlMapping map && NodeReader.Plain(map) is IEnumerable<KeyValuePair<string, object?>> pairs ? Answers.From(pairs) : Answers.Empty;
}
