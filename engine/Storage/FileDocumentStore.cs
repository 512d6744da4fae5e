using System.Security.Cryptography;
using EmploymentProcedures.Engine.Definitions;
using EmploymentProcedures.Engine.Workflow;

namespace EmploymentProcedures.Engine.Storage;

/// <summary>
/// Files under <c>&lt;data&gt;/documents/ab/cd/&lt;sha-256&gt;</c>, outside any web root and never named
/// after what the applicant called them. An upload is streamed to a temporary file in the same folder
/// tree (hashing as it goes, stopping at the size limit), flushed to disk, then moved into place: a reader
/// never sees half a file, and the same content is kept once.
/// </summary>
public sealed class FileDocumentStore : IDocumentStore
{
    private const int BufferSize = 64 * 1024;

    private static readonly LocalizedText UnknownFormat = LocalizedText.Of("inconnu", "غير معروف", "unknown");

    private readonly string _root;
    private readonly string _incoming;
    private readonly TimeProvider _clock;

    /// <param name="clock">The time a file is marked as stored at (its last write time), the one erasures compare with.</param>
    public FileDocumentStore(string dataFolder, TimeProvider? clock = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(dataFolder);
        _clock = clock ?? TimeProvider.System;
        _root = Path.GetFullPath(Path.Combine(dataFolder, "documents"));
        _incoming = Path.Combine(_root, "incoming");
        Directory.CreateDirectory(_incoming);
    }

    public async Task<Outcome<StoredFile>> SaveAsync(Stream content, long maxBytes, IReadOnlyCollection<string> formats, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(formats);
        var temporary = Path.Combine(_incoming, Guid.NewGuid().ToString("N") + ".part");
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
                // The database will say this file exists once the transaction commits: it must be on disk first.
                file.Flush(flushToDisk: true);
                stored = new StoredFile(Convert.ToHexStringLower(sha.GetHashAndReset()), size, format);
            }
            Place(temporary, PathOf(stored.Hash));
            return Outcome.Of(stored);
        }
        finally
        {
            if (File.Exists(temporary))
                File.Delete(temporary);
        }
    }

    public Stream? OpenRead(string hash)
    {
        if (!IsHash(hash))
            return null;
        var path = PathOf(hash);
        return File.Exists(path) ? new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, BufferSize, FileOptions.Asynchronous) : null;
    }

    public bool Delete(string hash, DateTime keptIfStoredSince)
    {
        if (!IsHash(hash))
            return false;
        var path = PathOf(hash);
        try
        {
            if (!File.Exists(path) || File.GetLastWriteTimeUtc(path) >= keptIfStoredSince)
                return false;
            File.Delete(path);
            return true;
        }
        catch (IOException)
        {
            // Open for reading (a download): kept, and told so; the erasure stands, the file goes with the next one that frees it.
            return false;
        }
    }

    public bool Renew(string hash)
    {
        if (!IsHash(hash))
            return false;
        var path = PathOf(hash);
        try
        {
            if (!File.Exists(path))
                return false;
            File.SetLastWriteTimeUtc(path, _clock.GetUtcNow().UtcDateTime);
            return true;
        }
        catch (IOException)
        {
            // Deleted between the two calls (FileNotFoundException), or held open: it is there when it still exists.
            return File.Exists(path);
        }
    }

    /// <summary>How long an upload's temporary file may go unwritten before it is taken for one a crash left.</summary>
    public static readonly TimeSpan AbandonedUpload = TimeSpan.FromDays(1);

    public int DeleteAbandonedUploads()
    {
        var before = _clock.GetUtcNow().UtcDateTime - AbandonedUpload;
        var deleted = 0;
        foreach (var part in Directory.EnumerateFiles(_incoming, "*.part"))
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

    public IEnumerable<string> StoredBefore(DateTime storedBefore) =>
        HashesIn(_root).Where(hash => File.GetLastWriteTimeUtc(PathOf(hash)) < storedBefore);

    /// <summary>
    /// The hashes of the files in place in the store whose <c>documents</c> folder is <paramref name="root"/>: a file named
    /// by its SHA-256 in its two folders. An upload still arriving (<c>incoming/*.part</c>) or anything else is not one.
    /// </summary>
    internal static IEnumerable<string> HashesIn(string root) =>
        Directory.Exists(root)
            ? Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
                .Select(file => (File: file, Hash: Path.GetFileName(file)))
                .Where(f => IsHash(f.Hash) && PathIn(root, f.Hash) == f.File)
                .Select(f => f.Hash)
            : [];

    /// <summary>
    /// Moves a complete, flushed temporary file to <paramref name="target"/>, unless the same content is already there; then
    /// its time is renewed, so an erasure freeing that content at the same moment leaves it (<see cref="Delete"/>).
    /// </summary>
    private void Place(string temporary, string target)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        try
        {
            if (!File.Exists(target))
                File.Move(temporary, target);
            File.SetLastWriteTimeUtc(target, _clock.GetUtcNow().UtcDateTime);
        }
        catch (IOException) when (File.Exists(target))
        {
            // The same content arrived at the same time: it is kept once, whoever moved it.
        }
    }

    /// <summary>Where the content with <paramref name="hash"/> lives: two levels of folders by its first four hex digits.</summary>
    internal string PathOf(string hash) => PathIn(_root, hash);

    /// <summary>The same in any store's <c>documents</c> folder <paramref name="root"/> (a backup's, say).</summary>
    internal static string PathIn(string root, string hash) => Path.Combine(root, hash[..2], hash[2..4], hash);

    /// <summary>A name the store gives a file: a SHA-256 in lowercase hex.</summary>
    internal static bool IsHash(string hash) => hash is { Length: 64 } && hash.All(char.IsAsciiHexDigitLower);
}
