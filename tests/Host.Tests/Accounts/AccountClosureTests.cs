using System.Net;
using System.Security.Cryptography;
using EmploymentProcedures.Engine.Storage;
using EmploymentProcedures.Engine.Workflow;
using EmploymentProcedures.Host.Accounts;
using EmploymentProcedures.Host.MyApplications;
using EmploymentProcedures.Host.Tests.MyApplications;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EmploymentProcedures.Host.Tests.Accounts;

/// <summary>
/// An applicant closing their own account from <c>/account</c>, through the real forms: refused while an application is
/// being processed or with a wrong password; otherwise the drafts and their files gone, the account anonymous and signed
/// out everywhere, the address free, the last e-mail sent, closed applications kept for the administration.
/// </summary>
[Collection(EmailChangePortalTests.Name)]
public sealed class AccountClosureTests(EmailChangePortal portal)
{
    /// <summary>Posts the closing form of the account page; gives the answer (a redirect when the account was closed).</summary>
    private static async Task<HttpResponseMessage> CloseAsync(HttpClient client, string password = LivePortal.Password, bool understood = true)
    {
        var page = await client.GetStringAsync("/account");
        var form = new Dictionary<string, string>
        {
            ["_handler"] = "account-close",
            ["__RequestVerificationToken"] = LivePortal.Hidden(page, "__RequestVerificationToken"),
            ["Input.Current"] = password,
        };
        if (understood)
            form["Input.Understood"] = "true";
        return await client.PostAsync("/account", new FormUrlEncodedContent(form));
    }

