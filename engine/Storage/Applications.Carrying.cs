using EmploymentProcedures.Engine.Definitions;
using EmploymentProcedures.Engine.Expressions;
using EmploymentProcedures.Engine.Validation;
using EmploymentProcedures.Engine.Workflow;
using Microsoft.EntityFrameworkCore;

namespace EmploymentProcedures.Engine.Storage;

public sealed partial class Applications
{
    /// <summary>The validation code of an empty required field: what a carried section may still lack, unlike a wrong value.</summary>
    private const string RequiredCode = "required";

    /// <summary>
    /// "Tell us once": <paramref name="draft"/>, just started on <paramref name="definition"/>, with each section that includes a
    /// fragment describing the applicant (<see cref="SectionDefinition.Carried"/>) filled from its owner's most recently submitted
    /// application (any procedure, any status, never an erased one nor a draft) whose definition carried the same fragment and
    /// answered it. Only the fragment's own fields that both versions of it have are taken, and only answers the new field
    /// accepts: the draft's definition validates them (type, choices, formats, bounds) and prunes the hidden fields, and what it
    /// refuses stays empty. A section hidden until the applicant answers something is filled all the same, with what would be
    /// valid once it shows. Each section filled is recorded in <see cref="Application.Carried"/> with the reference and date it
    /// came from. Nothing is ever read from another owner's applications.
    /// </summary>
    private async Task<Application> CarryAsync(ProceduresDb db, ProcedureDefinition definition, Application draft, CancellationToken cancellationToken)
    {
        var wanted = definition.Sections.Where(s => s.Carried).ToList();
        if (wanted.Count == 0)
            return draft;

        var owner = draft.OwnerId;
        var sources = await db.Applications.AsNoTracking()
            .Where(a => a.OwnerId == owner && a.Status != DraftStatus && a.ErasedAt == null && a.SubmittedOn != null && a.Reference != null)
            .Select(a => new
            {
                a.Id,
                a.ProcedureId,
                a.DefinitionVersion,
                a.Reference,
                a.SubmittedOn,
                // The audit's order is the order things happened in: the last (re)submission tells which is the most recent.
                Last = db.Audit.Where(e => e.ApplicationId == a.Id && (e.Kind == WorkflowEvents.Submitted || e.Kind == WorkflowEvents.Resubmitted))
                    .Max(e => (long?)e.Sequence),
            })
            .ToListAsync(cancellationToken).ConfigureAwait(false);

        var answers = draft.Answers;
        var carried = new List<CarriedSection>();
        foreach (var source in sources.OrderByDescending(s => s.Last ?? 0).ThenByDescending(s => s.SubmittedOn))
        {
            if (wanted.Count == 0)
                break;
            if (await SourceDefinitionAsync(db, source.ProcedureId, source.DefinitionVersion, cancellationToken).ConfigureAwait(false) is not { } earlier)
                continue;
            var json = await db.Applications.AsNoTracking().Where(a => a.Id == source.Id).Select(a => a.Answers)
                .FirstAsync(cancellationToken).ConfigureAwait(false);
            var given = Answers.ParseJson(json);
            foreach (var section in wanted.ToList())
            {
                if (Carry(section, earlier, given) is not { Count: > 0 } values)
                    continue;
                answers = answers.With(section.Id, Answers.From(values));
                carried.Add(new CarriedSection(section.Id, source.Reference!, source.SubmittedOn!.Value));
                wanted.Remove(section);
            }
        }
        if (carried.Count == 0)
            return draft;

        answers = Accepted(definition, answers, new EvaluationContext(Today));
        // A section all of whose answers the new definition refused or hides was not filled after all.
        carried.RemoveAll(c => answers[c.Section] is not Answers kept || FieldCheck.IsEmpty(kept));
        return draft with { Answers = answers, Carried = carried };
    }

    /// <summary>The definition an earlier application runs on; null when it no longer loads (it is then not a source).</summary>
    private async Task<ProcedureDefinition?> SourceDefinitionAsync(ProceduresDb db, string procedureId, int version, CancellationToken cancellationToken)
    {
        try
        {
            return await _definitions.GetAsync(db, procedureId, version, cancellationToken).ConfigureAwait(false);
        }
        catch (InvalidOperationException)
        {
            // A version the current library no longer loads: the fragment it used cannot be told apart, so nothing is taken from it.
            return null;
        }
    }

    /// <summary>
    /// The answers of <paramref name="section"/>'s fragment fields that <paramref name="given"/> has in a carried section of
    /// <paramref name="earlier"/> including the same fragment, by field id; null when it has none.
    /// </summary>
    private static Dictionary<string, object?>? Carry(SectionDefinition section, ProcedureDefinition earlier, Answers given)
    {
        foreach (var from in earlier.Sections.Where(s => s.Carried && s.Include == section.Include))
        {
            if (given[from.Id] is not Answers old)
                continue;
            var before = from.Fields.Where(f => f.IncludedFrom is not null && f.IsInput).Select(f => f.Id).ToHashSet(StringComparer.Ordinal);
            var values = section.Fields
                .Where(f => f.IncludedFrom is not null && f.IsInput && before.Contains(f.Id) && !FieldCheck.IsEmpty(old[f.Id]))
                .ToDictionary(f => f.Id, f => old[f.Id], StringComparer.Ordinal);
            if (values.Count > 0)
                return values;
        }
        return null;
    }

    /// <summary>
    /// <paramref name="answers"/> without what the definition hides or refuses: every field with an error other than being
    /// empty and required is emptied, then the answers are pruned again (an emptied choice may hide a field), until none is left.
    /// A carried section's own condition is set aside: its answers are kept if they would be valid once it shows.
    /// </summary>
    private static Answers Accepted(ProcedureDefinition definition, Answers answers, EvaluationContext context)
    {
        // A carried section hidden until the applicant answers something (a proxy's identity, a separate site) is checked as
        // the form will show it: filled with what would be valid then, kept while hidden (saving keeps hidden answers; the
        // submission leaves out what is still hidden), so it shows filled the moment it appears.
        definition = definition with { Sections = [.. definition.Sections.Select(s => s.Carried && s.Visible is not null ? s with { Visible = null } : s)] };
        var current = VisibleAnswers.Prune(definition, answers, context);
        while (true)
        {
            var refused = SubmissionValidator.Validate(definition, new Submission(current, []), context).Errors
                .Where(e => e.Code != RequiredCode)
                .Select(e => FieldOf(definition, e.Path))
                .OfType<(string Section, string Field)>()
                .Where(f => current[f.Section] is Answers section && section.ContainsKey(f.Field))
                .Distinct()
                .ToList();
            if (refused.Count == 0)
                return current;
            foreach (var (section, field) in refused)
                current = current.With(section, ((Answers)current[section]!).With(field, null));
            current = VisibleAnswers.Prune(definition, current, context);
        }
    }

    /// <summary>The carried section and its field that an error's path (<c>employer.address.city</c>, <c>employer.ice</c>) is about.</summary>
    private static (string Section, string Field)? FieldOf(ProcedureDefinition definition, string path)
    {
        var parts = path.Split('.', 3);
        if (parts.Length < 2 || !definition.Sections.Any(s => s.Carried && s.Id == parts[0]))
            return null;
        var field = parts[1];
        var row = field.IndexOf('[', StringComparison.Ordinal);
        return (parts[0], row < 0 ? field : field[..row]);
    }
}
