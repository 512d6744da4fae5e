using System.Security.Cryptography;
using EmploymentProcedures.Engine.Definitions;
using EmploymentProcedures.Engine.Loading;
using EmploymentProcedures.Engine.Storage;
using EmploymentProcedures.Engine.Workflow;
using EmploymentProcedures.Host.Tests.MyApplications;
using Microsoft.Extensions.DependencyInjection;

namespace EmploymentProcedures.Host.Tests.Operations;

/// <summary>Storage:Documents=database: the portal keeps uploads in its database, and takes the files of a portal moving there.</summary>
public sealed class DocumentStorageTests
{
    private static readonly Actor Employer = new("employer-documents", "Omar Tazi", "employer", RoleKind.Applicant, []);

    [Fact]
    public async Task Portal_DocumentsInTheDatabase_KeepsUploadsThereAndWritesNoFile()
    {
        await using var portal = await TempPortal.PrepareAsync(settings: "--Storage:Documents=database");
        var services = portal.App.Services;
        var applications = services.GetRequiredService<Applications>();
        var filing = new Filing(applications, services.GetRequiredService<ProcedureCatalog>().Definitions[Filing.Procedure]);

        var submitted = await filing.SubmittedAsync(Employer);

        Assert.IsType<DatabaseDocumentStore>(services.GetRequiredService<IDocumentStore>());
        Assert.Empty(Directory.EnumerateFiles(Path.Combine(portal.DataPath, "documents"), "*", SearchOption.AllDirectories));
        var document = submitted.Documents[0];
        var opened = await applications.OpenDocumentAsync(submitted.Id, Employer, document.DocumentId, document.FileName);
        await using var content = opened.Value!;
        using var read = new MemoryStream();
        await content.CopyToAsync(read);
        Assert.Equal(Filing.Pdf(document.DocumentId), read.ToArray());
    }

    [Fact]
    public async Task Portal_StartedWithDocumentsInTheDatabaseOverFiles_CopiesThemIn()
    {
        var bytes = Filing.Pdf("déjà là");
        var hash = Convert.ToHexStringLower(SHA256.HashData(bytes));

        await using var portal = await TempPortal.PrepareOverAsync(async data =>
        {
            var path = Path.Combine(data, "documents", hash[..2], hash[2..4], hash);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await File.WriteAllBytesAsync(path, bytes);
        }, settings: "--Storage:Documents=database");

        var store = portal.App.Services.GetRequiredService<IDocumentStore>();
        Assert.IsType<DatabaseDocumentStore>(store);
        await using var content = store.OpenRead(hash)!;
        using var read = new MemoryStream();
        await content.CopyToAsync(read);
        Assert.Equal(bytes, read.ToArray());
    }
}
