using EmploymentProcedures.Engine.Archiving;

namespace EmploymentProcedures.Engine.Tests.Archiving;

/// <summary>The buffer between ZipArchive and a response body: synchronous writes wait for the next asynchronous one, and never pile up.</summary>
public sealed class ForwardBufferTests
{
    [Fact]
    public async Task SynchronousWrites_AreHeldUntilDrained_ThenSentInOrder()
    {
        var sent = new MemoryStream();
        using var buffer = new ForwardBuffer(sent);

        buffer.Write([1, 2, 3]);
        buffer.Flush();
        Assert.Equal(0, sent.Length);
        await buffer.DrainAsync(CancellationToken.None);
        await buffer.DrainAsync(CancellationToken.None);

        Assert.Equal([1, 2, 3], sent.ToArray());
    }

    [Fact]
    public async Task AsynchronousWrites_PastTheThreshold_GoOutAtOnceAfterWhatWasHeld()
    {
        var sent = new MemoryStream();
        using var buffer = new ForwardBuffer(sent);
        var chunk = new byte[ForwardBuffer.Threshold];
        Array.Fill(chunk, (byte)7);

        buffer.Write([1]);
        await buffer.WriteAsync(chunk);

        Assert.Equal(ForwardBuffer.Threshold + 1, sent.Length);
        Assert.Equal(1, sent.ToArray()[0]);
        await buffer.WriteAsync(new byte[] { 9 });
        Assert.Equal(ForwardBuffer.Threshold + 1, sent.Length);
    }
}
