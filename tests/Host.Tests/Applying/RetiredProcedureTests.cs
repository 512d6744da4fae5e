using System.Net;
using EmploymentProcedures.Engine.Authoring;
using EmploymentProcedures.Engine.Definitions;
using EmploymentProcedures.Engine.Storage;
using EmploymentProcedures.Engine.Workflow;
using EmploymentProcedures.Host.Catalog;
using EmploymentProcedures.Host.Components.Designer;
using EmploymentProcedures.Host.Tests.MyApplications;
using Microsoft.Extensions.DependencyInjection;

namespace EmploymentProcedures.Host.Tests.Applying;

/// <summary>
/// A retired procedure over HTTP, on a portal of its own (the retirement would close it for the other tests): neither
/// listed nor found, its page saying so in French, Arabic (right to left) and English rather than "not found", its start
/// refused with the same words; an application submitted before goes on to its decision.
/// </summary>
public sealed class RetiredProcedureTests(LivePortal portal) : IClassFixture<LivePortal>
{
    private const string Procedure = Filing.Procedure;
    private const string Open = "foreign-worker-contract-visa";
    private static readonly Actor Analyst = new("analyst-1", "Salma Analyste", DesignerAccess.Analyst, RoleKind.Staff, []);

    private DefinitionStore Store => portal.Portal.App.Services.GetRequiredService<DefinitionStore>();

    private CatalogRefresh Refresh => portal.Portal.App.Services.GetRequiredService<CatalogRefresh>();

    private PublishedCatalog Served => portal.Portal.App.Services.GetRequiredService<PublishedCatalog>();

    private async Task RetireAsync() =>
        Assert.NotEqual(RetirementOutcome.NotAllowed, await DesignerRetirement.RetireAsync(Procedure, "Abrogée par arrêté", Analyst, Store, Refresh));

    [Theory]
    [InlineData("fr", "ltr", "Cette procédure n'est plus ouverte aux nouvelles demandes depuis le", "Les dossiers déjà déposés suivent leur cours")]
    [InlineData("ar", "rtl", "لم تعد هذه المسطرة مفتوحة لطلبات جديدة منذ", "تتابع الملفات المودعة مسارها")]
    [InlineData("en", "ltr", "This procedure has not been open to new applications since", "Applications already submitted go on to their decision")]
    public async Task ProcedurePage_Retired_SaysItIsClosedToNewApplications_InEachLanguage(string language, string direction, string closed, string submitted)
    {
        await RetireAsync();
        using var client = portal.In(language);

        using var response = await client.GetAsync("/procedures/" + Procedure);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains($"dir=\"{direction}\"", page, StringComparison.Ordinal);
        Assert.Contains(closed, page, StringComparison.Ordinal);
        Assert.Contains(submitted, page, StringComparison.Ordinal);
        Assert.Contains(Served.Catalog.Definitions[Procedure].Title.Get(language), page, StringComparison.Ordinal);
        Assert.DoesNotContain($"action=\"apply/{Procedure}\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Catalog_Retired_IsNeitherListedNorFound()
    {
        await RetireAsync();
        using var client = portal.Anonymous();

        var all = await client.GetStringAsync("/");
        var searched = await client.GetStringAsync("/?q=" + Uri.EscapeDataString("règlement intérieur"));

        Assert.DoesNotContain($"href=\"procedures/{Procedure}\"", all, StringComparison.Ordinal);
        Assert.Contains($"href=\"procedures/{Open}\"", all, StringComparison.Ordinal);
        Assert.DoesNotContain($"href=\"procedures/{Procedure}\"", searched, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartButton_Retired_StartsNothingAndTheApplyPageSaysWhy()
    {
        await RetireAsync();
        var (email, applicant) = await portal.AccountAsync("employer");
        using var client = await portal.SignedInAsync(email);
        var token = LivePortal.Hidden(await client.GetStringAsync("/procedures/" + Open), "__RequestVerificationToken");

        using var response = await client.PostAsync("/apply/" + Procedure, new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var apply = WebUtility.HtmlDecode(await client.GetStringAsync(response.Headers.Location));
        Assert.Contains("Cette procédure n'est plus ouverte aux nouvelles demandes depuis le", apply, StringComparison.Ordinal);
        Assert.DoesNotContain($"action=\"apply/{Procedure}\"", apply, StringComparison.Ordinal);
        Assert.Empty(await portal.Applications.MineAsync(applicant));
    }

    [Fact]
    public async Task ApplyAddress_Retired_TellsAnAnonymousVisitorItIsClosedRatherThanAskingThemToSignIn()
    {
        await RetireAsync();
        using var client = portal.Anonymous();

        using var response = await client.GetAsync("/apply/" + Procedure);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Cette procédure n'est plus ouverte aux nouvelles demandes depuis le", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task DesignerList_MarksWhatIsRetired_AndWhatIsServedWithoutAFileInTheRepository()
    {
        await RetireAsync();
        var id = "designer-only-" + Guid.NewGuid().ToString("N")[..8].Replace('0', 'a');
        Assert.NotNull((await DesignerPublishing.PublishAsync(id, Scaffold.For(id), Analyst, Store, Served)).Published);
        var (email, _) = await portal.AccountAsync(DesignerAccess.Analyst);
        using var client = await portal.SignedInAsync(email);

        var list = WebUtility.HtmlDecode(await client.GetStringAsync("/designer"));

        Assert.Contains("pas dans le dépôt", Row(list, id), StringComparison.Ordinal);
        Assert.DoesNotContain("retirée", Row(list, id), StringComparison.Ordinal);
        Assert.Contains("retirée", Row(list, Procedure), StringComparison.Ordinal);
        Assert.DoesNotContain("pas dans le dépôt", Row(list, Procedure), StringComparison.Ordinal);
    }

    /// <summary>The designer list's row of <paramref name="id"/>.</summary>
    private static string Row(string list, string id)
    {
        var start = list.IndexOf($"<code>{id}</code>", StringComparison.Ordinal);
        Assert.True(start >= 0, id + " is not listed");
        return list[start..list.IndexOf("</tr>", start, StringComparison.Ordinal)];
    }

    [Fact]
    public async Task Submitted_BeforeTheRetirement_IsStillDecided_WhileADraftIsNoLongerSubmittedAndItsFormSaysSo()
    {
        await DesignerRetirement.ReinstateAsync(Procedure, Analyst, Store, Refresh);
        var (_, applicant) = await portal.AccountAsync("employer");
        var submitted = await portal.Filing.SubmittedAsync(applicant);
        var (otherEmail, other) = await portal.AccountAsync("employer");
        var draft = await portal.Filing.DraftAsync(other);
        await RetireAsync();

        var rejected = await portal.Filing.RejectedAsync(submitted, "Règlement non conforme au code du travail");
        var refused = await portal.Applications.SubmitAsync(draft.Id, other);

        Assert.Equal(ApplicationStatus.Rejected, rejected.Status);
        Assert.Equal(RefusalCodes.ProcedureRetired, refused.Refusal?.Code);
        Assert.Contains("Cette procédure n'est plus ouverte aux nouvelles demandes", refused.Refusal!.Message.Get("fr"), StringComparison.Ordinal);
        // The draft's own pages say it before anything is filled in.
        using var client = await portal.SignedInAsync(otherEmail);
        var form = WebUtility.HtmlDecode(await client.GetStringAsync($"/applications/{draft.Id}/review"));
        Assert.Contains("Une demande commencée mais pas encore déposée ne peut plus être déposée.", form, StringComparison.Ordinal);
    }
}
