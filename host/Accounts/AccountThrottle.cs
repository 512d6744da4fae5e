using System.Net;
using Microsoft.Extensions.Caching.Memory;

namespace EmploymentProcedures.Host.Accounts;

/// <summary>
/// Slows down guessing at the account forms, in this process's memory:
/// <list type="bullet">
/// <item>every e-mail typed at sign-in, whether an account has it or not, is locked after <see cref="FailuresPerEmail"/>
/// failures for <see cref="Lockout"/>, as Identity locks a real account: the "locked" message never tells that an account
/// exists (Identity alone would lock only real accounts, and say so);</item>
/// <item>one network address gets at most <see cref="FailuresPerAddress"/> failed sign-ins in <see cref="Window"/>, whatever
/// e-mails it tries (a lockout per account does not stop one password tried on many accounts);</item>
/// <item>at most <see cref="SignUpsPerAddress"/> sign-ups in <see cref="SignUpWindow"/>;</item>
/// <item>at most <see cref="PasswordLinksPerEmail"/> e-mails to one address in <see cref="PasswordLinkWindow"/>, whatever
/// form asked for them (<see cref="MailFor"/>);</item>
/// <item>and at most <see cref="PasswordLinksPerAddress"/> "forgotten password" requests, and <see cref="PasswordLinksPerEmail"/>
/// for one e-mail whether or not an account has it, in <see cref="PasswordLinkWindow"/> (no mail-bombing, no guessing);</item>
/// <item>and at most <see cref="VerificationMissesPerAddress"/> codes that are no letter's typed at the verification page in
/// <see cref="VerificationWindow"/>, after which that address checks no code at all until the window ends (walking codes
/// would be pointless at 100 random bits a code; this keeps anyone from trying).</item>
/// </list>
/// Several instances of the portal each count their own; behind a reverse proxy every visitor has the proxy's address
/// unless the forwarded headers are trusted (not configured here).
/// </summary>
internal sealed class AccountThrottle : IDisposable
{
    public const int FailuresPerEmail = 5;
    public static readonly TimeSpan Lockout = TimeSpan.FromMinutes(15);
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(15);
    public static readonly TimeSpan SignUpWindow = TimeSpan.FromHours(1);
    public static readonly TimeSpan PasswordLinkWindow = TimeSpan.FromHours(1);
    public static readonly TimeSpan VerificationWindow = TimeSpan.FromHours(1);

    /// <summary>How long failures for an e-mail are remembered (Identity keeps a real account's count until it signs in).</summary>
    private static readonly TimeSpan EmailMemory = TimeSpan.FromDays(1);

    private readonly MemoryCache _counters = new(new MemoryCacheOptions { SizeLimit = 200_000 });
    private readonly TimeProvider _clock;

    public AccountThrottle(
        TimeProvider clock, int failuresPerAddress = 30, int signUpsPerAddress = 20, int passwordLinksPerAddress = 20, int passwordLinksPerEmail = 5,
        int verificationMissesPerAddress = 20)
    {
        VerificationMissesPerAddress = verificationMissesPerAddress;
        _clock = clock;
        FailuresPerAddress = failuresPerAddress;
        SignUpsPerAddress = signUpsPerAddress;
        PasswordLinksPerAddress = passwordLinksPerAddress;
        PasswordLinksPerEmail = passwordLinksPerEmail;
    }

    public int PasswordLinksPerAddress { get; }

    public int VerificationMissesPerAddress { get; }

    public int PasswordLinksPerEmail { get; }

    public int FailuresPerAddress { get; }

    public int SignUpsPerAddress { get; }

    /// <summary>Whether sign-ins for <paramref name="email"/> are refused now, whether or not an account has it.</summary>
    public bool Locked(string email) => Get("email:" + Fold(email)) is { } counter && counter.LockedUntil > _clock.GetUtcNow();

    /// <summary>Whether <paramref name="address"/> has failed too many sign-ins lately to try again now.</summary>
    public bool TooManyFailures(IPAddress? address) => Get("fail:" + address) is { } counter && counter.Count >= FailuresPerAddress;

