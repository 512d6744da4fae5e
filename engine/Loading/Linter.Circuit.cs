using EmploymentProcedures.Engine.Definitions;
using EmploymentProcedures.Engine.Diagnostics;

namespace EmploymentProcedures.Engine.Loading;

internal sealed partial class Linter
{
    private void CheckDocumentsAndRules()
    {
        foreach (var rule in _definition.Rules)
        {
            if (rule.Field.Length > 0 && FieldAt(rule.Field) is null)
                Report(DiagnosticCodes.UnknownFieldReference, rule.FieldSpan, $"rule '{rule.Id}'", rule.Field, Suggestions.DidYouMean(rule.Field, _fields.Keys));
        }

        if (_definition.Routing is { } routing)
        {
            var span = _definition.RoutingSpan ?? _definition.Span;
            var field = FieldAt(routing);
            if (field is null)
                Report(DiagnosticCodes.UnknownFieldReference, span, "routing", routing, Suggestions.DidYouMean(routing, _fields.Keys));
            else if (field.Type is not (FieldType.Province or FieldType.Address))
                Report(DiagnosticCodes.RoutingNotTerritorial, span, routing, field.Type.ToString().ToLowerInvariant());
        }

        if (_definition.Deadline is { Calendar: null } deadline)
            Report(DiagnosticCodes.DeadlineWithoutCalendar, deadline.Span, "the legal", deadline.Days);
        if (_definition.OnDeadline is "approve" or "reject" && _definition.Deadline is null)
            Report(DiagnosticCodes.SilenceWithoutDeadline, _definition.SpanOf("on_deadline"), _definition.OnDeadline);
    }

    private void CheckSteps()
    {
        var reviewers = _library.Roles.Values.Where(r => r.Kind == RoleKind.Reviewer).Select(r => r.Id).ToList();
        for (var i = 0; i < _definition.Steps.Count; i++)
        {
            var step = _definition.Steps[i];
            if (step.Role is null && step.Parallel is null)
                Report(DiagnosticCodes.NoActionableRole, step.Span, step.Id);
            if (step.Role is not null && step.Parallel is not null)
                Report(DiagnosticCodes.BothRoleAndParallel, step.Span, step.Id);

            foreach (var role in step.Roles)
            {
                if (_library.Roles.Count == 0)
                    break;
                if (!_library.Roles.TryGetValue(role, out var known))
                    Report(DiagnosticCodes.UnknownRole, step.Span, $"step '{step.Id}'", role, Suggestions.DidYouMean(role, reviewers));
                else if (known.Kind != RoleKind.Reviewer)
                    Report(DiagnosticCodes.NotAReviewerRole, step.Span, step.Id, role, known.Kind == RoleKind.Applicant ? "an applicant" : "a staff");
            }

            if (step.Parallel is { UnknownQuorum: { } written } unknown)
                Report(DiagnosticCodes.UnknownQuorum, unknown.Span, step.Id, written, unknown.Roles.Count);
            else if (step.Parallel is { } parallel && (parallel.Quorum < 1 || parallel.Quorum > parallel.Roles.Count))
                Report(DiagnosticCodes.ImpossibleQuorum, parallel.Span, step.Id, parallel.Quorum, parallel.Roles.Count);
            CheckFieldRoles(step);

            if (step.When is { Text: "false" })
                Report(DiagnosticCodes.ConstantFalseStep, step.When.Span, step.Id);

            if (step.Deadline is { Calendar: null } deadline && _definition.Deadline?.Calendar is null)
                Report(DiagnosticCodes.DeadlineWithoutCalendar, deadline.Span, $"step '{step.Id}'", deadline.Days);

            if (i == 0 && step.Actions.Contains(StepAction.Return))
                Report(DiagnosticCodes.ReturnOnFirstStep, step.Span, step.Id);

            var movesOn = step.Actions.Contains(StepAction.Approve) || step.Actions.Contains(StepAction.Acknowledge);
            if (!movesOn && i < _definition.Steps.Count - 1)
                Report(DiagnosticCodes.UnreachableStep, _definition.Steps[i + 1].Span, _definition.Steps[i + 1].Id, step.Id);
        }

        CheckFormFieldRoles();
        if (_definition.Steps.Count > 0)
        {
            var last = _definition.Steps[^1];
            if (!last.Actions.Any(a => a is StepAction.Approve or StepAction.Acknowledge or StepAction.Reject))
                Report(DiagnosticCodes.NoFinalStep, last.Span, last.Id);
        }
    }

