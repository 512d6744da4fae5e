using System.Net;
using EmploymentProcedures.Engine.Definitions;
using EmploymentProcedures.Engine.Validation;
using EmploymentProcedures.Engine.Workflow;
using EmploymentProcedures.Host.MyApplications;

namespace EmploymentProcedures.Host.Tests.MyApplications;

/// <summary>The download of an attached file over HTTP: the owner gets the bytes as an attachment; anyone else, a 404 that confirms nothing.</summary>
[Collection(LivePortalTests.Name)]
public sealed class FileDownloadTests(LivePortal portal)
{
    private static readonly Actor Administrator = new("admin-test", "Admin", "administrator", RoleKind.Staff, []);

    private async Task<(Application Application, AttachedDocument File, string OwnerEmail)> SubmittedAsync(string? fileName = null)
    {
        var (email, owner) = await portal.AccountAsync("employer");
        var application = await portal.Filing.SubmittedAsync(owner, fileName);
        return (application, application.Documents[0], email);
    }

    [Fact]
    public async Task Download_ByTheOwner_StreamsTheBytesAsAnAttachmentNeverCachedOrSniffed()
    {
        var (application, file, email) = await SubmittedAsync();
        using var client = await portal.SignedInAsync(email);

        using var response = await client.GetAsync(ApplicationFiles.Url(application.Id, file));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Filing.Pdf(file.DocumentId), await response.Content.ReadAsByteArrayAsync());
        Assert.Equal("application/octet-stream", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal(file.FileName, response.Content.Headers.ContentDisposition?.FileNameStar);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.True(response.Headers.CacheControl is { Private: true, NoStore: true }, response.Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task Download_FileNameWithQuotesAndArabic_IsEncodedInTheHeaderNotInjected()
    {
        var (application, file, email) = await SubmittedAsync("règlement \"final\"; name=evil.html نظام.pdf");
        using var client = await portal.SignedInAsync(email);

        using var response = await client.GetAsync(ApplicationFiles.Url(application.Id, file));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var disposition = response.Content.Headers.ContentDisposition!;
        Assert.Equal("attachment", disposition.DispositionType);
        Assert.Equal("règlement \"final\"; name=evil.html نظام.pdf", disposition.FileNameStar);
        Assert.DoesNotContain(disposition.Parameters, p => p.Name.Equals("name", StringComparison.OrdinalIgnoreCase));
        Assert.All(response.Content.Headers.GetValues("Content-Disposition").Single(), c => Assert.True(c < 128, "the header is ASCII"));
    }

    [Fact]
    public async Task Download_ByAnotherApplicant_Is404AndAudited()
    {
        var (application, file, _) = await SubmittedAsync();
        var (stranger, strangerActor) = await portal.AccountAsync("employer");
        using var client = await portal.SignedInAsync(stranger);

        using var response = await client.GetAsync(ApplicationFiles.Url(application.Id, file));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain("%PDF", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var history = (await portal.Applications.HistoryAsync(application.Id, Administrator)).Value!;
        Assert.Contains(history, e => e.Kind == WorkflowEvents.Refused && e.ActorId == strangerActor.UserId && e.Action == "open_document " + file.DocumentId);
    }

    [Fact]
    public async Task Download_ByAReviewerOfAnotherProvince_Is404_AndOfItsProvince_Succeeds()
    {
        var (application, file, _) = await SubmittedAsync();
        var elsewhere = application.Province == "rabat" ? "casablanca" : "rabat";
        var (outside, _) = await portal.AccountAsync("desk-agent", elsewhere);
        var (inside, _) = await portal.AccountAsync("desk-agent", application.Province!);
        using var outsider = await portal.SignedInAsync(outside);
        using var insider = await portal.SignedInAsync(inside);

        using var refused = await outsider.GetAsync(ApplicationFiles.Url(application.Id, file));
        using var served = await insider.GetAsync(ApplicationFiles.Url(application.Id, file));

        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
    }

    [Fact]
    public async Task Download_Anonymous_IsSentToSignInAndBack()
    {
        var (application, file, _) = await SubmittedAsync();
        using var client = portal.Anonymous();
        var url = ApplicationFiles.Url(application.Id, file);

        using var response = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.ToString();
        Assert.Contains("/account/sign-in", location, StringComparison.Ordinal);
        Assert.Contains(Uri.EscapeDataString("/" + url), location, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("..%2F..%2Fkeys")]
    [InlineData("..%5C..%5Cprocedures.db")]
    [InlineData("%2E%2E")]
    [InlineData("..%252F..%252Fprocedures.db")]
    public async Task Download_PathTraversalInTheFileName_Is404(string fileName)
    {
        var (application, file, email) = await SubmittedAsync();
        using var client = await portal.SignedInAsync(email);

        using var response = await client.GetAsync($"applications/{application.Id}/files/{file.DocumentId}/{fileName}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain("SQLite format", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Download_UnknownApplicationOrDocument_Is404LikeAnothers()
    {
        var (application, file, email) = await SubmittedAsync();
        using var client = await portal.SignedInAsync(email);

        using var unknownApplication = await client.GetAsync($"applications/{Guid.NewGuid()}/files/{file.DocumentId}/{file.FileName}");
        using var unknownDocument = await client.GetAsync($"applications/{application.Id}/files/nothing/{file.FileName}");

        Assert.Equal(HttpStatusCode.NotFound, unknownApplication.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknownDocument.StatusCode);
    }
}
