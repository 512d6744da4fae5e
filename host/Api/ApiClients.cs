using System.Globalization;
using System.Net.Mail;
using EmploymentProcedures.Engine.Deadlines;
using EmploymentProcedures.Engine.Loading;
using EmploymentProcedures.Engine.Storage;
using EmploymentProcedures.Engine.Workflow;
using EmploymentProcedures.Host.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace EmploymentProcedures.Host.Api;

/// <summary>What an administrator types for an API client: every field checked by <see cref="ApiClients"/>.</summary>
public sealed record ApiClientForm(string Name, string Organisation, string ContactEmail, IReadOnlyList<string> Procedures, IReadOnlyList<string> Provinces, DateOnly? ExpiresOn);

/// <summary>A refusal of one field of an <see cref="ApiClientForm"/> (<see cref="Field"/> empty: the whole request), by code.</summary>
public sealed record ApiClientError(string Field, string Code);

/// <summary>
/// What an action on an API client gave: the client, the token to show once (after a creation or a renewal), or the
/// errors; <see cref="NotAllowed"/> for anyone but an administrator, <see cref="Unknown"/> for a client that does not exist.
/// </summary>
public sealed record ApiClientOutcome(ApiClient? Client, string? Token, IReadOnlyList<ApiClientError> Errors)
{
    /// <summary>A webhook's signing secret just made (with a first address, or renewed), to be shown once.</summary>
    public string? WebhookSecret { get; init; }

    public static readonly ApiClientOutcome NotAllowed = new(null, null, [new ApiClientError("", "not_allowed")]);
    public static readonly ApiClientOutcome Unknown = new(null, null, [new ApiClientError("", "unknown")]);

    public bool Succeeded => Client is not null && Errors.Count == 0;
}

/// <summary>
/// The partners' API clients, for the administrators' page (<c>/admin/api-clients</c>): every method takes the signed-in
/// actor and does nothing for anyone but an administrator, whatever the page showed; every change is recorded
/// (<see cref="ApiClientChange"/>) in the same save as the change itself. After each change the engine is told which clients
/// listen to pushes, with their grants (<see cref="PartnerEvents.SetAsync"/>).
/// </summary>
public sealed class ApiClients(AccountsDb db, ProcedureCatalog catalog, TimeProvider clock, PartnerEvents events, WebhookSecrets secrets, IOptions<PortalOptions> portal)
{
    /// <summary>How many of a client's last pushes its page lists.</summary>
    public const int DeliveriesShown = 30;

    public const int MaxTextLength = 200;

    public static bool MayManage(Actor? actor) => StaffAccounts.MayManage(actor);

    /// <summary>Every client, the working ones first, then by name; null for anyone but an administrator.</summary>
    public async Task<IReadOnlyList<ApiClient>?> ListAsync(Actor? by, CancellationToken cancellationToken = default)
    {
        if (!MayManage(by))
            return null;
        var clients = await db.ApiClients.AsNoTracking().ToListAsync(cancellationToken);
        return [.. clients.OrderBy(c => c.RevokedAt is not null).ThenBy(c => c.Name, StringComparer.CurrentCultureIgnoreCase)];
    }

