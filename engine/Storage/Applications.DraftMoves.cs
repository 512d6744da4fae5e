using System.Globalization;
using EmploymentProcedures.Engine.Definitions;
using EmploymentProcedures.Engine.Expressions;
using EmploymentProcedures.Engine.Workflow;
using Microsoft.EntityFrameworkCore;

namespace EmploymentProcedures.Engine.Storage;

/// <summary>
/// A draft follows its procedure's latest version: an application is filed under the rules in force when it is submitted.
/// A draft whose version is older than the latest published one is moved to it (<see cref="DraftCarry"/>) by the next
/// command on it, in that command's transaction and over the version it read; a submitted file stays on its version, the
/// legal record of what it was filed under.
/// </summary>
public sealed partial class Applications
{
    /// <summary>
    /// Moves a draft of <paramref name="actor"/>'s to its procedure's latest published version when a newer one exists: what
    /// the form and the review call before they read it, so the applicant fills in and checks the version they will submit
    /// under. Nothing is written for an application that is not a draft or is already on the latest version.
    /// </summary>
    public Task<WorkflowResult> FollowLatestAsync(Guid id, Actor actor, CancellationToken cancellationToken = default) =>
        RunAsync(id, actor, null, null, cancellationToken);

    /// <summary>The application as a command on it sees it: a draft behind its procedure's latest version is moved to it (not yet written).</summary>
    private async Task<Loaded?> LoadForCommandAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var db = await _databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await LoadForCommandAsync(db, id, cancellationToken).ConfigureAwait(false);
    }

    /// <remarks>
    /// The latest version is read from the database in the command's own context, not from this instance's catalogue: an
    /// instance learns of another's publication only at its next refresh, and a draft must not be submitted under rules a
    /// publication has already replaced.
    /// </remarks>
    private async Task<Loaded?> LoadForCommandAsync(ProceduresDb db, Guid id, CancellationToken cancellationToken)
    {
        var loaded = await LoadAsync(db, id, cancellationToken).ConfigureAwait(false);
        if (loaded is null || loaded.Application.Status != ApplicationStatus.Draft)
            return loaded;
        var draft = loaded.Application;
        if (await DefinitionStore.LatestVersionAsync(db, draft.ProcedureId, cancellationToken).ConfigureAwait(false) is not { } latest
            || latest.Version <= draft.DefinitionVersion
            || await _definitions.GetAsync(db, draft.ProcedureId, latest.Version, cancellationToken).ConfigureAwait(false) is not { } definition)
        {
            return loaded;
        }
        return Moved(loaded, definition, latest.Version, latest.PublishedAt);
    }

    /// <summary><paramref name="loaded"/>'s draft carried to <paramref name="to"/>, version <paramref name="version"/>, with the event that records it.</summary>
    private Loaded Moved(Loaded loaded, ProcedureDefinition to, int version, DateTime publishedAt)
    {
        var draft = loaded.Application;
        var carried = DraftCarry.Carry(loaded.Definition, to, draft.Answers, draft.Documents, new EvaluationContext(Today));
        var move = carried.Move(draft.DefinitionVersion, version, publishedAt);
        var moved = draft with
        {
            DefinitionVersion = version,
            DefinitionHash = to.ContentHash,
            Answers = carried.Answers,
            Documents = carried.Documents,
            Moved = draft.Moved is { } earlier ? earlier.Then(move) : move,
        };
        // The audit names what went, and what the new version now asks, by field path and document id, never an answer: the
        // entry outlives the draft. The applicant's timeline tells it from these items (the version's day, what is to complete).
        List<string> items =
        [
            $"version {draft.DefinitionVersion} to {version}",
            "published " + TimeZoneInfo.ConvertTimeFromUtc(publishedAt, _clock.LocalTimeZone).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            .. carried.DroppedAnswers.Select(p => "answer " + p),
            .. carried.DroppedDocuments.Select(d => "document " + d),
            .. carried.RequiredFields.Select(p => "required " + p),
            .. carried.RequiredDocuments.Select(d => "required document " + d),
        ];
        return new Loaded(moved, to)
        {
            Row = loaded.Row,
            Unmoved = draft,
            MovedFrom = loaded.Definition,
            Move = new WorkflowEvent(StorageEvents.DraftMoved, ApplicationStatus.Draft, ApplicationStatus.Draft, Items: items),
        };
    }

    /// <summary>
    /// Forgets the notice of a move once the applicant has read it (<see cref="Application.Moved"/>): their own draft only,
    /// and only the move they saw (<paramref name="toVersion"/>), so a later move is still told. The draft's version is left
    /// alone: a save the form is about to make from it is not refused as stale. False when there was nothing to forget.
    /// </summary>
    public async Task<bool> DismissMoveAsync(Guid id, Actor actor, int toVersion, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        try
        {
            await using var db = await _databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
            var row = await StoredRow.For(db)(db, id, cancellationToken).ConfigureAwait(false);
            if (row?.Moved is null || row.OwnerId != actor.UserId || actor.Kind != RoleKind.Applicant
                || Rows.ApplicationJson.ReadMoved(row.Moved)?.ToVersion != toVersion)
            {
                return false;
            }
            var seen = row.Moved;
            return await db.Applications
                .Where(a => a.Id == id && a.OwnerId == actor.UserId && a.Moved == seen)
                .ExecuteUpdateAsync(s => s.SetProperty(a => a.Moved, (string?)null), cancellationToken).ConfigureAwait(false) == 1;
        }
        catch (Exception e) when (StorageErrors.IsBusy(e))
        {
            return false;
        }
    }
}
