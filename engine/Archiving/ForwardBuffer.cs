namespace EmploymentProcedures.Engine.Archiving;

/// <summary>
/// Sits between <see cref="System.IO.Compression.ZipArchive"/> and a stream that refuses synchronous writes (a response
/// body). The archive writes an entry's last compressed bytes, its data descriptor and the central directory
/// synchronously, even through its asynchronous methods; those land here and go out at the next asynchronous write or
/// <see cref="DrainAsync"/>. Only what was written since then is held (a few kilobytes, at most <see cref="Threshold"/>),
/// never the archive.
/// </summary>
internal sealed class ForwardBuffer(Stream inner) : Stream
{
    /// <summary>Bytes held before an asynchronous write passes them on.</summary>
    public const int Threshold = 64 * 1024;

    private readonly MemoryStream _pending = new();

    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    /// <summary>Sends what is held to the stream underneath.</summary>
    public async Task DrainAsync(CancellationToken cancellationToken)
    {
        if (_pending.Length == 0)
            return;
        await inner.WriteAsync(_pending.GetBuffer().AsMemory(0, (int)_pending.Length), cancellationToken).ConfigureAwait(false);
        _pending.SetLength(0);
    }

    public override void Write(byte[] buffer, int offset, int count) => _pending.Write(buffer, offset, count);

    public override void Write(ReadOnlySpan<byte> buffer) => _pending.Write(buffer);

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (_pending.Length + buffer.Length <= Threshold)
        {
            _pending.Write(buffer.Span);
            return;
        }
        await DrainAsync(cancellationToken).ConfigureAwait(false);
        await inner.WriteAsync(buffer, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Nothing: what is held goes out asynchronously (<see cref="DrainAsync"/>); a flush of the archive must not block.</summary>
    public override void Flush() { }

    public override Task FlushAsync(CancellationToken cancellationToken) => DrainAsync(cancellationToken);

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
            _pending.Dispose();
        base.Dispose(disposing);
    }
}
