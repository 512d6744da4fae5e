using EmploymentProcedures.Host.Accounts;
using EmploymentProcedures.Host.Notifying;
using EmploymentProcedures.Host.Tests.MyApplications;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace EmploymentProcedures.Host.Tests.Accounts;

/// <summary>
/// Two portal instances over one accounts database (one SQLite file, two applications built on it): each round of the
/// account e-mails claims its requests with a lease, so no request is sent by both while the other works on it, what a
/// round did not send goes back, and the requests of an instance that died are taken over once its lease lapses.
/// </summary>
public sealed class AccountMailClaimTests
{
    private static async Task EnqueueAsync(WebApplication app, int count)
    {
        var queue = app.Services.GetRequiredService<PasswordMailQueue>();
        for (var i = 0; i < count; i++)
            await queue.EnqueueAsync(new PasswordMailRequest.Forgotten($"person{i}@example.test"));
    }

    private static async Task<List<AccountMailRequest>> StoredAsync(WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AccountsDb>().AccountMails.AsNoTracking().OrderBy(r => r.Id).ToListAsync();
    }

    private static PasswordMailQueue Queue(WebApplication app) => app.Services.GetRequiredService<PasswordMailQueue>();

    private static DateTime Now(WebApplication app) => app.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;

    [Fact]
    public async Task Claim_TwoInstancesOnOneDatabase_TheSecondGetsNoneOfTheFirstsRequests()
    {
        await using var portal = await TempPortal.PrepareAsync();
        await using var second = await TempPortal.BuildOnAsync(portal.DataPath);
        await EnqueueAsync(portal.App, 5);
        var now = Now(portal.App);

        var first = await Queue(portal.App).ClaimAsync("round-a", now, CancellationToken.None);
        var other = await Queue(second).ClaimAsync("round-b", now.AddMinutes(1), CancellationToken.None);

        Assert.Equal(5, first.Count);
        Assert.Empty(other);
        Assert.All(await StoredAsync(second), r => Assert.Equal("round-a", r.ClaimedBy));
    }

    [Fact]
    public async Task Claim_LeaseOfAnInstanceThatDiedLapsed_AnotherInstanceTakesItsRequestsOver()
    {
        await using var portal = await TempPortal.PrepareAsync();
        await using var second = await TempPortal.BuildOnAsync(portal.DataPath);
        await EnqueueAsync(portal.App, 3);
        var now = Now(portal.App);
        var lease = portal.App.Services.GetRequiredService<MailOptions>().ClaimLease;
        await Queue(portal.App).ClaimAsync("died", now, CancellationToken.None);

        var beforeLapse = await Queue(second).ClaimAsync("survivor", now + lease - TimeSpan.FromSeconds(1), CancellationToken.None);
        var afterLapse = await Queue(second).ClaimAsync("survivor", now + lease, CancellationToken.None);

        Assert.Empty(beforeLapse);
        Assert.Equal(3, afterLapse.Count);
        Assert.All(await StoredAsync(portal.App), r => Assert.Equal(("survivor", now + lease + lease), (r.ClaimedBy, r.ClaimedUntil)));
    }

    [Fact]
    public async Task Release_WhatARoundDidNotSend_IsClaimedAtOnceByTheOtherInstance_WithNoAttemptCounted()
    {
        await using var portal = await TempPortal.PrepareAsync();
        await using var second = await TempPortal.BuildOnAsync(portal.DataPath);
        await EnqueueAsync(portal.App, 2);
        var now = Now(portal.App);
        await Queue(portal.App).ClaimAsync("stopping", now, CancellationToken.None);

        await Queue(portal.App).ReleaseAsync("stopping");
        var taken = await Queue(second).ClaimAsync("other", now, CancellationToken.None);

        Assert.Equal(2, taken.Count);
        Assert.All(await StoredAsync(second), r => Assert.Equal(("other", 0, (string?)null), (r.ClaimedBy, r.Attempts, r.LastError)));
    }

    [Fact]
    public async Task SendDue_TwoInstancesAtOnce_SendEachEmailExactlyOnce_AndLeaveNoRequest()
    {
        const int people = 8;
        await using var portal = await TempPortal.PrepareAsync();
        await using var second = await TempPortal.BuildOnAsync(portal.DataPath);
        await using (var scope = portal.App.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<Account>>();
            for (var i = 0; i < people; i++)
            {
                var email = $"person{i}@example.test";
                var account = new Account { UserName = email, Email = email, DisplayName = "Personne " + i, Role = "employer", EmailConfirmed = true };
                Assert.True((await users.CreateAsync(account, LivePortal.Password)).Succeeded);
            }
        }
        await EnqueueAsync(portal.App, people);

        await Task.WhenAll(
            Task.Run(() => Queue(portal.App).SendDueAsync(CancellationToken.None)),
            Task.Run(() => Queue(second).SendDueAsync(CancellationToken.None)));
        var sentTo = new List<string>();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(portal.DataPath, "mail"), "*.eml"))
            sentTo.AddRange((await MimeMessage.LoadAsync(file)).To.Mailboxes.Select(m => m.Address));

        Assert.Equal(Enumerable.Range(0, people).Select(i => $"person{i}@example.test").Order(), sentTo.Order());
        Assert.Empty(await StoredAsync(portal.App));
    }
}
