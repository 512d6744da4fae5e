using EmploymentProcedures.Engine.Storage;

namespace EmploymentProcedures.Host;

/// <summary>
/// Where the portal reads its procedures and keeps its data: the <c>Portal</c> section of the
/// configuration (<c>appsettings.json</c>, environment <c>Portal__DataPath</c>, or
/// <c>--Portal:DataPath=...</c> on the command line). Relative paths start at the content root.
/// </summary>
public sealed class PortalOptions
{
    public const string Section = "Portal";

    /// <summary>The procedures folder (the one holding <c>roles.yaml</c>).</summary>
    public string ProceduresPath { get; set; } = "../procedures";

    /// <summary>
    /// The data folder: the SQLite database and the data-protection keys. Outside the web root (and
    /// ignored by git) so nothing in it can ever be served as a static file.
    /// </summary>
    public string DataPath { get; set; } = "../data";

    /// <summary>Creates the demo accounts (one per role) when they do not exist yet. Off for a real deployment.</summary>
    public bool SeedDemoAccounts { get; set; } = true;

    /// <summary>
    /// How often the sweep runs (default hourly): lapsed deadlines, closed applications whose retention ended (erased), and
    /// abandoned drafts (announced, then deleted). Zero turns it off (tests drive it themselves).
    /// </summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// How often this instance looks for definitions published from the designer by another instance sharing the database
    /// (default every 5 seconds: one query on an index), to serve them too. Zero turns it off (one instance alone).
    /// </summary>
    public TimeSpan CatalogRefresh { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How long a draft nobody changes is kept (default 183 days, six months): then it is deleted with its files, its
    /// applicant told <see cref="DraftRetentionWarning"/> before. Zero keeps drafts forever.
    /// </summary>
    public TimeSpan DraftRetention { get; set; } = TimeSpan.FromDays(183);

    /// <summary>How long before deleting an abandoned draft its applicant is told, once, by notification and e-mail (default 14 days).</summary>
    public TimeSpan DraftRetentionWarning { get; set; } = TimeSpan.FromDays(14);

    /// <summary>
    /// The fewest decisions a figure of the public statistics (share approved, median time, share decided in time) is drawn
    /// from to be published, per procedure over the period (default 10); under it the page says there are not yet enough
    /// files. With fewer, a share moves by more than ten points for one file and a median is a handful of files' own
    /// times, so whoever knows of one firm's application could read its outcome or its delay (law 09-08). At least 1.
    /// </summary>
    public int StatisticsThreshold { get; set; } = 10;

    /// <summary>Failed sign-ins one network address may make in 15 minutes, whatever the e-mails (<c>AccountThrottle</c>).</summary>
    public int SignInFailuresPerAddress { get; set; } = 30;

    /// <summary>Accounts one network address may create in an hour (<c>AccountThrottle</c>).</summary>
    public int SignUpsPerAddress { get; set; } = 20;

    /// <summary>
    /// Codes that are no letter's one network address may type at the verification page in an hour before it may check none
    /// (<c>AccountThrottle</c>).
    /// </summary>
    public int VerificationMissesPerAddress { get; set; } = 20;

    /// <summary>Links to choose a password one network address may ask for in an hour, whatever the e-mails (<c>AccountThrottle</c>).</summary>
    public int PasswordLinksPerAddress { get; set; } = 20;

    /// <summary>Links to choose a password one e-mail may be sent in an hour, whether or not an account has it (<c>AccountThrottle</c>).</summary>
    public int PasswordLinksPerEmail { get; set; } = 5;

    /// <summary>Requests one API client may make in a minute (<c>/api/v1</c>), then 429 with <c>Retry-After</c> until the minute ends.</summary>
    public int ApiRequestsPerMinute { get; set; } = 120;

    /// <summary>
    /// Lets a webhook be <c>http://localhost…</c> and resolve to a loopback or private address: for tests and development only
    /// (a push's signature and the partner's data must never cross a network in clear, nor reach the ministry's own network).
    /// </summary>
    public bool ApiWebhooksAllowHttp { get; set; }

    /// <summary>How often each instance looks for pushes to deliver to the partners' webhooks (default every 10 seconds); zero: never.</summary>
    public TimeSpan ApiWebhookInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long a partner's webhook has to answer a push (default 10 seconds), else the attempt failed.</summary>
    public TimeSpan ApiWebhookTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// How long a push is retried after it first failed (default one day: after 1 minute, 5, 30, 2 hours, then every 6 hours,
    /// the last attempt at the end), then given up and kept for an administrator to send again.
    /// </summary>
    public TimeSpan ApiWebhookGiveUpAfter { get; set; } = TimeSpan.FromDays(1);

    /// <summary>How long a link sent by "forgotten password" works (<c>PasswordLinks</c>).</summary>
    public TimeSpan ResetLinkLifetime { get; set; } = TimeSpan.FromHours(2);

    /// <summary>How long the link of an invitation to a new account works (<c>PasswordLinks</c>).</summary>
    public TimeSpan InvitationLifetime { get; set; } = TimeSpan.FromDays(7);

    /// <summary>How long the link that confirms the e-mail address of a new account works (<c>ConfirmationLinks</c>).</summary>
    public TimeSpan ConfirmationLinkLifetime { get; set; } = TimeSpan.FromHours(48);

    /// <summary>How long an account whose address was never confirmed is kept before it is removed (its address freed).</summary>
    public TimeSpan UnconfirmedAccountLifetime { get; set; } = TimeSpan.FromDays(7);

    /// <summary>
    /// How often a signed-in browser's cookie is checked against its account's security stamp, so that changing or
    /// resetting a password ends the other sessions within this time (zero: on every request).
    /// </summary>
    public TimeSpan SessionCheck { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// The portal's address as people reach it (scheme, host and any path base): the links in the e-mails start with it.
    /// </summary>
    public string PublicUrl { get; set; } = "http://localhost:5000";

    /// <summary>
    /// Where a person writes to use their rights over their personal data (access, rectification, opposition: law
    /// 09-08), shown on <c>/privacy</c>. Set it to the address the ministry answers such requests at.
    /// </summary>
    public string PrivacyContact { get; set; } = "donnees-personnelles@emploi.gov.ma";

    /// <summary>
    /// The reverse proxies in front of the portal, as IP addresses or networks (<c>10.0.0.5</c>, <c>10.0.0.0/24</c>): their
    /// <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c> are believed. Empty (the default): no forwarded header is.
    /// </summary>
    public List<string> TrustedProxies { get; set; } = [];

    /// <summary>The largest message a circuit accepts from the browser (one form event): 256 KB, room for 100,000 Arabic characters.</summary>
    public const long MaximumMessageBytes = 256 * 1024;

    /// <summary>The database file both the accounts and the engine's storage use.</summary>
    public const string DatabaseFileName = SqliteStorage.DefaultFileName;
}
