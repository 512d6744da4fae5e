using System.Text;
using EmploymentProcedures.Engine.Definitions;
using EmploymentProcedures.Engine.Storage.Rows;
using EmploymentProcedures.Engine.Templates;
using EmploymentProcedures.Engine.Workflow;
using Microsoft.EntityFrameworkCore;

namespace EmploymentProcedures.Engine.Storage;

public sealed partial class Applications
{
    /// <summary>What a decision by the deadline says in place of a reviewer's comment.</summary>
    private static readonly LocalizedText TacitDecision = LocalizedText.Of(
        "Décision réputée prise à l'expiration du délai légal de traitement, sans réponse de l'administration dans ce délai.",
        "قرار يعتبر متخذا بانقضاء الأجل القانوني للمعالجة دون جواب من الإدارة داخل هذا الأجل.",
        "Decision deemed taken when the legal processing time ran out without an answer from the administration.");

    /// <summary>The letters issued on the application, oldest first, for someone who may see it (the owner, its reviewers, staff).</summary>
    public Task<Outcome<IReadOnlyList<IssuedLetter>>> IssuedAsync(Guid id, Actor actor, CancellationToken cancellationToken = default) =>
        ReadAsync(id, actor, "letters", async db => (await db.Letters.AsNoTracking()
                .Where(l => l.ApplicationId == id)
                .OrderBy(l => l.AuditSequence)
                .ToListAsync(cancellationToken).ConfigureAwait(false))
            .Select(IssuedLetter.From).ToList(), cancellationToken);

    /// <summary>The HTML of letter <paramref name="issuedId"/> of the application, for someone who may see it; refusals are audited.</summary>
    public Task<Outcome<Stream>> OpenIssuedAsync(Guid id, Actor actor, long issuedId, CancellationToken cancellationToken = default) =>
        OpenStoredAsync(id, actor, "open_letter " + issuedId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            db => db.Letters.AsNoTracking().Where(l => l.ApplicationId == id && l.Id == issuedId).Select(l => l.Hash).FirstOrDefaultAsync(cancellationToken),
            () => Refusal.Of(RefusalCodes.UnknownLetter), cancellationToken);

    /// <summary>The definition's output that <paramref name="happened"/> calls for, if any.</summary>
    private static string? OutputFor(WorkflowEvent happened) => happened.Kind switch
    {
        WorkflowEvents.Submitted => "receipt",
        WorkflowEvents.ChangesRequested => "changes_requested",
        WorkflowEvents.Decided => happened.To switch
        {
            ApplicationStatus.Approved => "approved",
            ApplicationStatus.Rejected => "rejected",
            ApplicationStatus.Acknowledged => "acknowledged",
            _ => null,
        },
        _ => null,
    };

    /// <summary>A letter an event calls for: its row (its file already kept), or the audit entry saying why there is none.</summary>
    private sealed record Issued(LetterRow? Letter, AuditEntry? Failure);

    /// <summary>The letter each of <paramref name="events"/> calls for (null for none), in the same order, their files in the document store.</summary>
    private async Task<List<Issued?>> IssueAsync(
        ProcedureDefinition definition, Application next, Actor actor, IReadOnlyList<WorkflowEvent> events, DateOnly? due, DateOnly today, DateTime now, CancellationToken cancellationToken)
    {
        var issued = new List<Issued?>(events.Count);
        foreach (var happened in events)
        {
            issued.Add(OutputFor(happened) is { } output && definition.Outputs.TryGetValue(output, out var template)
                ? await IssueAsync(definition, next, actor, happened, output, template, due, today, now, cancellationToken).ConfigureAwait(false)
                : null);
        }
        return issued;
    }

