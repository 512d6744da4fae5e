using System.Security.Cryptography;
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
        ReadAsync(id, actor, "letters", db => LettersOfAsync(db, id, cancellationToken), cancellationToken);

    /// <summary>The letters issued on application <paramref name="id"/>, oldest first (times in UTC).</summary>
    private static async Task<List<IssuedLetter>> LettersOfAsync(ProceduresDb db, Guid id, CancellationToken cancellationToken) =>
        await db.Letters.AsNoTracking()
            .Where(l => l.ApplicationId == id && l.ErasedAt == null)
            .OrderBy(l => l.AuditSequence)
            // Not the HTML: the list says what was issued, OpenIssuedAsync gives one letter's bytes.
            .Select(l => new IssuedLetter(l.Id, l.ApplicationId, l.Kind, l.Template, l.Language, l.FileName, l.Hash, l.SizeBytes, l.AuditSequence, l.IssuedAt)
            {
                VerificationCode = l.VerificationCode,
            })
            .ToListAsync(cancellationToken).ConfigureAwait(false);

    /// <summary>
    /// The HTML of letter <paramref name="issuedId"/> of the application, for someone who may see it; refusals are audited.
    /// The bytes are those issued: kept in the letter's row (or, for a letter issued before letters were kept there, in the
    /// document store under its SHA-256).
    /// </summary>
    public Task<Outcome<Stream>> OpenIssuedAsync(Guid id, Actor actor, long issuedId, CancellationToken cancellationToken = default) =>
        OpenAsync(id, actor, "open_letter " + issuedId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            db => LetterContentAsync(db, id, issuedId, cancellationToken), () => Refusal.Of(RefusalCodes.UnknownLetter), null, cancellationToken);

    /// <summary>
    /// Letter <paramref name="issuedId"/> of the application with its HTML as issued and the application's reference, for
    /// someone who may see it (the same rule and refusals as <see cref="OpenIssuedAsync"/>): what its PDF is made from.
    /// </summary>
    public async Task<Outcome<LetterToPrint>> PrintableAsync(Guid id, Actor actor, long issuedId, CancellationToken cancellationToken = default)
    {
        var what = "open_letter_pdf " + issuedId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var seen = await SeeAsync(id, actor, what, cancellationToken).ConfigureAwait(false);
        if (seen.Refusal is { } hidden)
            return Outcome.Refused<LetterToPrint>(hidden);
        IssuedLetter? letter;
        Stream? content;
        await using (var db = await _databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false))
        {
            letter = (await LettersOfAsync(db, id, cancellationToken).ConfigureAwait(false)).FirstOrDefault(l => l.Id == issuedId);
            content = letter is null ? null : await LetterContentAsync(db, id, issuedId, cancellationToken).ConfigureAwait(false);
        }
        if (letter is null || content is null)
        {
            var refusal = Refusal.Of(RefusalCodes.UnknownLetter);
            await RefuseAsync(id, actor, what, null, refusal, cancellationToken).ConfigureAwait(false);
            return Outcome.Refused<LetterToPrint>(refusal);
        }
        await using (content.ConfigureAwait(false))
        {
            using var reader = new StreamReader(content, Encoding.UTF8);
            var html = await reader.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
            return Outcome.Of(new LetterToPrint(letter, seen.Loaded!.Application.Reference ?? id.ToString("N"), html));
        }
    }

    /// <summary>The bytes of letter <paramref name="issuedId"/> of application <paramref name="id"/> (null when it has no such letter).</summary>
    private async Task<Stream?> LetterContentAsync(ProceduresDb db, Guid id, long issuedId, CancellationToken cancellationToken)
    {
        var letter = await db.Letters.AsNoTracking()
            .Where(l => l.ApplicationId == id && l.Id == issuedId && l.ErasedAt == null)
            .Select(l => new { l.Hash, l.Content })
            .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        return letter?.Content is { } html ? new MemoryStream(html, writable: false)
            : letter is null ? null
            : _documents.OpenRead(letter.Hash);
    }

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

    /// <summary>A letter an event calls for: its row (with its HTML), or the audit entry saying why there is none.</summary>
    private sealed record Issued(LetterRow? Letter, AuditEntry? Failure);

    /// <summary>The letter each of <paramref name="events"/> calls for (null for none), in the same order.</summary>
    private List<Issued?> Issue(
        ProcedureDefinition definition, Application next, Actor actor, IReadOnlyList<WorkflowEvent> events, DateOnly? due, DateOnly today, DateTime now)
    {
        var issued = new List<Issued?>(events.Count);
        foreach (var happened in events)
        {
            issued.Add(OutputFor(happened) is { } output && definition.Outputs.TryGetValue(output, out var template)
                ? Issue(definition, next, actor, happened, output, template, due, today, now)
                : null);
        }
        return issued;
    }

    /// <summary>
    /// Renders the letter <paramref name="happened"/> calls for in the applicant's language (French when the template
    /// has no version in it: only French and Arabic are required) into its row. A letter that does not render gives an
    /// audit entry saying why instead: a broken template never blocks a decision.
    /// </summary>
    /// <remarks>
    /// The HTML goes in the row itself, not in a file of the document store: a letter is a few kilobytes, and SQLite's
    /// commit then makes the transition and its letter durable with one flush of the journal instead of a second flush
    /// for a file. Its SHA-256 is still its name: what the applicant opens is byte for byte what was issued.
    /// </remarks>
    private Issued Issue(
        ProcedureDefinition definition, Application next, Actor actor, WorkflowEvent happened, string output, string template,
        DateOnly? due, DateOnly today, DateTime now)
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

        // Drawn anew each time the letter is rendered (a receipt whose forecast reference was taken is rendered again): the
        // code the row stores is always the one its HTML prints.
        var code = VerificationCode.Draw();
        var html = Encoding.UTF8.GetBytes(VerificationBlock.AddTo(((RenderResult.Rendered)result).Html, code, _portal, language));
        return new Issued(new LetterRow
        {
            ApplicationId = next.Id,
            Kind = output,
            Template = template,
            Language = language,
            FileName = FileNames.Clean($"{next.Reference ?? next.Id.ToString("N")}-{template}.{language}.html"),
            Hash = Convert.ToHexStringLower(SHA256.HashData(html)),
            SizeBytes = html.Length,
            Content = html,
            VerificationCode = code.Value,
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

/// <summary>An issued letter, its application's reference (or id for a draft) and its HTML as issued: what its PDF is made from.</summary>
public sealed record LetterToPrint(IssuedLetter Letter, string Reference, string Html)
{
    /// <summary>The PDF's name: the HTML's without its language, <c>TAE-2026-000042-decision-approved.pdf</c>.</summary>
    public string PdfFileName => LetterFileNames.Pdf(Letter);
}

/// <summary>The names a letter is saved under.</summary>
public static class LetterFileNames
{
    /// <summary><c>TAE-2026-000042-decision-approved.pdf</c> for <c>TAE-2026-000042-decision-approved.fr.html</c>.</summary>
    public static string Pdf(IssuedLetter letter)
    {
        ArgumentNullException.ThrowIfNull(letter);
        var suffix = "." + letter.Language + ".html";
        var stem = letter.FileName.EndsWith(suffix, StringComparison.OrdinalIgnoreCase) ? letter.FileName[..^suffix.Length]
            : Path.GetFileNameWithoutExtension(letter.FileName);
        return stem + ".pdf";
    }
}

/// <summary>A letter issued on an application: its HTML opens with <see cref="Applications.OpenIssuedAsync"/>.</summary>
/// <param name="Kind">The output it answers: <c>receipt</c>, <c>approved</c>, <c>rejected</c>, <c>changes_requested</c>, <c>acknowledged</c>.</param>
/// <param name="FileName">A name to save it under: <c>STV-2026-000001-receipt.ar.html</c>.</param>
/// <param name="Hash">SHA-256 of the HTML, hex: what <see cref="Applications.OpenIssuedAsync"/> gives has exactly this hash.</param>
/// <param name="AuditSequence">The audit entry of the event it reports.</param>
/// <param name="IssuedAt">UTC.</param>
public sealed record IssuedLetter(long Id, Guid ApplicationId, string Kind, string Template, string Language, string FileName, string Hash, long SizeBytes, long AuditSequence, DateTime IssuedAt)
{
    /// <summary>The code printed on it for third parties (<see cref="Templates.VerificationCode.Value"/>); null for a letter issued before letters carried one.</summary>
    public string? VerificationCode { get; init; }
}
