using EmploymentProcedures.Engine.Definitions;
using EmploymentProcedures.Engine.Deadlines;
using EmploymentProcedures.Engine.Storage;
using EmploymentProcedures.Engine.Workflow;
using EmploymentProcedures.Host.Accounts;
using EmploymentProcedures.Host.Localization;
using EmploymentProcedures.Host.Notifying;
using EmploymentProcedures.Host.Tests.MyApplications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using MimeKit;

namespace EmploymentProcedures.Host.Tests.Notifying;

/// <summary>
/// The outbox's e-mail dispatcher over the real portal: who is written to, in which words and language, with which link,
/// what is never written, and what happens when an e-mail is refused or the server is down. Other tests of the collection
/// leave notifications too: each test looks only at the e-mails to the accounts it created.
/// </summary>
[Collection(LivePortalTests.Name)]
public sealed class MailDispatcherTests(LivePortal portal) : IDisposable
{
    private static readonly int[] Failures = [1, 2, 3, 4, 5, 40];

    private static readonly Uri PublicUrl = new("https://portail.emploi.example/procedures/");

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "ep-mail-tests-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task Applicants_ChangesRequested_EachGetsAValidEmailInTheirLanguage_WithTheLinkAndTheMessage()
    {
        var french = await ApplicantAsync("fr");
        var arabic = await ApplicantAsync("ar");
        var english = await ApplicantAsync("en");
        var files = new Dictionary<string, Application>();
        foreach (var (email, actor) in new[] { french, arabic, english })
            files[email] = await portal.Filing.RequestChangesAsync(await portal.Filing.SubmittedAsync(actor), "Joignez le règlement signé.", "article_count");

        var report = await Dispatcher(new PickupFolderDelivery(_folder)).RunAsync();

        Assert.Null(report.Unavailable);
        var received = await PickupAsync();
        var fr = Assert.Single(received, m => To(m) == french.Email && Subject(m).Contains("Des modifications", StringComparison.Ordinal));
        var application = files[french.Email];
        Assert.Equal(
            $"Votre demande {application.Reference} (Approbation du règlement intérieur) : Des modifications vous sont demandées à l'étape « Recevabilité (direction provinciale de l'emploi) ».",
            fr.Subject);
        var link = $"https://portail.emploi.example/procedures/applications/{application.Id}";
        Assert.Contains("Bonjour Test employer,", fr.TextBody, StringComparison.Ordinal);
        Assert.Contains("Joignez le règlement signé.", fr.TextBody, StringComparison.Ordinal);
        Assert.Contains(link, fr.TextBody, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"{link}\">Ouvrir le dossier sur le portail</a>", fr.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("<html lang=\"fr\" dir=\"ltr\">", fr.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("https://portail.emploi.example/procedures/account", fr.TextBody, StringComparison.Ordinal);
        Assert.Equal("auto-generated", fr.Headers["Auto-Submitted"]);
        Assert.Equal("ne-pas-repondre@emploi.example", fr.From.Mailboxes.Single().Address);
        Assert.Contains(received, m => To(m) == french.Email && Subject(m).Contains("Demande déposée sous la référence", StringComparison.Ordinal));

        var ar = Assert.Single(received, m => To(m) == arabic.Email && Text(m).Contains("Joignez", StringComparison.Ordinal));
        Assert.Contains("<html lang=\"ar\" dir=\"rtl\">", ar.HtmlBody, StringComparison.Ordinal);
        Assert.StartsWith("طلبكم " + files[arabic.Email].Reference, ar.Subject, StringComparison.Ordinal);
        Assert.Contains(portal.Filing.Definition.Title.Get("ar"), ar.Subject, StringComparison.Ordinal);
        Assert.Contains("مرحبا Test employer،", ar.TextBody, StringComparison.Ordinal);
        Assert.Contains($"https://portail.emploi.example/procedures/applications/{files[arabic.Email].Id}", ar.HtmlBody, StringComparison.Ordinal);

        var en = Assert.Single(received, m => To(m) == english.Email && Text(m).Contains("Joignez", StringComparison.Ordinal));
        Assert.StartsWith("Your application " + files[english.Email].Reference, en.Subject, StringComparison.Ordinal);
        Assert.Contains("Hello Test employer,", en.TextBody, StringComparison.Ordinal);
        Assert.Contains("<html lang=\"en\" dir=\"ltr\">", en.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Applicant_FileReturnedBetweenReviewers_EmailNeverCarriesTheReviewersNote()
    {
        var applicant = await ApplicantAsync("fr");
        var submitted = await portal.Filing.SubmittedAsync(applicant.Actor);
        var province = submitted.Province!;
        var inspector = await AccountAsync("labour-inspector", "fr", province);
        var moved = await portal.Applications.DecideAsync(submitted.Id, Filing.DeskAgent(submitted), new WorkflowCommand.Decide("reception", StepAction.Approve));
        Assert.True(moved.Succeeded, moved.ToString());
        const string Note = "Note interne : le cachet de l'inspection est illisible.";
        var returned = await portal.Applications.DecideAsync(submitted.Id, inspector.Actor, new WorkflowCommand.Decide("legal_review", StepAction.Return, Note, ReturnTo: "reception"));
        Assert.True(returned.Succeeded, returned.ToString());
        var agent = await AccountAsync("desk-agent", "fr", province);

        await Dispatcher(new PickupFolderDelivery(_folder)).RunAsync();

        var received = await PickupAsync();
        var toApplicant = received.Where(m => To(m) == applicant.Email).ToList();
        Assert.Equal(2, toApplicant.Count);
        Assert.Contains(toApplicant, m => Subject(m).EndsWith("Le dossier revient à l'étape « Recevabilité (direction provinciale de l'emploi) » pour un nouvel examen.", StringComparison.Ordinal));
        Assert.All(toApplicant, m => Assert.DoesNotContain("cachet", Text(m) + m.HtmlBody, StringComparison.Ordinal));
        // The reviewers are told of the return too, in the page's words, which do not quote the note either.
        Assert.Contains(received, m => To(m) == agent.Email && Subject(m).Contains(submitted.Reference!, StringComparison.Ordinal)
            && Subject(m).EndsWith("pour un nouvel examen.", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RoleNotification_GoesToTheRolesAccountsCoveringItsProvince_OrToAllOfThemWithoutOne()
    {
        var applicant = await ApplicantAsync("fr");
        var submitted = await portal.Filing.SubmittedAsync(applicant.Actor);
        var here = await AccountAsync("desk-agent", "ar", submitted.Province!);
        var elsewhere = await AccountAsync("desk-agent", "fr", "oujda-angad");
        var inspector = await AccountAsync("labour-inspector", "fr", submitted.Province!);
        await InsertRoleNotificationAsync(submitted.Id, "desk-agent", "");

        await Dispatcher(new PickupFolderDelivery(_folder)).RunAsync();

        var received = await PickupAsync();
        var toHere = received.Where(m => To(m) == here.Email && Subject(m).Contains(submitted.Reference!, StringComparison.Ordinal)).ToList();
        Assert.Equal(2, toHere.Count);
        Assert.All(toHere, m =>
        {
            Assert.Contains($"https://portail.emploi.example/procedures/cases/{submitted.Id}", m.TextBody, StringComparison.Ordinal);
            Assert.Contains("<html lang=\"ar\" dir=\"rtl\">", m.HtmlBody, StringComparison.Ordinal);
        });
        Assert.Single(received, m => To(m) == elsewhere.Email && Subject(m).Contains(submitted.Reference!, StringComparison.Ordinal));
        Assert.DoesNotContain(received, m => To(m) == inspector.Email);
    }

    [Fact]
    public async Task OptedOutOrWithoutAnAddress_IsSkipped_AndTheNotificationMarkedSentWithoutRetrying()
    {
        var quiet = await ApplicantAsync("fr", a => a.Emails = EmailChoice.None);
        var nameless = await ApplicantAsync("fr", a => a.Email = null);
        var told = await ApplicantAsync("fr");
        foreach (var person in new[] { quiet, nameless, told })
            await portal.Filing.SubmittedAsync(person.Actor);
        var delivery = new RecordingDelivery();

        var report = await Dispatcher(delivery).RunAsync();

        Assert.Contains(delivery.Messages, m => To(m) == told.Email);
        Assert.DoesNotContain(delivery.Messages, m => To(m) == quiet.Email || To(m) == nameless.Email);
        Assert.True(report.Skipped >= 2);
        Assert.DoesNotContain(await Outbox.UnsentAsync(1000), n => n.Recipient == quiet.Actor.UserId || n.Recipient == nameless.Actor.UserId);
    }

    [Fact]
    public async Task RefusedEmail_StaysUnsent_IsRetriedAfterAGrowingDelay_ThenSetAside_WhileTheNextOnesGo()
    {
        var refused = await ApplicantAsync("fr");
        var later = await ApplicantAsync("fr");
        var bad = await portal.Filing.SubmittedAsync(refused.Actor);
        await portal.Filing.SubmittedAsync(later.Actor);
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var delivery = new RecordingDelivery(m => To(m) == refused.Email ? Sent.Refused("550 5.1.1 mailbox unavailable") : Sent.Accepted);
        var dispatcher = Dispatcher(delivery, clock, maxAttempts: 3);

        var first = await dispatcher.RunAsync();
        Assert.Contains(delivery.Messages, m => To(m) == later.Email);
        Assert.True(first.Failed >= 1);
        Assert.Equal(1, Tries(delivery, refused.Email));
        var waiting = Assert.Single(await Outbox.UnsentAsync(1000), n => n.Recipient == refused.Actor.UserId);
        Assert.Equal(bad.Id, waiting.ApplicationId);

        await dispatcher.RunAsync();
        Assert.Equal(1, Tries(delivery, refused.Email));
        clock.Advance(TimeSpan.FromMinutes(1));
        await dispatcher.RunAsync();
        Assert.Equal(2, Tries(delivery, refused.Email));
        clock.Advance(TimeSpan.FromMinutes(1));
        await dispatcher.RunAsync();
        Assert.Equal(2, Tries(delivery, refused.Email));
        clock.Advance(TimeSpan.FromMinutes(1));
        await dispatcher.RunAsync();
        Assert.Equal(3, Tries(delivery, refused.Email));

        var aside = Assert.Single(await Outbox.SetAsideAsync(1000), n => n.Id == waiting.Id);
        Assert.Equal((3, "550 5.1.1 mailbox unavailable"), (aside.Attempts, aside.LastError));
        clock.Advance(TimeSpan.FromDays(2));
        await dispatcher.RunAsync();
        Assert.Equal(3, Tries(delivery, refused.Email));
    }

    [Theory]
    [InlineData("refused")]
    [InlineData("server down")]
    public async Task RoleNotification_FailingForOnePersonPartway_ThenRetried_EachPersonGetsExactlyOneCopy(string failure)
    {
        var (reference, agents, last) = await SubmittedToThreeDeskAgentsAsync();
        var refuse = true;
        var failed = failure == "refused" ? Sent.Refused("452 4.2.2 mailbox full") : Sent.Unavailable("421 4.3.2 service not available");
        var delivery = new RecordingDelivery(m => refuse && To(m) == last.Email ? failed : Sent.Accepted);
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var dispatcher = Dispatcher(delivery, clock);

        await dispatcher.RunAsync();
        refuse = false;
        clock.Advance(TimeSpan.FromMinutes(1));
        await dispatcher.RunAsync();

        Assert.All(agents, agent => Assert.Single(delivery.Messages, m => To(m) == agent.Email && Subject(m).Contains(reference, StringComparison.Ordinal)));
        Assert.Equal(2, delivery.Tried.Count(m => To(m) == last.Email && Subject(m).Contains(reference, StringComparison.Ordinal)));
    }

    [Fact]
    public async Task RoleNotification_SetAsideAfterAPartialFailure_StillListsWhoGotIt_AndTheLogWarnsOfIt()
    {
        var (reference, agents, last) = await SubmittedToThreeDeskAgentsAsync();
        var delivery = new RecordingDelivery(m => To(m) == last.Email ? Sent.Refused("550 5.1.1 mailbox unavailable") : Sent.Accepted);
        var log = new LogRecorder<MailDispatcher>();

        await Dispatcher(delivery, maxAttempts: 1, logger: log).RunAsync();

        var told = agents.First(a => a != last);
        var aside = Assert.Single(await Outbox.SetAsideAsync(1000), n => n.DeliveredTo.Contains(told.Actor.UserId));
        Assert.Equal("role:desk-agent", aside.Recipient);
        Assert.All(agents.Where(a => a != last), a => Assert.Contains(a.Actor.UserId, aside.DeliveredTo));
        Assert.DoesNotContain(last.Actor.UserId, aside.DeliveredTo);
        Assert.Single(delivery.Messages, m => To(m) == told.Email && Subject(m).Contains(reference, StringComparison.Ordinal));
        Assert.Contains(log.Entries, e => e.Level >= LogLevel.Warning && e.Message.StartsWith($"Notification {aside.Id} set aside", StringComparison.Ordinal));
    }

    /// <summary>
    /// A submission whose notification to the desk agents of its province goes to three new accounts among them, and of
    /// those the one written to last (the recipients are taken in the order of their ids).
    /// </summary>
    private async Task<(string Reference, List<(string Email, Actor Actor)> Agents, (string Email, Actor Actor) Last)> SubmittedToThreeDeskAgentsAsync()
    {
        var applicant = await ApplicantAsync("fr");
        var submitted = await portal.Filing.SubmittedAsync(applicant.Actor);
        var agents = new List<(string Email, Actor Actor)>();
        for (var i = 0; i < 3; i++)
            agents.Add(await AccountAsync("desk-agent", "fr", submitted.Province!));
        return (submitted.Reference!, agents, agents.MaxBy(a => a.Actor.UserId, StringComparer.Ordinal));
    }

    [Fact]
    public async Task Smtp_EachEmailGoesThroughTheServer_ARefusedRecipientIsRetried_AndAServerDownCountsNoAttempt()
    {
        var port = SmtpListener.FreePort();
        var applicant = await ApplicantAsync("ar");
        var refused = await ApplicantAsync("fr");
        await portal.Filing.SubmittedAsync(applicant.Actor);
        await portal.Filing.SubmittedAsync(refused.Actor);
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var dispatcher = Dispatcher(new SmtpDelivery(new SmtpOptions { Host = "127.0.0.1", Port = port, Security = SmtpSecurity.None }), clock);

        var down = await dispatcher.RunAsync();
        Assert.NotNull(down.Unavailable);
        Assert.Equal(0, down.Failed);
        Assert.Contains(await Outbox.UnsentAsync(1000), n => n.Recipient == applicant.Actor.UserId);

        await using var server = new SmtpListener(port);
        server.Refused.Add(refused.Email);
        var up = await dispatcher.RunAsync();

        Assert.Null(up.Unavailable);
        var (to, message) = Assert.Single(server.Received, r => r.To.Contains(applicant.Email));
        Assert.Equal([applicant.Email], to);
        Assert.Contains("<html lang=\"ar\" dir=\"rtl\">", message.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("مرحبا", message.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain(await Outbox.UnsentAsync(1000), n => n.Recipient == applicant.Actor.UserId);
        var waiting = Assert.Single(await Outbox.UnsentAsync(1000), n => n.Recipient == refused.Actor.UserId);

        server.Refused.Clear();
        clock.Advance(TimeSpan.FromMinutes(1));
        await dispatcher.RunAsync();
        Assert.Single(server.Received, r => r.To.Contains(refused.Email));
        Assert.DoesNotContain(await Outbox.UnsentAsync(1000), n => n.Id == waiting.Id);
    }

    [Fact]
    public async Task TwoDispatchersAtOnce_NeverSendTheSameNotificationTwice()
    {
        var applicants = new List<(string Email, Actor Actor)>();
        for (var i = 0; i < 6; i++)
        {
            var applicant = await ApplicantAsync("fr");
            await portal.Filing.SubmittedAsync(applicant.Actor);
            applicants.Add(applicant);
        }
        var first = new RecordingDelivery();
        var second = new RecordingDelivery();

        await Task.WhenAll(Dispatcher(first, batchSize: 2).RunAsync(), Dispatcher(second, batchSize: 2).RunAsync());

        // One notification to one person always has the same Message-Id: a notification sent twice would show it twice.
        var sent = first.Messages.Concat(second.Messages).ToList();
        Assert.Equal(sent.Count, sent.Select(m => m.MessageId).Distinct().Count());
        Assert.All(applicants, a => Assert.Single(sent, m => To(m) == a.Email));
    }

    [Fact]
    public void RetryDelay_DoublesFromTheFirstUpToTheLongest()
    {
        var options = new MailOptions { FirstRetryDelay = TimeSpan.FromMinutes(1), MaxRetryDelay = TimeSpan.FromMinutes(10) };

        Assert.Equal([1, 2, 4, 8, 10, 10], Failures.Select(n => options.RetryDelay(n).TotalMinutes));
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder))
            Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task Applicants_DraftAbandoned_AreToldInTheirLanguageTheDayItGoes_WithALinkToItsForm()
    {
        var french = await ApplicantAsync("fr");
        var arabic = await ApplicantAsync("ar");
        var english = await ApplicantAsync("en");
        var drafts = new Dictionary<string, Application>();
        foreach (var (email, actor) in new[] { french, arabic, english })
        {
            drafts[email] = await portal.Filing.DraftAsync(actor);
            await UntouchedSinceAsync(drafts[email].Id, DateTime.UtcNow.AddDays(-170));
        }

        var swept = await portal.Applications.SweepDraftsAsync(TimeSpan.FromDays(183), TimeSpan.FromDays(14));
        await Dispatcher(new PickupFolderDelivery(_folder)).RunAsync();

        Assert.Equal(new DraftSweepReport(3, 0), swept);
        var received = await PickupAsync();
        // Untouched for 170 days of 183: it goes no sooner than the 14 days the applicant is given.
        var day = MoroccoTime.Local(MoroccoTime.Instance, DateTime.UtcNow.AddDays(14));
        var fr = Assert.Single(received, m => To(m) == french.Email);
        Assert.Equal(
            $"Votre brouillon (Approbation du règlement intérieur) : Votre brouillon n'a pas été modifié depuis longtemps : il sera supprimé avec ses pièces le {day.ToString("D", Languages.French.Culture)}, sauf si vous le reprenez d'ici là.",
            fr.Subject);
        Assert.Contains($"https://portail.emploi.example/procedures/applications/{drafts[french.Email].Id}/form", fr.TextBody, StringComparison.Ordinal);
        var ar = Assert.Single(received, m => To(m) == arabic.Email);
        Assert.StartsWith("مسودتكم (", ar.Subject, StringComparison.Ordinal);
        Assert.Contains(day.ToString("D", Languages.Arabic.Culture), ar.Subject, StringComparison.Ordinal);
        Assert.Contains("<html lang=\"ar\" dir=\"rtl\">", ar.HtmlBody, StringComparison.Ordinal);
        var en = Assert.Single(received, m => To(m) == english.Email);
        Assert.StartsWith("Your draft (", en.Subject, StringComparison.Ordinal);
        Assert.Contains("unless you take it up again before then", en.Subject, StringComparison.Ordinal);
        Assert.Equal(new DraftSweepReport(0, 0), await portal.Applications.SweepDraftsAsync(TimeSpan.FromDays(183), TimeSpan.FromDays(14)));
    }

    private Outbox Outbox => portal.Portal.App.Services.GetRequiredService<Outbox>();

    private MailDispatcher Dispatcher(IMailDelivery delivery, TimeProvider? clock = null, int maxAttempts = 10, int batchSize = 50, ILogger<MailDispatcher>? logger = null)
    {
        var services = portal.Portal.App.Services;
        var time = clock ?? MoroccoTime.Instance;
        var options = new MailOptions { MaxAttempts = maxAttempts, BatchSize = batchSize, From = "ne-pas-repondre@emploi.example" };
        var mail = new NotificationMail(services.GetRequiredService<IStringLocalizer<Strings>>(), time, options, PublicUrl);
        return logger is null
            ? ActivatorUtilities.CreateInstance<MailDispatcher>(services, delivery, mail, time, options)
            : ActivatorUtilities.CreateInstance<MailDispatcher>(services, delivery, mail, time, options, logger);
    }

    private async Task<(string Email, Actor Actor)> ApplicantAsync(string language, Action<Account>? change = null) =>
        await AccountAsync("employer", language, [], change);

    private async Task<(string Email, Actor Actor)> AccountAsync(string role, string language, params string[] provinces) =>
        await AccountAsync(role, language, provinces, null);

    /// <summary>An account of the portal (as <see cref="LivePortal.AccountAsync"/> makes it) reading <paramref name="language"/>.</summary>
    private async Task<(string Email, Actor Actor)> AccountAsync(string role, string language, string[] provinces, Action<Account>? change)
    {
        var (email, actor) = await portal.AccountAsync(role, provinces);
        await using var scope = portal.Portal.App.Services.CreateAsyncScope();
        // Straight to the table: a test may take the address away, which the account's own checks would refuse.
        var accounts = scope.ServiceProvider.GetRequiredService<AccountsDb>();
        var account = await accounts.Users.SingleAsync(a => a.Id == actor.UserId);
        account.PreferredLanguage = language;
        change?.Invoke(account);
        await accounts.SaveChangesAsync();
        return (email, actor);
    }

    /// <summary>A notification to every reviewer of a role (<paramref name="territory"/> empty: all of them), as the engine writes one.</summary>
    private async Task InsertRoleNotificationAsync(Guid applicationId, string role, string territory)
    {
        await using var connection = new SqliteConnection($"Data Source={portal.Portal.DatabaseFile}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "INSERT INTO Notifications (ApplicationId, Recipient, Territory, Kind, Step, Status, CreatedAt, Attempts) "
            + "VALUES ($app, $recipient, $territory, 'deadline_near', 'reception', 'in_review', $at, 0)";
        command.Parameters.AddWithValue("$app", applicationId.ToString().ToUpperInvariant());
        command.Parameters.AddWithValue("$recipient", "role:" + role);
        command.Parameters.AddWithValue("$territory", territory);
        command.Parameters.AddWithValue("$at", DateTime.UtcNow);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Makes the draft look last changed at <paramref name="at"/> (UTC), as if its applicant had left it then.</summary>
    private async Task UntouchedSinceAsync(Guid id, DateTime at)
    {
        await using var connection = new SqliteConnection($"Data Source={portal.Portal.DatabaseFile}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "UPDATE Applications SET UpdatedAt = $at WHERE Id = $id";
        command.Parameters.AddWithValue("$id", id.ToString().ToUpperInvariant());
        command.Parameters.AddWithValue("$at", at);
        Assert.Equal(1, await command.ExecuteNonQueryAsync());
    }

    /// <summary>Every e-mail the pickup folder holds, each parsed back as a MIME message.</summary>
    private async Task<List<MimeMessage>> PickupAsync()
    {
        var messages = new List<MimeMessage>();
        foreach (var file in Directory.EnumerateFiles(_folder, "*.eml"))
            messages.Add(await MimeMessage.LoadAsync(file));
        Assert.Empty(Directory.EnumerateFiles(_folder, "*.tmp"));
        return messages;
    }

    private static string To(MimeMessage message) => message.To.Mailboxes.Single().Address;

    private static string Text(MimeMessage message) => message.TextBody ?? "";

    private static string Subject(MimeMessage message) => message.Subject ?? "";

    private static int Tries(RecordingDelivery delivery, string email) => delivery.Tried.Count(m => To(m) == email);

    /// <summary>Keeps what is logged, with its level and its message as written.</summary>
    private sealed class LogRecorder<T> : ILogger<T>
    {
        public List<(LogLevel Level, string Message)> Entries { get; } = [];

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Entries.Add((logLevel, formatter(state, exception)));
    }
}
