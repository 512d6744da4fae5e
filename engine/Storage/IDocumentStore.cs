namespace EmploymentProcedures.Engine.Storage;

/// <summary>
/// Where uploaded files and issued letters are kept, by content (SHA-256). A seam: files on disk today
/// (<see cref="FileDocumentStore"/>), in the database when several hosts share one later.
/// </summary>
public interface IDocumentStore
{
    /// <summary>
    /// Reads <paramref name="content"/> once, refusing it as soon as it passes <paramref name="maxBytes"/>,
    /// detects its format from its bytes and keeps it only when that format is one of <paramref name="formats"/>.
    /// </summary>
    Task<Outcome<StoredFile>> SaveAsync(Stream content, long maxBytes, IReadOnlyCollection<string> formats, CancellationToken cancellationToken = default);

    /// <summary>
    /// Keeps content the engine produced itself (a letter), of a known <paramref name="format"/>: nothing to detect
    /// or cap. Flushed to disk before it returns, since a database row will soon say it exists.
    /// </summary>
    Task<StoredFile> KeepAsync(ReadOnlyMemory<byte> content, string format, CancellationToken cancellationToken = default);

    /// <summary>The content with this hash, or null when the store does not hold it.</summary>
    Stream? OpenRead(string hash);
}

/// <summary>A file the store holds: its SHA-256 (hex), size and detected format.</summary>
public sealed record StoredFile(string Hash, long SizeBytes, string Format);
