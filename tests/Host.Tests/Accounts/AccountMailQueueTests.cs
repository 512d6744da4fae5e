using System.Net;
using System.Text;
using System.Text.Json;
using EmploymentProcedures.Engine.Workflow;
using EmploymentProcedures.Host.Accounts;
using EmploymentProcedures.Host.Operations;
using EmploymentProcedures.Host.Tests.MyApplications;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace EmploymentProcedures.Host.Tests.Accounts;

/// <summary>
/// The account e-mails' queue kept in the database: a request survives a restart, a refused e-mail is tried again and
/// then given up (and counted by the health check), and no token ever reaches the database.
/// </summary>
public sealed class AccountMailQueueTests
{
    private static async Task<Account> CreateAccountAsync(IServiceProvider services, string email)
    {
        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<Account>>();
        var account = new Account { UserName = email, Email = email, DisplayName = "Salma Berrada", Role = "employer", EmailConfirmed = true };
        Assert.True((await users.CreateAsync(account, LivePortal.Password)).Succeeded);
        return account;
    }

    private static async Task<List<AccountMailRequest>> StoredAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AccountsDb>().AccountMails.AsNoTracking().OrderBy(r => r.Id).ToListAsync();
    }

    /// <summary>The e-mails in the pickup folder of the portal over <paramref name="data"/>, to <paramref name="email"/>, waited for (20 s).</summary>
    private static async Task<MimeMessage> WaitForMailAsync(string data, string email)
    {
        var folder = Path.Combine(data, "mail");
        for (var waited = 0; waited < 200; waited++)
        {
            if (Directory.Exists(folder))
            {
                foreach (var file in Directory.EnumerateFiles(folder, "*.eml"))
                {
                    var message = await MimeMessage.LoadAsync(file);
                    if (message.To.Mailboxes.Any(m => m.Address == email))
                        return message;
                }
            }
            await Task.Delay(100);
        }
        throw new TimeoutException("no e-mail to " + email);
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> done)
    {
        for (var waited = 0; waited < 200 && !await done(); waited++)
            await Task.Delay(100);
        Assert.True(await done(), "the queue did not get there in 20 s");
    }

    /// <summary>A listening portal whose mail server refuses everything: a file stands where the pickup folder goes.</summary>
    private static Task<TempPortal> RefusingMailAsync(params string[] settings) =>
        TempPortal.PrepareOverAsync(data => File.WriteAllTextAsync(Path.Combine(data, "mail"), "a file where the pickup folder should be"), listen: true, settings);

    /// <summary>The one request waiting, once it was refused twice.</summary>
    private static async Task<AccountMailRequest> RefusedTwiceAsync(TempPortal portal)
    {
        await WaitUntilAsync(async () => (await StoredAsync(portal.App.Services)) is [{ Attempts: >= 2 }]);
        return Assert.Single(await StoredAsync(portal.App.Services));
    }

    /// <summary>The mail server of <see cref="RefusingMailAsync"/> takes e-mails again.</summary>
    private static void Reopen(TempPortal portal) => File.Delete(Path.Combine(portal.DataPath, "mail"));

    [Fact]
    public void StoredForm_GivesBackEveryRequest_AndASignUpGivenUpAndPutBackOnlyResendsItsLink()
    {
        PasswordMailRequest[] requests =
        [
            new PasswordMailRequest.Forgotten("a@example.test"),
            new PasswordMailRequest.Changed("account-1"),
            new PasswordMailRequest.SignUp("b@example.test", "Atlas", "employer", "ar", "HASH"),
            new PasswordMailRequest.Confirm("c@example.test"),
            new PasswordMailRequest.Invitation("account-2", "Nadia Alaoui"),
            new PasswordMailRequest.Invitation("account-3", null),
        ];
        var now = new DateTime(2026, 11, 30, 10, 0, 0, DateTimeKind.Utc);

        var stored = requests.Select(r => r.ToStored(now)).ToList();
        var givenBack = stored.Select(PasswordMailRequest.FromStored).ToList();
        var givenUp = stored[2];
        givenUp.PasswordHash = null;

        Assert.Equal(requests, givenBack);
        Assert.All(stored, r => Assert.Equal((now, now, 0), (r.AskedAt, r.NextAttemptAt, r.Attempts)));
        Assert.Equal(new PasswordMailRequest.Confirm("b@example.test"), PasswordMailRequest.FromStored(givenUp));
        Assert.Null(PasswordMailRequest.FromStored(new AccountMailRequest { Kind = "unknown", Email = "d@example.test" }));
    }

    [Fact]
    public async Task Request_StoredBeforeARestart_IsSentAfterIt_AndItsRowRemoved()
    {
        const string email = "salma@example.test";
        await using var portal = await TempPortal.PrepareOverAsync(async data =>
        {
            // The first run takes the request and stops before its queue sends anything (its services never start).
            await using var first = await TempPortal.BuildOnAsync(data);
            await CreateAccountAsync(first.Services, email);
            await first.Services.GetRequiredService<PasswordMailQueue>().EnqueueAsync(new PasswordMailRequest.Forgotten(email));
            var stored = Assert.Single(await StoredAsync(first.Services));
            Assert.Equal((AccountMailKinds.Forgotten, email, 0), (stored.Kind, stored.Email, stored.Attempts));
            Assert.False(Directory.Exists(Path.Combine(data, "mail")));
            SqliteConnection.ClearAllPools();
        }, listen: true);

        var mail = await WaitForMailAsync(portal.DataPath, email);

        Assert.Equal("Choisir un nouveau mot de passe", mail.Subject);
        Assert.Contains("/account/password?purpose=reset", mail.TextBody, StringComparison.Ordinal);
        await WaitUntilAsync(async () => (await StoredAsync(portal.App.Services)).Count == 0);
    }

    [Fact]
    public async Task Database_NeverHoldsATokenOrALink_NeitherWhileARequestWaitsNorAfterItsEmail()
    {
        await using var portal = await TempPortal.PrepareAsync(listen: true);
        var email = "karim@example.test";
        var account = await CreateAccountAsync(portal.App.Services, email);
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = portal.BaseAddress };

        var (status, _) = await ForgotPasswordTests.AskAsync(client, email);
        var mail = await WaitForMailAsync(portal.DataPath, email);
        var link = PasswordPortal.LinkIn(mail);
        var token = WebUtility.UrlDecode(link.Query.Split('&').Single(p => p.StartsWith("token=", StringComparison.Ordinal))["token=".Length..]);
        SqliteConnection.ClearAllPools();

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.True(token.Length > 20);
        foreach (var file in Directory.EnumerateFiles(portal.DataPath, PortalOptions.DatabaseFileName + "*"))
        {
            var bytes = await File.ReadAllBytesAsync(file);
            var text = Encoding.UTF8.GetString(bytes) + Encoding.Latin1.GetString(bytes);
            Assert.DoesNotContain(token, text, StringComparison.Ordinal);
            Assert.DoesNotContain(token[..20], text, StringComparison.Ordinal);
            Assert.DoesNotContain("account/password?", text, StringComparison.Ordinal);
        }
        Assert.NotNull(account.Id);
    }

    [Fact]
    public async Task RefusedEmail_IsTriedAgainAfterItsDelay_AndSentOnceTheWayIsOpen()
    {
        const string email = "nadia@example.test";
        await using var portal = await RefusingMailAsync("--Mail:FirstRetryDelay=00:00:01", "--Mail:MaxAttempts=50");
        await CreateAccountAsync(portal.App.Services, email);

        await portal.App.Services.GetRequiredService<PasswordMailQueue>().EnqueueAsync(new PasswordMailRequest.Forgotten(email));
        var failing = await RefusedTwiceAsync(portal);
        Reopen(portal);

        Assert.NotNull(failing.LastError);
        Assert.Null(failing.GivenUpAt);
        Assert.True(failing.NextAttemptAt > failing.AskedAt);
        var mail = await WaitForMailAsync(portal.DataPath, email);
        Assert.Equal("Choisir un nouveau mot de passe", mail.Subject);
        await WaitUntilAsync(async () => (await StoredAsync(portal.App.Services)).Count == 0);
    }

    [Fact]
    public async Task Invitation_WhileTheMailServerRefuses_IsKeptAndTriedAgain_AndSentWithAWorkingLinkWhenItIsBack()
    {
        const string email = "salma.agent@emploi.example";
        await using var portal = await RefusingMailAsync("--Mail:FirstRetryDelay=00:00:01", "--Mail:MaxAttempts=50");
        var administrator = new Actor("admin-1", "Nadia Alaoui", StaffAccounts.Administrator, Engine.Definitions.RoleKind.Staff, []);

        await using (var scope = portal.App.Services.CreateAsyncScope())
        {
            var invited = await scope.ServiceProvider.GetRequiredService<StaffAccounts>()
                .InviteAsync(administrator, new StaffInvitation(email, "Salma Idrissi", "desk-agent", ["rabat"], "fr"));
            Assert.True(invited.Succeeded);
        }
        var failing = await RefusedTwiceAsync(portal);
        Assert.Equal((AccountMailKinds.Invitation, "Nadia Alaoui"), (failing.Kind, failing.DisplayName));
        Assert.NotNull(failing.LastError);
        Assert.Null(failing.GivenUpAt);
        Reopen(portal);

        var mail = await WaitForMailAsync(portal.DataPath, email);
        Assert.Contains("Nadia Alaoui", mail.TextBody, StringComparison.Ordinal);
        var link = PasswordPortal.LinkIn(mail);
        Assert.Contains("purpose=invitation", link.Query, StringComparison.Ordinal);
        await WaitUntilAsync(async () => (await StoredAsync(portal.App.Services)).Count == 0);
        // The link written when the e-mail went opens the invited account.
        var query = link.Query.TrimStart('?').Split('&').Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => WebUtility.UrlDecode(p[1]), StringComparer.Ordinal);
        await using var after = portal.App.Services.CreateAsyncScope();
        var opened = await after.ServiceProvider.GetRequiredService<PasswordLinks>().OpenAsync(PasswordLinkPurpose.Invitation, query["account"], query["token"]);
        Assert.Equal(email, opened?.Email);
        Assert.Equal(StaffState.Invited, StaffQuery.StateOf(opened!));
    }

    [Fact]
    public async Task Invitation_OfAnAccountWhosePasswordIsChosenMeanwhile_SendsNothing()
    {
        await using var portal = await TempPortal.PrepareAsync(listen: true);
        var account = await CreateAccountAsync(portal.App.Services, "already.in@emploi.example");

        await portal.App.Services.GetRequiredService<PasswordMailQueue>().EnqueueAsync(new PasswordMailRequest.Invitation(account.Id, "Nadia Alaoui"));
        await WaitUntilAsync(async () => (await StoredAsync(portal.App.Services)).Count == 0);

        Assert.False(Directory.Exists(Path.Combine(portal.DataPath, "mail")) && Directory.EnumerateFiles(Path.Combine(portal.DataPath, "mail")).Any());
    }

    [Fact]
    public async Task ClosedAccountsLastEmail_GivenUp_ForgetsTheAddressAndTheName()
    {
        const string email = "salma.closed@example.test";
        await using var portal = await RefusingMailAsync("--Mail:FirstRetryDelay=00:00:00.200", "--Mail:MaxAttempts=2");
        var created = await CreateAccountAsync(portal.App.Services, email);

        await using (var scope = portal.App.Services.CreateAsyncScope())
        {
            var account = await scope.ServiceProvider.GetRequiredService<UserManager<Account>>().FindByIdAsync(created.Id);
            Assert.Equal(ClosureOutcome.Closed, await scope.ServiceProvider.GetRequiredService<AccountClosure>().CloseAsync(account!));
        }
        var waiting = Assert.Single(await StoredAsync(portal.App.Services));
        Assert.Equal((AccountMailKinds.Closed, email, "Salma Berrada"), (waiting.Kind, waiting.Email, waiting.DisplayName));
        await WaitUntilAsync(async () => (await StoredAsync(portal.App.Services)) is [{ GivenUpAt: not null }]);

        var givenUp = Assert.Single(await StoredAsync(portal.App.Services));
        Assert.Equal((2, created.Id), (givenUp.Attempts, givenUp.AccountId));
        Assert.Null(givenUp.Email);
        Assert.Null(givenUp.DisplayName);
        Assert.Null(PasswordMailRequest.FromStored(givenUp));
    }

    [Fact]
    public async Task SignUp_RefusedEveryTime_IsGivenUpAfterMaxAttempts_ItsPasswordHashCleared_AndCountedByTheHealthCheck()
    {
        const string email = "youssef@example.test";
        await using var portal = await RefusingMailAsync("--Mail:FirstRetryDelay=00:00:00.200", "--Mail:MaxAttempts=3");
        using var client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = portal.BaseAddress };

        var (status, page) = await SignUpTests.SignUpAsync(client, email);
        await WaitUntilAsync(async () => (await StoredAsync(portal.App.Services)) is [{ GivenUpAt: not null }]);
        var givenUp = Assert.Single(await StoredAsync(portal.App.Services));
        using var health = await client.GetAsync(Health.ReadyPath);
        using var json = JsonDocument.Parse(await health.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Nous avons envoyé un lien à " + email, page, StringComparison.Ordinal);
        Assert.Equal(3, givenUp.Attempts);
        Assert.Null(givenUp.PasswordHash);
        Assert.NotNull(givenUp.LastError);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal("Degraded", json.RootElement.GetProperty("checks").GetProperty("mail").GetString());
        Assert.Equal(1, json.RootElement.GetProperty("counts").GetProperty("mail").GetProperty(MailCheck.AccountMailsGivenUpCount).GetInt32());
        // The account was created before its e-mail failed: it waits, unconfirmed, to be removed after its lifetime.
        await using var scope = portal.App.Services.CreateAsyncScope();
        var account = await scope.ServiceProvider.GetRequiredService<UserManager<Account>>().FindByEmailAsync(email);
        Assert.NotNull(account);
        Assert.False(account.EmailConfirmed);
    }
}
