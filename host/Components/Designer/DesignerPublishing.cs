using EmploymentProcedures.Engine.Diagnostics;
using EmploymentProcedures.Engine.Loading;
using EmploymentProcedures.Engine.Storage;
using EmploymentProcedures.Engine.Workflow;
using EmploymentProcedures.Host.Catalog;

namespace EmploymentProcedures.Host.Components.Designer;

/// <summary>
/// The designer's "publish", checked on the server whatever the page showed: only an analyst publishes; the exact
/// text is linted again; a clean text becomes the procedure's next version in the store (audited with the
/// analyst's name) and is served at once, with no restart. Applications in progress stay on their version.
/// </summary>
internal static class DesignerPublishing
{
    public static async Task<Publication> PublishAsync(
        string id, string text, Actor? actor, DefinitionStore store, PublishedCatalog served, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(served);
        if (!DesignerAccess.MayPublish(actor))
            return Publication.NotAllowed;
        var result = new ProcedureLoader(served.Catalog.Library).LoadText(text, id + ".yaml");
        if (result.HasErrors)
            return new Publication(null, result.Diagnostics);
        var published = await store.PublishAsync(result.Definition!, text, actor, cancellationToken).ConfigureAwait(false);
        served.Serve((published.Definition, published.Version));
        return new Publication(published, result.Diagnostics);
    }
}

/// <summary>What publishing gave: the version published (or the same text's, already published) and the lint's findings; no version when refused.</summary>
internal sealed record Publication(PublishedDefinition? Published, IReadOnlyList<Diagnostic> Diagnostics)
{
    /// <summary>Refused before the text was read: the person is not an analyst.</summary>
    public static readonly Publication NotAllowed = new(null, []);
}
