using System.Text;
using EmploymentProcedures.Engine.Storage;
using EmploymentProcedures.Engine.Workflow;
using Microsoft.EntityFrameworkCore;

namespace EmploymentProcedures.Engine.Tests.Storage;

/// <summary>Uploads: streamed under a size limit, recognised by their bytes, kept by content, named only in metadata.</summary>
public sealed class DocumentStoreTests
{
    private const long FiveMegabytes = 5L * 1024 * 1024;
    private static readonly string[] Pdf = ["pdf"];
    private static readonly Actor Amina = TestStore.Applicant("amina");

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Save_TwentyMegabytesAgainstAFiveMegabyteLimit_IsRefusedBeforeItIsAllRead(bool documentsInDatabase)
    {
        await using var store = await TestStore.CreateAsync(publish: false, documentsInDatabase: documentsInDatabase);
        var upload = new EndlessPdf(20L * 1024 * 1024);

        var result = await store.Documents.SaveAsync(upload, FiveMegabytes, Pdf);

        Assert.Equal(RefusalCodes.FileTooLarge, result.Refusal?.Code);
        Assert.InRange(upload.BytesRead, FiveMegabytes, FiveMegabytes + (128 * 1024));
        Assert.Empty(Directory.EnumerateFiles(Path.Combine(store.Folder, "documents"), "*", SearchOption.AllDirectories));
        Assert.Empty(store.Documents.StoredBefore(DateTime.MaxValue));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Save_ExactlyAtTheLimit_IsKept(bool documentsInDatabase)
    {
        await using var store = await TestStore.CreateAsync(publish: false, documentsInDatabase: documentsInDatabase);

        var result = await store.Documents.SaveAsync(new EndlessPdf(FiveMegabytes), FiveMegabytes, Pdf);

        Assert.True(result.Succeeded);
        Assert.Equal(FiveMegabytes, result.Value!.SizeBytes);
        await using var content = store.Documents.OpenRead(result.Value.Hash)!;
        var read = new MemoryStream();
        await content.CopyToAsync(read);
        Assert.Equal(FiveMegabytes, read.Length);
        Assert.Equal(result.Value.Hash, Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(read.ToArray())));
    }

    [Fact]
    public async Task Save_SameContentInTheDatabase_IsKeptOnceInChunksAndNoFile()
    {
        await using var store = await TestStore.CreateAsync(publish: false, documentsInDatabase: true);
        var bytes = new byte[(DatabaseDocumentStore.ChunkBytes * 2) + 10];
        "%PDF-"u8.CopyTo(bytes);
        Random.Shared.NextBytes(bytes.AsSpan(5));

        var first = (await store.Documents.SaveAsync(new MemoryStream(bytes), FiveMegabytes, Pdf)).Value!;
        var second = (await store.Documents.SaveAsync(new MemoryStream(bytes), FiveMegabytes, Pdf)).Value!;

        Assert.Equal(first, second);
        Assert.Equal([first.Hash], store.Documents.StoredBefore(DateTime.MaxValue));
        Assert.Equal(3L, await store.ScalarAsync("SELECT COUNT(*) FROM \"DocumentChunks\""));
        Assert.Empty(Directory.EnumerateFiles(Path.Combine(store.Folder, "documents"), "*", SearchOption.AllDirectories));
        await using var content = store.Documents.OpenRead(first.Hash)!;
        var read = new MemoryStream();
        content.CopyTo(read);
        Assert.Equal(bytes, read.ToArray());
    }

    [Fact]
    public async Task Save_UploadCancelledWhileItsChunksAreWritten_LeavesNothingInTheDatabase()
    {
        await using var store = await TestStore.CreateAsync(publish: false, documentsInDatabase: true);
        var documents = (DatabaseDocumentStore)store.Documents;
        var bytes = new byte[(DatabaseDocumentStore.ChunkBytes * 3) + 1];
        "%PDF-"u8.CopyTo(bytes);
        using var cancel = new CancellationTokenSource();
        // The second chunk's read cancels the upload: the content's row and first chunk are written, not committed.
        var interrupted = new CancellingStream(bytes, DatabaseDocumentStore.ChunkBytes + 1, cancel);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => documents.KeepAsync("ab" + new string('0', 62), interrupted, cancel.Token));

