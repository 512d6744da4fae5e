using System.Globalization;
using System.IO.Compression;
using System.Security.Cryptography;
using EmploymentProcedures.Engine.Workflow;
using System.Text.Json;
using EmploymentProcedures.Engine.Reporting;

namespace EmploymentProcedures.Engine.Archiving;

/// <summary>
/// Writes a <see cref="Dossier"/> as one ZIP archive straight into <c>output</c> (a response body: nothing is held
/// in memory but the entry being copied), in the order of its <see cref="DossierLayout"/>, with
/// <c>manifest.json</c> last: every entry's name, size and SHA-256 as written, the application, the definition version
/// and who asked. Files already compressed (PDF, JPEG, PNG, and the Office and OpenDocument formats, which are ZIP
/// archives themselves) are stored as they are; pages and text are deflated with <see cref="CompressionLevel.Fastest"/>.
/// </summary>
public static class DossierArchive
{
    /// <summary>Formats whose bytes are already compressed: deflating them again costs time and saves nothing.</summary>
    private static readonly HashSet<string> Compressed = new(StringComparer.OrdinalIgnoreCase) { "pdf", "jpg", "jpeg", "png", "docx", "xlsx", "odt", "ods" };

    /// <summary>Writes the archive; the HTML pages come from <paramref name="pages"/> (the host renders them in the requester's language).</summary>
    public static async Task WriteAsync(DossierLayout layout, DossierPages pages, Stream output, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(layout);
        ArgumentNullException.ThrowIfNull(pages);
        ArgumentNullException.ThrowIfNull(output);
        var dossier = layout.Dossier;
        var written = new List<ManifestFile>();
        var missing = new List<string>();
        using var sink = new ForwardBuffer(output);
        var archive = await ZipArchive.CreateAsync(sink, ZipArchiveMode.Create, leaveOpen: true, entryNameEncoding: null, cancellationToken).ConfigureAwait(false);
        await using (archive.ConfigureAwait(false))
        {
            async Task AddAsync(string name, string? format, Func<Stream, Task> write)
            {
                var entry = archive.CreateEntry(name, format is not null && Compressed.Contains(format) ? CompressionLevel.NoCompression : CompressionLevel.Fastest);
                entry.LastWriteTime = dossier.GeneratedAt;
                var target = await entry.OpenAsync(cancellationToken).ConfigureAwait(false);
                await using (target.ConfigureAwait(false))
                {
                    // Not disposed here: a page's writer may close it, the entry's stream stays ours to close.
                    var hashing = new HashingStream(target);
                    await write(hashing).ConfigureAwait(false);
                    written.Add(new ManifestFile(name, hashing.Length, hashing.Hash()));
                }
                // The entry's end was written synchronously into the buffer: out with it before the next entry.
                await sink.DrainAsync(cancellationToken).ConfigureAwait(false);
            }

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
            if (layout.HasMessages)
            {
                await AddAsync(DossierLayout.MessagesPage, "html", target => pages.Messages(layout, target, cancellationToken)).ConfigureAwait(false);
                foreach (var file in layout.MessageFiles)
                    await AddStoredAsync(file).ConfigureAwait(false);
            }
            if (dossier.Audit is { } audit)
                await AddAsync(DossierLayout.AuditFile, "csv", target => WriteAuditAsync(audit, target, cancellationToken)).ConfigureAwait(false);

            var manifest = archive.CreateEntry(DossierLayout.Manifest, CompressionLevel.Fastest);
            manifest.LastWriteTime = dossier.GeneratedAt;
            var stream = await manifest.OpenAsync(cancellationToken).ConfigureAwait(false);
            await using (stream.ConfigureAwait(false))
                await WriteManifestAsync(dossier, written, missing, stream, cancellationToken).ConfigureAwait(false);
        }
        // The central directory, written when the archive closed.
        await sink.DrainAsync(cancellationToken).ConfigureAwait(false);
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

    private static async Task WriteManifestAsync(Dossier dossier, List<ManifestFile> files, List<string> missing, Stream target, CancellationToken cancellationToken)
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

    private sealed record ManifestFile(string Name, long Size, string Sha256);

    /// <summary>Passes writes on to an entry's stream, counting and hashing them.</summary>
    private sealed class HashingStream(Stream inner) : Stream
    {
        private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => Position;
        public override long Position { get; set; }

        /// <summary>The SHA-256 of what was written, hex; the stream is done with after it.</summary>
        public string Hash()
        {
            var hash = Convert.ToHexStringLower(_hash.GetHashAndReset());
            _hash.Dispose();
            return hash;
        }

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            _hash.AppendData(buffer);
            Position += buffer.Length;
            inner.Write(buffer);
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            _hash.AppendData(buffer.Span);
            Position += buffer.Length;
            return inner.WriteAsync(buffer, cancellationToken);
        }

        public override void Flush() { }

        public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
    }
}

/// <summary>The two HTML pages of the archive, written by the host in the requester's language into the entry's stream.</summary>
/// <param name="Summary"><c>dossier.html</c>: the printable summary.</param>
/// <param name="Messages"><c>messages.html</c>: the thread, linking to the files under <c>messages/</c>.</param>
public sealed record DossierPages(Func<DossierLayout, Stream, CancellationToken, Task> Summary, Func<DossierLayout, Stream, CancellationToken, Task> Messages);
