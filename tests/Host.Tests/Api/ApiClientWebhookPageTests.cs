using Bunit;
using EmploymentProcedures.Host.Components.Pages.Admin;
using EmploymentProcedures.Host.Localization;

namespace EmploymentProcedures.Host.Tests.Api;

/// <summary>The webhook's part of an API client's page: an address refused with its reason, the secret shown once, the last pushes listed; the list of clients counting each one's pushes given up.</summary>
[Collection(WebhookPortalTests.Name)]
public sealed class ApiClientWebhookPageTests(WebhookPortal portal)
{
    [Fact]
    public async Task SetWebhook_PlainHttpToAPartner_RefusedWithTheReason_AndNothingSaved()
    {
        var (client, _) = await portal.ClientAsync([ApiPortal.Procedure]);
        using var context = portal.AdminPage(await portal.AdministratorAsync());
        var page = context.Render<ApiClientPage>(p => p.Add(c => c.Id, client.Id));

        page.WaitForElement("#api-client-webhook").Change("http://partner.example.org/hooks");
        page.Find("#api-client-webhook").ParentElement!.QuerySelector("button[type=submit]")!.Click();

        var summary = page.WaitForElement(".error-summary");
        Assert.Contains("doit commencer par https://", summary.TextContent, StringComparison.Ordinal);
        Assert.Equal("#api-client-webhook", summary.QuerySelector("a")!.GetAttribute("href")![^19..]);
        Assert.Equal("true", page.Find("#api-client-webhook").GetAttribute("aria-invalid"));
        Assert.Empty(page.FindAll("#api-client-webhook-secret"));
        var (stored, _) = (await portal.WithClientsAsync(async c => await c.FindAsync(await portal.AdministratorAsync(), client.Id)))!.Value;
        Assert.Null(stored.WebhookUrl);
    }

    [Fact]
    public async Task SetWebhook_ShowsTheSecretOnce_RecordsTheChange_AndListsTheLastPushes_InArabic()
    {
        await using var receiver = new WebhookReceiver();
        var (client, _) = await portal.ClientAsync([ApiPortal.Procedure], name: "CNSS — accidents");
        var administrator = await portal.AdministratorAsync();
        using var context = portal.AdminPage(administrator, Languages.Arabic);
        var page = context.Render<ApiClientPage>(p => p.Add(c => c.Id, client.Id));

        page.WaitForElement("#api-client-webhook").Change(receiver.Url);
        page.Find("#api-client-webhook").ParentElement!.QuerySelector("button[type=submit]")!.Click();

        var secret = page.WaitForElement("#api-client-webhook-secret").TextContent;
        Assert.StartsWith("whsec_", secret, StringComparison.Ordinal);
        Assert.Contains("سرّ توقيع الويب هوك الخاص بـ«CNSS — accidents»", page.Find("#api-client-webhook-secret-title").TextContent, StringComparison.Ordinal);
        page.WaitForAssertion(() => Assert.Contains(receiver.Url, page.Find(".staff-history").TextContent, StringComparison.Ordinal));

        var (_, applicant) = await portal.AccountAsync("employer");
        var application = await portal.Filing.SubmittedAsync(applicant);
        await portal.Dispatcher.RunAsync(DateTime.UtcNow, default);
        Assert.True(Assert.Single(receiver.Requests).IsSignedWith(secret, DateTimeOffset.UtcNow));

        using var again = portal.AdminPage(administrator, Languages.Arabic);
        var reopened = again.Render<ApiClientPage>(p => p.Add(c => c.Id, client.Id));
        var row = reopened.WaitForElement("table.api-client-deliveries tbody tr");
        Assert.Contains(application.Reference!, row.TextContent, StringComparison.Ordinal);
        Assert.Contains("سُلِّم في", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("204", row.TextContent, StringComparison.Ordinal);
        Assert.Empty(reopened.FindAll("#api-client-webhook-secret"));
        Assert.DoesNotContain(secret, reopened.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GivenUpPush_SentAgainFromThePage_ThenDelivered()
    {
        await using var receiver = new WebhookReceiver();
        var (client, _, _) = await portal.ListeningAsync(receiver);
        var (_, applicant) = await portal.AccountAsync("employer");
        await portal.Filing.SubmittedAsync(applicant);
        receiver.Answer(Enumerable.Repeat(503, 9).ToArray());
        var now = DateTime.UtcNow;
        // Nine rounds, each at the failed push's next attempt: the day runs out and it is given up.
        for (var i = 0; i < 9; i++)
        {
            await portal.Dispatcher.RunAsync(now, default);
            now = (await portal.Events.RecentAsync(client.Id, 1))[0].NextAttemptAt ?? now;
        }
        Assert.NotNull((await portal.Events.RecentAsync(client.Id, 1))[0].GivenUpAt);
        using var list = portal.AdminPage(await portal.AdministratorAsync(), Languages.English);
        var clients = list.Render<ApiClientsPage>();
        var line = clients.WaitForElement($"table.api-clients a[href$='{client.Id}']").Closest("tr")!;
        Assert.Equal("1", line.QuerySelector("td.api-client-given-up")!.TextContent.Trim());
        Assert.Contains("given up after a day of failed attempts", clients.Find("#api-clients-given-up").TextContent, StringComparison.Ordinal);
        using var context = portal.AdminPage(await portal.AdministratorAsync(), Languages.English);
        var page = context.Render<ApiClientPage>(p => p.Add(c => c.Id, client.Id));

        var row = page.WaitForElement("table.api-client-deliveries tbody tr");
        Assert.Contains("Given up", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("HTTP 503", row.TextContent, StringComparison.Ordinal);
        row.QuerySelector("button.api-client-resend")!.Click();
        page.WaitForAssertion(() => Assert.Contains("will be sent again", page.Markup, StringComparison.Ordinal));
        await portal.Dispatcher.RunAsync(DateTime.UtcNow, default);

        Assert.Equal(10, receiver.Requests.Count);
        Assert.NotNull((await portal.Events.RecentAsync(client.Id, 1))[0].DeliveredAt);
        using var after = portal.AdminPage(await portal.AdministratorAsync(), Languages.English);
        var listed = after.Render<ApiClientsPage>().WaitForElement($"table.api-clients a[href$='{client.Id}']").Closest("tr")!;
        Assert.Equal("0", listed.QuerySelector("td.api-client-given-up")!.TextContent.Trim());
    }
}
