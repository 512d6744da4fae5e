using EmploymentProcedures.Engine.Definitions;
using EmploymentProcedures.Engine.Templates;
using EmploymentProcedures.Engine.Workflow;
using Microsoft.EntityFrameworkCore;

namespace EmploymentProcedures.Engine.Storage;

public sealed partial class Applications
{
    /// <summary>
    /// The letter whose verification code is <paramref name="typed"/> (as a person typed it: <see cref="VerificationCode.TryParse"/>),
    /// for anyone holding it: no account, no actor, nothing audited. Null for a text that is no code and for a code no letter
    /// has, alike. It tells what the letter itself tells (procedure, reference, kind, date, the HTML as issued) and no more:
    /// after the application's erasure, only that such a letter was issued and when its content was erased.
    /// </summary>
    public async Task<CheckedLetter?> CheckLetterAsync(string? typed, CancellationToken cancellationToken = default)
    {
        if (!VerificationCode.TryParse(typed, out var code))
            return null;
        await using var db = await _databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var found = await db.Letters.AsNoTracking()
            .Where(l => l.VerificationCode == code.Value)
            .Join(db.Applications, l => l.ApplicationId, a => a.Id, (l, a) => new
            {
                l.Kind, l.Language, l.IssuedAt, l.Content, l.ErasedAt, a.ProcedureId, a.DefinitionVersion, a.Reference, a.Status,
            })
            .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        if (found is null)
            return null;
        var definition = await _definitions.GetAsync(found.ProcedureId, found.DefinitionVersion, cancellationToken).ConfigureAwait(false);
        return new CheckedLetter(code, found.Kind, found.Language, DateTime.SpecifyKind(found.IssuedAt, DateTimeKind.Utc), found.ProcedureId,
            definition?.Title, found.Reference ?? "", found.Content,
            found.ErasedAt is { } erased ? DateTime.SpecifyKind(erased, DateTimeKind.Utc) : null)
        {
            FinalDecision = DecisionOf(found.Kind) is { } decided && ApplicationStatuses.ByName[found.Status] == decided,
        };
    }

    /// <summary>The final status a decision letter announces; null for a receipt or a request for changes.</summary>
    private static ApplicationStatus? DecisionOf(string kind) => kind switch
    {
        "approved" => ApplicationStatus.Approved,
        "rejected" => ApplicationStatus.Rejected,
        "acknowledged" => ApplicationStatus.Acknowledged,
        _ => null,
    };
}

/// <summary>A letter found by its verification code (<see cref="Applications.CheckLetterAsync"/>).</summary>
/// <param name="Kind">The output it answered: <c>receipt</c>, <c>approved</c>, <c>rejected</c>, <c>changes_requested</c>, <c>acknowledged</c>.</param>
/// <param name="Language">The language it was written in.</param>
/// <param name="IssuedAt">UTC.</param>
/// <param name="ProcedureTitle">The title of the definition version the application was made under (null if that version cannot be read).</param>
/// <param name="Content">The HTML as issued, byte for byte; null once erased.</param>
/// <param name="ErasedAt">When the application's personal data, this letter's content with it, was erased (UTC).</param>
public sealed record CheckedLetter(
    VerificationCode Code, string Kind, string Language, DateTime IssuedAt, string ProcedureId, LocalizedText? ProcedureTitle, string Reference,
    byte[]? Content, DateTime? ErasedAt)
{
    /// <summary>
    /// A decision letter (approval, rejection, acknowledgement) whose application is in the status it announced: the
    /// decision no later one replaced. False for receipts and requests for changes, which say nothing of the outcome.
    /// </summary>
    public bool FinalDecision { get; init; }
}
