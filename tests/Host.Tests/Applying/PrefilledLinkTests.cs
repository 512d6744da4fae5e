using System.Net;
using EmploymentProcedures.Engine.Workflow;
using EmploymentProcedures.Host.Tests.MyApplications;

namespace EmploymentProcedures.Host.Tests.Applying;

/// <summary>
/// A prefilled link, <c>/procedures/{id}/apply?f.field=value</c>: a new draft with the link's values, never a change to an
/// existing one; the values left aside listed on the form; the link kept through sign-in.
/// </summary>
[Collection(LivePortalTests.Name)]
public sealed class PrefilledLinkTests(LivePortal portal)
{
    private const string Procedure = Filing.Procedure;
    private const string Link = "/procedures/" + Procedure + "/apply?f.reception_schedule=Lundi%2010h-12h&f.article_count=42&f.establishment.address.province=rabat&f.article_count_typo=3&f.opening_date=hier";

    private async Task<List<Application>> DraftsAsync(Actor applicant)
    {
        var drafts = new List<Application>();
        foreach (var line in (await portal.Applications.MineAsync(applicant)).Where(a => a.ProcedureId == Procedure && a.Status == ApplicationStatus.Draft))
            drafts.Add((await portal.Applications.GetAsync(line.Id, applicant)).Value!);
        return drafts;
    }

    [Fact]
    public async Task Link_OpenedWithoutADraft_StartsOneWithItsValuesAndListsThoseLeftAside()
    {
        var (email, applicant) = await portal.AccountAsync("employer");
        using var client = await portal.SignedInAsync(email);

        using var response = await client.GetAsync(Link);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var draft = Assert.Single(await DraftsAsync(applicant));
        Assert.Equal($"/applications/{draft.Id}/form", response.Headers.Location!.OriginalString);
        Assert.Equal("Lundi 10h-12h", draft.Answers["reception_schedule"]);
        Assert.Equal("42", draft.Answers["article_count"]);
        Assert.Equal("rabat", draft.Answers.Get("establishment.address.province"));
        Assert.Null(draft.Answers["opening_date"]);
        // The form opens on its first page, with the notice and each field's mark.
        using var form = await client.GetAsync(response.Headers.Location);
        var page = WebUtility.HtmlDecode(await client.GetStringAsync(form.Headers.Location ?? response.Headers.Location));
        Assert.Contains("2 valeurs du lien n'ont pas été reprises :", page, StringComparison.Ordinal);
        Assert.Contains("f.article_count_typo", page, StringComparison.Ordinal);
        Assert.Contains("ce formulaire n'a pas de champ de ce nom.", page, StringComparison.Ordinal);
        Assert.Contains("f.opening_date", page, StringComparison.Ordinal);
        Assert.Contains("3 réponses viennent du lien", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Link_OpenedWithADraft_AsksAndChangesNothing_ThenStartsANewOneWhenAsked()
    {
        var (email, applicant) = await portal.AccountAsync("employer");
        var existing = (await portal.Applications.StartAsync(Procedure, applicant)).Application!;
        using var client = await portal.SignedInAsync(email);

        using var response = await client.GetAsync(Link);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/apply/" + Procedure + "?f.reception_schedule=", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
        var choice = await client.GetStringAsync(response.Headers.Location);
        Assert.Contains($"href=\"applications/{existing.Id}/form\"", choice, StringComparison.Ordinal);
        Assert.Contains($"action=\"procedures/{Procedure}/apply\"", choice, StringComparison.Ordinal);
        Assert.Contains("Vous avez déjà un brouillon de cette procédure", WebUtility.HtmlDecode(choice), StringComparison.Ordinal);
        Assert.Equal(existing.Answers.ToJson(), Assert.Single(await DraftsAsync(applicant)).Answers.ToJson());

        var fields = new List<KeyValuePair<string, string>> { new("__RequestVerificationToken", LivePortal.Hidden(choice, "__RequestVerificationToken")) };
        fields.Add(new("f.reception_schedule", LivePortal.Hidden(choice, "f.reception_schedule")));
        fields.Add(new("f.article_count", LivePortal.Hidden(choice, "f.article_count")));
        using var started = await client.PostAsync($"/procedures/{Procedure}/apply", new FormUrlEncodedContent(fields));

        Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);
        var drafts = await DraftsAsync(applicant);
        Assert.Equal(2, drafts.Count);
        var prefilled = drafts.Single(d => d.Id != existing.Id);
        Assert.Equal("Lundi 10h-12h", prefilled.Answers["reception_schedule"]);
        Assert.Equal($"/applications/{prefilled.Id}/form", started.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Link_PostedWithoutItsToken_Is400AndStartsNothing()
    {
        var (email, applicant) = await portal.AccountAsync("employer");
        using var client = await portal.SignedInAsync(email);

        using var response = await client.PostAsync($"/procedures/{Procedure}/apply", new FormUrlEncodedContent([new("f.article_count", "42")]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(await DraftsAsync(applicant));
    }

    [Fact]
    public async Task Link_OpenedByAnonymousVisitor_GoesToSignInWithTheWholeLinkToComeBackTo()
    {
        using var client = portal.Anonymous();

        using var response = await client.GetAsync(Link);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.OriginalString;
        Assert.StartsWith("/account/sign-in?returnUrl=", location, StringComparison.Ordinal);
        var back = Uri.UnescapeDataString(location["/account/sign-in?returnUrl=".Length..]);
        Assert.Equal(Link, back);
    }

    [Fact]
    public async Task Link_WithMoreThanAHundredValues_StartsNothingAndSaysWhy()
    {
        var (email, applicant) = await portal.AccountAsync("employer");
        using var client = await portal.SignedInAsync(email);
        var query = string.Join('&', Enumerable.Range(1, 101).Select(i => $"f.v{i}=x"));

        using var response = await client.GetAsync($"/procedures/{Procedure}/apply?{query}");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Empty(await DraftsAsync(applicant));
        var page = WebUtility.HtmlDecode(await client.GetStringAsync(response.Headers.Location));
        Assert.Contains("Ce lien porte 101 valeurs ; un lien prérempli en porte au plus 100.", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Link_WithTooManyValuesAndADraft_SaysWhyAndOffersTheDraftUnchanged()
    {
        var (email, applicant) = await portal.AccountAsync("employer");
        var existing = (await portal.Applications.StartAsync(Procedure, applicant)).Application!;
        using var client = await portal.SignedInAsync(email);
        var query = string.Join('&', Enumerable.Range(1, 120).Select(i => $"f.v{i}=x"));

        using var response = await client.GetAsync($"/procedures/{Procedure}/apply?{query}");

        var page = WebUtility.HtmlDecode(await client.GetStringAsync(response.Headers.Location));
        Assert.Contains("Ce lien porte 120 valeurs", page, StringComparison.Ordinal);
        Assert.Contains($"href=\"applications/{existing.Id}/form\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain($"action=\"procedures/{Procedure}/apply\"", page, StringComparison.Ordinal);
        Assert.Equal(existing.Id, Assert.Single(await DraftsAsync(applicant)).Id);
    }

    [Fact]
    public async Task Link_OpenedByAnotherKindOfAccount_StartsNothing()
    {
        var (email, worker) = await portal.AccountAsync("worker");
        using var client = await portal.SignedInAsync(email);

        using var response = await client.GetAsync(Link);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/apply/" + Procedure, response.Headers.Location!.OriginalString);
        Assert.Empty(await portal.Applications.MineAsync(worker));
    }
}
