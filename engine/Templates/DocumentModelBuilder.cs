using EmploymentProcedures.Engine.Definitions;
using EmploymentProcedures.Engine.Expressions;
using EmploymentProcedures.Engine.Validation;

namespace EmploymentProcedures.Engine.Templates;

/// <summary>
/// Builds a <see cref="DocumentModel"/>: the answers as display text in one language, shown as the
/// form shows them (only visible sections and fields, group rows numbered), with the workflow's facts.
/// </summary>
internal sealed class DocumentModelBuilder(ProcedureDefinition definition, string language, IReadOnlyDictionary<string, RoleDefinition>? roles, DateOnly today)
{
    public DocumentModel Build(Answers answers, IReadOnlyCollection<string> documentIds, ApplicationFacts facts)
    {
        var values = AnswerValues.ForApplication(definition, answers, new EvaluationContext(today));
        return new DocumentModel
        {
            Language = language,
            Procedure = new DocumentProcedure(
                definition.Id,
                definition.Title.Get(language),
                definition.LegalBasis,
                definition.Deadline?.Days,
                definition.Deadline is { } deadline ? DocumentTexts.Deadline(deadline, language) : null),
            Application = new DocumentApplication(
                facts.Reference,
                DocumentTexts.Date(facts.SubmittedOn, language),
                facts.ApplicantName,
                DocumentTexts.Status(facts.Status, language),
                facts.DueOn is { } due ? DocumentTexts.Date(due, language) : null),
            Decision = facts.Decision is { } decision ? Decision(decision) : null,
            Changes = facts.Reopened.Count > 0 || facts.ReviewerMessage is not null
                ? new DocumentChanges(facts.Reopened.Select(ReopenedLabel).ToList(), facts.ReviewerMessage)
                : null,
            Sections = Sections(answers, values),
            Documents = Documents(documentIds, values),
        };
    }

    private DocumentDecision Decision(DecisionFacts decision)
    {
        var step = definition.Steps.FirstOrDefault(s => s.Id == decision.Step);
        var role = decision.Role ?? step?.Role ?? step?.Roles.FirstOrDefault();
        var roleTitle = role is null ? "" : roles is not null && roles.TryGetValue(role, out var found) && found.Label is { } label ? label.Get(language) : role;
        return new DocumentDecision(
            step?.Title?.Get(language) ?? decision.Step,
            DocumentTexts.Action(decision.Action, language),
            decision.Comment,
            DocumentTexts.Date(decision.DecidedOn, language),
            roleTitle);
    }

    /// <summary>A reopened field path or document id, by its label; a row path such as <c>diplomas[0].title</c> by its field's.</summary>
    private string ReopenedLabel(string id)
    {
        if (definition.Documents.FirstOrDefault(d => d.Id == id) is { Label: { } documentLabel })
            return documentLabel.Get(language);
        var path = System.Text.RegularExpressions.Regex.Replace(id, @"\[\d+\]", "");
        return definition.FindField(path)?.Label?.Get(language) ?? id;
    }

    private List<AnswerSection> Sections(Answers answers, AnswerValues values)
    {
        var sections = new List<AnswerSection>();
        foreach (var section in definition.Sections)
        {
            if (section.Visible is not null && !values.Evaluate(section.Visible).IsTrue)
                continue;
            var scope = section.Include is null ? answers : answers[section.Id] as Answers ?? Answers.Empty;
            var rows = new List<AnswerRow>();
            AddRows(section.Fields, scope, values.ForSection(section), null, rows);
            if (rows.Count > 0)
                sections.Add(new AnswerSection(section.Title?.Get(language) ?? section.Id, rows));
        }
        return sections;
    }

    private void AddRows(IReadOnlyList<FieldDefinition> fields, Answers scope, AnswerValues values, string? prefix, List<AnswerRow> rows)
    {
        foreach (var field in fields)
        {
            if (field.Type == FieldType.Info || (field.Visible is not null && !values.Evaluate(field.Visible).IsTrue))
                continue;
            var label = field.Label?.Get(language) ?? field.Id;
            if (prefix is not null)
                label = prefix + " · " + label;
            if (field.Type == FieldType.Group)
            {
                var items = scope[field.Id] as IReadOnlyList<object?> ?? [];
                for (var i = 0; i < items.Count; i++)
                {
                    var row = items[i] as Answers ?? Answers.Empty;
                    AddRows(field.Fields, row, values.ForRow(field, row), DocumentTexts.Format("row", language, label, i + 1), rows);
                }
                continue;
            }
            var text = field.Type == FieldType.Computed ? Show(values.Get(field.Id), field) : Show(field, scope[field.Id]);
            if (!string.IsNullOrWhiteSpace(text))
                rows.Add(new AnswerRow(label, text));
        }
    }

