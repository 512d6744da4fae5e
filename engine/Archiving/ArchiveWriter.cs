using System.IO.Compression;
using System.Security.Cryptography;

namespace EmploymentProcedures.Engine.Archiving;

/// <summary>
/// A ZIP archive written straight into a stream that may refuse synchronous writes (a response body), entry after entry:
/// nothing is held in memory but the entry being copied (<see cref="ForwardBuffer"/>). Each entry's size and SHA-256 are
/// counted as it is written, for a manifest. Files already compressed (PDF, JPEG, PNG, ZIP, and the Office and
/// OpenDocument formats, which are ZIP archives themselves) are stored as they are; pages and text are deflated with
/// <see cref="CompressionLevel.Fastest"/>. <see cref="CompleteAsync"/> writes the central directory.
/// </summary>
public sealed class ArchiveWriter : IAsyncDisposable
{
    /// <summary>Formats whose bytes are already compressed: deflating them again costs time and saves nothing.</summary>
    private static readonly HashSet<string> Compressed = new(StringComparer.OrdinalIgnoreCase) { "pdf", "jpg", "jpeg", "png", "zip", "docx", "xlsx", "odt", "ods" };

    private readonly ForwardBuffer _sink;
    private readonly ZipArchive _archive;
    private readonly DateTime _at;
    private bool _closed;

    private ArchiveWriter(ForwardBuffer sink, ZipArchive archive, DateTime at)
    {
        _sink = sink;
        _archive = archive;
        _at = at;
    }

    /// <summary>Starts an archive into <paramref name="output"/>, its entries dated <paramref name="at"/> (UTC).</summary>
    public static async Task<ArchiveWriter> CreateAsync(Stream output, DateTime at, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(output);
        var sink = new ForwardBuffer(output);
        var archive = await ZipArchive.CreateAsync(sink, ZipArchiveMode.Create, leaveOpen: true, entryNameEncoding: null, cancellationToken).ConfigureAwait(false);
        return new ArchiveWriter(sink, archive, at);
    }

    /// <summary>
    /// Adds the entry <paramref name="name"/>, whose content <paramref name="write"/> writes; <paramref name="format"/>
    /// (<c>pdf</c>, <c>html</c>...) says whether to deflate it. Gives its name, size and SHA-256 as written.
    /// </summary>
    public async Task<ArchivedFile> AddAsync(string name, string? format, Func<Stream, Task> write, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(write);
        var entry = _archive.CreateEntry(name, format is not null && Compressed.Contains(format) ? CompressionLevel.NoCompression : CompressionLevel.Fastest);
        entry.LastWriteTime = _at;
        ArchivedFile written;
        var target = await entry.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (target.ConfigureAwait(false))
        {
            // Not disposed here: a page's writer may close it, the entry's stream stays ours to close.
            var hashing = new HashingStream(target);
            await write(hashing).ConfigureAwait(false);
            written = new ArchivedFile(name, hashing.Length, hashing.Hash());
        }
        // The entry's end was written synchronously into the buffer: out with it before the next entry.
        await _sink.DrainAsync(cancellationToken).ConfigureAwait(false);
        return written;
    }

    /// <summary>Writes the central directory and sends it: the archive is whole.</summary>
    public async Task CompleteAsync(CancellationToken cancellationToken = default)
    {
        if (_closed)
            return;
        _closed = true;
        await _archive.DisposeAsync().ConfigureAwait(false);
        await _sink.DrainAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Closes the archive (whole or not) without waiting to send what is left: a failed download stops there.</summary>
    public async ValueTask DisposeAsync()
    {
        if (!_closed)
        {
            _closed = true;
            await _archive.DisposeAsync().ConfigureAwait(false);
        }
        await _sink.DisposeAsync().ConfigureAwait(false);
    }

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

/// <summary>An entry written into an archive: its name, size and SHA-256 (hex).</summary>
public sealed record ArchivedFile(string Name, long Size, string Sha256);
