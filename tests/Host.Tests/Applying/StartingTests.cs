using System.Net;
using EmploymentProcedures.Engine.Workflow;
using EmploymentProcedures.Host.Tests.MyApplications;

namespace EmploymentProcedures.Host.Tests.Applying;

/// <summary>
/// Starting an application: only the procedure page's button (a post with its antiforgery token) starts a draft; the
/// address <c>/apply/{procedure}</c> opened by a link, a bookmark or another site resumes a draft or offers the button.
/// </summary>
[Collection(LivePortalTests.Name)]
public sealed class StartingTests(LivePortal portal)
{
    private const string Procedure = Filing.Procedure;
    private const string Apply = "/apply/" + Procedure;

    private async Task<int> DraftsAsync(Actor applicant) =>
        (await portal.Applications.MineAsync(applicant)).Count(a => a.ProcedureId == Procedure && a.Status == ApplicationStatus.Draft);

    private static async Task<HttpResponseMessage> PressStartAsync(HttpClient client, string? token)
    {
        var fields = new Dictionary<string, string>();
        if (token is not null)
            fields["__RequestVerificationToken"] = token;
        return await client.PostAsync(Apply, new FormUrlEncodedContent(fields));
    }

    private static async Task<string> TokenOfTheProcedurePageAsync(HttpClient client)
    {
        var page = await client.GetStringAsync("/procedures/" + Procedure);
        Assert.Contains($"<form method=\"post\" action=\"apply/{Procedure}\"", page, StringComparison.Ordinal);
        return LivePortal.Hidden(page, "__RequestVerificationToken");
    }

    [Fact]
    public async Task ApplyAddress_OpenedWithoutADraft_StartsNothingAndOffersTheStartButton()
    {
        var (email, applicant) = await portal.AccountAsync("employer");
        using var client = await portal.SignedInAsync(email);

        using var response = await client.GetAsync(Apply);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains($"<form method=\"post\" action=\"apply/{Procedure}\"", body, StringComparison.Ordinal);
        Assert.Contains("Vous n'avez pas encore commencé cette demande", WebUtility.HtmlDecode(body), StringComparison.Ordinal);
        Assert.Equal(0, await DraftsAsync(applicant));
    }

    [Fact]
    public async Task ApplyAddress_OpenedWithADraft_ResumesItAndStartsNoOther()
    {
        var (email, applicant) = await portal.AccountAsync("employer");
        var draft = (await portal.Applications.StartAsync(Procedure, applicant)).Application!;
        using var client = await portal.SignedInAsync(email);

        using var response = await client.GetAsync(Apply);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.EndsWith($"/applications/{draft.Id}/form", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(1, await DraftsAsync(applicant));
    }

    [Fact]
    public async Task StartButton_PostedWithoutItsToken_Is400AndStartsNothing()
    {
        var (email, applicant) = await portal.AccountAsync("employer");
        using var client = await portal.SignedInAsync(email);

        using var response = await PressStartAsync(client, token: null);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0, await DraftsAsync(applicant));
    }

    [Fact]
    public async Task StartButton_PostedWithAnotherVisitorsToken_Is400AndStartsNothing()
    {
        var (email, applicant) = await portal.AccountAsync("employer");
        using var attacker = portal.Anonymous();
        var token = await TokenOfTheProcedurePageAsync(attacker);
        using var client = await portal.SignedInAsync(email);

        using var response = await PressStartAsync(client, token);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0, await DraftsAsync(applicant));
    }

    [Fact]
    public async Task StartButton_Pressed_StartsADraftThenResumesTheSameOne()
    {
        var (email, applicant) = await portal.AccountAsync("employer");
        using var client = await portal.SignedInAsync(email);
        var token = await TokenOfTheProcedurePageAsync(client);

        using var first = await PressStartAsync(client, token);
        using var second = await PressStartAsync(client, token);

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        var draft = Assert.Single(await portal.Applications.MineAsync(applicant));
        Assert.Equal($"/applications/{draft.Id}/form", first.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        Assert.Equal(first.Headers.Location, second.Headers.Location);
        Assert.Equal(1, await DraftsAsync(applicant));
    }

    [Fact]
    public async Task StartButton_PressedAfterAnEarlierApplication_StartsADraftFilledFromItWithTheNotice()
    {
        var (email, applicant) = await portal.AccountAsync("employer");
        var earlier = await portal.Filing.SubmittedAsync(applicant);
        using var client = await portal.SignedInAsync(email);
        var token = await TokenOfTheProcedurePageAsync(client);

        using var started = await PressStartAsync(client, token);

        Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);
        var draft = (await portal.Applications.MineAsync(applicant)).Single(a => a.Status == ApplicationStatus.Draft);
        var stored = (await portal.Applications.GetAsync(draft.Id, applicant)).Value!;
        Assert.Equal(earlier.Answers.Get("employer.ice"), stored.Answers.Get("employer.ice"));
        Assert.Equal(earlier.Answers.Get("establishment.name"), stored.Answers.Get("establishment.name"));
        Assert.Equal(["employer", "establishment"], stored.Carried.Select(c => c.Section));
        Assert.All(stored.Carried, c => Assert.Equal((earlier.Reference, earlier.SubmittedOn), (c.Reference, (DateOnly?)c.SubmittedOn)));
        // The new draft opens on its first page, where the notice says where its answers come from.
        using var form = await client.GetAsync(started.Headers.Location);
        Assert.Equal(HttpStatusCode.Redirect, form.StatusCode);
        Assert.EndsWith("form?page=employer", form.Headers.Location!.OriginalString, StringComparison.Ordinal);
        var page = WebUtility.HtmlDecode(await client.GetStringAsync(form.Headers.Location));
        Assert.Contains($"Ces informations reprennent celles de votre demande {earlier.Reference} du ", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartButton_PressedByAnonymousVisitor_GoesToSignInAndBackToTheApplyPage()
    {
        using var client = portal.Anonymous();
        var token = await TokenOfTheProcedurePageAsync(client);

        using var response = await PressStartAsync(client, token);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account/sign-in?returnUrl=" + Uri.EscapeDataString(Apply), response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task StartButton_PressedByAnotherKindOfAccount_StartsNothingAndTheApplyPageSaysWhoFilesIt()
    {
        var (email, worker) = await portal.AccountAsync("worker");
        using var client = await portal.SignedInAsync(email);
        var token = await TokenOfTheProcedurePageAsync(client);

        using var response = await PressStartAsync(client, token);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(Apply, response.Headers.Location!.OriginalString);
        Assert.Empty(await portal.Applications.MineAsync(worker));
        var page = WebUtility.HtmlDecode(await client.GetStringAsync(Apply));
        Assert.Contains("déposée par les comptes « Employeur »", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<form method=\"post\" action=\"apply/", page, StringComparison.Ordinal);
    }
}
