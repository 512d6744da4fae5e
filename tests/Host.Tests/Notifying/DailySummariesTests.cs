using EmploymentProcedures.Engine.Deadlines;
using EmploymentProcedures.Engine.Storage;
using EmploymentProcedures.Engine.Workflow;
using EmploymentProcedures.Host.Accounts;
using EmploymentProcedures.Host.Localization;
using EmploymentProcedures.Host.Notifying;
using EmploymentProcedures.Host.Operations;
using EmploymentProcedures.Host.Tests.MyApplications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Time.Testing;
using MimeKit;

namespace EmploymentProcedures.Host.Tests.Notifying;

/// <summary>
/// The reviewers' daily summary over the real portal, with the pickup folder and a clock set to the next morning: what it
/// lists and to whom, nothing when nothing happened, a crash or a refusal sending the same e-mail again, one instance
/// sending it, and the per-notification e-mails of the others unchanged. Other tests of the collection leave
/// notifications and accounts too: each test looks only at the e-mails to the accounts it created.
/// </summary>
[Collection(LivePortalTests.Name)]
public sealed class DailySummariesTests(LivePortal portal) : IDisposable
{
    private const string Province = "tanger-assilah";

    private const string OtherProvince = "oujda-angad";

    private static readonly Uri PublicUrl = new("https://portail.emploi.example/procedures/");

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "ep-digest-tests-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task DeskAgentWithTheSummary_GetsOneEmailOfTheirProvincesFiles_WhileEachAndNoneAreUnchanged()
    {
        var summarised = await AgentAsync("fr", EmailChoice.DailySummary);
        var each = await AgentAsync("fr", EmailChoice.EachNotification);
        var none = await AgentAsync("fr", EmailChoice.None);
        var first = await SubmittedAsync(Province);
        await portal.Filing.RequestChangesAsync(first, "Joignez le règlement signé.", "article_count");
        var second = await SubmittedAsync(Province);
        var elsewhere = await SubmittedAsync(OtherProvince);

        var dispatched = new RecordingDelivery();
        await Dispatcher(dispatched).RunAsync();
        var clock = NextMorning(8, 0);
        var report = await Summaries(new PickupFolderDelivery(_folder), clock).SendAsync();

        // The per-notification dispatcher writes to the agent who wants each one, to nobody who chose the summary or none.
        Assert.Contains(dispatched.Messages, m => To(m) == each.Email && Subject(m).Contains(first.Reference!, StringComparison.Ordinal));
        Assert.Contains(dispatched.Messages, m => To(m) == each.Email && Subject(m).Contains(second.Reference!, StringComparison.Ordinal));
        // (Notifications of earlier tests, written before the agent chose the summary, still go one by one.)
        Assert.DoesNotContain(dispatched.Messages, m => To(m) == summarised.Email && Subject(m).Contains(first.Reference!, StringComparison.Ordinal));
        Assert.DoesNotContain(dispatched.Messages, m => To(m) == summarised.Email && Subject(m).Contains(second.Reference!, StringComparison.Ordinal));
        Assert.DoesNotContain(dispatched.Messages, m => To(m) == none.Email);
        Assert.Null(report.Unavailable);
        var received = await PickupAsync();
        Assert.DoesNotContain(received, m => To(m) == each.Email || To(m) == none.Email);
        var digest = Assert.Single(received, m => To(m) == summarised.Email);
        var day = MoroccoTime.Today(clock);
        Assert.Matches($@"^Résumé du {System.Text.RegularExpressions.Regex.Escape(day.ToString("D", Languages.French.Culture))} — notifications : [2-9], dossiers : 2$", digest.Subject);
        var text = digest.TextBody;
        Assert.Contains("Bonjour Test desk-agent,", text, StringComparison.Ordinal);
        Assert.Contains($"Dossier {first.Reference} (Approbation du règlement intérieur)", text, StringComparison.Ordinal);
        Assert.Contains($"Dossier {second.Reference} (Approbation du règlement intérieur)", text, StringComparison.Ordinal);
        Assert.Contains($"https://portail.emploi.example/procedures/cases/{first.Id}", text, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"https://portail.emploi.example/procedures/cases/{second.Id}\">", digest.HtmlBody, StringComparison.Ordinal);
        Assert.DoesNotContain(elsewhere.Reference!, text + digest.HtmlBody, StringComparison.Ordinal);
        Assert.DoesNotContain(elsewhere.Id.ToString(), text + digest.HtmlBody, StringComparison.Ordinal);
        // The inbox's counts, each a link to those files.
        Assert.Contains("Votre boîte de réception aujourd'hui", text, StringComparison.Ordinal);
        Assert.Matches(@"À traiter : [1-9]\d* <https://portail\.emploi\.example/procedures/inbox\?status=in_review>", text);
        Assert.Contains("En retard : ", text, StringComparison.Ordinal);
        Assert.Contains("Échéance proche : ", text, StringComparison.Ordinal);
        Assert.Contains("En attente d'une réponse : ", text, StringComparison.Ordinal);
        Assert.Contains("https://portail.emploi.example/procedures/inbox", digest.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("<html lang=\"fr\" dir=\"ltr\">", digest.HtmlBody, StringComparison.Ordinal);
        Assert.Equal("auto-generated", digest.Headers["Auto-Submitted"]);
        Assert.Equal("<https://portail.emploi.example/procedures/account>", digest.Headers["List-Unsubscribe"]);
        Assert.Equal("fr", ContentLanguage(digest));
        Assert.StartsWith($"digest-{day:yyyyMMdd}-", digest.MessageId, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Summary_InArabic_IsRightToLeft_AndNamesTheFileInArabic()
    {
        var agent = await AgentAsync("ar", EmailChoice.DailySummary);
        var file = await SubmittedAsync(Province);

        await Summaries(new PickupFolderDelivery(_folder), NextMorning(7, 31)).SendAsync();

        var digest = Assert.Single(await PickupAsync(), m => To(m) == agent.Email);
        Assert.Contains("<html lang=\"ar\" dir=\"rtl\">", digest.HtmlBody, StringComparison.Ordinal);
        Assert.StartsWith("ملخص ", digest.Subject, StringComparison.Ordinal);
        Assert.Contains("الملف " + file.Reference, digest.TextBody, StringComparison.Ordinal);
        Assert.Contains("أودع الطلب تحت المرجع " + file.Reference, digest.TextBody, StringComparison.Ordinal);
        Assert.Contains("صندوق الوارد", digest.TextBody, StringComparison.Ordinal);
        Assert.Equal("ar", ContentLanguage(digest));
    }

    [Fact]
    public async Task Summary_BeforeItsTime_NothingThenNothingNewTheNextDay_SendsNoEmail()
    {
        var agent = await AgentAsync("fr", EmailChoice.DailySummary);
        await SubmittedAsync(Province);
        var delivery = new RecordingDelivery();
        var clock = NextMorning(7, 0);
        var summaries = Summaries(delivery, clock);

        await summaries.SendAsync();
        Assert.DoesNotContain(delivery.Tried, m => To(m) == agent.Email);
        clock.Advance(TimeSpan.FromMinutes(31));
        await summaries.SendAsync();
        await summaries.SendAsync();
        Assert.Single(delivery.Messages, m => To(m) == agent.Email);

        clock.Advance(TimeSpan.FromDays(1));
        await summaries.SendAsync();

        Assert.Single(delivery.Tried, m => To(m) == agent.Email);
    }

    [Fact]
    public async Task Summary_CrashAfterTheServerAcceptedIt_BeforeItsProgressMoved_IsSentAgainAsTheSameEmail()
    {
        var agent = await AgentAsync("fr", EmailChoice.DailySummary);
        var file = await SubmittedAsync(Province);
        var clock = NextMorning(8, 0);
        var pickup = new PickupFolderDelivery(_folder);
        var crashing = new RecordingDelivery(m => To(m) == agent.Email ? throw new InvalidOperationException("the process stopped") : Sent.Accepted, pickup);

        await Assert.ThrowsAsync<InvalidOperationException>(() => Summaries(crashing, clock).SendAsync());
        var written = Assert.Single(await PickupAsync(), m => To(m) == agent.Email);
        clock.Advance(TimeSpan.FromMinutes(1));
        var again = new RecordingDelivery(inner: pickup);
        await Summaries(again, clock).SendAsync();

        var resent = Assert.Single(again.Messages, m => To(m) == agent.Email);
        Assert.Equal(written.MessageId, resent.MessageId);
        Assert.Contains(file.Reference!, resent.TextBody, StringComparison.Ordinal);
        // The same file in the pickup folder, written over: the mailbox gets one e-mail.
        Assert.Single(await PickupAsync(), m => To(m) == agent.Email);
        clock.Advance(TimeSpan.FromMinutes(1));
        await Summaries(again, clock).SendAsync();
        Assert.Single(again.Tried, m => To(m) == agent.Email);
    }

    [Fact]
    public async Task Summary_Refused_IsTriedAgainAfterTheDelay_AsTheSameEmail_ThenNotAgain()
    {
        var agent = await AgentAsync("fr", EmailChoice.DailySummary);
        await SubmittedAsync(Province);
        var refuse = true;
        var delivery = new RecordingDelivery(m => refuse && To(m) == agent.Email ? Sent.Refused("452 4.2.2 mailbox full") : Sent.Accepted);
        var clock = NextMorning(8, 0);
        var summaries = Summaries(delivery, clock);

        var refused = await summaries.SendAsync();
        await summaries.SendAsync();
        Assert.True(refused.Refused >= 1);
        Assert.Single(delivery.Tried, m => To(m) == agent.Email);
        refuse = false;
        clock.Advance(TimeSpan.FromMinutes(1));
        await summaries.SendAsync();
        clock.Advance(TimeSpan.FromMinutes(10));
        await summaries.SendAsync();

        var tried = delivery.Tried.Where(m => To(m) == agent.Email).ToList();
        Assert.Equal(2, tried.Count);
        Assert.Equal(tried[0].MessageId, tried[1].MessageId);
        Assert.Single(delivery.Messages, m => To(m) == agent.Email);
    }

    [Fact]
    public async Task TwoInstancesAtOnce_SendTheSummaryOnce()
    {
        var agent = await AgentAsync("fr", EmailChoice.DailySummary);
        await SubmittedAsync(Province);
        var clock = NextMorning(8, 0);
        var leases = portal.Portal.App.Services.GetRequiredService<JobLeases>();
        var run = Guid.NewGuid().ToString("N")[..8];
        var first = new RecordingDelivery();
        var second = new RecordingDelivery();

        var held = await Task.WhenAll(
            Summaries(first, clock, new InstanceLeases(leases, $"web-1-{run}/1")).RunIfHeldAsync(CancellationToken.None),
            Summaries(second, clock, new InstanceLeases(leases, $"web-2-{run}/2")).RunIfHeldAsync(CancellationToken.None));

        Assert.Single(held, h => h);
        Assert.Single(first.Messages.Concat(second.Messages), m => To(m) == agent.Email);
        // Give the lease up, so the other tests' jobs (called without one) are not told another instance holds it.
        await leases.ReleaseAsync(DailySummaries.Name, held[0] ? $"web-1-{run}/1" : $"web-2-{run}/2", CancellationToken.None);
    }

    [Fact]
    public async Task ChosenAfterANotification_ThatOneStillGoesOnItsOwn_TheNextOnesOnlyInTheSummary()
    {
        var agent = await AgentAsync("fr", EmailChoice.EachNotification);
        var before = await SubmittedAsync(Province);
        await ChooseAsync(agent.Actor.UserId, EmailChoice.DailySummary);
        var after = await SubmittedAsync(Province);

        var dispatched = new RecordingDelivery();
        await Dispatcher(dispatched).RunAsync();
        var summarised = new RecordingDelivery();
        await Summaries(summarised, NextMorning(8, 0)).SendAsync();

        Assert.Single(dispatched.Messages, m => To(m) == agent.Email && Subject(m).Contains(before.Reference!, StringComparison.Ordinal));
        Assert.DoesNotContain(dispatched.Messages, m => To(m) == agent.Email && Subject(m).Contains(after.Reference!, StringComparison.Ordinal));
        var digest = Assert.Single(summarised.Messages, m => To(m) == agent.Email);
        Assert.Contains(after.Reference!, digest.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain(before.Reference!, digest.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SummariesTurnedOff_WhoChoseTheSummaryGetsEachNotification_ADeactivatedAgentNone()
    {
        var summarised = await AgentAsync("fr", EmailChoice.DailySummary);
        var deactivated = await AgentAsync("fr", EmailChoice.EachNotification);
        var (_, administrator) = await portal.AccountAsync("administrator");
        await using (var scope = portal.Portal.App.Services.CreateAsyncScope())
            Assert.True((await scope.ServiceProvider.GetRequiredService<StaffAccounts>().DeactivateAsync(administrator, deactivated.Actor.UserId)).Succeeded);
        var file = await SubmittedAsync(Province);

        var dispatched = new RecordingDelivery();
        await Dispatcher(dispatched, summaries: false).RunAsync();

        // No summary will be sent (Mail:DigestTime is 00:00:00): those who chose one are written to at once rather than never.
        Assert.Contains(dispatched.Messages, m => To(m) == summarised.Email && Subject(m).Contains(file.Reference!, StringComparison.Ordinal));
        Assert.DoesNotContain(dispatched.Messages, m => To(m) == deactivated.Email);
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder))
            Directory.Delete(_folder, recursive: true);
    }

    /// <summary>A desk agent of <see cref="Province"/> reading <paramref name="language"/>, with <paramref name="choice"/> made as the account page makes it.</summary>
    private async Task<(string Email, Actor Actor)> AgentAsync(string language, EmailChoice choice)
    {
        var (email, actor) = await portal.AccountAsync("desk-agent", Province);
        await using var scope = portal.Portal.App.Services.CreateAsyncScope();
        var accounts = scope.ServiceProvider.GetRequiredService<AccountsDb>();
        var account = await accounts.Users.SingleAsync(a => a.Id == actor.UserId);
        account.PreferredLanguage = language;
        await accounts.SaveChangesAsync();
        await ChooseAsync(actor.UserId, choice);
        return (email, actor);
    }

    private async Task ChooseAsync(string accountId, EmailChoice choice)
    {
        await using var scope = portal.Portal.App.Services.CreateAsyncScope();
        var accounts = scope.ServiceProvider.GetRequiredService<AccountsDb>();
        var account = await accounts.Users.SingleAsync(a => a.Id == accountId);
        var newest = await portal.Portal.App.Services.GetRequiredService<Notifications>().NewestAsync(DateTime.UtcNow);
        EmailChoices.Choose(account, choice, newest);
        await accounts.SaveChangesAsync();
    }

    /// <summary>A file submitted by a new applicant with its establishment in <paramref name="province"/>.</summary>
    private async Task<Application> SubmittedAsync(string province)
    {
        var (_, applicant) = await portal.AccountAsync("employer");
        return await portal.Filing.SubmittedAsync(applicant, change: answers => Filing.InProvince(answers, province));
    }

    /// <summary>A clock at <paramref name="hour"/>:<paramref name="minute"/> tomorrow in Morocco, well after the notifications the test writes.</summary>
    private static FakeTimeProvider NextMorning(int hour, int minute)
    {
        var zone = MoroccoTime.Instance.LocalTimeZone;
        var tomorrow = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, zone).Date.AddDays(1).Add(new TimeSpan(hour, minute, 0));
        var clock = new FakeTimeProvider(new DateTimeOffset(tomorrow, zone.GetUtcOffset(tomorrow)));
        clock.SetLocalTimeZone(zone);
        return clock;
    }

    private DailySummaries Summaries(IMailDelivery delivery, TimeProvider clock, InstanceLeases? leases = null)
    {
        var services = portal.Portal.App.Services;
        var options = Options();
        var mail = new DigestMail(services.GetRequiredService<IStringLocalizer<Strings>>(), Mail(clock, options));
        return ActivatorUtilities.CreateInstance<DailySummaries>(services, delivery, mail, clock, options,
            leases ?? services.GetRequiredService<InstanceLeases>());
    }

    private MailDispatcher Dispatcher(IMailDelivery delivery, bool summaries = true)
    {
        var services = portal.Portal.App.Services;
        var options = Options();
        if (!summaries)
            options.DigestTime = TimeSpan.Zero;
        return ActivatorUtilities.CreateInstance<MailDispatcher>(services, delivery, Mail(MoroccoTime.Instance, options), (TimeProvider)MoroccoTime.Instance, options);
    }

    private static MailOptions Options() => new() { From = "ne-pas-repondre@emploi.example", MaxAttempts = 3 };

    private NotificationMail Mail(TimeProvider clock, MailOptions options) =>
        new(portal.Portal.App.Services.GetRequiredService<IStringLocalizer<Strings>>(), clock, options, PublicUrl);

    /// <summary>Every e-mail the pickup folder holds, each parsed back as a MIME message.</summary>
    private async Task<List<MimeMessage>> PickupAsync()
    {
        var messages = new List<MimeMessage>();
        foreach (var file in Directory.EnumerateFiles(_folder, "*.eml"))
            messages.Add(await MimeMessage.LoadAsync(file));
        return messages;
    }

    private static string To(MimeMessage message) => message.To.Mailboxes.Single().Address;

    private static string Subject(MimeMessage message) => message.Subject ?? "";

    /// <summary>The header as written; a parsed message keeps the <c>Content-*</c> headers with its body.</summary>
    private static string? ContentLanguage(MimeMessage message) =>
        message.Headers[HeaderId.ContentLanguage] ?? message.Body?.Headers[HeaderId.ContentLanguage];
}
