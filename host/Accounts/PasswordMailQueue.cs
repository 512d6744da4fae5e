using System.Threading.Channels;
using EmploymentProcedures.Host.Notifying;
using Microsoft.AspNetCore.Identity;

namespace EmploymentProcedures.Host.Accounts;

/// <summary>An e-mail about a password that a request asked for and a background service sends.</summary>
internal abstract record PasswordMailRequest
{
    /// <summary>"Forgotten password" for an e-mail: a link goes only if an active account has that address.</summary>
    public sealed record Forgotten(string Email) : PasswordMailRequest;

    /// <summary>The account's password was just changed: it is told, in case it was not them.</summary>
    public sealed record Changed(string AccountId) : PasswordMailRequest;

    /// <summary>
    /// A sign-up, its checks passed and its password hashed: a new address gets its account (unconfirmed) and the link to
    /// confirm it; an address waiting for confirmation gets a new link (nothing else changes); an address with an account
    /// gets the notice that someone tried to sign up with it; a deactivated account gets nothing.
    /// </summary>
    public sealed record SignUp(string Email, string DisplayName, string Role, string Language, string PasswordHash) : PasswordMailRequest;

    /// <summary>A new link to confirm an address, asked for again: sent only if an account waits for it.</summary>
    public sealed record Confirm(string Email) : PasswordMailRequest;
}

/// <summary>
/// The e-mails about passwords that requests hand over rather than send: a "forgotten password" request answers at once
/// and in the same words whether or not an account has the e-mail, and looking the account up, writing its token and
/// talking to the mail server happen here, after the answer, so the time taken does not tell either. One reader, in the
/// order asked. Held in memory: a request still waiting when the portal stops is lost (the person asks again); the queue
/// holds at most <see cref="Capacity"/>, beyond which a request is dropped and logged (the throttle keeps it far from full).
/// </summary>
internal sealed partial class PasswordMailQueue(IServiceScopeFactory scopes, ILogger<PasswordMailQueue> logger) : BackgroundService
{
    public const int Capacity = 10_000;

    private readonly Channel<PasswordMailRequest> _requests = Channel.CreateBounded<PasswordMailRequest>(
        new BoundedChannelOptions(Capacity) { SingleReader = true, FullMode = BoundedChannelFullMode.DropWrite });

    /// <summary>Hands over a request; never waits.</summary>
    public void Enqueue(PasswordMailRequest request)
    {
        if (!_requests.Writer.TryWrite(request))
            Dropped(request.GetType().Name);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var request in _requests.Reader.ReadAllAsync(stoppingToken).ConfigureAwait(false))
        {
            try
            {
                await SendAsync(request, stoppingToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                Failed(request.GetType().Name, e);
            }
        }
    }

    private async Task SendAsync(PasswordMailRequest request, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var users = services.GetRequiredService<UserManager<Account>>();
        switch (request)
        {
            case PasswordMailRequest.Forgotten forgotten:
                if (await users.FindByEmailAsync(forgotten.Email).ConfigureAwait(false) is { Email: not null } account && !PasswordLinks.IsDeactivated(account))
                    await services.GetRequiredService<PasswordLinks>().SendAsync(account, PasswordLinkPurpose.Reset, cancellationToken: cancellationToken).ConfigureAwait(false);
                break;
            case PasswordMailRequest.Changed changed:
                if (await users.FindByIdAsync(changed.AccountId).ConfigureAwait(false) is { Email: not null } changedAccount)
                {
                    await using var session = services.GetRequiredService<IMailDelivery>().Open();
                    var sent = await session.SendAsync(services.GetRequiredService<PasswordMail>().Changed(changedAccount), cancellationToken).ConfigureAwait(false);
                    if (sent.Status != SentStatus.Accepted)
                        NotSent(changedAccount.Id, sent.Reason);
                }
                break;
            case PasswordMailRequest.SignUp signUp:
                await SignUpAsync(services, signUp, cancellationToken).ConfigureAwait(false);
                break;
            case PasswordMailRequest.Confirm confirm:
                if (await users.FindByEmailAsync(confirm.Email).ConfigureAwait(false) is { } waiting && ConfirmationLinks.AwaitsConfirmation(waiting))
                    await services.GetRequiredService<ConfirmationLinks>().SendAsync(waiting, cancellationToken).ConfigureAwait(false);
                break;
        }
    }

    private async Task SignUpAsync(IServiceProvider services, PasswordMailRequest.SignUp signUp, CancellationToken cancellationToken)
    {
        var users = services.GetRequiredService<UserManager<Account>>();
        var links = services.GetRequiredService<ConfirmationLinks>();
        var account = await users.FindByEmailAsync(signUp.Email).ConfigureAwait(false);
        if (account is null)
        {
            var created = links.New(signUp.Email, signUp.DisplayName, signUp.Role, signUp.Language, signUp.PasswordHash);
            var result = await users.CreateAsync(created).ConfigureAwait(false);
            if (result.Succeeded)
            {
                await links.SendAsync(created, cancellationToken).ConfigureAwait(false);
                return;
            }
            // Another instance created it meanwhile: the address now has an account, answered as such below.
            account = await users.FindByEmailAsync(signUp.Email).ConfigureAwait(false);
            if (account is null)
            {
                NotCreated(string.Join("; ", result.Errors.Select(e => e.Code)));
                return;
            }
        }
        if (ConfirmationLinks.AwaitsConfirmation(account))
            await links.SendAsync(account, cancellationToken).ConfigureAwait(false);
        else if (!PasswordLinks.IsDeactivated(account) && account.Email is not null)
        {
            await using var session = services.GetRequiredService<IMailDelivery>().Open();
            var sent = await session.SendAsync(services.GetRequiredService<PasswordMail>().SignUpTaken(account), cancellationToken).ConfigureAwait(false);
            if (sent.Status != SentStatus.Accepted)
                NotSent(account.Id, sent.Reason);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The password e-mail queue is full: a {Request} request was dropped")]
    private partial void Dropped(string request);

    [LoggerMessage(Level = LogLevel.Error, Message = "A {Request} password e-mail failed")]
    private partial void Failed(string request, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "The notice to account {AccountId} was not sent: {Reason}")]
    private partial void NotSent(string accountId, string? reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "A signed-up account could not be created: {Errors}")]
    private partial void NotCreated(string errors);
}
