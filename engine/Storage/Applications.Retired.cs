using EmploymentProcedures.Engine.Workflow;

namespace EmploymentProcedures.Engine.Storage;

/// <summary>
/// A retired procedure (<see cref="DefinitionStore.RetireAsync"/>) takes no new application: no new draft, and a draft is
/// not submitted, whatever version it is on; an application already submitted goes on as before (changes requested
/// included: it is resubmitted, not submitted for the first time). The day of the retirement is the cut-off, as for a
/// procedure abolished by a text: what was filed before it is examined, what was not filed is not.
/// </summary>
public sealed partial class Applications
{
    /// <summary>The refusal of a new draft of <paramref name="procedureId"/> when it is retired, else null.</summary>
    private async Task<Refusal?> RetiredAsync(string procedureId, CancellationToken cancellationToken)
    {
        await using var db = await _databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await DefinitionStore.RetirementAsync(db, procedureId, cancellationToken).ConfigureAwait(false) is { } retirement
            ? _definitions.RetiredRefusal(retirement)
            : null;
    }
}
