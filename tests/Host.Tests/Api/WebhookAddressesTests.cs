using System.Net;
using EmploymentProcedures.Host.Api;

namespace EmploymentProcedures.Host.Tests.Api;

/// <summary>Which webhook addresses an administrator may set: https to the public internet only, unless the development switch is on.</summary>
public sealed class WebhookAddressesTests
{
    [Theory]
    [InlineData("http://partner.example.org/hooks", "webhook_https")]
    [InlineData("ftp://partner.example.org/hooks", "webhook_https")]
    [InlineData("https://user:secret@partner.example.org/hooks", "webhook_userinfo")]
    [InlineData("https://93.184.215.14/hooks#part", "webhook_fragment")]
    [InlineData("/hooks", "webhook_url")]
    [InlineData("pas une adresse", "webhook_url")]
    [InlineData("https://127.0.0.1/hooks", "webhook_private")]
    [InlineData("https://localhost/hooks", "webhook_private")]
    [InlineData("https://10.1.2.3/hooks", "webhook_private")]
    [InlineData("https://172.20.0.5:8443/hooks", "webhook_private")]
    [InlineData("https://192.168.1.10/hooks", "webhook_private")]
    [InlineData("https://169.254.169.254/latest/meta-data", "webhook_private")]
    [InlineData("https://100.64.0.1/hooks", "webhook_private")]
    [InlineData("https://[::1]/hooks", "webhook_private")]
    [InlineData("https://[fd00::1]/hooks", "webhook_private")]
    [InlineData("https://[::ffff:10.0.0.1]/hooks", "webhook_private")]
    [InlineData("https://0.0.0.0/hooks", "webhook_private")]
    public async Task Check_Refused_SaysWhy(string url, string code)
    {
        var (checkedUrl, error) = await WebhookAddresses.CheckAsync(url, allowHttp: false, default);

        Assert.Equal(code, error);
        Assert.Null(checkedUrl);
    }

    [Fact]
    public async Task Check_PublicHttps_Kept_AndEmptyMeansNoWebhook()
    {
        Assert.Equal(("https://93.184.215.14:8443/hooks/ep?partner=dgsn", (string?)null),
            await WebhookAddresses.CheckAsync("  https://93.184.215.14:8443/hooks/ep?partner=dgsn ", allowHttp: false, default));
        Assert.Equal(((string?)null, (string?)null), await WebhookAddresses.CheckAsync("  ", allowHttp: false, default));
        Assert.Equal("too_long", (await WebhookAddresses.CheckAsync("https://partner.example.org/" + new string('a', 500), allowHttp: false, default)).Error);
    }

    [Fact]
    public async Task Check_DevelopmentSwitch_LetsHttpToLocalhostOnly()
    {
        Assert.Null((await WebhookAddresses.CheckAsync("http://localhost:5080/hooks", allowHttp: true, default)).Error);
        Assert.Null((await WebhookAddresses.CheckAsync("https://10.1.2.3/hooks", allowHttp: true, default)).Error);
        Assert.Equal("webhook_https", (await WebhookAddresses.CheckAsync("http://partner.example.org/hooks", allowHttp: true, default)).Error);
    }

    [Theory]
    [InlineData("8.8.8.8", true)]
    [InlineData("2001:4860:4860::8888", true)]
    [InlineData("172.32.0.1", true)]
    [InlineData("172.31.255.255", false)]
    [InlineData("fe80::1", false)]
    [InlineData("224.0.0.1", false)]
    public void IsPublic_Address_OnlyThePublicInternet(string address, bool expected) =>
        Assert.Equal(expected, WebhookAddresses.IsPublic(IPAddress.Parse(address)));

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 5)]
    [InlineData(3, 30)]
    [InlineData(4, 120)]
    [InlineData(5, 360)]
    [InlineData(6, 360)]
    [InlineData(7, 360)]
    [InlineData(8, 204)]
    public void RetryDelay_EachFailure_GrowsThenStopsAtADay(int failures, int minutes) =>
        Assert.Equal(TimeSpan.FromMinutes(minutes), WebhookDispatcher.RetryDelay(failures, TimeSpan.FromDays(1)));

    [Fact]
    public void RetryDelay_AfterTheLastAttemptOfTheDay_GivesUp() =>
        Assert.Null(WebhookDispatcher.RetryDelay(9, TimeSpan.FromDays(1)));
}