    /// <summary>One client and its history, newest first; null for anyone but an administrator or an unknown id.</summary>
    public async Task<(ApiClient Client, IReadOnlyList<ApiClientChange> History)?> FindAsync(Actor? by, string id, CancellationToken cancellationToken = default)
    {
        if (!MayManage(by) || await db.ApiClients.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, cancellationToken) is not { } client)
            return null;
        var history = await db.ApiClientChanges.AsNoTracking().Where(c => c.ClientId == id).OrderByDescending(c => c.Id).ToListAsync(cancellationToken);
        return (client, history);
    }

    /// <summary>A new client with a new token, which the outcome carries to be shown once.</summary>
    public async Task<ApiClientOutcome> CreateAsync(Actor? by, ApiClientForm form, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (!MayManage(by))
            return ApiClientOutcome.NotAllowed;
        var (checkedForm, errors) = Check(form);
        if (errors.Count > 0)
            return new ApiClientOutcome(null, null, errors);
        var now = clock.GetUtcNow().UtcDateTime;
        var id = ApiTokens.NewClientId();
        var token = ApiTokens.New(id);
        var client = new ApiClient
        {
            Id = id,
            Name = checkedForm.Name,
            Organisation = checkedForm.Organisation,
            ContactEmail = checkedForm.ContactEmail,
            Procedures = [.. checkedForm.Procedures],
            Provinces = [.. checkedForm.Provinces],
            ExpiresOn = checkedForm.ExpiresOn,
            SecretHash = ApiTokens.Hash(token),
            SecretIssuedAt = now,
            CreatedAt = now,
        };
        db.ApiClients.Add(client);
        db.ApiClientChanges.Add(Change(by!, id, ApiClientChangeKinds.Created, now, to: Describe(checkedForm)));
        await db.SaveChangesAsync(cancellationToken);
        return new ApiClientOutcome(client, token, []);
    }

    /// <summary>Changes what the client is and may read; each field changed is recorded from → to. The token stays.</summary>
    public Task<ApiClientOutcome> ChangeAsync(Actor? by, string id, ApiClientForm form, CancellationToken cancellationToken = default) =>
        ActAsync(by, id, (client, now) =>
        {
            var (changed, errors) = Check(form);
            if (errors.Count > 0)
                return (errors, []);
            var changes = new List<ApiClientChange>();
            void Compare(string field, string? before, string? after)
            {
                if (before != after)
                    changes.Add(Change(by!, id, ApiClientChangeKinds.Changed, now, field, before, after));
            }
            Compare("name", client.Name, changed.Name);
            Compare("organisation", client.Organisation, changed.Organisation);
            Compare("contact", client.ContactEmail, changed.ContactEmail);
            Compare("procedures", Joined(client.Procedures), Joined(changed.Procedures));
            Compare("provinces", Joined(client.Provinces), Joined(changed.Provinces));
            Compare("expires", Day(client.ExpiresOn), Day(changed.ExpiresOn));
            client.Name = changed.Name;
            client.Organisation = changed.Organisation;
            client.ContactEmail = changed.ContactEmail;
            client.Procedures = [.. changed.Procedures];
            client.Provinces = [.. changed.Provinces];
            client.ExpiresOn = changed.ExpiresOn;
            return ([], changes);
        }, cancellationToken);

    /// <summary>Stops the client's token at once, for good (a new client is made for a partner let in again).</summary>
    public Task<ApiClientOutcome> RevokeAsync(Actor? by, string id, CancellationToken cancellationToken = default) =>
        ActAsync(by, id, (client, now) =>
        {
            if (client.RevokedAt is not null)
                return ([new ApiClientError("", "revoked")], []);
            client.RevokedAt = now;
            return ([], [Change(by!, id, ApiClientChangeKinds.Revoked, now)]);
        }, cancellationToken);

    /// <summary>A new secret: the old token stops at once; the new one is in the outcome, to be shown once.</summary>
    public async Task<ApiClientOutcome> RenewAsync(Actor? by, string id, CancellationToken cancellationToken = default)
    {
        var token = ApiTokens.New(id);
        var outcome = await ActAsync(by, id, (client, now) =>
        {
            if (client.RevokedAt is not null)
                return ([new ApiClientError("", "revoked")], []);
            client.SecretHash = ApiTokens.Hash(token);
            client.SecretIssuedAt = now;
            return ([], [Change(by!, id, ApiClientChangeKinds.Renewed, now)]);
        }, cancellationToken);
        return outcome.Succeeded ? outcome with { Token = token } : outcome;
    }

    /// <summary>
    /// The client <paramref name="token"/> belongs to, when it works today: known, its secret's hash equal (in constant
    /// time), not revoked, not past its last day; null otherwise, whatever the reason (the answer is the same 401).
    /// </summary>
    public async Task<ApiClient?> AuthenticateAsync(string token, CancellationToken cancellationToken = default)
    {
        if (ApiTokens.ClientIdOf(token) is not { } id
            || await db.ApiClients.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, cancellationToken) is not { } client)
        {
            // The same work as for a known client, so the time does not tell whether the id exists.
            ApiTokens.Matches(token, new string('0', 64));
            return null;
        }
        var today = MoroccoTime.Today(clock);
        return ApiTokens.Matches(token, client.SecretHash) && client.RevokedAt is null && (client.ExpiresOn is not { } last || today <= last) ? client : null;
    }

    /// <summary>Counts a read of the client's (a list, or one application or file) and when it last used its token: one statement.</summary>
    public Task RecordUseAsync(string id, bool list, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var (lists, applications) = list ? (1, 0) : (0, 1);
        return db.ApiClients.Where(c => c.Id == id).ExecuteUpdateAsync(s => s
            .SetProperty(c => c.LastUsedAt, now)
            .SetProperty(c => c.ListReads, c => c.ListReads + lists)
            .SetProperty(c => c.ApplicationReads, c => c.ApplicationReads + applications), cancellationToken);
    }

    /// <summary>What the engine lets the client read (<see cref="PartnerAccess"/>).</summary>
    public static PartnerAccess AccessOf(ApiClient client)
    {
        ArgumentNullException.ThrowIfNull(client);
        return new PartnerAccess(client.Id, client.Name, client.Procedures.ToHashSet(StringComparer.Ordinal), client.Provinces.ToHashSet(StringComparer.Ordinal));
    }

    private async Task<ApiClientOutcome> ActAsync(
        Actor? by, string id, Func<ApiClient, DateTime, (List<ApiClientError> Errors, List<ApiClientChange> Changes)> act, CancellationToken cancellationToken)
    {
        if (!MayManage(by))
            return ApiClientOutcome.NotAllowed;
        if (await db.ApiClients.SingleOrDefaultAsync(c => c.Id == id, cancellationToken) is not { } client)
            return ApiClientOutcome.Unknown;
        var (errors, changes) = act(client, clock.GetUtcNow().UtcDateTime);
        if (errors.Count > 0)
        {
            db.ChangeTracker.Clear();
            return new ApiClientOutcome(null, null, errors);
        }
        db.ApiClientChanges.AddRange(changes);
        await db.SaveChangesAsync(cancellationToken);
        await events.SetAsync(client.Id, SubscriberOf(client), cancellationToken);
        return new ApiClientOutcome(client, null, []);
    }

    /// <summary>What the engine needs of a client to queue its pushes; null when it gets none (no webhook, or revoked).</summary>
    public static PartnerSubscriber? SubscriberOf(ApiClient client)
    {
        ArgumentNullException.ThrowIfNull(client);
        return client.WebhookUrl is null || client.WebhookSecret is null || client.RevokedAt is not null
            ? null
            : new PartnerSubscriber(client.Id, client.Procedures, client.Provinces, client.ExpiresOn);
    }

    /// <summary>
    /// Sets (or, empty, removes) the client's webhook address, checked by <see cref="WebhookAddresses"/>; the first address comes
    /// with a new signing secret, in the outcome to be shown once. Recorded from → to.
    /// </summary>
    public async Task<ApiClientOutcome> SetWebhookAsync(Actor? by, string id, string? url, CancellationToken cancellationToken = default)
    {
        if (!MayManage(by))
            return ApiClientOutcome.NotAllowed;
        var (checkedUrl, error) = await WebhookAddresses.CheckAsync(url, portal.Value.ApiWebhooksAllowHttp, cancellationToken);
        if (error is not null)
            return new ApiClientOutcome(null, null, [new ApiClientError("WebhookUrl", error)]);
        string? secret = null;
        var outcome = await ActAsync(by, id, (client, now) =>
        {
            if (client.RevokedAt is not null)
                return ([new ApiClientError("", "revoked")], []);
            if (client.WebhookUrl == checkedUrl)
                return ([], []);
            var change = Change(by!, id, ApiClientChangeKinds.Changed, now, "webhook", client.WebhookUrl, checkedUrl);
            if (checkedUrl is null)
                client.WebhookSecret = null;
            else if (client.WebhookSecret is null)
                client.WebhookSecret = secrets.Protect(secret = WebhookSigning.NewSecret());
            client.WebhookUrl = checkedUrl;
            return ([], [change]);
        }, cancellationToken);
        return outcome.Succeeded ? outcome with { WebhookSecret = secret } : outcome;
    }

    /// <summary>
    /// A new signing secret for the client's webhook, in the outcome to be shown once (stored encrypted, <see cref="WebhookSecrets"/>):
    /// the next push is signed with it. What an administrator does when the page says the secret can no longer be read.
    /// </summary>
    public async Task<ApiClientOutcome> RenewWebhookSecretAsync(Actor? by, string id, CancellationToken cancellationToken = default)
    {
        var secret = WebhookSigning.NewSecret();
        var outcome = await ActAsync(by, id, (client, now) =>
        {
            if (client.RevokedAt is not null)
                return ([new ApiClientError("", "revoked")], []);
            if (client.WebhookUrl is null)
                return ([new ApiClientError("", "no_webhook")], []);
            client.WebhookSecret = secrets.Protect(secret);
            return ([], [Change(by!, id, ApiClientChangeKinds.WebhookSecretRenewed, now)]);
        }, cancellationToken);
        return outcome.Succeeded ? outcome with { WebhookSecret = secret } : outcome;
    }

    /// <summary>The client's last pushes, newest first; null for anyone but an administrator.</summary>
    public async Task<IReadOnlyList<PartnerEventItem>?> DeliveriesAsync(Actor? by, string id, CancellationToken cancellationToken = default) =>
        MayManage(by) ? await events.RecentAsync(id, DeliveriesShown, cancellationToken) : null;

    /// <summary>Per client, its pushes given up after failing and not sent again (what the list of clients shows); null for anyone but an administrator.</summary>
    public async Task<IReadOnlyDictionary<string, int>?> GivenUpPushesAsync(Actor? by, CancellationToken cancellationToken = default) =>
        MayManage(by) ? await events.GivenUpByClientAsync(cancellationToken) : null;

    /// <summary>Sends a given-up push of the client's again (its attempts afresh); false when it was not given up (any more), null for anyone but an administrator.</summary>
    public async Task<bool?> ResendAsync(Actor? by, string id, long eventId, CancellationToken cancellationToken = default) =>
        MayManage(by) ? await events.ResendAsync(id, eventId, cancellationToken) : null;

    /// <summary>Tells the engine which clients listen now (at the start, and now and then: a change saved just before a crash is caught up).</summary>
    public async Task SynchronizeListenersAsync(CancellationToken cancellationToken = default)
    {
        var clients = await db.ApiClients.AsNoTracking().Where(c => c.WebhookUrl != null && c.RevokedAt == null).ToListAsync(cancellationToken);
        await events.ReplaceAllAsync([.. clients.Select(SubscriberOf).OfType<PartnerSubscriber>()], cancellationToken);
    }

    /// <summary>The form trimmed and in order, or why not: each field's refusal.</summary>
    private (ApiClientForm Form, List<ApiClientError> Errors) Check(ApiClientForm form)
    {
        var errors = new List<ApiClientError>();
        var name = (form.Name ?? "").Trim();
        var organisation = (form.Organisation ?? "").Trim();
        var email = (form.ContactEmail ?? "").Trim();
        if (name.Length == 0)
            errors.Add(new("Name", "required"));
        else if (name.Length > MaxTextLength)
            errors.Add(new("Name", "too_long"));
        if (organisation.Length == 0)
            errors.Add(new("Organisation", "required"));
        else if (organisation.Length > MaxTextLength)
            errors.Add(new("Organisation", "too_long"));
        if (email.Length == 0)
            errors.Add(new("ContactEmail", "required"));
        else if (email.Length > 256 || !MailAddress.TryCreate(email, out var address) || address.Address != email)
            errors.Add(new("ContactEmail", "email"));
        var procedures = (form.Procedures ?? []).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (procedures.Count == 0)
            errors.Add(new("Procedures", "required"));
        else if (procedures.Any(p => !catalog.Definitions.ContainsKey(p)))
            errors.Add(new("Procedures", "unknown"));
        var provinces = (form.Provinces ?? []).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (provinces.Count > 0 && (!catalog.Library.Lists.TryGetValue(StaffAccounts.Provinces, out var known) || provinces.Any(p => !known.Contains(p))))
            errors.Add(new("Provinces", "unknown"));
        if (form.ExpiresOn is { } last && last < MoroccoTime.Today(clock))
            errors.Add(new("ExpiresOn", "past"));
        return (new ApiClientForm(name, organisation, email, procedures, provinces, form.ExpiresOn), errors);
    }

    private static ApiClientChange Change(Actor by, string clientId, string kind, DateTime at, string? field = null, string? from = null, string? to = null) => new()
    {
        ClientId = clientId,
        Kind = kind,
        Field = field,
        From = from,
        To = to,
        ById = by.UserId,
        ByName = by.Name,
        At = at,
    };

    /// <summary>What a creation grants, in one line of the history: the procedures, the provinces, the last day.</summary>
    private static string Describe(ApiClientForm form) =>
        $"{Joined(form.Procedures)}; {(form.Provinces.Count == 0 ? "*" : Joined(form.Provinces))}; {Day(form.ExpiresOn) ?? "-"}";

    private static string Joined(IEnumerable<string> values) => string.Join(",", values.Order(StringComparer.Ordinal));

    private static string? Day(DateOnly? day) => day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
