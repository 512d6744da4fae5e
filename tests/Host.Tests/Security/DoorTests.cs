using System.Net;
using EmploymentProcedures.Engine.Loading;
using EmploymentProcedures.Engine.Storage;
using EmploymentProcedures.Engine.Workflow;
using EmploymentProcedures.Host.MyApplications;
using EmploymentProcedures.Host.Tests.MyApplications;
using Microsoft.Extensions.DependencyInjection;

namespace EmploymentProcedures.Host.Tests.Security;

/// <summary>
/// An attacker with an account of their own tries the addresses of what is not theirs: another application's letters and
/// message files under their own application's id, every applicant page of a draft as its province's reviewer, and every
/// address of the portal without signing in. Each gets what an address that does not exist gets.
/// </summary>
[Collection(LivePortalTests.Name)]
public sealed class DoorTests(LivePortal portal)
{
    private async Task<(string Email, Actor Owner, Application Submitted, IssuedLetter Receipt, MessageAttachment File)> VictimAsync()
    {
        var (email, owner) = await portal.AccountAsync("employer");
        var submitted = await portal.Filing.SubmittedAsync(owner);
        var receipt = Assert.Single((await portal.Applications.IssuedAsync(submitted.Id, owner)).Value!);
        var posted = (await portal.Applications.PostMessageAsync(submitted.Id, owner, "Le PV.", [new MessageFile("pv.pdf", new MemoryStream(Filing.Pdf("pv")))])).Value!;
        return (email, owner, submitted, receipt, posted.Attachments[0]);
    }

    [Fact]
    public async Task LetterAndMessageFile_OfAnotherApplication_AskedUnderTheAttackersOwnApplication_Are404()
    {
        var victim = await VictimAsync();
        var (attackerEmail, attacker) = await portal.AccountAsync("employer");
        var own = await portal.Filing.SubmittedAsync(attacker);
        using var client = await portal.SignedInAsync(attackerEmail);

        // The attacker may see their own application, so only the letter's and the file's own application must stop them.
        using var letter = await client.GetAsync(ApplicationFiles.Url(victim.Receipt with { ApplicationId = own.Id }));
        using var file = await client.GetAsync($"applications/{own.Id}/messages/files/{victim.File.Id}/pv.pdf");

        Assert.Equal(HttpStatusCode.NotFound, letter.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, file.StatusCode);
        Assert.DoesNotContain(victim.Submitted.Reference!, await letter.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain("% pv", await file.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Draft_EveryAddressOfIt_ForAReviewerOfItsCircuit_Is404()
    {
        // The visa is not routed and its decision is the migrant-employment service's, everywhere: no territory hides the
        // draft from that reviewer, only its being a draft.
        var (_, owner) = await portal.AccountAsync("employer");
        var visa = portal.Portal.App.Services.GetRequiredService<ProcedureCatalog>().Definitions["foreign-worker-contract-visa"];
        var draft = await new Filing(portal.Applications, visa).DraftAsync(owner);
        var (reviewerEmail, _) = await portal.AccountAsync("migrant-employment-service");
        using var client = await portal.SignedInAsync(reviewerEmail);

        foreach (var path in new[]
        {
            $"cases/{draft.Id}", $"applications/{draft.Id}", $"applications/{draft.Id}/form", $"applications/{draft.Id}/review",
            $"applications/{draft.Id}/receipt", ApplicationFiles.Url(draft.Id, draft.Documents[0]), ApplicationDossier.Url(draft.Id),
        })
        {
            using var response = await client.GetAsync(path);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{path}: {response.StatusCode}");
        }
    }

    public static TheoryData<string> AnonymousPaths => new()
    {
        "applications/{id}/receipt",
        "applications/{id}/form",
        "applications/{id}/review",
        "cases/{id}",
        "applications/{id}/letters/{letter}/receipt.html",
        "applications/{id}/letters/{letter}/receipt.html?download=true",
        "applications/{id}/messages/files/{file}/pv.pdf",
        "applications/{id}/dossier",
        "notifications",
        "dashboard",
        "apply/internal-regulations-approval",
    };

    [Theory]
    [MemberData(nameof(AnonymousPaths))]
    public async Task Anonymous_AnyAddressOfAnApplication_IsSentToSignIn_WithNothingOfIt(string path)
    {
        var victim = await VictimAsync();
        using var client = portal.Anonymous();
        var address = path.Replace("{id}", victim.Submitted.Id.ToString(), StringComparison.Ordinal)
            .Replace("{letter}", victim.Receipt.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{file}", victim.File.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);

        using var response = await client.GetAsync(address);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/sign-in", response.Headers.Location!.AbsolutePath, StringComparison.Ordinal);
        var body = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain(victim.Submitted.Reference!, body, StringComparison.Ordinal);
        Assert.DoesNotContain("%PDF", body, StringComparison.Ordinal);
    }
}