    /// <summary>
    /// <c>role:</c> on a field gives it to one role of a parallel step: never on the form's fields, on a step with one
    /// role or inside a group (a row belongs to its group's owner), and only one of the step's own roles.
    /// </summary>
    private void CheckFieldRoles(StepDefinition step)
    {
        foreach (var field in step.Fields.Where(f => f.Role is not null))
        {
            var at = field.RoleSpan ?? field.Span;
            if (step.Parallel is not { } parallel)
                Report(DiagnosticCodes.FieldRoleOutsideParallelStep, at, field.Id, field.Role, $"step '{step.Id}' is not a parallel step (it has one role)");
            else if (!parallel.Roles.Contains(field.Role!, StringComparer.Ordinal))
                Report(DiagnosticCodes.FieldRoleNotInStep, at, field.Id, step.Id, field.Role, string.Join(", ", parallel.Roles), Suggestions.DidYouMean(field.Role!, parallel.Roles));
        }
        foreach (var group in Flatten(step.Fields).Where(f => f.Type == FieldType.Group))
        {
            foreach (var row in group.Fields.Where(f => f.Role is not null))
            {
                if (step.Parallel is null)
                    Report(DiagnosticCodes.FieldRoleOutsideParallelStep, row.RoleSpan ?? row.Span, row.Path, row.Role, "it is a row of a group");
                else
                    Report(DiagnosticCodes.FieldRoleOnGroupRow, row.RoleSpan ?? row.Span, InStep(step, row), group.Id, row.Role);
            }
        }
        if (step.Parallel is not null)
        {
            var owners = new Dictionary<string, string?>(StringComparer.Ordinal);
            foreach (var field in step.Fields)
                owners.TryAdd(field.Id, field.Role);
            foreach (var field in step.Fields)
                CheckReadsOfOtherRoles(step, owners, field, field.Role, new HashSet<string>(StringComparer.Ordinal));
        }
    }

    /// <summary>
    /// Each role of a parallel step fills its own form (the shared fields and its own), so an expression of one role's
    /// field, or of a shared one, that reads a field of another role reads an answer that is not in that form. Names of
    /// a group's rows hide the step's fields of the same name inside the group, as they do when the expression runs.
    /// </summary>
    private void CheckReadsOfOtherRoles(StepDefinition step, Dictionary<string, string?> owners, FieldDefinition field, string? role, HashSet<string> hidden)
    {
        foreach (var (key, source) in ExpressionsOf(field))
        {
            foreach (var name in source.Compiled!.References.Select(r => r[0]).Distinct(StringComparer.Ordinal))
            {
                if (hidden.Contains(name) || !owners.TryGetValue(name, out var owner) || owner is null || owner == role)
                    continue;
                var filledBy = role is null ? "shared by the step's roles" : $"filled by role '{role}'";
                var readers = role is null ? "the step's other roles never see it" : $"role '{role}' never sees it";
                Report(DiagnosticCodes.FieldReadsAnotherRolesField, source.Span, InStep(step, field), step.Id, filledBy, name, key, owner, readers);
            }
        }
        if (field.Type == FieldType.Group)
        {
            var rows = new HashSet<string>(hidden, StringComparer.Ordinal);
            rows.UnionWith(field.Fields.Select(f => f.Id));
            foreach (var row in field.Fields)
                CheckReadsOfOtherRoles(step, owners, row, role, rows);
        }
    }

    /// <summary>The expressions of a field that were compiled, by the key they are written under.</summary>
    private static IEnumerable<(string Key, ExpressionSource Source)> ExpressionsOf(FieldDefinition field)
    {
        (string, ExpressionSource?)[] all = [("visible", field.Visible), ("required", field.Required.Expression), ("value", field.Value), ("min", field.Min?.Expression), ("max", field.Max?.Expression)];
        return all.Where(e => e.Item2?.Compiled is not null).Select(e => (e.Item1, e.Item2!));
    }

    /// <summary>A step field's path as the step's own form names it: <c>visits.visit_date</c> for <c>decision.visits.visit_date</c>.</summary>
    private static string InStep(StepDefinition step, FieldDefinition field) =>
        field.Path.StartsWith(step.Id + ".", StringComparison.Ordinal) ? field.Path[(step.Id.Length + 1)..] : field.Path;

    /// <summary>The form's own fields are the applicant's: none belongs to a reviewer's role.</summary>
    private void CheckFormFieldRoles()
    {
        foreach (var field in _fields.Values.Select(f => f.Field).Where(f => f.Role is not null))
            Report(DiagnosticCodes.FieldRoleOutsideParallelStep, field, field.RoleSpan ?? field.Span, field.Path, field.Role, "it is a field of the applicant's form");
    }

    private void CheckOutputs()
    {
        foreach (var (kind, template) in _definition.Outputs)
        {
            if (!_library.Templates.Contains(template))
                Report(DiagnosticCodes.UnknownTemplate, _definition.SpanOf("outputs." + kind), kind, template, Suggestions.DidYouMean(template, _library.Templates));
        }
        // A letter's own problems (EP05xx) are located in its template files and join the procedure's findings.
        foreach (var template in _definition.Outputs.Values.Distinct(StringComparer.Ordinal))
        {
            foreach (var diagnostic in _library.DocumentTemplates.DiagnosticsOf(template))
                _diagnostics.Add(diagnostic);
        }
        if (_definition.Steps.Any(s => s.Actions.Contains(StepAction.Reject)) && !_definition.Outputs.ContainsKey("rejected"))
            Report(DiagnosticCodes.RejectWithoutOutput, _definition.Span);
    }
}
