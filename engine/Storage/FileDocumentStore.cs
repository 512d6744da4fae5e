namespace EmploymentProcedures.Engine.Storage;

/// <summary>
/// Files under <c>&lt;data&gt;/documents/ab/cd/&lt;sha-256&gt;</c>, outside any web root and never named
/// after what the applicant called them. An upload is streamed to a temporary file in the same folder
/// tree (hashing as it goes, stopping at the size limit), flushed to disk, then moved into place: a reader
/// never sees half a file, and the same content is kept once (<see cref="IncomingUploads"/>).
/// </summary>
public sealed class FileDocumentStore : IDocumentStore
{
    private const int BufferSize = 64 * 1024;

    private readonly string _root;
    private readonly IncomingUploads _incoming;
    private readonly TimeProvider _clock;

    /// <param name="clock">The time a file is marked as stored at (its last write time), the one erasures compare with.</param>
    public FileDocumentStore(string dataFolder, TimeProvider? clock = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(dataFolder);
        _clock = clock ?? TimeProvider.System;
        _root = Path.GetFullPath(Path.Combine(dataFolder, "documents"));
        _incoming = new IncomingUploads(_root, _clock);
    }

    public Task<Outcome<StoredFile>> SaveAsync(Stream content, long maxBytes, IReadOnlyCollection<string> formats, CancellationToken cancellationToken = default) =>
        _incoming.ReceiveAsync(content, maxBytes, formats, (temporary, stored, _) =>
        {
            Place(temporary, PathOf(stored.Hash));
            return Task.CompletedTask;
        }, cancellationToken);

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
    public static readonly TimeSpan AbandonedUpload = IncomingUploads.Abandoned;

    public int DeleteAbandonedUploads() => _incoming.DeleteAbandoned();

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