    /// <summary>An answer as typed, shown in the letter's language; null when unanswered.</summary>
    private string? Show(FieldDefinition field, object? raw) => field.Type switch
    {
        FieldType.Boolean or FieldType.Consent => raw is "true" ? DocumentTexts.YesNo(true, language) : raw is "false" ? DocumentTexts.YesNo(false, language) : null,
        FieldType.Number => AnswerValues.ParseNumber(raw as string) is { } number ? WithUnit(DocumentTexts.Number(number, language), field) : raw as string,
        FieldType.Money => AnswerValues.ParseNumber(raw as string) is { } amount ? DocumentTexts.Money(amount, language) : raw as string,
        FieldType.Date => AnswerValues.ParseDate(raw as string) is { } date ? DocumentTexts.Date(date, language) : raw as string,
        FieldType.Choice or FieldType.Country or FieldType.Province => raw is string value ? OptionLabel(field.Choices, value) : null,
        FieldType.Multichoice => raw is IReadOnlyList<object?> values
            ? string.Join(DocumentTexts.Word("list-separator", language), values.OfType<string>().Select(v => OptionLabel(field.Choices, v)))
            : null,
        FieldType.Address => raw is Answers address ? Address(address) : null,
        FieldType.Rc => raw is Answers rc ? Register(rc) : null,
        _ => (raw as string)?.Trim(),
    };

    /// <summary>A computed value, shown by its type.</summary>
    private string? Show(Value value, FieldDefinition field) =>
        value.AsNumber is { } number ? WithUnit(DocumentTexts.Number(number, language), field)
        : value.AsDate is { } date ? DocumentTexts.Date(date, language)
        : value.AsBoolean is { } flag ? DocumentTexts.YesNo(flag, language)
        : value.AsText is { } text ? text
        : value.AsList is { } list ? string.Join(DocumentTexts.Word("list-separator", language), list.Select(v => v.AsText ?? v.ToString()))
        : null;

    private string WithUnit(string number, FieldDefinition field) =>
        field.Unit is { } unit ? number + "\u00A0" + unit.Get(language) : number;

    private string OptionLabel(IReadOnlyList<OptionDefinition> choices, string value) =>
        choices.FirstOrDefault(o => o.Value == value)?.Label.Get(language) ?? value;

    /// <summary>"12 boulevard Zerktouni, 20000 Casablanca, Casablanca".</summary>
    private string Address(Answers address)
    {
        var province = address["province"] is string code && definition.Lists.TryGetValue("provinces", out var provinces) ? OptionLabel(provinces.Options, code) : address["province"] as string;
        var town = string.Join(' ', new[] { address["postal_code"] as string, address["commune"] as string }.Where(s => !string.IsNullOrWhiteSpace(s)));
        return string.Join(DocumentTexts.Word("list-separator", language), new[] { address["street"] as string, town, province }.Where(s => !string.IsNullOrWhiteSpace(s)));
    }

    /// <summary>"123456 — Tribunal de commerce de Casablanca".</summary>
    private string Register(Answers rc)
    {
        var court = rc["court"] is string code && definition.Lists.TryGetValue("commercial-courts", out var courts) ? OptionLabel(courts.Options, code) : rc["court"] as string;
        return string.Join(" — ", new[] { rc["number"] as string, court }.Where(s => !string.IsNullOrWhiteSpace(s)));
    }

    /// <summary>Every document provided, then every required one missing; optional documents not provided are left out.</summary>
    private List<DocumentLine> Documents(IReadOnlyCollection<string> provided, AnswerValues values)
    {
        var lines = new List<DocumentLine>();
        foreach (var document in definition.Documents)
        {
            var isProvided = provided.Contains(document.Id);
            var required = document.Required.Expression is { } expression ? values.Evaluate(expression).IsTrue : document.Required.Constant;
            if (isProvided || required)
                lines.Add(new DocumentLine(document.Label?.Get(language) ?? document.Id, isProvided));
        }
        return lines;
    }
}
