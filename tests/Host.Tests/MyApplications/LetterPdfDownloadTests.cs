using System.Net;
using EmploymentProcedures.Engine.Definitions;
using EmploymentProcedures.Engine.Storage;
using EmploymentProcedures.Engine.Templates;
using EmploymentProcedures.Engine.Workflow;
using EmploymentProcedures.Host.MyApplications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using UglyToad.PdfPig;

namespace EmploymentProcedures.Host.Tests.MyApplications;

/// <summary>An issued letter downloaded as PDF over HTTP: its owner gets the letter as issued, anyone else a 404 that confirms nothing.</summary>
[Collection(LivePortalTests.Name)]
public sealed class LetterPdfDownloadTests(LivePortal portal)
{
    private static readonly Actor Administrator = new("admin-test", "Admin", "administrator", RoleKind.Staff, []);

    private async Task<(Application Application, IssuedLetter Receipt, string OwnerEmail)> SubmittedAsync()
    {
        var (email, owner) = await portal.AccountAsync("employer");
        var application = await portal.Filing.SubmittedAsync(owner);
        var receipt = Assert.Single((await portal.Applications.IssuedAsync(application.Id, owner)).Value!);
        return (application, receipt, email);
    }

    [Fact]
    public async Task Pdf_ByTheOwner_IsTheLetterAsIssuedAsAnAttachmentNamedAfterReferenceAndKind()
    {
        var (application, receipt, email) = await SubmittedAsync();
        using var client = await portal.SignedInAsync(email);

        using var response = await client.GetAsync(LetterPdfDownload.Url(receipt));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal($"{application.Reference}-receipt.pdf", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.True(response.Headers.CacheControl is { Private: true, NoStore: true }, response.Headers.CacheControl?.ToString());
        using var pdf = PdfDocument.Open(await response.Content.ReadAsByteArrayAsync());
        var text = string.Concat(pdf.GetPages().Select(p => p.Text));
        Assert.Contains(application.Reference!, text, StringComparison.Ordinal);
        // The code printed in the PDF is the letter's own: the one /verify answers to.
        Assert.True(VerificationCode.TryParse(receipt.VerificationCode, out var code));
        Assert.Contains(code.ToString(), text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pdf_ByAnotherApplicant_Is404WithNothingOfTheLetterAndAudited()
    {
        var (application, receipt, _) = await SubmittedAsync();
        var (stranger, strangerActor) = await portal.AccountAsync("employer");
        using var client = await portal.SignedInAsync(stranger);

        using var response = await client.GetAsync(LetterPdfDownload.Url(receipt));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain("%PDF", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var history = (await portal.Applications.HistoryAsync(application.Id, Administrator)).Value!;
        Assert.Contains(history, e => e.Kind == WorkflowEvents.Refused && e.ActorId == strangerActor.UserId && e.Action == "open_letter_pdf " + receipt.Id);
    }

    [Fact]
    public async Task Pdf_ByAReviewerOfAnotherProvince_Is404_AndOfItsProvince_Succeeds()
    {
        var (application, receipt, _) = await SubmittedAsync();
        var elsewhere = application.Province == "rabat" ? "casablanca" : "rabat";
        var (outside, _) = await portal.AccountAsync("desk-agent", elsewhere);
        var (inside, _) = await portal.AccountAsync("desk-agent", application.Province!);
        using var outsider = await portal.SignedInAsync(outside);
        using var insider = await portal.SignedInAsync(inside);

        using var refused = await outsider.GetAsync(LetterPdfDownload.Url(receipt));
        using var served = await insider.GetAsync(LetterPdfDownload.Url(receipt));

        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        Assert.Equal("application/pdf", served.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Pdf_OfAnotherApplicationsLetterOrAnUnknownOne_Is404()
    {
        var (application, receipt, email) = await SubmittedAsync();
        var (_, other, _) = await SubmittedAsync();
        using var client = await portal.SignedInAsync(email);

        // The owner's application with the id of a letter of someone else's, then an id that is no letter's.
        using var crossed = await client.GetAsync($"applications/{application.Id}/letters/{other.Id}/pdf");
        using var unknown = await client.GetAsync($"applications/{application.Id}/letters/{receipt.Id + 1_000_000}/pdf");

        Assert.Equal(HttpStatusCode.NotFound, crossed.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task Pdf_OfALetterTheRendererCannotLayOut_IsAPageSayingSoLinkingToTheLetterAndAnErrorInTheLog()
    {
        var (application, receipt, email) = await SubmittedAsync();
        // A letter issued by an analyst's template with an element the PDF does not draw (lint warned of it: EP0508).
        var html = "<!DOCTYPE html><html lang=\"fr\"><head><title>Récépissé</title></head><body><main><h1>Récépissé</h1><video src=\"x.mp4\"></video></main></body></html>"u8.ToArray();
        var databases = portal.Portal.App.Services.GetRequiredService<IDbContextFactory<ProceduresDb>>();
        await using (var db = await databases.CreateDbContextAsync())
            Assert.Equal(1, await db.Database.ExecuteSqlAsync($"UPDATE \"Letters\" SET \"Content\" = {html} WHERE \"Id\" = {receipt.Id}"));
        var errors = new ErrorRecorder();
        portal.Portal.App.Services.GetRequiredService<ILoggerFactory>().AddProvider(errors);
        try
        {
            using var client = await portal.SignedInAsync(email);

            using var response = await client.GetAsync(LetterPdfDownload.Url(receipt));

            Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
            Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
            var page = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
            Assert.Contains("Ce courrier ne peut pas être produit en PDF", page, StringComparison.Ordinal);
            Assert.Contains($"href=\"{ApplicationFiles.Url(receipt)}\"", page, StringComparison.Ordinal);
            Assert.Contains(errors.Entries, e => e.Contains($"Letter {receipt.Id}", StringComparison.Ordinal) && e.Contains("<video>", StringComparison.Ordinal));
            // The letter itself is still served to print.
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(ApplicationFiles.Url(receipt))).StatusCode);
            Assert.NotNull(application.Reference);
        }
        finally
        {
            errors.Stop();
        }
    }

    [Fact]
    public async Task Pdf_Anonymous_IsSentToSignIn()
    {
        var (_, receipt, _) = await SubmittedAsync();
        using var client = portal.Anonymous();

        using var response = await client.GetAsync(LetterPdfDownload.Url(receipt));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/account/sign-in", response.Headers.Location!.ToString(), StringComparison.Ordinal);
    }
}
