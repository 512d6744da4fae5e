using Bunit;
using EmploymentProcedures.Engine.Workflow;
using EmploymentProcedures.Host.Components.Pages.Applying;
using EmploymentProcedures.Host.Localization;
using EmploymentProcedures.Host.Tests.MyApplications;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace EmploymentProcedures.Host.Tests.Applying;

/// <summary>
/// The form of a draft whose sections were filled from the applicant's earlier application: the notice under each such
/// section's heading, in the page's language, and its button that empties the section.
/// </summary>
[Collection(LivePortalTests.Name)]
public sealed class CarriedNoticeTests(LivePortal portal)
{
    /// <summary>An employer who submitted the regulations once, and the second draft of it they just started (filled from the first).</summary>
    private async Task<(Actor Owner, Application Earlier, Application Draft)> SecondDraftAsync()
    {
        var (_, owner) = await portal.AccountAsync("employer");
        var earlier = await portal.Filing.SubmittedAsync(owner);
        var started = await portal.Applications.StartAsync(Filing.Procedure, owner);
        Assert.True(started.Succeeded, started.ToString());
        return (owner, earlier, started.Application!);
    }

    private static IRenderedComponent<ApplicationForm> Form(PageContext context, Application draft, string? page = null)
    {
        var navigation = context.Services.GetRequiredService<NavigationManager>();
        navigation.NavigateTo(page is null ? $"applications/{draft.Id}/form" : $"applications/{draft.Id}/form?page={page}");
        return context.Render<ApplicationForm>(p => p.Add(c => c.Id, draft.Id));
    }

    [Fact]
    public async Task Form_NewDraftFilledFromAnEarlierApplication_OpensOnItsFirstPageWithTheNoticeUnderTheHeading()
    {
        var (owner, earlier, draft) = await SecondDraftAsync();
        using var context = new PageContext(portal, owner);

        var form = Form(context, draft);

        form.WaitForAssertion(() => Assert.NotNull(form.Find(".carried-notice")));
        Assert.Equal("employer", form.Find(".carried-notice").GetAttribute("data-carried"));
        // Right under the heading: the first thing read on the page after its title.
        Assert.Equal("H2", form.Find(".carried-notice").PreviousElementSibling?.TagName);
        var day = earlier.SubmittedOn!.Value.ToString("d MMMM yyyy", Languages.French.Culture);
        Assert.Equal($"Ces informations reprennent celles de votre demande {earlier.Reference} du {day}. Vérifiez-les et corrigez-les si besoin.",
            form.Find(".carried-notice p").TextContent);
        var button = form.Find(".carried-notice button");
        Assert.Equal("button", button.GetAttribute("type"));
        Assert.Equal("Vider la section « Identification de l'employeur »", button.TextContent);
        Assert.Equal(earlier.Answers.Get("employer.company_name"), form.Find("#f-employer-company_name").GetAttribute("value"));
    }

    [Fact]
    public async Task Form_InArabic_SaysWhereTheAnswersComeFromInArabic()
    {
        var (owner, earlier, draft) = await SecondDraftAsync();
        using var context = new PageContext(portal, owner, Languages.Arabic);

        var form = Form(context, draft, "establishment");

        form.WaitForAssertion(() => Assert.NotNull(form.Find(".carried-notice")));
        var text = form.Find(".carried-notice p").TextContent;
        Assert.StartsWith("تستعيد هذه المعلومات ما صرحتم به في طلبكم " + earlier.Reference, text, StringComparison.Ordinal);
        Assert.Contains(earlier.SubmittedOn!.Value.ToString("d MMMM yyyy", Languages.Arabic.Culture), text, StringComparison.Ordinal);
        Assert.Equal("rtl", form.Find(".procedure-form").GetAttribute("dir"));
        Assert.StartsWith("إفراغ قسم", form.Find(".carried-notice button").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EmptyButton_Pressed_EmptiesTheSectionSavesItAndTheNoticeGoes()
    {
        var (owner, _, draft) = await SecondDraftAsync();
        using var context = new PageContext(portal, owner, Languages.English);
        var form = Form(context, draft, "employer");
        form.WaitForAssertion(() => Assert.NotNull(form.Find(".carried-notice")));
        Assert.StartsWith("This information is taken from your application", form.Find(".carried-notice p").TextContent, StringComparison.Ordinal);

        await form.Find(".carried-notice button").ClickAsync(new());

        form.WaitForAssertion(() => Assert.Empty(form.FindAll(".carried-notice")));
        var stored = (await portal.Applications.GetAsync(draft.Id, owner)).Value!;
        Assert.Null(stored.Answers["employer"]);
        Assert.DoesNotContain(stored.Carried, c => c.Section == "employer");
        // The establishment, filled from the same application, keeps its answers and its notice.
        Assert.NotNull(stored.Answers["establishment"]);
        Assert.Contains(stored.Carried, c => c.Section == "establishment");
        Assert.All(form.FindAll("#f-employer-company_name"), input => Assert.True(string.IsNullOrEmpty(input.GetAttribute("value"))));
    }

    [Fact]
    public async Task Form_DraftOfSomeoneWhoNeverSubmitted_ShowsNoNotice()
    {
        var (_, owner) = await portal.AccountAsync("employer");
        var draft = (await portal.Applications.StartAsync(Filing.Procedure, owner)).Application!;
        using var context = new PageContext(portal, owner);

        var form = Form(context, draft, "employer");

        form.WaitForAssertion(() => Assert.NotNull(form.Find(".procedure-form h2")));
        Assert.Empty(form.FindAll(".carried-notice"));
        Assert.Empty(draft.Carried);
    }
}
