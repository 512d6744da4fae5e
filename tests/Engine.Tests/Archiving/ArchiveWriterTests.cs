using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using EmploymentProcedures.Engine.Archiving;
using EmploymentProcedures.Engine.Tests.Storage;

namespace EmploymentProcedures.Engine.Tests.Archiving;

/// <summary>The streaming ZIP writer the whole file and a person's data download share: forward only, entry by entry, one archive nested in another.</summary>
public sealed class ArchiveWriterTests
{
    private static readonly DateTime At = new(2026, 3, 2, 9, 30, 0, DateTimeKind.Utc);

    [Fact]
    public async Task Entries_AreSentAsTheyAreWritten_NotHeldUntilTheArchiveCloses()
    {
        var output = new MemoryStream();
        var first = RandomNumberGenerator.GetBytes(512 * 1024);
        long sentBeforeSecond = -1;

        var writer = await ArchiveWriter.CreateAsync(new ForwardOnly(output), At);
        await using (writer)
        {
            var written = await writer.AddAsync("first.pdf", "pdf", target => target.WriteAsync(first).AsTask());
            await writer.AddAsync("second.txt", "txt", target =>
            {
                sentBeforeSecond = output.Length;
                return target.WriteAsync("second"u8.ToArray()).AsTask();
            });
            await writer.CompleteAsync();

            Assert.Equal((first.Length, Convert.ToHexStringLower(SHA256.HashData(first))), (written.Size, written.Sha256));
        }

        // The first entry (stored as it is: a PDF) was out before the second began.
        Assert.True(sentBeforeSecond >= first.Length, $"{sentBeforeSecond} bytes sent before the second entry");
        output.Position = 0;
        using var zip = new ZipArchive(output, ZipArchiveMode.Read);
        Assert.Equal(["first.pdf", "second.txt"], zip.Entries.Select(e => e.FullName));
        Assert.Equal(first, ZipEntries.Read(zip.Entries[0]));
        Assert.Equal(first.Length, zip.Entries[0].CompressedLength);
        Assert.Equal(At, zip.Entries[0].LastWriteTime.UtcDateTime);
    }

    [Fact]
    public async Task AWholeFileNestedAsAnEntry_IsWrittenForwardOnly_AndOpensWhole()
    {
        await using var store = await TestStore.CreateAsync();
        var applicant = TestStore.Applicant("amina");
        var application = await store.SubmittedAsync(applicant);
        var dossier = (await store.Applications.DossierAsync(application.Id, applicant)).Value!;
        var pages = new DossierPages(
            (_, target, token) => target.WriteAsync("<p>dossier</p>"u8.ToArray(), token).AsTask(),
            (_, target, token) => target.WriteAsync("<p>messages</p>"u8.ToArray(), token).AsTask());
        var output = new MemoryStream();

        var writer = await ArchiveWriter.CreateAsync(new ForwardOnly(output), At);
        await using (writer)
        {
            await writer.AddAsync("account.json", "json", target => target.WriteAsync("{}"u8.ToArray()).AsTask());
            await writer.AddAsync($"applications/{dossier.FileName}", "zip", target => DossierArchive.WriteAsync(DossierLayout.Of(dossier), pages, target));
            await writer.CompleteAsync();
        }

        output.Position = 0;
        using var zip = new ZipArchive(output, ZipArchiveMode.Read);
        using var nested = new ZipArchive(new MemoryStream(ZipEntries.Read(zip.GetEntry($"applications/{application.Reference}.zip")!)), ZipArchiveMode.Read);
        Assert.Equal(["dossier.html", "documents/Passeport - passport.pdf", $"letters/{application.Reference}-receipt.fr.html", "manifest.json"],
            nested.Entries.Select(e => e.FullName));
        Assert.Equal("<p>dossier</p>", Encoding.UTF8.GetString(ZipEntries.Read(nested.GetEntry("dossier.html")!)));
        Assert.Equal(TestStore.Pdf(), ZipEntries.Read(nested.GetEntry("documents/Passeport - passport.pdf")!));
    }
}
