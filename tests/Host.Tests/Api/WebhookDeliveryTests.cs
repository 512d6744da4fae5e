using System.Net;
using System.Text.Json;
using EmploymentProcedures.Host.Api;
using EmploymentProcedures.Host.Tests.MyApplications;

namespace EmploymentProcedures.Host.Tests.Api;

/// <summary>
/// Pushes as a partner's server receives them: a real HTTP listener, the signature checked as a partner would, a refusal retried
/// later, a revoked client told nothing, and two dispatchers over one database sending each event once.
/// </summary>
[Collection(WebhookPortalTests.Name)]
public sealed class WebhookDeliveryTests(WebhookPortal portal)
{
    private static DateTime Now => DateTime.UtcNow;

    [Fact]
    public async Task Push_ApplicationSubmitted_ArrivesSignedWithItsLineAndNoPersonalData_AndThePartnerReadsItThroughTheApi()
    {
        await using var receiver = new WebhookReceiver();
        var (client, token, secret) = await portal.ListeningAsync(receiver);
        var (_, applicant) = await portal.AccountAsync("employer");
        var application = await portal.Filing.SubmittedAsync(applicant);

        await portal.Dispatcher.RunAsync(Now, default);

        var received = Assert.Single(receiver.Requests);
        Assert.Equal("POST", received.Method);
        Assert.StartsWith("application/json", received.ContentType, StringComparison.Ordinal);
        Assert.True(received.IsSignedWith(secret, DateTimeOffset.UtcNow));
        Assert.False((received with { Body = received.Body.Replace("in_review", "approved", StringComparison.Ordinal) }).IsSignedWith(secret, DateTimeOffset.UtcNow));
        using var body = JsonDocument.Parse(received.Body);
        var root = body.RootElement;
        Assert.Equal(received.Id, root.GetProperty("id").GetString());
        Assert.Equal("application.changed", root.GetProperty("type").GetString());
        Assert.Equal(application.Reference, root.GetProperty("reference").GetString());
        Assert.Equal(Filing.Procedure, root.GetProperty("procedure").GetString());
        Assert.Equal(application.DefinitionVersion, root.GetProperty("version").GetInt32());
        Assert.Equal("in_review", root.GetProperty("status").GetString());
        Assert.Equal(application.Step, root.GetProperty("currentStep").GetString());
        Assert.Equal(application.Province, root.GetProperty("province").GetString());
        Assert.EndsWith("Z", root.GetProperty("changedAt").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain(applicant.Name, received.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("answers", received.Body, StringComparison.Ordinal);

        using var api = portal.Bearer(token);
        var line = (await ApiPortal.JsonAsync(await api.GetAsync("/api/v1/applications?limit=100")))
            .GetProperty("items").EnumerateArray().Single(i => i.GetProperty("reference").GetString() == application.Reference);
        Assert.Equal(line.GetProperty("changedAt").GetDateTime(), root.GetProperty("changedAt").GetDateTime());
        using var detail = await api.GetAsync("/api/v1/applications/" + application.Reference);
        Assert.Equal(HttpStatusCode.OK, detail.StatusCode);

        var delivery = Assert.Single(await portal.Events.RecentAsync(client.Id, 10));
        Assert.Equal((204, 1), (delivery.LastStatus, delivery.Attempts));
        Assert.NotNull(delivery.DeliveredAt);
        await portal.Dispatcher.RunAsync(Now.AddDays(2), default);
        Assert.Single(receiver.Requests);
    }

    [Fact]
    public async Task Push_PartnerAnswers500_RetriedAfterAMinuteNotBefore_WithOnlyACleanedExcerptKept_ThenDelivered()
    {
        await using var receiver = new WebhookReceiver();
        var (client, _, secret) = await portal.ListeningAsync(receiver);
        receiver.Answer(500);
        var (_, applicant) = await portal.AccountAsync("employer");
        await portal.Filing.SubmittedAsync(applicant);
        var first = Now;

        await portal.Dispatcher.RunAsync(first, default);
        var failed = Assert.Single(await portal.Events.RecentAsync(client.Id, 10));
        await portal.Dispatcher.RunAsync(first.AddSeconds(50), default);
        var tooSoon = receiver.Requests.Count;
        await portal.Dispatcher.RunAsync(first.AddMinutes(1), default);

        Assert.Equal((500, 1), (failed.LastStatus, failed.Attempts));
        Assert.Null(failed.DeliveredAt);
        Assert.Equal(first.AddMinutes(1), failed.NextAttemptAt);
        Assert.StartsWith("HTTP 500: <html> <body>Erreur interne at Partner.Hooks", failed.LastError, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', failed.LastError!);
        Assert.True(failed.LastError!.Length <= "HTTP 500: ".Length + WebhookDispatcher.ExcerptLength);
        Assert.Equal(1, tooSoon);
        var requests = receiver.Requests.ToList();
        Assert.Equal(2, requests.Count);
        Assert.Equal(requests[0].Id, requests[1].Id);
        Assert.All(requests, r => Assert.True(r.IsSignedWith(secret, DateTimeOffset.UtcNow)));
        var delivered = Assert.Single(await portal.Events.RecentAsync(client.Id, 10));
        Assert.Equal((204, 2), (delivered.LastStatus, delivered.Attempts));
        Assert.NotNull(delivered.DeliveredAt);
    }

    [Fact]
    public async Task Push_ClientRevokedBeforeDelivery_GetsNothing_NowNorAfterNextChanges()
    {
        await using var receiver = new WebhookReceiver();
        var (client, _, _) = await portal.ListeningAsync(receiver);
        var (_, applicant) = await portal.AccountAsync("employer");
        var application = await portal.Filing.SubmittedAsync(applicant);
        var administrator = await portal.AdministratorAsync();

        Assert.True((await portal.WithClientsAsync(c => c.RevokeAsync(administrator, client.Id))).Succeeded);
        await portal.Dispatcher.RunAsync(Now, default);
        await portal.Filing.RequestChangesAsync(application, "Joignez le règlement signé.", "article_count");
        await portal.Dispatcher.RunAsync(Now.AddDays(2), default);

        Assert.Empty(receiver.Requests);
        var dropped = Assert.Single(await portal.Events.RecentAsync(client.Id, 10));
        Assert.NotNull(dropped.GivenUpAt);
        Assert.Equal(0, dropped.Attempts);
        Assert.Equal("the client was revoked", dropped.LastError);
        Assert.Equal(dropped.Reference, application.Reference);
    }

    [Fact]
    public async Task Push_GrantNarrowedToAnotherProvince_TheQueuedEventIsDroppedUnsent()
    {
        await using var receiver = new WebhookReceiver();
        var (client, _, _) = await portal.ListeningAsync(receiver);
        var (_, applicant) = await portal.AccountAsync("employer");
        await portal.Filing.SubmittedAsync(applicant, change: a => Filing.InProvince(a, "nouaceur"));
        var administrator = await portal.AdministratorAsync();

        var narrowed = await portal.WithClientsAsync(c => c.ChangeAsync(administrator, client.Id,
            new ApiClientForm(client.Name, client.Organisation, client.ContactEmail, client.Procedures, ["rabat"], null)));
        Assert.True(narrowed.Succeeded);
        await portal.Dispatcher.RunAsync(Now, default);

        Assert.Empty(receiver.Requests);
        Assert.Equal("the client's grant no longer covers the application", Assert.Single(await portal.Events.RecentAsync(client.Id, 10)).LastError);
    }

    [Fact]
    public async Task Push_TwoDispatchersOverOneDatabase_SendEachEventOnce()
    {
        await using var receiver = new WebhookReceiver { Delay = TimeSpan.FromMilliseconds(30) };
        var (client, _, _) = await portal.ListeningAsync(receiver);
        var (_, applicant) = await portal.AccountAsync("employer");
        for (var i = 0; i < 12; i++)
            await portal.Filing.SubmittedAsync(applicant);
        var other = portal.AnotherDispatcher();

        var rounds = await Task.WhenAll(portal.Dispatcher.RunAsync(Now, default), other.RunAsync(Now, default), portal.Dispatcher.RunAsync(Now, default));

        var ids = receiver.Requests.Select(r => r.Id).ToList();
        Assert.Equal(12, ids.Count);
        Assert.Equal(12, ids.Distinct().Count());
        Assert.All(await portal.Events.RecentAsync(client.Id, 100), e => Assert.NotNull(e.DeliveredAt));
        Assert.Equal(12, rounds.Sum(r => r.Delivered));
    }
}