    /// <summary>
    /// Renders the letter <paramref name="happened"/> calls for in the applicant's language (French when the template
    /// has no version in it: only French and Arabic are required) and keeps its HTML in the document store. A letter
    /// that does not render gives an audit entry saying why instead: a broken template never blocks a decision.
    /// </summary>
    private async Task<Issued> IssueAsync(
        ProcedureDefinition definition, Application next, Actor actor, WorkflowEvent happened, string output, string template,
        DateOnly? due, DateOnly today, DateTime now, CancellationToken cancellationToken)
    {
        var language = _templates.LanguagesOf(template).Contains(next.Language, StringComparer.Ordinal) ? next.Language : "fr";
        RenderResult result;
        try
        {
            var model = DocumentModel.Build(definition, next.Answers, next.Documents.Select(d => d.DocumentId).Distinct().ToList(), language,
                Facts(definition, next, actor, happened, due, today, language), _roles, today);
            result = _renderer.Render(template, model);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The letter's model is built from stored answers; whatever breaks there must not undo a legal transition.
            result = new RenderResult.Failed(template, language, $"the letter's model could not be built: {e.Message}");
        }

        if (result is RenderResult.Failed failed)
        {
            return new Issued(null, Audited(next.Id, actor, StorageEvents.LetterNotIssued, happened.Step, output, failed.Message, $"{template}.{language}"));
        }

        var html = Encoding.UTF8.GetBytes(((RenderResult.Rendered)result).Html);
        var stored = await _documents.KeepAsync(html, "html", cancellationToken).ConfigureAwait(false);
        return new Issued(new LetterRow
        {
            ApplicationId = next.Id,
            Kind = output,
            Template = template,
            Language = language,
            FileName = FileNames.Clean($"{next.Reference ?? next.Id.ToString("N")}-{template}.{language}.html"),
            Hash = stored.Hash,
            SizeBytes = stored.SizeBytes,
            IssuedAt = now,
        }, null);
    }

    /// <summary>What the letter of <paramref name="happened"/> prints besides the answers.</summary>
    private static ApplicationFacts Facts(ProcedureDefinition definition, Application next, Actor actor, WorkflowEvent happened, DateOnly? due, DateOnly today, string language)
    {
        var facts = new ApplicationFacts(next.Reference ?? "", next.SubmittedOn ?? today, next.ApplicantName,
            happened.Kind == WorkflowEvents.Submitted ? "submitted" : happened.To.Name())
        {
            DueOn = due,
        };
        if (happened.Kind == WorkflowEvents.Submitted)
            return facts;

        var action = happened.Kind == WorkflowEvents.ChangesRequested ? StepAction.RequestChanges
            : happened.To == ApplicationStatus.Rejected ? StepAction.Reject
            : happened.To == ApplicationStatus.Acknowledged ? StepAction.Acknowledge
            : StepAction.Approve;
        // A decision without a step is a submission that no step had to review; the last step speaks for the circuit.
        var step = happened.Step ?? definition.Steps[^1].Id;
        var comment = actor.IsSystem ? TacitDecision.Get(language) : happened.Comment;
        return facts with
        {
            Decision = new DecisionFacts(step, action, today, comment, actor.Kind == RoleKind.Reviewer ? actor.Role : null),
            Reopened = action == StepAction.RequestChanges ? happened.Items ?? [] : [],
            ReviewerMessage = action == StepAction.RequestChanges ? happened.Comment : null,
        };
    }
}

/// <summary>A letter issued on an application: its HTML opens with <see cref="Applications.OpenIssuedAsync"/>.</summary>
/// <param name="Kind">The output it answers: <c>receipt</c>, <c>approved</c>, <c>rejected</c>, <c>changes_requested</c>, <c>acknowledged</c>.</param>
/// <param name="FileName">A name to save it under: <c>STV-2026-000001-receipt.ar.html</c>.</param>
/// <param name="Hash">SHA-256 of the HTML, hex: the letter's name in the document store.</param>
/// <param name="AuditSequence">The audit entry of the event it reports.</param>
/// <param name="IssuedAt">UTC.</param>
public sealed record IssuedLetter(long Id, Guid ApplicationId, string Kind, string Template, string Language, string FileName, string Hash, long SizeBytes, long AuditSequence, DateTime IssuedAt)
{
    internal static IssuedLetter From(LetterRow l) =>
        new(l.Id, l.ApplicationId, l.Kind, l.Template, l.Language, l.FileName, l.Hash, l.SizeBytes, l.AuditSequence, DateTime.SpecifyKind(l.IssuedAt, DateTimeKind.Utc));
}
