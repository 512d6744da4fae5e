using System.Net;
using EmploymentProcedures.Engine.Loading;
using EmploymentProcedures.Engine.Storage;
using EmploymentProcedures.Engine.Validation;
using EmploymentProcedures.Engine.Workflow;
using EmploymentProcedures.Host.Tests.MyApplications;
using Microsoft.Extensions.DependencyInjection;

namespace EmploymentProcedures.Host.Tests.Applying;

/// <summary>
/// An applicant's draft when the ministry publishes a new version of the procedure: opening it moves it, the form says what
/// changed, and it is submitted under the new version. A procedure of its own per test, so no other test sees its versions.
/// </summary>
[Collection(LivePortalTests.Name)]
public sealed class DraftMoveFlowTests(LivePortal portal)
{
    private static readonly string Text = File.ReadAllText(Path.Combine(Repository.Root, "tests", "Engine.Tests", "Storage", "Procedures", "store-visa.yaml"));

    private DefinitionStore Definitions => portal.Portal.App.Services.GetRequiredService<DefinitionStore>();

    [Fact]
    public async Task FormPage_DraftOfAnOlderVersion_MovesItTellsWhatIsNowRequiredAndItIsSubmittedUnderTheNewVersion()
    {
        var (id, version1) = NewProcedure();
        // The law changed: a work permit number is now required, and the headcount no longer asked.
        var version2 = version1.Replace(
            "      - { id: headcount, type: number, min: 0, max: 100000, label: { fr: \"Effectif\", ar: \"عدد الأجراء\" } }",
            "      - { id: permit, type: text, required: true, max_length: 30, label: { fr: \"N° de permis de travail\", ar: \"رقم رخصة العمل\" } }",
            StringComparison.Ordinal);
        Assert.NotEqual(version1, version2);
        await PublishAsync(id, version1);
        var (email, owner) = await portal.AccountAsync("employer");
        var draft = Ok(await portal.Applications.StartAsync(id, owner));
        Ok(await portal.Applications.SaveAnswersAsync(draft.Id, owner, Answers.From(new Dictionary<string, object?>
        {
            ["company_name"] = "Atlas Textile SARL", ["province"] = "casablanca", ["headcount"] = 12,
        })));
        Ok(await portal.Applications.AttachDocumentAsync(draft.Id, owner, "passport", "passeport.pdf", new MemoryStream(ApplyingPortal.Pdf())));
        await PublishAsync(id, version2);
        using var client = await portal.SignedInAsync(email);

        var html = WebUtility.HtmlDecode(await client.GetStringAsync($"applications/{draft.Id}/form?page=request"));
        var again = WebUtility.HtmlDecode(await client.GetStringAsync($"applications/{draft.Id}/form?page=request"));

        Assert.Contains("Ce formulaire a été mis à jour le", html, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"applications/{draft.Id}/form?page=request\">N° de permis de travail</a>", html, StringComparison.Ordinal);
        Assert.Contains("<li>Effectif</li>", html, StringComparison.Ordinal);
        // Told until dismissed (the live page's button) or submitted, not only on the first visit.
        Assert.Contains("Ce formulaire a été mis à jour le", again, StringComparison.Ordinal);
        var moved = (await portal.Applications.GetAsync(draft.Id, owner)).Value!;
        Assert.Equal((2, "Atlas Textile SARL", null), (moved.DefinitionVersion, moved.Answers["company_name"], moved.Answers["headcount"]));

        // The applicant fills in the new field (the form's autosave) and submits from the review.
        Ok(await portal.Applications.SaveAnswersAsync(draft.Id, owner, moved.Answers.With("permit", "WP-2026-0042"), moved.Version));
        var submitted = Ok(await portal.Applications.SubmitAsync(draft.Id, owner));
        var receipt = await client.GetAsync($"applications/{draft.Id}/receipt");

        Assert.Equal((2, ApplicationStatus.InReview), (submitted.DefinitionVersion, submitted.Status));
        Assert.Null(submitted.Moved);
        Assert.Equal(HttpStatusCode.OK, receipt.StatusCode);
    }

    [Fact]
    public async Task DismissMove_FromTheForm_TheNoticeIsNotShownAgain()
    {
        var (id, version1) = NewProcedure();
        await PublishAsync(id, version1);
        var (email, owner) = await portal.AccountAsync("employer");
        var draft = Ok(await portal.Applications.StartAsync(id, owner));
        await PublishAsync(id, version1.Replace("Visa de contrat (stockage)", "Visa de contrat", StringComparison.Ordinal));
        using var client = await portal.SignedInAsync(email);
        Assert.Contains("rien d'autre ne change", WebUtility.HtmlDecode(await client.GetStringAsync($"applications/{draft.Id}/form?page=request")), StringComparison.Ordinal);

        Assert.True(await portal.Applications.DismissMoveAsync(draft.Id, owner, 2));
        var html = WebUtility.HtmlDecode(await client.GetStringAsync($"applications/{draft.Id}/form?page=request"));

        Assert.DoesNotContain("Ce formulaire a été mis à jour", html, StringComparison.Ordinal);
    }

    /// <summary>A procedure of its own (the store's visa under another id, without its scenarios) and its text.</summary>
    private static (string Id, string Yaml) NewProcedure()
    {
        var id = "moved-visa-" + Guid.NewGuid().ToString("N")[..8];
        return (id, Text[..Text.IndexOf("tests:", StringComparison.Ordinal)].Replace("id: store-visa", "id: " + id, StringComparison.Ordinal));
    }

    private async Task PublishAsync(string id, string yaml)
    {
        var result = new ProcedureLoader(Definitions.Library).LoadText(yaml, id + ".yaml");
        Assert.False(result.HasErrors, string.Join("\n", result.Diagnostics.Where(d => d.IsError)));
        Assert.True((await Definitions.PublishAsync(result.Definition!, yaml)).Created);
    }

    private static Application Ok(WorkflowResult result)
    {
        Assert.True(result.Succeeded, result.ToString());
        return result.Application!;
    }
}
