using System.Net;
using EmploymentProcedures.Host.Accounts;
using Microsoft.Extensions.Time.Testing;

namespace EmploymentProcedures.Host.Tests.Accounts;

/// <summary>The counts behind the account forms' limits: per e-mail as Identity locks an account, per network address.</summary>
public sealed class AccountThrottleTests
{
    private static readonly IPAddress Address = IPAddress.Parse("198.51.100.7");

    [Fact]
    public void Failed_FifthTimeForAnEmail_LocksItForFifteenMinutes_WhateverTheCaseOrSpaces()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
        using var throttle = new AccountThrottle(clock);

        var locks = Enumerable.Range(0, 5).Select(i => throttle.Failed(i % 2 == 0 ? "Nobody@Example.test" : " nobody@example.test ", Address)).ToList();

        Assert.Equal([false, false, false, false, true], locks);
        Assert.True(throttle.Locked("NOBODY@example.test"));
        clock.Advance(AccountThrottle.Lockout);
        Assert.False(throttle.Locked("nobody@example.test"));
    }

    [Fact]
    public void Succeeded_ForgetsTheEmailsFailures()
    {
        using var throttle = new AccountThrottle(TimeProvider.System);
        for (var i = 0; i < 4; i++)
            throttle.Failed("amina@example.test", Address);

        throttle.Succeeded("amina@example.test");

        Assert.False(throttle.Failed("amina@example.test", Address));
    }

    [Fact]
    public void TooManyFailures_CountsEveryEmailOfTheAddress_AndNotOtherAddresses()
    {
        using var throttle = new AccountThrottle(TimeProvider.System, failuresPerAddress: 3);

        throttle.Failed("a@example.test", Address);
        throttle.Failed("b@example.test", Address);
        Assert.False(throttle.TooManyFailures(Address));
        throttle.Failed("c@example.test", Address);

        Assert.True(throttle.TooManyFailures(Address));
        Assert.False(throttle.TooManyFailures(IPAddress.Parse("198.51.100.8")));
    }

    [Fact]
    public void SignUp_OneMoreThanTheLimit_IsRefused_OtherAddressesAreNot()
    {
        using var throttle = new AccountThrottle(TimeProvider.System, signUpsPerAddress: 2);

        Assert.Equal([true, true, false], [throttle.SignUp(Address), throttle.SignUp(Address), throttle.SignUp(Address)]);
        Assert.True(throttle.SignUp(IPAddress.IPv6Loopback));
    }

    private static readonly string[] SameEmail = ["Amina@Example.test", " amina@example.test", "AMINA@example.test"];

    [Fact]
    public void PasswordLink_PerEmailWhateverTheCase_AndPerAddressWhateverTheEmails()
    {
        using var throttle = new AccountThrottle(TimeProvider.System, passwordLinksPerAddress: 4, passwordLinksPerEmail: 2);

        var forOneEmail = SameEmail.Select(e => throttle.PasswordLink(e, Address)).ToList();
        var another = throttle.PasswordLink("karim@example.test", Address);
        var overTheAddress = throttle.PasswordLink("nadia@example.test", Address);

        Assert.Equal([PasswordLinkQuota.Allowed, PasswordLinkQuota.Allowed, PasswordLinkQuota.TooManyForEmail], forOneEmail);
        Assert.Equal(PasswordLinkQuota.Allowed, another);
        Assert.Equal(PasswordLinkQuota.TooManyFromAddress, overTheAddress);
        // Refused at the address, the e-mail was not counted: from elsewhere it still gets its links.
        Assert.Equal(PasswordLinkQuota.Allowed, throttle.PasswordLink("nadia@example.test", IPAddress.IPv6Loopback));
        Assert.Equal(PasswordLinkQuota.Allowed, throttle.PasswordLink("nadia@example.test", IPAddress.IPv6Loopback));
        Assert.Equal(PasswordLinkQuota.TooManyForEmail, throttle.PasswordLink("nadia@example.test", IPAddress.IPv6Loopback));
    }
}