        Assert.Equal(0L, await store.ScalarAsync("SELECT COUNT(*) FROM \"DocumentContents\""));
        Assert.Equal(0L, await store.ScalarAsync("SELECT COUNT(*) FROM \"DocumentChunks\""));
        Assert.Null(store.Documents.OpenRead("ab" + new string('0', 62)));
    }

    [Fact]
    public async Task Save_Content_IsKeptOnceUnderItsHashInTwoLevelsOfFolders()
    {
        await using var store = await TestStore.CreateAsync(publish: false);
        var bytes = TestStore.Pdf("contrat");

        var first = (await store.Documents.SaveAsync(new MemoryStream(bytes), FiveMegabytes, Pdf)).Value!;
        var second = (await store.Documents.SaveAsync(new MemoryStream(bytes), FiveMegabytes, Pdf)).Value!;

        var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes));
        Assert.Equal(hash, first.Hash);
        Assert.Equal(first, second);
        var path = Path.Combine(store.Folder, "documents", hash[..2], hash[2..4], hash);
        Assert.Equal(bytes, await File.ReadAllBytesAsync(path));
        Assert.Single(Directory.EnumerateFiles(Path.Combine(store.Folder, "documents"), "*", SearchOption.AllDirectories));
    }

    public static TheoryData<string, byte[], string?> Contents => new()
    {
        { "pdf", TestStore.Pdf(), "pdf" },
        { "png", TestStore.Png(), "png" },
        { "jpeg", [0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10, 0x4A, 0x46, 0x49, 0x46], "jpg" },
        { "docx", TestStore.Docx(), "docx" },
        { "xlsx", TestStore.Zip(("[Content_Types].xml", "<Types/>"), ("xl/workbook.xml", "<workbook/>")), "xlsx" },
        { "odt", TestStore.Zip(("mimetype", "application/vnd.oasis.opendocument.text"), ("content.xml", "<office/>")), "odt" },
        { "plain zip", TestStore.Zip(("readme.txt", "hello")), null },
        { "windows program", Encoding.ASCII.GetBytes("MZ\u0090\0\u0003\0\0\0 This program cannot be run in DOS mode"), null },
        { "html", Encoding.ASCII.GetBytes("<html><script>alert(1)</script></html>"), null },
        { "svg", Encoding.ASCII.GetBytes("<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>"), null },
    };

    [Theory]
    [MemberData(nameof(Contents))]
    public async Task Save_Content_IsRecognisedByItsBytes(string what, byte[] bytes, string? format)
    {
        await using var store = await TestStore.CreateAsync(publish: false);
        string[] everything = ["pdf", "png", "jpg", "docx", "xlsx", "odt", "ods"];

        var result = await store.Documents.SaveAsync(new MemoryStream(bytes), FiveMegabytes, everything);

        Assert.True(format is null ? result.Refusal?.Code == RefusalCodes.FileFormat : result.Value?.Format == format, what);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Save_ZipDeclaringAHugeUnpackedSize_IsNotRecognised(bool documentsInDatabase)
    {
        var bytes = TestStore.Docx();
        // Make an entry of the central directory declare 4 GB unpacked.
        var central = bytes.AsSpan().LastIndexOf("PK\u0001\u0002"u8);
        BitConverter.TryWriteBytes(bytes.AsSpan(central + 24, 4), uint.MaxValue);
        await using var store = await TestStore.CreateAsync(publish: false, documentsInDatabase: documentsInDatabase);

        var result = await store.Documents.SaveAsync(new MemoryStream(bytes), FiveMegabytes, ["docx"]);

        Assert.Equal(RefusalCodes.FileFormat, result.Refusal?.Code);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Attach_ProgramNamedLikeAPdf_IsRefusedAndAudited(bool documentsInDatabase)
    {
        await using var store = await TestStore.CreateAsync(documentsInDatabase: documentsInDatabase);
        var draft = (await store.Applications.StartAsync("store-visa", Amina)).Application!;

        var result = await store.Applications.AttachDocumentAsync(draft.Id, Amina, "passport", "passeport.pdf", new MemoryStream(Encoding.ASCII.GetBytes("MZ\u0090\0 program")));

        Assert.Equal(RefusalCodes.FileFormat, result.Refusal?.Code);
        Assert.Empty((await store.Applications.GetAsync(draft.Id, Amina)).Value!.Documents);
        Assert.Contains(await store.AuditAsync(), a => a.Kind == WorkflowEvents.Refused && a.Detail == RefusalCodes.FileFormat);
    }

    [Fact]
    public async Task Attach_FormatTheDocumentDoesNotAccept_IsRefused()
    {
        await using var store = await TestStore.CreateAsync();
        var draft = (await store.Applications.StartAsync("store-visa", Amina)).Application!;

        var result = await store.Applications.AttachDocumentAsync(draft.Id, Amina, "passport", "passeport.docx", new MemoryStream(TestStore.Docx()));

        Assert.Equal(RefusalCodes.FileFormat, result.Refusal?.Code);
    }

    [Fact]
    public async Task Attach_ByAnotherApplicant_IsRefusedBeforeAByteIsRead()
    {
        await using var store = await TestStore.CreateAsync();
        var draft = (await store.Applications.StartAsync("store-visa", Amina)).Application!;
        var upload = new EndlessPdf(1024);

        var result = await store.Applications.AttachDocumentAsync(draft.Id, TestStore.Applicant("salma"), "passport", "p.pdf", upload);

        Assert.Equal(RefusalCodes.NotYours, result.Refusal?.Code);
        Assert.Equal(0, upload.BytesRead);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Attach_Pdf_IsStoredWithItsMetadataAndCanBeReadBackByTheReviewer(bool documentsInDatabase)
    {
        await using var store = await TestStore.CreateAsync(documentsInDatabase: documentsInDatabase);
        var bytes = TestStore.Pdf("passeport");
        var draft = (await store.Applications.StartAsync("store-visa", Amina)).Application!;

        var attached = await store.Applications.AttachDocumentAsync(draft.Id, Amina, "passport", "../../etc/pass\u202Efdp.exe\r\n", new MemoryStream(bytes));

        var document = Assert.Single(attached.Application!.Documents);
        Assert.Equal(("passport", "passfdp.exe", (long)bytes.Length, "pdf"), (document.DocumentId, document.FileName, document.SizeBytes, document.Format));
        await using (var db = await store.Databases.CreateDbContextAsync())
        {
            var row = await db.Documents.SingleAsync(d => d.ApplicationId == draft.Id);
            Assert.Equal(("passfdp.exe", "amina"), (row.FileName, row.UploadedBy));
        }
        await store.Applications.SaveAnswersAsync(draft.Id, Amina, TestStore.ValidAnswers());
        await store.Applications.SubmitAsync(draft.Id, Amina);
        var opened = await store.Applications.OpenDocumentAsync(draft.Id, TestStore.DeskAgent(), "passport", "passfdp.exe");
        await using var content = opened.Value!;
        using var copy = new MemoryStream();
        await content.CopyToAsync(copy);
        Assert.Equal(bytes, copy.ToArray());
    }

    [Theory]
    [InlineData("contrat.pdf", "contrat.pdf")]
    [InlineData("C:\\Users\\amina\\contrat signé.pdf", "contrat signé.pdf")]
    [InlineData("../../../etc/passwd", "passwd")]
    [InlineData("bad\u0000name\u0007.pdf", "badname.pdf")]
    [InlineData("invoice\u202Efdp.exe", "invoicefdp.exe")]
    [InlineData("line\r\nbreak.pdf", "linebreak.pdf")]
    [InlineData("  ..hidden.pdf ", "hidden.pdf")]
    [InlineData("", "document")]
    [InlineData("../", "document")]
    [InlineData("عقد الشغل.pdf", "عقد الشغل.pdf")]
    public void FileNames_Clean_KeepsALabelNeverAPath(string given, string kept) =>
        Assert.Equal(kept, FileNames.Clean(given));

    [Fact]
    public void FileNames_Clean_CapsTheLength()
    {
        Assert.Equal(FileNames.MaxLength, FileNames.Clean(new string('a', 1000) + ".pdf").Length);
    }

    /// <summary>A content that cancels <paramref name="cancel"/> once <paramref name="after"/> bytes have been read.</summary>
    private sealed class CancellingStream(byte[] bytes, int after, CancellationTokenSource cancel) : MemoryStream(bytes)
    {
        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (Position >= after)
                await cancel.CancelAsync();
            cancellationToken.ThrowIfCancellationRequested();
            return await base.ReadAsync(buffer, cancellationToken);
        }
    }

    /// <summary>A PDF of the given size made up as it is read, counting what was read: a large upload without the memory.</summary>
    private sealed class EndlessPdf(long size) : Stream
    {
        public long BytesRead { get; private set; }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => size;
        public override long Position { get => BytesRead; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = (int)Math.Min(count, size - BytesRead);
            for (var i = 0; i < n; i++)
                buffer[offset + i] = BytesRead + i < 5 ? (byte)"%PDF-"[(int)(BytesRead + i)] : (byte)' ';
            BytesRead += n;
            return n;
        }

        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
