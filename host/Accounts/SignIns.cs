using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using EmploymentProcedures.Engine.Deadlines;
using EmploymentProcedures.Host.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace EmploymentProcedures.Host.Accounts;

/// <summary>
/// When each account signs in, kept so its owner notices a sign-in that was not theirs (the account page) and administrators
/// find the agents' accounts nobody uses any more (<c>/staff</c>). Recorded from the session cookie's own sign-in event, so
/// every path that signs a person in is covered (the sign-in page, the link confirming a new account, and any added later)
/// without each remembering to; a session renewed (<c>RefreshSignInAsync</c>: a language chosen, a password or name changed)
/// or checked against the security stamp is not a sign-in and records nothing. The time only: law 09-08 asks for no more
/// than the purpose needs, and the time is enough to notice a sign-in; an address or a browser would be personal data
/// about every visit, kept for no use.
/// </summary>
internal static class SignIns
{
    /// <summary>The cookie's item holding when its session signed in (round-trip UTC): kept through renewals, as the cookie's properties are.</summary>
    public const string SessionItem = "ep.signed-in-at";

    /// <summary>Accounts with no sign-in for this long are dormant (<c>/staff</c>'s filter).</summary>
    public static readonly TimeSpan Dormancy = TimeSpan.FromDays(90);

    /// <summary>
    /// The cookie's <c>OnSigningIn</c>: a session starting (its properties carry no sign-in time yet) stamps the time on the
    /// session and on the account, the account's last sign-in becoming its previous one, in one statement.
    /// </summary>
    public static async Task RecordAsync(CookieSigningInContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Properties.Items.ContainsKey(SessionItem) || context.Principal?.FindFirstValue(ClaimTypes.NameIdentifier) is not { } id)
            return;
        var services = context.HttpContext.RequestServices;
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        context.Properties.Items[SessionItem] = now.ToString("O", CultureInfo.InvariantCulture);
        var db = services.GetRequiredService<AccountsDb>();
        await db.Users.Where(a => a.Id == id).ExecuteUpdateAsync(
            set => set.SetProperty(a => a.PreviousSignInAt, a => a.LastSignInAt).SetProperty(a => a.LastSignInAt, now),
            context.HttpContext.RequestAborted);
        // The same request's copy of the account (Identity's, tracked) says so too, so a later save of it writes these values back, not older ones.
        if (db.ChangeTracker.Entries<Account>().FirstOrDefault(e => e.Entity.Id == id) is { } tracked)
        {
            tracked.Entity.PreviousSignInAt = tracked.Entity.LastSignInAt;
            tracked.Entity.LastSignInAt = now;
            tracked.Property(a => a.PreviousSignInAt).OriginalValue = tracked.Entity.PreviousSignInAt;
            tracked.Property(a => a.LastSignInAt).OriginalValue = now;
            tracked.Property(a => a.PreviousSignInAt).IsModified = false;
            tracked.Property(a => a.LastSignInAt).IsModified = false;
        }
    }

    /// <summary>When the session of <paramref name="properties"/> signed in; null for a session begun before sign-ins were recorded.</summary>
    public static DateTime? SessionStart(AuthenticationProperties? properties) =>
        properties?.Items.TryGetValue(SessionItem, out var at) == true
        && DateTime.TryParse(at, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var parsed)
            ? parsed : null;

    /// <summary>
    /// The sign-in the account page shows a session: the account's last one when it is not this session's (someone signed in
    /// since, elsewhere: what its owner must see), otherwise the one before. Null when none was recorded.
    /// </summary>
    public static DateTime? ShownTo(Account account, DateTime? sessionStart)
    {
        ArgumentNullException.ThrowIfNull(account);
        var last = Utc(account.LastSignInAt);
        return last is not null && last != sessionStart ? last : Utc(account.PreviousSignInAt);
    }

    /// <summary>"le 30 novembre 2026 à 09:14" in Morocco's time and the page's language, or that none was recorded.</summary>
    public static string When(IStringLocalizer strings, DateTime? at)
    {
        ArgumentNullException.ThrowIfNull(strings);
        if (at is not { } utc)
            return strings["LastSignIn.Never"];
        var language = Languages.Current;
        var local = MoroccoTime.Local(MoroccoTime.Instance, DateTime.SpecifyKind(utc, DateTimeKind.Utc));
        return string.Format(language.Culture, strings["LastSignIn.When"].Value, local.ToString("D", language.Culture), local.ToString("t", language.Culture));
    }

    /// <summary>A time read back from SQLite (which keeps no kind) as the UTC it was written in.</summary>
    public static DateTime? Utc(DateTime? at) => at is { } value ? DateTime.SpecifyKind(value, DateTimeKind.Utc) : null;
}
