namespace EmploymentProcedures.Engine.Storage;

/// <summary>
/// Where uploaded files are kept, by content (SHA-256) (and the letters issued before letters were kept in the database). A seam:
/// files on disk (<see cref="FileDocumentStore"/>, one host), or rows of the engine's database
/// (<see cref="DatabaseDocumentStore"/>, for several hosts sharing it), chosen by the host's <c>Storage:Documents</c>.
/// </summary>
public interface IDocumentStore
{
    /// <summary>
    /// Reads <paramref name="content"/> once, refusing it as soon as it passes <paramref name="maxBytes"/>,
    /// detects its format from its bytes and keeps it only when that format is one of <paramref name="formats"/>.
    /// </summary>
    Task<Outcome<StoredFile>> SaveAsync(Stream content, long maxBytes, IReadOnlyCollection<string> formats, CancellationToken cancellationToken = default);

    /// <summary>The content with this hash, or null when the store does not hold it.</summary>
    Stream? OpenRead(string hash);

    /// <summary>
    /// Removes the content with this hash, which nothing in the database refers to any more, unless it was stored (or
    /// stored again) at or after <paramref name="keptIfStoredSince"/>: an upload of the same content places its file before
    /// its row commits, so a recent file may be about to be referred to again. True when the file went.
    /// </summary>
    bool Delete(string hash, DateTime keptIfStoredSince);

    /// <summary>
    /// Marks the content with this hash as stored now, so that no deletion of unreferenced files takes it while the row
    /// that will refer to it commits. False when the store no longer holds it.
    /// </summary>
    bool Renew(string hash);

    /// <summary>
    /// The hashes of the contents the store holds that were stored (or stored again) before <paramref name="storedBefore"/>,
    /// read as the caller goes; an upload still being written is not one of them.
    /// </summary>
    IEnumerable<string> StoredBefore(DateTime storedBefore);

    /// <summary>
    /// Removes what uploads a crash interrupted left behind (their temporary files, never written to for a day): an upload
    /// still arriving writes to its file all the time. Gives how many went.
    /// </summary>
    int DeleteAbandonedUploads();
}

/// <summary>A file the store holds: its SHA-256 (hex), size and detected format.</summary>
public sealed record StoredFile(string Hash, long SizeBytes, string Format);
