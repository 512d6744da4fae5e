using System.Net;
using System.Text.RegularExpressions;
using EmploymentProcedures.Host.Accounts;
using EmploymentProcedures.Host.Tests.MyApplications;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace EmploymentProcedures.Host.Tests.Accounts;

/// <summary>
/// A portal whose links go under a public address with a path base, whose sessions check their security stamp on every
/// request (so "other sessions end" is seen at once, not after <c>Portal:SessionCheck</c>), and whose e-mails are
/// written to its pickup folder.
/// </summary>
public partial class PasswordPortal : LivePortal
{
    public static readonly Uri PublicUrl = new("https://portail.emploi.example/procedures/");

    /// <remarks>
    /// The collection's tests sign up many accounts from the one test address, more than an hour's sign-ups from one
    /// address allow (20): the limit is raised here, and tested on a portal of its own (<c>SignUpsPerAddress=2</c>).
    /// </remarks>
    protected override string[] Settings => ["--Portal:SessionCheck=00:00:00", $"--Portal:PublicUrl={PublicUrl}", "--Portal:PasswordLinksPerEmail=3",
        "--Portal:SignUpsPerAddress=1000", .. More];

    /// <summary>More settings for a portal of the same kind.</summary>
    protected virtual string[] More => [];

    private string MailFolder => Path.Combine(Portal.DataPath, "mail");

    /// <summary>Sends a link as an administrator's page or a command would, and gives it back.</summary>
    internal async Task<Uri> SendAsync(string email, PasswordLinkPurpose purpose, string? invitedBy = null)
    {
        await using var scope = Portal.App.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<Account>>();
        var account = await users.FindByEmailAsync(email) ?? throw new InvalidOperationException("no account " + email);
        return await scope.ServiceProvider.GetRequiredService<PasswordLinks>().SendAsync(account, purpose, invitedBy);
    }

    /// <summary>Changes an account in its own scope (a language, a lockout, a deactivation).</summary>
    internal async Task ChangeAccountAsync(string email, Action<Account> change)
    {
        await using var scope = Portal.App.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<Account>>();
        var account = await users.FindByEmailAsync(email) ?? throw new InvalidOperationException("no account " + email);
        change(account);
        Assert.True((await users.UpdateAsync(account)).Succeeded);
    }

    /// <summary>The e-mails written to <paramref name="email"/> so far.</summary>
    internal async Task<List<MimeMessage>> MailsToAsync(string email)
    {
        var messages = new List<MimeMessage>();
        if (!Directory.Exists(MailFolder))
            return messages;
        foreach (var file in Directory.EnumerateFiles(MailFolder, "*.eml"))
        {
            var message = await MimeMessage.LoadAsync(file);
            if (message.To.Mailboxes.Any(m => string.Equals(m.Address, email, StringComparison.OrdinalIgnoreCase)))
                messages.Add(message);
        }
        return messages;
    }

    /// <summary>Waits (at most 20 s) until <paramref name="email"/> has received <paramref name="count"/> e-mails; gives them, oldest first.</summary>
    internal async Task<List<MimeMessage>> WaitForMailsAsync(string email, int count = 1)
    {
        for (var waited = 0; waited < 200; waited++)
        {
            var mails = await MailsToAsync(email);
            if (mails.Count >= count)
                return [.. mails.OrderBy(m => m.Date)];
            await Task.Delay(100);
        }
        throw new TimeoutException($"{email} did not receive {count} e-mail(s)");
    }

    /// <summary>The link to choose a password in an e-mail's text.</summary>
    internal static Uri LinkIn(MimeMessage message) => new(LinkPattern().Match(message.TextBody ?? "").Value);

    /// <summary>The address of <paramref name="link"/> on this portal (the link is under <see cref="PublicUrl"/>).</summary>
    internal static string Local(Uri link)
    {
        Assert.StartsWith(PublicUrl.AbsoluteUri, link.AbsoluteUri, StringComparison.Ordinal);
        return "/" + link.AbsoluteUri[PublicUrl.AbsoluteUri.Length..];
    }

    /// <summary>Opens the link's page and posts its form with <paramref name="password"/> twice (and <paramref name="confirm"/> when given).</summary>
    internal static async Task<HttpResponseMessage> ChooseAsync(HttpClient client, Uri link, string password, string? confirm = null)
    {
        var page = await client.GetStringAsync(Local(link));
        return await client.PostAsync(Local(link), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "choose-password",
            ["__RequestVerificationToken"] = Hidden(page, "__RequestVerificationToken"),
            ["Input.Password"] = password,
            ["Input.Confirm"] = confirm ?? password,
        }));
    }

    /// <summary>Signs in through the real form with <paramref name="password"/>; true when it let the person in.</summary>
    internal async Task<bool> SignsInAsync(string email, string password)
    {
        using var client = Anonymous();
        using var response = await PostSignInAsync(client, email, password);
        return response.StatusCode == HttpStatusCode.Redirect;
    }

    /// <summary>Opens a confirmation link's page and presses its "activate" button, as the person does; gives the press's answer.</summary>
    internal static async Task<HttpResponseMessage> ActivateAsync(HttpClient client, Uri link) =>
        await client.PostAsync("/account/confirm", new FormUrlEncodedContent(ActivationForm(await client.GetStringAsync(Local(link)))));

    /// <summary>What the "activate" button of a confirmation link's page posts.</summary>
    internal static Dictionary<string, string> ActivationForm(string page) => new()
    {
        ["_handler"] = LivePortal.Hidden(page, "_handler"),
        ["__RequestVerificationToken"] = LivePortal.Hidden(page, "__RequestVerificationToken"),
        ["Confirmation.AccountId"] = LivePortal.Hidden(page, "Confirmation.AccountId"),
        ["Confirmation.Token"] = LivePortal.Hidden(page, "Confirmation.Token"),
    };

    /// <summary>The link confirming a new account's address in an e-mail's text.</summary>
    internal static Uri ConfirmationLinkIn(MimeMessage message) => new(ConfirmationLinkPattern().Match(message.TextBody ?? "").Value);

    [GeneratedRegex(@"https?://\S+/account/password\?\S+")]
    private static partial Regex LinkPattern();

    [GeneratedRegex(@"https?://\S+/account/confirm\?\S+")]
    private static partial Regex ConfirmationLinkPattern();
}

[CollectionDefinition(Name)]
public sealed class PasswordPortalTests : ICollectionFixture<PasswordPortal>
{
    public const string Name = "password portal";
}
