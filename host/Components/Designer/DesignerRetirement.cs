using EmploymentProcedures.Engine.Storage;
using EmploymentProcedures.Engine.Workflow;
using EmploymentProcedures.Host.Catalog;

namespace EmploymentProcedures.Host.Components.Designer;

/// <summary>
/// The designer's "retire" and "reinstate", checked on the server whatever the page showed: only an analyst does either;
/// a retirement needs a reason. The change is stored (audited with the analyst's name) and taken by this instance's
/// catalog at once; the other instances take it at their next catalog refresh round.
/// </summary>
internal static class DesignerRetirement
{
    public static async Task<RetirementOutcome> RetireAsync(
        string id, string? reason, Actor? actor, DefinitionStore store, CatalogRefresh catalog, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(catalog);
        if (!DesignerAccess.MayPublish(actor))
            return RetirementOutcome.NotAllowed;
        reason = reason?.Trim();
        if (string.IsNullOrEmpty(reason))
            return RetirementOutcome.ReasonRequired;
        if (reason.Length > DefinitionStore.MaxReasonLength)
            return RetirementOutcome.ReasonTooLong;
        var change = await store.RetireAsync(id, actor!, reason, cancellationToken).ConfigureAwait(false);
        await catalog.TakeRetirementsAsync(cancellationToken).ConfigureAwait(false);
        return change switch
        {
            RetirementChange.Done => RetirementOutcome.Done,
            RetirementChange.NotPublished => RetirementOutcome.NotPublished,
            _ => RetirementOutcome.Unchanged,
        };
    }

    public static async Task<RetirementOutcome> ReinstateAsync(
        string id, Actor? actor, DefinitionStore store, CatalogRefresh catalog, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(catalog);
        if (!DesignerAccess.MayPublish(actor))
            return RetirementOutcome.NotAllowed;
        var change = await store.ReinstateAsync(id, actor!, cancellationToken).ConfigureAwait(false);
        await catalog.TakeRetirementsAsync(cancellationToken).ConfigureAwait(false);
        return change == RetirementChange.Done ? RetirementOutcome.Done : RetirementOutcome.Unchanged;
    }
}

/// <summary>What the designer's retire or reinstate gave.</summary>
internal enum RetirementOutcome
{
    Done,

    /// <summary>Already retired (retire) or not retired (reinstate): someone else did it first.</summary>
    Unchanged,

    /// <summary>The procedure was never published: there is nothing to retire.</summary>
    NotPublished,

    /// <summary>Refused before anything was read: the person is not an analyst.</summary>
    NotAllowed,

    ReasonRequired,
    ReasonTooLong,
}