    private async Task<Account?> ByIdAsync(string id)
    {
        await using var scope = portal.Portal.App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AccountsDb>().Users.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id);
    }

    private async Task<List<StaffChange>> HistoryAsync(string accountId)
    {
        await using var scope = portal.Portal.App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AccountsDb>().StaffChanges.AsNoTracking().Where(c => c.AccountId == accountId).OrderBy(c => c.Id).ToListAsync();
    }

    private async Task<int> QueuedForAsync(string accountId)
    {
        await using var scope = portal.Portal.App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AccountsDb>().AccountMails.CountAsync(r => r.AccountId == accountId);
    }

    /// <summary>A draft with a document of its own (bytes no other application has), stored an hour ago; gives the draft and the file's path.</summary>
    private async Task<(Application Draft, string File)> DraftWithOwnFileAsync(Actor applicant)
    {
        var draft = await portal.Filing.DraftAsync(applicant);
        var bytes = Filing.Pdf("propre au brouillon " + Guid.NewGuid());
        var attached = await portal.Applications.AttachDocumentAsync(draft.Id, applicant, draft.Documents[0].DocumentId, "statuts.pdf", new MemoryStream(bytes));
        Assert.NotNull(attached.Application);
        var hash = Convert.ToHexStringLower(SHA256.HashData(bytes));
        var file = Path.Combine(portal.Portal.DataPath, "documents", hash[..2], hash[2..4], hash);
        Assert.True(File.Exists(file));
        // Not a file just stored (those are kept a few minutes in case an upload of the same bytes is under way).
        File.SetLastWriteTimeUtc(file, DateTime.UtcNow.AddHours(-1));
        return (attached.Application!, file);
    }

    [Fact]
    public async Task Closure_WithAnApplicationInReview_IsRefusedListingItAndNothingChanges()
    {
        var (email, applicant) = await portal.AccountAsync("employer");
        var submitted = await portal.Filing.SubmittedAsync(applicant);
        var draft = await portal.Filing.DraftAsync(applicant);
        using var client = await portal.SignedInAsync(email);

        var page = SignUpTests.MainOf(await client.GetStringAsync("/account"));
        Assert.Contains("Fermer mon compte", page, StringComparison.Ordinal);
        Assert.Contains("Votre compte ne peut pas être fermé tant que des demandes sont en cours de traitement", page, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"{ApplicantPages.DetailUrl(submitted.Id)}\">", page, StringComparison.Ordinal);
        Assert.Contains(submitted.Reference!, page, StringComparison.Ordinal);
        Assert.DoesNotContain(ApplicantPages.DetailUrl(draft.Id), page, StringComparison.Ordinal);
        Assert.DoesNotContain("close-current-password", page, StringComparison.Ordinal);

        // Posted anyway (a form kept open from before the submission): refused, the application listed.
        using var posted = await CloseAsync(client);

        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        Assert.Contains("en cours de traitement", SignUpTests.MainOf(await posted.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        var account = (await ByIdAsync(applicant.UserId))!;
        Assert.Null(account.ClosedAt);
        Assert.Equal(email, account.Email);
        Assert.Equal("Test employer", account.DisplayName);
        Assert.True(await portal.SignsInAsync(email, LivePortal.Password));
        Assert.NotNull((await portal.Applications.GetAsync(draft.Id, applicant)).Value);
        Assert.Empty(await HistoryAsync(applicant.UserId));
    }

    [Fact]
    public async Task Closure_WrongPasswordOrNoTick_IsRefusedNextToTheField_TheWrongPasswordCounted()
    {
        var (email, applicant) = await portal.AccountAsync("employer");
        var draft = await portal.Filing.DraftAsync(applicant);
        using var client = await portal.SignedInAsync(email);

        using var wrong = await CloseAsync(client, "Pas-Le-Bon-2026");
        var page = SignUpTests.MainOf(await wrong.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.Contains("Le compte n'a pas été fermé :", page, StringComparison.Ordinal);
        Assert.Contains("Le mot de passe actuel est incorrect.", page, StringComparison.Ordinal);
        Assert.Contains("aria-describedby=\"close-current-password-error\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Pas-Le-Bon-2026", page, StringComparison.Ordinal);
        Assert.Equal(1, (await portal.FindAccountAsync(email))!.AccessFailedCount);

        using var unticked = await CloseAsync(client, understood: false);
        Assert.Contains("Cochez la case pour confirmer que vous avez compris ce qui se passe.", SignUpTests.MainOf(await unticked.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        var account = (await ByIdAsync(applicant.UserId))!;
        Assert.Null(account.ClosedAt);
        Assert.NotNull(account.PasswordHash);
        Assert.NotNull((await portal.Applications.GetAsync(draft.Id, applicant)).Value);
        Assert.Empty(await portal.MailsToAsync(email));
    }

    [Fact]
    public async Task Closure_WithADraftAndAClosedApplication_DeletesTheDraftKeepsTheClosedOneAndForgetsTheAccount()
    {
        var (email, applicant) = await portal.AccountAsync("employer");
        var rejected = await portal.Filing.RejectedAsync(await portal.Filing.SubmittedAsync(applicant), "Pièces incomplètes.");
        var (draft, draftFile) = await DraftWithOwnFileAsync(applicant);
        using var client = await portal.SignedInAsync(email);
        using var otherSession = await portal.SignedInAsync(email);

        var page = SignUpTests.MainOf(await client.GetStringAsync("/account"));
        Assert.Contains("vos brouillons sont supprimés, avec leurs pièces jointes", page, StringComparison.Ordinal);
        Assert.Contains("conservées par l'administration jusqu'à la fin de leur durée de conservation", page, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"{AccountData.Url}\" download id=\"close-account-download\">", page, StringComparison.Ordinal);

        using var closed = await CloseAsync(client);

        Assert.Equal(HttpStatusCode.Redirect, closed.StatusCode);
        Assert.EndsWith("account/closed", closed.Headers.Location!.OriginalString, StringComparison.Ordinal);
        var closedPage = SignUpTests.MainOf(await client.GetStringAsync("/account/closed"));
        Assert.Contains("Votre compte est fermé et vous êtes déconnecté.", closedPage, StringComparison.Ordinal);
        // This session ended, and the other one too.
        using (var mine = await client.GetAsync("/account"))
            Assert.Equal(HttpStatusCode.Redirect, mine.StatusCode);
        using (var other = await otherSession.GetAsync("/account"))
            Assert.Equal(HttpStatusCode.Redirect, other.StatusCode);

        // The account: anonymous and unusable.
        var account = (await ByIdAsync(applicant.UserId))!;
        Assert.NotNull(account.ClosedAt);
        Assert.Null(account.Email);
        Assert.Null(account.NormalizedEmail);
        Assert.Equal("", account.DisplayName);
        Assert.Equal(AccountClosure.TombstoneUserName(account.Id), account.UserName);
        Assert.Null(account.PasswordHash);
        Assert.Equal(EmailChoice.None, account.Emails);
        Assert.Equal(DateTimeOffset.MaxValue, account.LockoutEnd);
        Assert.DoesNotContain("example.test", account.SearchKey ?? "", StringComparison.Ordinal);
        Assert.Null(await portal.FindAccountAsync(email));
        Assert.False(await portal.SignsInAsync(email, LivePortal.Password));
        var history = Assert.Single(await HistoryAsync(applicant.UserId));
        Assert.Equal((AccountClosure.Closed, applicant.UserId, AccountClosure.Forgotten), (history.Kind, history.ById, history.ByName));

        // The draft and its own file are gone; the rejected application is the administration's until its retention ends.
        Assert.Null((await portal.Applications.GetAsync(draft.Id, applicant)).Value);
        Assert.False(File.Exists(draftFile));
        var kept = (await portal.Applications.GetAsync(rejected.Id, Filing.DeskAgent(rejected))).Value!;
        Assert.Equal(ApplicationStatus.Rejected, kept.Status);
        Assert.Equal(applicant.UserId, kept.OwnerId);

        // The last e-mail, and the queue forgets the address once it is sent.
        var mail = Assert.Single(await portal.WaitForMailsAsync(email));
        Assert.Equal("Votre compte sur le portail a été fermé", mail.Subject);
        Assert.Contains($"Le compte du portail qui utilisait l'adresse {email} a été fermé le ", mail.TextBody, StringComparison.Ordinal);
        for (var waited = 0; waited < 100 && await QueuedForAsync(applicant.UserId) > 0; waited++)
            await Task.Delay(100);
        Assert.Equal(0, await QueuedForAsync(applicant.UserId));

        // The address is free: signing up with it makes a new account.
        using var visitor = portal.Anonymous();
        var (signUp, _) = await SignUpTests.SignUpAsync(visitor, email, "Un-Autre-Mot-2026", "Nouvelle Entreprise");
        Assert.Equal(HttpStatusCode.OK, signUp);
        Assert.Single(await portal.WaitForMailsAsync(email, 2), m => m.Subject == "Activez votre compte sur le portail");
        var fresh = (await portal.FindAccountAsync(email))!;
        Assert.NotEqual(applicant.UserId, fresh.Id);
        Assert.Empty(await portal.Applications.MineAsync(applicant with { UserId = fresh.Id }));
    }

    [Fact]
    public async Task Closure_DatabaseFileReadOnceTheLastMailIsSent_HoldsNoByteOfTheAddress()
    {
        var (email, applicant) = await portal.AccountAsync("employer");
        using var client = await portal.SignedInAsync(email);

        using var closed = await CloseAsync(client);

        Assert.Equal(HttpStatusCode.Redirect, closed.StatusCode);
        Assert.Single(await portal.WaitForMailsAsync(email));
        for (var waited = 0; waited < 100 && await QueuedForAsync(applicant.UserId) > 0; waited++)
            await Task.Delay(100);
        Assert.Equal(0, await QueuedForAsync(applicant.UserId));
        // What a copy of the files would hold: the log written back into the database and emptied.
        await using (var connection = new SqliteConnection($"Data Source={portal.Portal.DatabaseFile};Pooling=False;Default Timeout=5"))
        {
            await connection.OpenAsync();
            await using var checkpoint = connection.CreateCommand();
            checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
            await using var result = await checkpoint.ExecuteReaderAsync();
            Assert.True(await result.ReadAsync());
            Assert.Equal(0L, result.GetInt64(0)); // not busy: every page of the log went back
        }
        byte[] file;
        await using (var stream = new FileStream(portal.Portal.DatabaseFile, FileMode.Open, FileAccess.Read, FileShare.ReadWrite))
        {
            file = new byte[stream.Length];
            await stream.ReadExactlyAsync(file);
        }

        foreach (var kept in new[] { email, email.ToUpperInvariant() })
            Assert.True(file.AsSpan().IndexOf(System.Text.Encoding.UTF8.GetBytes(kept)) < 0, $"the file still holds '{kept}'");
    }

    [Fact]
    public async Task Closure_KeptApplication_StillShowsItsApplicantToAReviewer_AndTheirNotificationsGoNowhere()
    {
        var (email, applicant) = await portal.AccountAsync("employer");
        var submitted = await portal.Filing.SubmittedAsync(applicant);
        var rejected = await portal.Filing.RejectedAsync(submitted, "Pièces incomplètes.");
        using (var client = await portal.SignedInAsync(email))
        using (var closed = await CloseAsync(client))
            Assert.Equal(HttpStatusCode.Redirect, closed.StatusCode);
        await portal.WaitForMailsAsync(email);

        var (agentEmail, _) = await portal.AccountAsync("desk-agent", rejected.Province ?? "casablanca");
        using var agent = await portal.SignedInAsync(agentEmail);
        using var casePage = await agent.GetAsync($"/cases/{rejected.Id}");
        Assert.Equal(HttpStatusCode.OK, casePage.StatusCode);
        Assert.Contains(rejected.Reference!, await casePage.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var dossier = await agent.GetAsync(ApplicationDossier.Url(rejected.Id));
        Assert.Equal(HttpStatusCode.OK, dossier.StatusCode);

        // A notification written to the closed account (the outbox's) is delivered to nobody, without an error.
        await using var scope = portal.Portal.App.Services.CreateAsyncScope();
        var recipients = new EmploymentProcedures.Host.Notifying.MailRecipients(
            scope.ServiceProvider.GetRequiredService<AccountsDb>(), scope.ServiceProvider.GetRequiredService<EmploymentProcedures.Engine.Loading.ProcedureCatalog>().Library, summaries: true);
        var item = new NotificationItem(1, rejected.Id, rejected.Reference, Filing.Procedure, rejected.DefinitionVersion, "decided", null, ApplicationStatus.Rejected, DateTime.UtcNow, null, ToRole: false, IsNew: true);
        var due = new DueNotification(item, applicant.UserId, "", applicant.UserId, 0);
        var list = await recipients.ForAsync(due, CancellationToken.None);
        Assert.Empty(list.To);
    }

    [Fact]
    public async Task Closure_ADraftSavedAfterwardsBySessionNotYetSignedOut_IsDeletedByTheAccountSweep()
    {
        var (email, applicant) = await portal.AccountAsync("employer");
        using (var client = await portal.SignedInAsync(email))
        using (var closed = await CloseAsync(client))
            Assert.Equal(HttpStatusCode.Redirect, closed.StatusCode);
        // A session's command that read the account as active just before the closure committed (or a crash between the
        // closure's steps) leaves a draft behind: the engine without the accounts' check, as that command had passed it.
        var services = portal.Portal.App.Services;
        var racing = new Applications(services.GetRequiredService<IDbContextFactory<ProceduresDb>>(), services.GetRequiredService<DefinitionStore>(),
            services.GetRequiredService<IDocumentStore>(), services.GetRequiredService<TimeProvider>());
        var late = await new Filing(racing, portal.Filing.Definition).DraftAsync(applicant);

        await using var scope = portal.Portal.App.Services.CreateAsyncScope();
        var closure = scope.ServiceProvider.GetRequiredService<AccountClosure>();
        var finished = await closure.FinishAsync();
        var again = await closure.FinishAsync();

        Assert.True(finished >= 1);
        Assert.Equal(0, again);
        Assert.Null((await portal.Applications.GetAsync(late.Id, applicant)).Value);
    }

    /// <summary>Makes the shared database refuse a write of one account's rows, as a full disk or a crash would, until disposed.</summary>
    private async Task<IAsyncDisposable> RefusingAsync(string trigger, string when)
    {
        await using (var scope = portal.Portal.App.Services.CreateAsyncScope())
        {
            var create = $"CREATE TRIGGER {trigger} {when} BEGIN SELECT RAISE(ABORT, 'disk full'); END;";
            await scope.ServiceProvider.GetRequiredService<AccountsDb>().Database.ExecuteSqlRawAsync(create);
        }
        return new Dropped(portal, trigger);
    }

    private sealed class Dropped(EmailChangePortal portal, string trigger) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await using var scope = portal.Portal.App.Services.CreateAsyncScope();
            var drop = $"DROP TRIGGER IF EXISTS {trigger};";
            await scope.ServiceProvider.GetRequiredService<AccountsDb>().Database.ExecuteSqlRawAsync(drop);
        }
    }

    [Fact]
    public async Task Closure_FailingInsideTheAccountsStep_LeavesTheAccountAndItsDraftsAsTheyWere_AndASecondAttemptCloses()
    {
        var (email, applicant) = await portal.AccountAsync("employer");
        var (draft, draftFile) = await DraftWithOwnFileAsync(applicant);
        // The step's last write (the last e-mail queued) fails: what it wrote before (history forgotten, queue emptied,
        // account anonymised) must not stay.
        await using (await RefusingAsync("refuse_closure_mail", $"BEFORE INSERT ON AccountMails WHEN NEW.AccountId = '{applicant.UserId}'"))
        {
            await using var scope = portal.Portal.App.Services.CreateAsyncScope();
            var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Account>>();
            var account = (await users.FindByIdAsync(applicant.UserId))!;

            await Assert.ThrowsAnyAsync<DbUpdateException>(() => scope.ServiceProvider.GetRequiredService<AccountClosure>().CloseAsync(account));
        }

        var unchanged = (await ByIdAsync(applicant.UserId))!;
        Assert.Null(unchanged.ClosedAt);
        Assert.Equal(email, unchanged.Email);
        Assert.Equal("Test employer", unchanged.DisplayName);
        Assert.NotNull(unchanged.PasswordHash);
        Assert.Empty(await HistoryAsync(applicant.UserId));
        Assert.True(await portal.SignsInAsync(email, LivePortal.Password));
        Assert.NotNull((await portal.Applications.GetAsync(draft.Id, applicant)).Value);
        Assert.True(File.Exists(draftFile));

        using var client = await portal.SignedInAsync(email);
        using var closed = await CloseAsync(client);

        Assert.Equal(HttpStatusCode.Redirect, closed.StatusCode);
        Assert.NotNull((await ByIdAsync(applicant.UserId))!.ClosedAt);
        Assert.Null((await portal.Applications.GetAsync(draft.Id, applicant)).Value);
        Assert.False(File.Exists(draftFile));
        Assert.Single(await portal.WaitForMailsAsync(email), m => m.Subject == "Votre compte sur le portail a été fermé");
    }

    [Fact]
    public async Task Closure_DraftsFailingToGo_ClosesTheAccountForItsOwner_AndTheSweepDeletesThemOnceTheStoreIsBack()
    {
        var (email, applicant) = await portal.AccountAsync("employer");
        var (draft, draftFile) = await DraftWithOwnFileAsync(applicant);
        using var client = await portal.SignedInAsync(email);

        await using (await RefusingAsync("refuse_closed_drafts", $"BEFORE DELETE ON Applications WHEN OLD.OwnerId = '{applicant.UserId}'"))
        {
            using var closed = await CloseAsync(client);

            // Closed for its owner: told so, signed out, no sign-in, the last e-mail sent; the draft waits for the sweep.
            Assert.Equal(HttpStatusCode.Redirect, closed.StatusCode);
            Assert.EndsWith("account/closed", closed.Headers.Location!.OriginalString, StringComparison.Ordinal);
            Assert.NotNull((await ByIdAsync(applicant.UserId))!.ClosedAt);
            Assert.False(await portal.SignsInAsync(email, LivePortal.Password));
            Assert.Single(await portal.WaitForMailsAsync(email), m => m.Subject == "Votre compte sur le portail a été fermé");
            Assert.NotNull((await portal.Applications.GetAsync(draft.Id, applicant)).Value);

            await using var failing = portal.Portal.App.Services.CreateAsyncScope();
            await Assert.ThrowsAnyAsync<Exception>(() => failing.ServiceProvider.GetRequiredService<AccountClosure>().FinishAsync());
            Assert.NotNull((await portal.Applications.GetAsync(draft.Id, applicant)).Value);
        }

        await using var scope = portal.Portal.App.Services.CreateAsyncScope();
        var closure = scope.ServiceProvider.GetRequiredService<AccountClosure>();
        Assert.True(await closure.FinishAsync() >= 1);
        Assert.Equal(0, await closure.FinishAsync());
        Assert.Null((await portal.Applications.GetAsync(draft.Id, applicant)).Value);
        Assert.False(File.Exists(draftFile));
    }

    [Fact]
    public async Task Closure_StaffAccount_IsNotOffered_AndAForgedPostChangesNothing()
    {
        var (email, agent) = await portal.AccountAsync("desk-agent", "casablanca");
        using var client = await portal.SignedInAsync(email);

        var page = SignUpTests.MainOf(await client.GetStringAsync("/account"));
        Assert.Contains("Les comptes des agents ne se ferment pas ici", page, StringComparison.Ordinal);
        Assert.DoesNotContain("close-current-password", page, StringComparison.Ordinal);

        using var forged = await CloseAsync(client);

        // No closing form is rendered for an agent: the post finds none to go to.
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        var account = (await ByIdAsync(agent.UserId))!;
        Assert.Null(account.ClosedAt);
        Assert.Equal(email, account.Email);
        Assert.True(await portal.SignsInAsync(email, LivePortal.Password));
    }

    [Fact]
    public async Task Closure_InArabic_IsRightToLeft_AndEndsOnAnArabicPage_AndTheStaffPageShowsItClosed()
    {
        var (email, applicant) = await portal.AccountAsync("employer");
        await portal.ChangeAccountAsync(email, a => a.PreferredLanguage = "ar");
        using var client = await portal.SignedInAsync(email);

        var html = await client.GetStringAsync("/account");
        Assert.Contains("dir=\"rtl\"", html, StringComparison.Ordinal);
        Assert.Contains("إغلاق حسابي", html, StringComparison.Ordinal);

        using var closed = await CloseAsync(client);
        Assert.Equal(HttpStatusCode.Redirect, closed.StatusCode);
        var closedHtml = await client.GetStringAsync("/account/closed");
        Assert.Contains("dir=\"rtl\"", closedHtml, StringComparison.Ordinal);
        Assert.Contains("تم إغلاق حسابكم وتسجيل خروجكم.", closedHtml, StringComparison.Ordinal);
        var mail = Assert.Single(await portal.WaitForMailsAsync(email));
        Assert.Equal("تم إغلاق حسابكم على البوابة", mail.Subject);

        var (adminEmail, _) = await portal.AccountAsync("administrator");
        using var admin = await portal.SignedInAsync(adminEmail);
        var person = SignUpTests.MainOf(await admin.GetStringAsync($"/staff/{applicant.UserId}"));
        Assert.Contains("Compte fermé par son titulaire", person, StringComparison.Ordinal);
        Assert.DoesNotContain("Test employer", person, StringComparison.Ordinal);
        Assert.DoesNotContain(email, person, StringComparison.Ordinal);
        var list = SignUpTests.MainOf(await admin.GetStringAsync("/staff?Role=applicants&State=closed"));
        Assert.Contains($"staff/{applicant.UserId}", list, StringComparison.Ordinal);
    }
}
