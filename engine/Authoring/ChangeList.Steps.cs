using EmploymentProcedures.Engine.Definitions;

namespace EmploymentProcedures.Engine.Authoring;

internal sealed partial class ChangeList
{
    /// <summary>
    /// The circuit: steps matched by id, and a step that lost its id to a new one at the same place with the same
    /// roles is taken as renamed (one change, not a removal and an addition).
    /// </summary>
    private void Steps()
    {
        var renamed = Renamed(published.Steps, draft.Steps);
        string Key(StepDefinition step) => renamed.GetValueOrDefault(step.Id, step.Id);
        var moved = Moved(published.Steps.Select(Key).ToList(), draft.Steps.Select(s => s.Id).ToList());

        foreach (var (old, now) in Pair(published.Steps, draft.Steps, Key))
        {
            var path = "steps." + (now ?? old)!.Id;
            if (old is null || now is null)
            {
                var step = (now ?? old)!;
                var added = old is null;
                Add(ChangeArea.Step, added ? ChangeKind.Added : ChangeKind.Removed, path, new PropertyList()
                        .Describe("role", step.Role, added)
                        .Describe("parallel.roles", PropertyList.Join(step.Parallel?.Roles ?? []), added)
                        .Describe("when", step.When?.Text, added),
                    added ? null : ChangeReasons.Of(ChangeReasons.StepRemoved, step.Id));
                continue;
            }

            var lost = old.Parallel is null ? [] : old.Parallel.Roles.Except(now.Roles, StringComparer.Ordinal).ToList();
            var properties = new PropertyList()
                .Add("id", old.Id, now.Id, ChangeReasons.Of(ChangeReasons.StepRenamed, old.Id, now.Id))
                .Add("role", old.Role, now.Role)
                .Add("parallel.roles", PropertyList.Join(old.Parallel?.Roles ?? []), PropertyList.Join(now.Parallel?.Roles ?? []),
                    lost.Count > 0 ? ChangeReasons.Of(ChangeReasons.OpinionsLost, string.Join(", ", lost)) : null)
                .Add("parallel.quorum", old.Parallel?.Quorum, now.Parallel?.Quorum)
                .Add("when", old.When?.Text, now.When?.Text)
                .Add("deadline", PropertyList.Text(old.Deadline), PropertyList.Text(now.Deadline))
                .Add("actions", PropertyList.Join(old.Actions.Select(a => a.Name())), PropertyList.Join(now.Actions.Select(a => a.Name())))
                .Add("territorial", Flag(old.Territorial), Flag(now.Territorial))
                .Add("external", Flag(old.External), Flag(now.External));
            if (moved.Contains(now.Id))
            {
                properties.Add("position", published.Steps.ToList().IndexOf(old) + 1, draft.Steps.ToList().IndexOf(now) + 1,
                    ChangeReasons.Of(ChangeReasons.StepMoved, now.Id));
            }
            properties.Texts("title", old.Title, now.Title);
            Add(ChangeArea.Step, ChangeKind.Changed, path, properties);

            foreach (var (before, after) in Pair(ReviewerFields(old, now.Id), ReviewerFields(now, now.Id), f => f.Path))
                Field(before, after, reviewer: true);
        }
    }

    /// <summary>Old id → new id of each step renamed: gone from the draft, and the draft's step at its place is new and has its roles.</summary>
    private static Dictionary<string, string> Renamed(IReadOnlyList<StepDefinition> old, IReadOnlyList<StepDefinition> now)
    {
        var oldIds = old.Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
        var newIds = now.Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
        var renamed = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < Math.Min(old.Count, now.Count); i++)
        {
            if (!newIds.Contains(old[i].Id) && !oldIds.Contains(now[i].Id) && old[i].Roles.SequenceEqual(now[i].Roles, StringComparer.Ordinal))
                renamed[old[i].Id] = now[i].Id;
        }
        return renamed;
    }

    /// <summary>A step's fields, named <c>steps.&lt;step&gt;.&lt;field&gt;</c> after the step as the draft calls it (their own paths start with the step's id).</summary>
    private static IEnumerable<PlacedField> ReviewerFields(StepDefinition step, string shownAs) =>
        step.Fields.SelectMany(Flatten).Select(f => new PlacedField(shownAs, $"steps.{shownAs}.{f.Path[(f.Path.StartsWith(step.Id + ".", StringComparison.Ordinal) ? step.Id.Length + 1 : 0)..]}", f));

    private static string? Flag(bool? value) => value switch
    {
        true => "true",
        false => "false",
        null => null,
    };
}
