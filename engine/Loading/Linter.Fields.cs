using System.Text.RegularExpressions;
using EmploymentProcedures.Engine.Definitions;
using EmploymentProcedures.Engine.Diagnostics;

namespace EmploymentProcedures.Engine.Loading;

internal sealed partial class Linter
{
    private static readonly HashSet<FieldType> ChoiceTypes = [FieldType.Choice, FieldType.Multichoice];
    private static readonly HashSet<FieldType> NumericTypes = [FieldType.Number, FieldType.Money];
    private static readonly HashSet<FieldType> BoundedTypes = [FieldType.Number, FieldType.Money, FieldType.Date, FieldType.Group, FieldType.Multichoice];
    private static readonly HashSet<FieldType> LengthTypes = [FieldType.Text, FieldType.Textarea];

    private void CheckFields()
    {
        foreach (var field in _fields.Values.Select(f => f.Field).Concat(Flatten(_definition.Steps.SelectMany(s => s.Fields))))
            CheckField(field);
    }

    private void CheckField(FieldDefinition field)
    {
        var name = field.Path;
        var type = field.Type.ToString().ToLowerInvariant();

        if (ChoiceTypes.Contains(field.Type))
        {
            if (field.Options.Count == 0 && field.ListId is null)
                Report(DiagnosticCodes.ChoiceWithoutOptions, field, field.Span, name, type);
        }
        else if (field.Type is not (FieldType.Country or FieldType.Province))
        {
            if (field.Options.Count > 0)
                Report(DiagnosticCodes.OptionsNotAllowed, field, field.Span, name, type, "options");
            if (field.ListId is not null)
                Report(DiagnosticCodes.OptionsNotAllowed, field, field.Span, name, type, "list");
        }

        if (field.ListId is { } list && _library.Lists.Count > 0 && !_library.Lists.ContainsKey(list))
            Report(DiagnosticCodes.UnknownList, field, field.Span, name, list, Suggestions.DidYouMean(list, _library.Lists.Keys));

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var option in field.Options)
        {
            if (!seen.Add(option.Value))
                Report(DiagnosticCodes.DuplicateOption, field, option.Span, name, option.Value);
        }

        if ((field.Min is not null || field.Max is not null) && !BoundedTypes.Contains(field.Type))
            Report(DiagnosticCodes.BoundNotForType, field, (field.Min ?? field.Max)!.Span, name, type, field.Min is not null ? "min" : "max");
        else if (field.Min?.Number is { } min && field.Max?.Number is { } max && min > max)
            Report(DiagnosticCodes.MinAboveMax, field, field.Min.Span, name, "min", min, "max", max);

        foreach (var (bound, key) in new[] { (field.Min, "min"), (field.Max, "max") })
        {
            if (bound?.Expression is not null && field.Type != FieldType.Date && BoundedTypes.Contains(field.Type))
                Report(DiagnosticCodes.BoundNotANumber, field, bound.Span, name, type, key);
        }

        if ((field.MinLength is not null || field.MaxLength is not null) && !LengthTypes.Contains(field.Type))
            Report(DiagnosticCodes.LengthOnNonText, field, field.Span, name, type);
        else if (field.MinLength > field.MaxLength)
            Report(DiagnosticCodes.MinAboveMax, field, field.Span, name, "min_length", field.MinLength, "max_length", field.MaxLength);

        if (field.Pattern is { } pattern)
        {
            try
            {
                _ = new Regex(pattern, RegexOptions.None, TimeSpan.FromMilliseconds(50));
            }
            catch (ArgumentException e)
            {
                Report(DiagnosticCodes.InvalidPattern, field, field.Span, name, e.Message);
            }
        }

        if (field.Type == FieldType.Computed)
        {
            if (field.Value is null)
                Report(DiagnosticCodes.ComputedWithoutValue, field, field.Span, name);
            if (field.Required.Constant || field.Required.Expression is not null)
                Report(DiagnosticCodes.ComputedRequired, field, field.Span, name);
        }
        else if (field.Value is not null)
        {
            Report(DiagnosticCodes.ValueOnInput, field, field.Value.Span, name, type);
        }

        if (field.Type == FieldType.Group && field.Fields.Count == 0)
            Report(DiagnosticCodes.GroupWithoutFields, field, field.Span, name);
        else if (field.Type != FieldType.Group && field.Fields.Count > 0)
            Report(DiagnosticCodes.FieldsOnNonGroup, field, field.Span, name, type);

        if (field.Type == FieldType.Cnss && field.CnssKind is null)
            Report(DiagnosticCodes.CnssWithoutKind, field, field.Span, name);
        else if (field.Type != FieldType.Cnss && field.CnssKind is not null)
            Report(DiagnosticCodes.KindOnlyForCnss, field, field.Span, name);

        if (field.Visible is { Text: "false" })
            Report(DiagnosticCodes.ConstantNeverVisible, field, field.Visible.Span, $"field '{name}'");
    }

    /// <summary>Computed fields must not depend on themselves; conditions must read answers already given.</summary>
    private void CheckDependencies()
    {
        var computed = _fields.Values.Select(f => f.Field).Where(f => f.Type == FieldType.Computed).ToDictionary(f => f.Path);
        var reported = new HashSet<string>(StringComparer.Ordinal);
        foreach (var start in computed.Keys)
        {
            var path = new List<string>();
            if (FindCycle(start, start, computed, path, new HashSet<string>(StringComparer.Ordinal)) && path.All(reported.Add))
                Report(DiagnosticCodes.ComputedCycle, computed[start].Value!.Span, string.Join(" → ", [start, .. path]));
        }

        foreach (var (owner, dependencies) in _expressions.Dependencies)
        {
            foreach (var dependency in dependencies.Where(d => !d.IsValue && d.Section >= 0))
            {
                var target = FieldAt(dependency.Path);
                if (target is null || !_fields.TryGetValue(target.Path, out var found))
                    continue;
                var isSection = owner.StartsWith("section:", StringComparison.Ordinal);
                if (found.Section > dependency.Section || (isSection && found.Section == dependency.Section))
                {
                    var what = isSection ? $"the condition of section '{owner[8..]}'" : $"the condition of field '{owner}'";
                    Report(DiagnosticCodes.ConditionOnLaterField, dependency.Source.Span, what, target.Path, _definition.Sections[found.Section].Id);
                }
            }
        }
    }

    private bool FindCycle(string start, string current, Dictionary<string, FieldDefinition> computed, List<string> path, HashSet<string> visited)
    {
        if (!visited.Add(current) || !_expressions.Dependencies.TryGetValue(current, out var dependencies))
            return false;
        foreach (var dependency in dependencies.Where(d => d.IsValue))
        {
            var target = FieldAt(dependency.Path)?.Path;
            if (target is null || !computed.ContainsKey(target))
                continue;
            path.Add(target);
            if (target == start || FindCycle(start, target, computed, path, visited))
                return true;
            path.RemoveAt(path.Count - 1);
        }
        return false;
    }
}
