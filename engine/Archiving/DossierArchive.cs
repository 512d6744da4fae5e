using System.Globalization;
using EmploymentProcedures.Engine.Workflow;
using System.Text.Json;
using EmploymentProcedures.Engine.Reporting;

namespace EmploymentProcedures.Engine.Archiving;

/// <summary>
/// Writes a <see cref="Dossier"/> as one ZIP archive straight into <c>output</c> (a response body, or an entry of a
/// larger archive: nothing is held in memory but the entry being copied, <see cref="ArchiveWriter"/>), in the order of
/// its <see cref="DossierLayout"/>, with <c>manifest.json</c> last: every entry's name, size and SHA-256 as written, the
/// application, the definition version and who asked.
/// </summary>
public static class DossierArchive
{
    /// <summary>Writes the archive; the HTML pages come from <paramref name="pages"/> (the host renders them in the requester's language).</summary>
    public static async Task WriteAsync(DossierLayout layout, DossierPages pages, Stream output, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(layout);
        ArgumentNullException.ThrowIfNull(pages);
        ArgumentNullException.ThrowIfNull(output);
        var dossier = layout.Dossier;
        var written = new List<ArchivedFile>();
        var missing = new List<string>();
        var notRendered = new List<string>();
        var writer = await ArchiveWriter.CreateAsync(output, dossier.GeneratedAt, cancellationToken).ConfigureAwait(false);
        await using (writer.ConfigureAwait(false))
        {
            async Task AddAsync(string name, string? format, Func<Stream, Task> write) =>
                written.Add(await writer.AddAsync(name, format, write, cancellationToken).ConfigureAwait(false));

            async Task AddStoredAsync(DossierPart<DossierFile> part)
            {
                var content = dossier.Store.OpenRead(part.Item.Hash);
                if (content is null)
                {
                    missing.Add(part.Name);
                    return;
                }
                await using (content.ConfigureAwait(false))
                    await AddAsync(part.Name, part.Item.Format, target => content.CopyToAsync(target, cancellationToken)).ConfigureAwait(false);
            }

            await AddAsync(DossierLayout.Summary, "html", target => pages.Summary(layout, target, cancellationToken)).ConfigureAwait(false);
            foreach (var document in layout.Documents)
                await AddStoredAsync(document).ConfigureAwait(false);
            foreach (var letter in layout.Letters)
                await AddAsync(letter.Name, "html", target => target.WriteAsync(letter.Item.Content, cancellationToken).AsTask()).ConfigureAwait(false);
            if (pages.LetterPdf is { } print)
            {
                foreach (var letter in layout.LetterPdfs)
                {
                    // Made before its entry is opened: a letter that cannot be laid out is named in the manifest, not half written.
                    if (print(letter.Item) is { } pdf)
                        await AddAsync(letter.Name, "pdf", target => target.WriteAsync(pdf, cancellationToken).AsTask()).ConfigureAwait(false);
                    else
                        notRendered.Add(letter.Name);
                }
            }
            if (layout.HasMessages)
            {
                await AddAsync(DossierLayout.MessagesPage, "html", target => pages.Messages(layout, target, cancellationToken)).ConfigureAwait(false);
                foreach (var file in layout.MessageFiles)
                    await AddStoredAsync(file).ConfigureAwait(false);
            }
            if (dossier.Audit is { } audit)
                await AddAsync(DossierLayout.AuditFile, "csv", target => WriteAuditAsync(audit, target, cancellationToken)).ConfigureAwait(false);

            await writer.AddAsync(DossierLayout.Manifest, "json", target => WriteManifestAsync(dossier, written, missing, notRendered, target, cancellationToken), cancellationToken)
                .ConfigureAwait(false);
            await writer.CompleteAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// The audit as CSV (RFC 4180, UTF-8 with a BOM, formulas neutralised): one line per entry with its hashes and whether
    /// it verified, in the chain's order.
    /// </summary>
    private static async Task WriteAuditAsync(DossierAudit audit, Stream target, CancellationToken cancellationToken)
    {
        var writer = new StreamWriter(target, CsvText.Utf8WithBom, bufferSize: 16 * 1024, leaveOpen: true);
        await using (writer.ConfigureAwait(false))
        {
            await writer.WriteAsync(CsvText.Line(
                ["sequence", "at_utc", "actor_id", "actor_name", "actor_role", "kind", "step", "action", "from_status", "to_status", "comment", "detail",
                 "previous_hash", "hash", "verified"])).ConfigureAwait(false);
            foreach (var entry in audit.Entries)
            {
                var r = entry.Record;
                await writer.WriteAsync(CsvText.Line(
                [
                    r.Sequence.ToString(CultureInfo.InvariantCulture), Utc(r.At), r.ActorId, r.ActorName, r.ActorRole, r.Kind, r.Step, r.Action,
                    r.FromStatus, r.ToStatus, r.Comment, r.Detail, entry.PreviousHash, entry.Hash, entry.Verified ? "true" : "false",
                ])).ConfigureAwait(false);
            }
            await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task WriteManifestAsync(Dossier dossier, List<ArchivedFile> files, List<string> missing, List<string> notRendered, Stream target, CancellationToken cancellationToken)
    {
        var json = new Utf8JsonWriter(target, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        await using (json.ConfigureAwait(false))
        {
            var application = dossier.Application;
            json.WriteStartObject();
            json.WriteString("application", application.Id.ToString("D"));
            json.WriteString("reference", application.Reference);
            json.WriteString("status", application.Status.Name());
            json.WriteStartObject("definition");
            json.WriteString("id", dossier.Definition.Id);
            json.WriteNumber("version", dossier.DefinitionVersion);
            json.WriteString("sha256", dossier.Definition.ContentHash);
            json.WriteEndObject();
            json.WriteString("generated_at", Utc(dossier.GeneratedAt));
            json.WriteStartObject("requested_by");
            json.WriteString("id", dossier.RequestedBy.UserId);
            json.WriteString("name", dossier.RequestedBy.Name);
            json.WriteString("role", dossier.RequestedBy.Role);
            json.WriteEndObject();
            json.WriteString("language", dossier.Language);
            json.WriteStartArray("files");
            foreach (var file in files)
            {
                json.WriteStartObject();
                json.WriteString("name", file.Name);
                json.WriteNumber("size", file.Size);
                json.WriteString("sha256", file.Sha256);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            // A file the database names but the store no longer holds: said, never silently left out.
            json.WriteStartArray("missing");
            foreach (var name in missing)
                json.WriteStringValue(name);
            json.WriteEndArray();
            // A letter's PDF the renderer could not lay out (its HTML, next to it, is the letter as issued).
            if (notRendered.Count > 0)
            {
                json.WriteStartArray("not_rendered");
                foreach (var name in notRendered)
                    json.WriteStringValue(name);
                json.WriteEndArray();
            }
            if (dossier.Audit is { } audit)
            {
                json.WriteStartObject("audit");
                json.WriteNumber("entries", audit.Entries.Count);
                json.WriteBoolean("verified", audit.Intact);
                json.WriteEndObject();
            }
            json.WriteEndObject();
            await json.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private static string Utc(DateTime at) =>
        DateTime.SpecifyKind(at, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}

/// <summary>The two HTML pages of the archive, written by the host in the requester's language into the entry's stream, and each letter's PDF.</summary>
/// <param name="Summary"><c>dossier.html</c>: the printable summary.</param>
/// <param name="Messages"><c>messages.html</c>: the thread, linking to the files under <c>messages/</c>.</param>
/// <param name="LetterPdf">A letter as PDF (engine.Pdf), null when it cannot be laid out; without it the archive has the letters' HTML only.</param>
public sealed record DossierPages(
    Func<DossierLayout, Stream, CancellationToken, Task> Summary,
    Func<DossierLayout, Stream, CancellationToken, Task> Messages,
    Func<DossierLetter, byte[]?>? LetterPdf = null);
