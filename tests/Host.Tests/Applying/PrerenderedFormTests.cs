using System.Net;
using EmploymentProcedures.Designer.Forms;
using EmploymentProcedures.Host.Tests.MyApplications;

namespace EmploymentProcedures.Host.Tests.Applying;

/// <summary>
/// The form's first, server-rendered response (what a person sees before the circuit has taken the page over): the
/// form itself with the draft's answers, ready to be typed into, and what the takeover script needs.
/// </summary>
[Collection(LivePortalTests.Name)]
public sealed class PrerenderedFormTests(LivePortal portal)
{
    [Fact]
    public async Task FormPage_Prerendered_ShowsTheFormWithTheDraftsAnswersAndTheNotReadyNotice()
    {
        var (email, owner) = await portal.AccountAsync("employer");
        var draft = await portal.Filing.DraftAsync(owner);
        using var client = await portal.SignedInAsync(email);

        var html = WebUtility.HtmlDecode(await client.GetStringAsync($"applications/{draft.Id}/form?page=employer"));

        Assert.Contains("<main id=\"main\" tabindex=\"-1\" data-live=\"false\"", html, StringComparison.Ordinal);
        Assert.Contains("data-autosave data-live=\"false\"", html, StringComparison.Ordinal);
        Assert.Contains($"id=\"{FieldIds.For("employer.ice")}\"", html, StringComparison.Ordinal);
        Assert.Contains($"value=\"{draft.Answers.Get("employer.ice")}\"", html, StringComparison.Ordinal);
        Assert.Contains(">Suivant</button>", html, StringComparison.Ordinal);
        Assert.Contains("data-takeover-notice data-text=\"La page se prépare", html, StringComparison.Ordinal);
        // The script that keeps what is typed runs before Blazor's, so it is there from the first keystroke.
        var takeover = html.IndexOf("js/takeover", StringComparison.Ordinal);
        Assert.InRange(takeover, 0, html.IndexOf("_framework/blazor.web", StringComparison.Ordinal));
    }

    [Fact]
    public async Task FormPage_OfASubmittedApplication_ShowsNoFormToTypeInto()
    {
        var (email, owner) = await portal.AccountAsync("employer");
        var submitted = await portal.Filing.SubmittedAsync(owner);
        using var client = await portal.SignedInAsync(email);

        var html = await client.GetStringAsync($"applications/{submitted.Id}/form");

        Assert.DoesNotContain("data-autosave", html, StringComparison.Ordinal);
        Assert.DoesNotContain($"id=\"{FieldIds.For("employer.company_name")}\"", html, StringComparison.Ordinal);
    }
}
