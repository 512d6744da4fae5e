using System.Globalization;
using System.Runtime.CompilerServices;
using EmploymentProcedures.Engine.Definitions;
using EmploymentProcedures.Engine.Expressions;
using FluentValidation;
using FluentValidation.Results;

namespace EmploymentProcedures.Engine.Validation;

/// <summary>
/// Validates a submission against its definition: every visible field by its type, required-when-visible,
/// cross-field rules and documents. The same code runs live in the form and on the server at submit.
/// One FluentValidation validator is built per definition and cached for the definition's lifetime.
/// </summary>
public static class SubmissionValidator
{
    private static readonly ConditionalWeakTable<ProcedureDefinition, ProcedureValidator> Cache = [];

    public static ValidationReport Validate(ProcedureDefinition definition, Submission submission, EvaluationContext context)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(submission);
        var validator = Cache.GetValue(definition, d => new ProcedureValidator(d));
        var values = AnswerValues.ForApplication(definition, submission.Answers, context);
        var result = validator.Validate(new SubmissionContext(submission, values, []));
        return result.IsValid
            ? ValidationReport.Valid
            : new ValidationReport(result.Errors.Select(e => new ValidationError(e.PropertyName, e.ErrorCode, (LocalizedText)e.CustomState)).ToList());
    }
}

internal sealed record SubmissionContext(Submission Submission, AnswerValues Values, HashSet<string> Visible);

internal sealed class ProcedureValidator : AbstractValidator<SubmissionContext>
{
    public ProcedureValidator(ProcedureDefinition definition)
    {
        var lists = definition.Lists;
        foreach (var section in definition.Sections)
        {
            var checks = section.Fields.Select(f => new FieldTree(f, lists)).ToList();
            RuleFor(c => c).Custom((c, context) =>
            {
                if (section.Visible is not null && !c.Values.Evaluate(section.Visible).IsTrue)
                    return;
                var included = section.Include is not null;
                var answers = included ? c.Submission.Answers[section.Id] as Answers ?? Answers.Empty : c.Submission.Answers;
                var values = c.Values.ForSection(section);
                foreach (var check in checks)
                    check.Validate(included ? section.Id + "." + check.Field.Id : check.Field.Id, answers, values, c.Visible, context);
            });
        }

        foreach (var rule in definition.Rules)
        {
            RuleFor(c => c).Custom((c, context) =>
            {
                if (!c.Visible.Contains(rule.Field) || !AllAnswered(rule.Check, c.Values) || (rule.When is not null && !c.Values.Evaluate(rule.When).IsTrue))
                    return;
                if (!c.Values.Evaluate(rule.Check).IsTrue)
                    context.AddFailure(Failure(rule.Field, "rule." + rule.Id, rule.Message ?? LocalizedText.Of(rule.Id, rule.Id)));
            });
        }

        foreach (var document in definition.Documents)
        {
            RuleFor(c => c).Custom((c, context) =>
            {
                var files = c.Submission.Documents.Where(d => d.DocumentId == document.Id).ToList();
                var required = document.Required.Expression is { } expression ? c.Values.Evaluate(expression).IsTrue : document.Required.Constant;
                if (files.Count == 0)
                {
                    if (required)
                        context.AddFailure(Failure(document.Id, "document.required"));
                    return;
                }
                if (files.Count > document.MaxFiles)
                    context.AddFailure(Failure(document.Id, "document.count", document.MaxFiles));
                foreach (var file in files)
                {
                    if (!document.Formats.Contains(file.Format, StringComparer.OrdinalIgnoreCase))
                        context.AddFailure(Failure(document.Id, "document.format", string.Join(", ", document.Formats)));
                    if (file.SizeBytes > document.MaxMegabytes * 1024 * 1024)
                        context.AddFailure(Failure(document.Id, "document.size", document.MaxMegabytes.ToString(CultureInfo.InvariantCulture)));
                }
            });
        }

        var known = definition.Documents.Select(d => d.Id).ToHashSet(StringComparer.Ordinal);
        RuleForEach(c => c.Submission.Documents)
            .Must(d => known.Contains(d.DocumentId))
            .WithState(_ => ValidationMessages.Format("document.unknown"))
            .WithErrorCode("document.unknown")
            .OverridePropertyName("documents");
    }

    /// <summary>A rule applies once every answer it reads is given; missing answers are the required rule's business.</summary>
    private static bool AllAnswered(ExpressionSource check, AnswerValues values) =>
        check.Compiled is { } compiled && compiled.References.All(path => !Read(values, path).IsNull);

    private static Value Read(AnswerValues values, IReadOnlyList<string> path)
    {
        var value = values.Get(path[0]);
        for (var i = 1; i < path.Count && value.AsRecord is { } record; i++)
            value = record.TryGetValue(path[i], out var member) ? member : Value.Null;
        return value;
    }

    internal static ValidationFailure Failure(string path, string code, params object?[] args) =>
        Failure(path, code, ValidationMessages.Format(code, args));

    private static ValidationFailure Failure(string path, string code, LocalizedText message) =>
        new(path, message.Get("fr")) { ErrorCode = code, CustomState = message };

    /// <summary>One field's checks, with its group rows' fields below it.</summary>
    private sealed class FieldTree(FieldDefinition definition, IReadOnlyDictionary<string, OptionList> lists)
    {
        private readonly FieldCheck _check = new(definition, lists);
        private readonly List<FieldTree> _children = definition.Fields.Select(f => new FieldTree(f, lists)).ToList();

        public FieldDefinition Field => definition;

        public void Validate(string path, Answers answers, AnswerValues values, HashSet<string> visible, ValidationContext<SubmissionContext> context)
        {
            if (!Field.IsInput || (Field.Visible is not null && !values.Evaluate(Field.Visible).IsTrue))
                return;
            visible.Add(path);
            var raw = answers[Field.Id];
            var required = Field.Required.Expression is { } expression ? values.Evaluate(expression).IsTrue : Field.Required.Constant;
            if (FieldCheck.IsEmpty(raw))
            {
                if (Field.Type == FieldType.Group && Field.Min?.Number is { } fewest && fewest > 0)
                    context.AddFailure(Failure(path, "group.min", fewest));
                else if (required)
                    context.AddFailure(Failure(path, Field.Type == FieldType.Consent ? "consent.required" : "required"));
                return;
            }

            if (Field.Type == FieldType.Consent && required && raw is not "true")
            {
                context.AddFailure(Failure(path, "consent.required"));
                return;
            }

            if (Field.Type == FieldType.Group)
            {
                var rows = raw as IReadOnlyList<object?> ?? [];
                if (Field.Min?.Number is { } min && rows.Count < min)
                    context.AddFailure(Failure(path, "group.min", min));
                if (Field.Max?.Number is { } max && rows.Count > max)
                    context.AddFailure(Failure(path, "group.max", max));
                for (var i = 0; i < rows.Count; i++)
                {
                    var row = rows[i] as Answers ?? Answers.Empty;
                    var rowValues = values.ForRow(Field, row);
                    foreach (var child in _children)
                        child.Validate($"{path}[{i}].{child.Field.Id}", row, rowValues, visible, context);
                }
                return;
            }

            foreach (var (at, code, args) in _check.Check(path, raw, values))
            {
                context.AddFailure(code == "text.pattern" && Field.PatternMessage is { } message
                    ? Failure(at, code, message)
                    : Failure(at, code, args));
            }
        }
    }
}
