using EmploymentProcedures.Engine.Storage.Rows;
using Microsoft.EntityFrameworkCore;

namespace EmploymentProcedures.Engine.Storage;

/// <summary>
/// The documents' content in the engine's database (<c>Storage:Documents=database</c>), so that every host instance
/// on that database reads what any of them stored: a <see cref="DocumentContent"/> row per SHA-256 and its bytes in
/// <see cref="DocumentChunk"/>s of <see cref="ChunkBytes"/>, so that neither a write nor a read holds more than one chunk
/// in memory. An upload is checked as the file store checks it (<see cref="IncomingUploads"/>: size, declared formats,
/// magic bytes), then its row and chunks are written in one transaction: an upload interrupted halfway leaves nothing.
/// </summary>
public sealed class DatabaseDocumentStore : IDocumentStore
{
    /// <summary>The size of a chunk: large enough for few rows, small enough for any provider's parameters.</summary>
    public const int ChunkBytes = 1024 * 1024;

    /// <summary>How many hashes <see cref="StoredBefore"/> reads at a time.</summary>
    private const int HashPage = 1000;

    private readonly IDbContextFactory<ProceduresDb> _databases;
    private readonly IncomingUploads _incoming;
    private readonly TimeProvider _clock;

    /// <param name="dataFolder">Where uploads are spooled while they are checked (<c>documents/incoming</c>).</param>
    public DatabaseDocumentStore(IDbContextFactory<ProceduresDb> databases, string dataFolder, TimeProvider? clock = null)
    {
        ArgumentNullException.ThrowIfNull(databases);
        ArgumentException.ThrowIfNullOrEmpty(dataFolder);
        _databases = databases;
        _clock = clock ?? TimeProvider.System;
        _incoming = new IncomingUploads(Path.GetFullPath(Path.Combine(dataFolder, "documents")), _clock);
    }

    public Task<Outcome<StoredFile>> SaveAsync(Stream content, long maxBytes, IReadOnlyCollection<string> formats, CancellationToken cancellationToken = default) =>
        _incoming.ReceiveAsync(content, maxBytes, formats, async (temporary, stored, cancel) =>
        {
            await using var file = new FileStream(temporary, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, FileOptions.Asynchronous | FileOptions.SequentialScan);
            await KeepAsync(stored.Hash, file, cancel).ConfigureAwait(false);
        }, cancellationToken);

