using System.Security.Cryptography;
using EmploymentProcedures.Engine.Definitions;
using EmploymentProcedures.Engine.Workflow;

namespace EmploymentProcedures.Engine.Storage;

/// <summary>
/// Uploads as they arrive, for either store: streamed to a temporary file of <c>&lt;data&gt;/documents/incoming</c>
/// (hashing as it goes, stopping at the size limit), their format detected from their bytes, flushed to disk, and only
/// then handed to the store to keep; the temporary file goes whatever happens.
/// </summary>
internal sealed class IncomingUploads
{
    private const int BufferSize = 64 * 1024;

    /// <summary>How long an upload's temporary file may go unwritten before it is taken for one a crash left.</summary>
    public static readonly TimeSpan Abandoned = TimeSpan.FromDays(1);

    private static readonly LocalizedText UnknownFormat = LocalizedText.Of("inconnu", "غير معروف", "unknown");

    private readonly string _folder;
    private readonly TimeProvider _clock;

    public IncomingUploads(string documentsFolder, TimeProvider clock)
    {
        _folder = Path.Combine(documentsFolder, "incoming");
        _clock = clock;
        Directory.CreateDirectory(_folder);
    }

    /// <summary>
    /// Reads <paramref name="content"/> once under <paramref name="maxBytes"/>, keeps it only when its format is one of
    /// <paramref name="formats"/>, and then calls <paramref name="keep"/> with the complete temporary file (closed).
    /// </summary>
    public async Task<Outcome<StoredFile>> ReceiveAsync(
        Stream content, long maxBytes, IReadOnlyCollection<string> formats, Func<string, StoredFile, CancellationToken, Task> keep, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(formats);
        var temporary = Path.Combine(_folder, Guid.NewGuid().ToString("N") + ".part");
        try
        {
            StoredFile stored;
            long size = 0;
            var head = new byte[FileFormats.HeadLength];
            var headLength = 0;
            await using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, BufferSize, FileOptions.Asynchronous))
            {
                using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
                var buffer = new byte[BufferSize];
                int read;
                while ((read = await content.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
                {
                    size += read;
                    if (size > maxBytes)
                        return Outcome.Refused<StoredFile>(Refusal.Of(RefusalCodes.FileTooLarge, Math.Round(maxBytes / (1024m * 1024m), 1)));
                    if (headLength < head.Length)
                    {
                        var take = Math.Min(read, head.Length - headLength);
                        buffer.AsSpan(0, take).CopyTo(head.AsSpan(headLength));
                        headLength += take;
                    }
                    sha.AppendData(buffer, 0, read);
                    await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
                }
                if (size == 0)
                    return Outcome.Refused<StoredFile>(Refusal.Of(RefusalCodes.FileEmpty));
                var format = FileFormats.Detect(head.AsSpan(0, headLength));
                if (format == "zip")
                {
                    file.Position = 0;
                    format = FileFormats.DetectArchive(file);
                }
                if (format is null || !formats.Contains(format, StringComparer.OrdinalIgnoreCase))
                    return Outcome.Refused<StoredFile>(Refusal.Of(RefusalCodes.FileFormat, (object?)format ?? UnknownFormat, string.Join(", ", formats)));
                // The database will say this file exists once the transaction commits: it must be kept first.
                file.Flush(flushToDisk: true);
                stored = new StoredFile(Convert.ToHexStringLower(sha.GetHashAndReset()), size, format);
            }
            await keep(temporary, stored, cancellationToken).ConfigureAwait(false);
            return Outcome.Of(stored);
        }
        finally
        {
            if (File.Exists(temporary))
                File.Delete(temporary);
        }
    }

    /// <summary>Removes the temporary files a crash left (never written to for a day); gives how many went.</summary>
    public int DeleteAbandoned()
    {
        var before = _clock.GetUtcNow().UtcDateTime - Abandoned;
        var deleted = 0;
        foreach (var part in Directory.EnumerateFiles(_folder, "*.part"))
        {
            try
            {
                if (File.GetLastWriteTimeUtc(part) >= before)
                    continue;
                File.Delete(part);
                deleted++;
            }
            catch (IOException)
            {
                // Gone meanwhile, or held open: the next round looks again.
            }
        }
        return deleted;
    }
}
