using System.Text;
using EmploymentProcedures.Engine.Storage;

namespace EmploymentProcedures.Host.Components.Designer;

/// <summary>
/// "Export YAML": the draft (or else the latest published version) as a file to commit to the repository's
/// <c>procedures/</c> folder. Publishing never writes that folder: in a real deployment the definitions live
/// in git and reach the server through review and CI, so the designer hands the text back instead.
/// </summary>
internal static class DesignerEndpoints
{
    public static IEndpointRouteBuilder MapDesignerEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/designer/{id}/export", async (string id, Drafts drafts, DefinitionStore store, CancellationToken cancellationToken) =>
        {
            var text = (await drafts.GetAsync(id, cancellationToken))?.Yaml;
            if (text is null && await store.LatestAsync(id, cancellationToken) is { } latest)
                text = await store.TextAsync(id, latest.Version, cancellationToken);
            return text is null
                ? Results.NotFound()
                : Results.File(Encoding.UTF8.GetBytes(text), "application/yaml; charset=utf-8", id + ".yaml");
        }).RequireAuthorization(DesignerAccess.Policy);
        return endpoints;
    }
}