    /// <summary>
    /// Keeps <paramref name="content"/> (whose SHA-256 is <paramref name="hash"/>), unless the store holds it already: then
    /// its time is renewed, so a deletion freeing that content at the same moment leaves it.
    /// </summary>
    internal async Task KeepAsync(string hash, Stream content, CancellationToken cancellationToken)
    {
        if (await RenewAsync(hash, cancellationToken).ConfigureAwait(false))
            return;
        await using var db = await _databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            db.DocumentContents.Add(new DocumentContent { Hash = hash, SizeBytes = content.Length, StoredAt = _clock.GetUtcNow().UtcDateTime });
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            var buffer = new byte[ChunkBytes];
            for (var index = 0; ; index++)
            {
                var length = await content.ReadAtLeastAsync(buffer, ChunkBytes, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
                if (length == 0)
                    break;
                db.ChangeTracker.Clear();
                db.DocumentChunks.Add(new DocumentChunk { Hash = hash, Index = index, Content = buffer.AsSpan(0, length).ToArray() });
                await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            }
            // Until here nothing is visible: a crash or a cancellation rolls the row and its chunks back together.
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (DbUpdateException)
        {
            // The same content arrived at the same time through another upload: it is kept once, whoever wrote it.
            if (!await RenewAsync(hash, cancellationToken).ConfigureAwait(false))
                throw;
        }
    }

    public Stream? OpenRead(string hash) => OpenIn(_databases, hash);

    /// <summary>The content with this hash in the database of <paramref name="databases"/>, or null (for a check of the data, which writes nothing).</summary>
    internal static Stream? OpenIn(IDbContextFactory<ProceduresDb> databases, string hash)
    {
        if (!FileDocumentStore.IsHash(hash))
            return null;
        using var db = databases.CreateDbContext();
        var size = db.DocumentContents.AsNoTracking().Where(d => d.Hash == hash).Select(d => (long?)d.SizeBytes).FirstOrDefault();
        return size is { } length ? new ChunkStream(databases, hash, length) : null;
    }

    public bool Delete(string hash, DateTime keptIfStoredSince)
    {
        if (!FileDocumentStore.IsHash(hash))
            return false;
        using var db = _databases.CreateDbContext();
        using var transaction = db.Database.BeginTransaction();
        // The condition is in the DELETE: a content stored again since is left, whatever was read before.
        var deleted = db.DocumentContents.Where(d => d.Hash == hash && d.StoredAt < keptIfStoredSince).ExecuteDelete();
        if (deleted > 0)
            db.DocumentChunks.Where(c => c.Hash == hash).ExecuteDelete();
        transaction.Commit();
        return deleted > 0;
    }

    public bool Renew(string hash)
    {
        if (!FileDocumentStore.IsHash(hash))
            return false;
        using var db = _databases.CreateDbContext();
        var now = _clock.GetUtcNow().UtcDateTime;
        return db.DocumentContents.Where(d => d.Hash == hash).ExecuteUpdate(s => s.SetProperty(d => d.StoredAt, now)) > 0;
    }

    private async Task<bool> RenewAsync(string hash, CancellationToken cancellationToken)
    {
        await using var db = await _databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var now = _clock.GetUtcNow().UtcDateTime;
        return await db.DocumentContents.Where(d => d.Hash == hash).ExecuteUpdateAsync(s => s.SetProperty(d => d.StoredAt, now), cancellationToken).ConfigureAwait(false) > 0;
    }

    public IEnumerable<string> StoredBefore(DateTime storedBefore)
    {
        // A page at a time, in hash order: the caller may delete as it goes, and a store of millions is never all in memory.
        var after = "";
        while (true)
        {
            List<string> page;
            using (var db = _databases.CreateDbContext())
            {
                page = db.DocumentContents.AsNoTracking().Where(d => d.StoredAt < storedBefore && d.Hash.CompareTo(after) > 0)
                    .OrderBy(d => d.Hash).Select(d => d.Hash).Take(HashPage).ToList();
            }
            foreach (var hash in page)
                yield return hash;
            if (page.Count < HashPage)
                yield break;
            after = page[^1];
        }
    }

    public int DeleteAbandonedUploads() => _incoming.DeleteAbandoned();

    /// <summary>
    /// A content read a chunk at a time, each in a query of its own (no connection held between reads). A content deleted
    /// while it is read ends in an <see cref="IOException"/>, never in a shorter file passed off as whole.
    /// </summary>
    private sealed class ChunkStream(IDbContextFactory<ProceduresDb> databases, string hash, long length) : Stream
    {
        private byte[] _chunk = [];
        private int _chunkIndex = -1;
        private long _position;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => length;
        public override long Position { get => _position; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            if (NeedsChunk(out var index))
            {
                using var db = databases.CreateDbContext();
                Loaded(index, Chunk(db, index).FirstOrDefault());
            }
            return CopyOut(buffer);
        }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (NeedsChunk(out var index))
            {
                await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
                Loaded(index, await Chunk(db, index).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false));
            }
            return CopyOut(buffer.Span);
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        /// <summary>Whether the chunk holding the current position (<paramref name="index"/>) must be read first; never at the end.</summary>
        private bool NeedsChunk(out int index)
        {
            index = (int)(_position / ChunkBytes);
            return _position < length && index != _chunkIndex;
        }

        private IQueryable<byte[]> Chunk(ProceduresDb db, int index) =>
            db.DocumentChunks.AsNoTracking().Where(c => c.Hash == hash && c.Index == index).Select(c => c.Content);

        private void Loaded(int index, byte[]? chunk)
        {
            _chunk = chunk ?? throw new IOException($"document {hash}: part {index} is missing (deleted while it was read?)");
            _chunkIndex = index;
        }

        private int CopyOut(Span<byte> buffer)
        {
            if (_position >= length)
                return 0;
            var offset = (int)(_position - ((long)_chunkIndex * ChunkBytes));
            var count = Math.Min(buffer.Length, _chunk.Length - offset);
            if (count <= 0)
                throw new IOException($"document {hash}: part {_chunkIndex} is shorter than the content's size says");
            _chunk.AsSpan(offset, count).CopyTo(buffer);
            _position += count;
            return count;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