    /// <summary>Counts a failed sign-in; true when it locks the e-mail (its <see cref="FailuresPerEmail"/>th).</summary>
    public bool Failed(string email, IPAddress? address)
    {
        Count("fail:" + address, Window, sliding: false);
        var now = _clock.GetUtcNow();
        return Count("email:" + Fold(email), EmailMemory, sliding: true, counter =>
        {
            if (counter.Count < FailuresPerEmail)
                return;
            counter.Count = 0;
            counter.LockedUntil = now + Lockout;
        }).LockedUntil > now;
    }

    /// <summary>A sign-in succeeded: the e-mail's failures are forgotten, as Identity forgets the account's.</summary>
    public void Succeeded(string email) => _counters.Remove("email:" + Fold(email));

    /// <summary>Counts a sign-up from <paramref name="address"/>; false when it is one too many for the hour.</summary>
    public bool SignUp(IPAddress? address) => Count("signup:" + address, SignUpWindow, sliding: false).Count <= SignUpsPerAddress;

    /// <summary>
    /// Counts a "forgotten password" request from <paramref name="address"/> for <paramref name="email"/>: too many from the
    /// address this hour (the e-mail is then not counted), too many for the e-mail, or allowed.
    /// </summary>
    public PasswordLinkQuota PasswordLink(string email, IPAddress? address)
    {
        if (Count("link:" + address, PasswordLinkWindow, sliding: false).Count > PasswordLinksPerAddress)
            return PasswordLinkQuota.TooManyFromAddress;
        return MailFor(email) ? PasswordLinkQuota.Allowed : PasswordLinkQuota.TooManyForEmail;
    }

    /// <summary>
    /// Counts an e-mail the portal is asked to send to <paramref name="email"/> (a password link, a link confirming the
    /// address, the notice of a sign-up with it), whether or not an account has it; false when it is one too many for
    /// the hour (<see cref="PasswordLinksPerEmail"/>): nobody fills someone's mailbox from the portal's forms.
    /// </summary>
    public bool MailFor(string email) => Count("link-email:" + Fold(email), PasswordLinkWindow, sliding: false).Count <= PasswordLinksPerEmail;

    /// <summary>Whether <paramref name="address"/> typed too many codes no letter has lately to check one now.</summary>
    public bool TooManyVerificationMisses(IPAddress? address) => Get("verify:" + address) is { } counter && counter.Count >= VerificationMissesPerAddress;

    /// <summary>Counts a code typed at the verification page that no letter has (malformed or unknown alike).</summary>
    public void VerificationMissed(IPAddress? address) => Count("verify:" + address, VerificationWindow, sliding: false);

    public void Dispose() => _counters.Dispose();

    private static string Fold(string email) => email.Trim().ToUpperInvariant();

    private Counter? Get(string key) => _counters.TryGetValue(key, out Counter? counter) ? counter : null;

    /// <summary>
    /// Adds one to the counter of <paramref name="key"/> (made for <paramref name="lifetime"/>: from its first count, or from
    /// each count when <paramref name="sliding"/>). When the cache is full a new counter is not kept: the throttle lets
    /// through rather than refuse everyone.
    /// </summary>
    private Counter Count(string key, TimeSpan lifetime, bool sliding, Action<Counter>? then = null)
    {
        var counter = _counters.GetOrCreate(key, entry =>
        {
            entry.Size = 1;
            if (sliding)
                entry.SlidingExpiration = lifetime;
            else
                entry.AbsoluteExpirationRelativeToNow = lifetime;
            return new Counter();
        })!;
        lock (counter)
        {
            counter.Count++;
            then?.Invoke(counter);
            return counter;
        }
    }

    private sealed class Counter
    {
        public int Count { get; set; }

        public DateTimeOffset LockedUntil { get; set; }
    }
}

/// <summary>Whether a "forgotten password" request may send a link (<see cref="AccountThrottle.PasswordLink"/>).</summary>
internal enum PasswordLinkQuota
{
    Allowed,
    TooManyFromAddress,
    TooManyForEmail,
}
