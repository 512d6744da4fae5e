using EmploymentProcedures.Engine.Definitions;
using EmploymentProcedures.Engine.Expressions;
using EmploymentProcedures.Engine.Workflow;

namespace EmploymentProcedures.Engine.Authoring;

/// <summary>
/// Builds <see cref="Circuit.Of"/> from a definition's <c>steps:</c> alone (no procedure-specific code), following
/// the workflow's rules: a step whose <c>when:</c> fails is skipped; a parallel step closes at its quorum and
/// rejects once too many refused; the last step to close says approved or acknowledged.
/// </summary>
internal static class CircuitBuilder
{
    public static Circuit Build(ProcedureDefinition definition, IReadOnlyDictionary<string, RoleDefinition> roles, string language)
    {
        language = LocalizedText.Languages.Contains(language) ? language : "fr";
        string Word(string key) => CircuitTexts.Word(key, language);
        string RoleLabel(string role) => roles.TryGetValue(role, out var known) && known.Label is { } label ? label.Get(language) : role;

        var steps = definition.Steps;
        var success = Success(steps);
        var successId = "end." + string.Join("-or-", success.Select(s => s.Name()));
        string Entry(int index) => index >= steps.Count ? successId : (steps[index].When is null ? "steps." : "when.") + steps[index].Id;

        var nodes = new List<CircuitNode>
        {
            new()
            {
                Id = "start",
                Kind = CircuitNodeKind.Start,
                Label = Word("start"),
                DeadlineText = definition.Deadline is { } legal ? CircuitTexts.Deadline(legal, null, "legal", language) : null,
            },
        };
        var edges = new List<CircuitEdge> { new("start", Entry(0), CircuitEdgeKind.Next, Word("edge.submit")) };

        for (var i = 0; i < steps.Count; i++)
        {
            var step = steps[i];
            var id = "steps." + step.Id;
            if (step.When is { } when)
            {
                var phrase = ConditionPhrase.Say(when.Text, definition, language) ?? when.Text;
                nodes.Add(new CircuitNode { Id = "when." + step.Id, Kind = CircuitNodeKind.Condition, Label = CircuitTexts.Format("condition", language, phrase), StepId = step.Id, Expression = when.Text });
                edges.Add(new CircuitEdge("when." + step.Id, id, CircuitEdgeKind.Holds, Word("edge.yes")));
                edges.Add(new CircuitEdge("when." + step.Id, Entry(i + 1), CircuitEdgeKind.Skipped, Word("edge.skipped")));
            }

            var parallel = step.Parallel;
            nodes.Add(new CircuitNode
            {
                Id = id,
                Kind = CircuitNodeKind.Step,
                Label = step.Title?.Get(language) ?? step.Id,
                StepId = step.Id,
                Roles = step.Roles.ToList(),
                RoleText = parallel is null
                    ? CircuitTexts.Format("role", language, RoleLabel(step.Role ?? ""))
                    : parallel.Quorum >= parallel.Roles.Count
                        ? CircuitTexts.Format("parallel.all", language, CircuitTexts.Join(parallel.Roles.Select(RoleLabel), language))
                        : CircuitTexts.Format("parallel.quorum", language, CircuitTexts.Join(parallel.Roles.Select(RoleLabel), language), parallel.Quorum, parallel.Roles.Count),
                Quorum = parallel?.Quorum,
                Expression = step.When?.Text,
                DeadlineText = step.Deadline is { } deadline ? CircuitTexts.Deadline(deadline, definition.Deadline?.Calendar, "deadline", language) : null,
                Actions = step.Actions,
                ActionsText = CircuitTexts.Format("actions", language, CircuitTexts.Join(step.Actions.Select(a => CircuitTexts.Action(a, language)), language)),
            });

            var closing = step.Actions.Where(a => a is StepAction.Approve or StepAction.Acknowledge).ToList();
            if (closing.Count > 0)
            {
                var label = parallel is null
                    ? CircuitTexts.Join(closing.Select(a => CircuitTexts.Action(a, language)), language)
                    : CircuitTexts.Format("edge.quorum", language, parallel.Quorum);
                edges.Add(new CircuitEdge(id, Entry(i + 1), CircuitEdgeKind.Next, label));
            }
            if (step.Actions.Contains(StepAction.Reject))
            {
                var label = parallel is null ? CircuitTexts.Action(StepAction.Reject, language) : CircuitTexts.Format("edge.rejected", language, parallel.Roles.Count - parallel.Quorum);
                edges.Add(new CircuitEdge(id, "end.rejected", CircuitEdgeKind.Reject, label));
            }
            if (step.Actions.Contains(StepAction.RequestChanges))
                edges.Add(new CircuitEdge(id, id, CircuitEdgeKind.ChangesRequested, Word("edge.changes")));
            if (step.Actions.Contains(StepAction.Return) && i > 0)
                edges.Add(new CircuitEdge(id, "steps." + steps[i - 1].Id, CircuitEdgeKind.Return, Word("edge.return")));
        }

        nodes.Add(new CircuitNode { Id = successId, Kind = CircuitNodeKind.End, Label = Word(successId), Outcomes = success });
        if (edges.Any(e => e.Kind == CircuitEdgeKind.Reject))
            nodes.Add(new CircuitNode { Id = "end.rejected", Kind = CircuitNodeKind.End, Label = Word("end.rejected"), Outcomes = [ApplicationStatus.Rejected] });
        if (definition.Deadline is not null && definition.OnDeadline is "approve" or "reject")
        {
            var outcome = definition.OnDeadline == "approve" ? ApplicationStatus.Approved : ApplicationStatus.Rejected;
            nodes.Add(new CircuitNode { Id = "end.deadline", Kind = CircuitNodeKind.End, Label = Word("end.deadline." + definition.OnDeadline), Outcomes = [outcome] });
            edges.Add(new CircuitEdge("start", "end.deadline", CircuitEdgeKind.Deadline, Word("edge.deadline")));
        }

        var title = CircuitTexts.Format("title", language, definition.Title.Get(language));
        return new Circuit(definition.Id, language, title, Summary(nodes, language), nodes, edges);
    }

    /// <summary>
    /// How a circuit that is not rejected ends: the closing action of the last step that runs, which may be any
    /// step followed only by conditional ones (or none at all when every step is conditional).
    /// </summary>
    private static List<ApplicationStatus> Success(IReadOnlyList<StepDefinition> steps)
    {
        var last = steps.Where((_, i) => steps.Skip(i + 1).All(s => s.When is not null)).ToList();
        var approves = last.Any(s => s.Actions.Contains(StepAction.Approve));
        var acknowledges = last.Any(s => s.Actions.Contains(StepAction.Acknowledge));
        if (steps.All(s => s.When is not null))
        {
            var anyAcknowledges = steps.Any(s => s.Actions.Contains(StepAction.Acknowledge));
            approves |= !anyAcknowledges;
            acknowledges |= anyAcknowledges;
        }
        return !acknowledges ? [ApplicationStatus.Approved]
            : approves ? [ApplicationStatus.Approved, ApplicationStatus.Acknowledged]
            : [ApplicationStatus.Acknowledged];
    }

    private static string Summary(List<CircuitNode> nodes, string language)
    {
        var steps = nodes.Where(n => n.Kind == CircuitNodeKind.Step).Select(n => $"{n.Label} ({n.RoleText})").ToList();
        var ends = nodes.Where(n => n.Kind == CircuitNodeKind.End).Select(n => n.Label);
        return CircuitTexts.Format("summary", language, steps.Count, CircuitTexts.Join(steps, language), CircuitTexts.Join(ends, language));
    }
}
