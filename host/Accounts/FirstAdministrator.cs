using EmploymentProcedures.Host.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace EmploymentProcedures.Host.Accounts;

/// <summary>
/// <c>dotnet run --project host -- invite-administrator &lt;email&gt; "&lt;name&gt;" [--Portal:DataPath=...]</c>: the first
/// administrator of a real deployment (demo accounts off). Migrates the database, creates the administrator account with no
/// password (or, while it has none, invites it again), queues the invitation and sends what the account e-mails' queue
/// has due, prints the link and exits without serving. An invitation the mail server refused stays in the queue, which
/// the portal sends once it runs; the printed link works meanwhile.
/// </summary>
internal static class FirstAdministrator
{
    public const string Command = "invite-administrator";

    /// <summary>0 when the invitation was made (e-mailed, or kept to be), 1 when it was refused (an e-mail already used...), 2 for a wrong command line.</summary>
    /// <param name="arguments">What follows the command: the e-mail, the name, then any settings (<c>--Portal:DataPath=/srv/ep</c>).</param>
    /// <param name="options">The portal's options for these settings (the tests give their content root).</param>
    public static async Task<int> RunAsync(IReadOnlyList<string> arguments, TextWriter output, TextWriter error, Func<string[], WebApplicationOptions> options)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        ArgumentNullException.ThrowIfNull(options);
        var positional = arguments.Where(a => !a.StartsWith("--", StringComparison.Ordinal)).ToList();
        if (positional.Count != 2)
        {
            await error.WriteLineAsync($"usage: {Command} <email> \"<name>\" [--Portal:DataPath=...]").ConfigureAwait(false);
            return 2;
        }

        await using var app = Portal.Build(options([.. arguments.Where(a => a.StartsWith("--", StringComparison.Ordinal))]));
        await Portal.PrepareAsync(app).ConfigureAwait(false);
        await using var scope = app.Services.CreateAsyncScope();
        var outcome = await scope.ServiceProvider.GetRequiredService<StaffAccounts>().InviteAdministratorAsync(positional[0], positional[1]).ConfigureAwait(false);
        if (!outcome.Succeeded)
        {
            var strings = scope.ServiceProvider.GetRequiredService<IStringLocalizer<Strings>>();
            foreach (var refusal in outcome.Errors)
            {
                var text = refusal.Argument is null ? strings[refusal.Key].Value : string.Format(Languages.Default.Culture, strings[refusal.Key].Value, refusal.Argument);
                await error.WriteLineAsync(text).ConfigureAwait(false);
            }
            return 1;
        }
        var account = outcome.Account!;
        // The portal does not run here: its queue's round is run once, so the e-mail goes now when the server takes it.
        await app.Services.GetRequiredService<PasswordMailQueue>().SendDueAsync(CancellationToken.None).ConfigureAwait(false);
        var waiting = await scope.ServiceProvider.GetRequiredService<AccountsDb>().AccountMails.AsNoTracking()
            .Where(r => r.AccountId == account.Id && r.Kind == AccountMailKinds.Invitation).OrderByDescending(r => r.Id).FirstOrDefaultAsync().ConfigureAwait(false);
        await output.WriteLineAsync(waiting is null
            ? $"Invitation sent to {account.Email} (administrator). The link, valid 7 days, to choose the password:"
            : $"The invitation to {account.Email} (administrator) could not be e-mailed now ({waiting.LastError}); the portal sends it again once it runs. The link, valid 7 days, to choose the password:").ConfigureAwait(false);
        await output.WriteLineAsync((await scope.ServiceProvider.GetRequiredService<PasswordLinks>().LinkAsync(account, PasswordLinkPurpose.Invitation).ConfigureAwait(false)).ToString()).ConfigureAwait(false);
        return 0;
    }
}
