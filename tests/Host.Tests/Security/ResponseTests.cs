using System.Net;
using System.Text.RegularExpressions;
using EmploymentProcedures.Engine.Storage;
using EmploymentProcedures.Host.Accounts;
using EmploymentProcedures.Host.MyApplications;
using EmploymentProcedures.Host.Tests.MyApplications;

namespace EmploymentProcedures.Host.Tests.Security;

/// <summary>
/// What every kind of response says to the browser (no sniffing, no framing, no inline script; files saved, never shown)
/// and what a broken or hostile request gets back: the right status, an error page at most, never a trace or SQL.
/// </summary>
[Collection(LivePortalTests.Name)]
public sealed partial class ResponseTests(LivePortal portal)
{
    private static readonly string[] Leaks = ["   at ", "Exception", "StackTrace", "SELECT ", "SqliteException", "Microsoft.EntityFrameworkCore"];

    private static void AssertLeaksNothing(string body)
    {
        foreach (var leak in Leaks)
            Assert.DoesNotContain(leak, body, StringComparison.Ordinal);
    }

    private static void AssertGuarded(HttpResponseMessage response, string what)
    {
        Assert.True(response.Headers.TryGetValues("X-Content-Type-Options", out var sniff) && sniff.Single() == "nosniff", what + ": nosniff");
        Assert.True(response.Headers.TryGetValues("X-Frame-Options", out var frame) && frame.Single() == "DENY", what + ": X-Frame-Options");
        Assert.True(response.Headers.TryGetValues("Content-Security-Policy", out var policies), what + ": CSP");
        var policy = policies!.Single();
        Assert.Contains("frame-ancestors 'none'", policy, StringComparison.Ordinal);
        // A letter has no script-src: its default-src 'none' forbids every script.
        var directives = policy.Split(';').Select(d => d.Trim()).ToList();
        var scripts = directives.FirstOrDefault(d => d.StartsWith("script-src ", StringComparison.Ordinal)) ?? directives.Single(d => d.StartsWith("default-src ", StringComparison.Ordinal));
        Assert.DoesNotContain("unsafe", scripts, StringComparison.Ordinal);
    }

    /// <summary>A submitted application with a message's file and its receipt, and who may download them, signed in.</summary>
    private sealed record Cast(HttpClient Applicant, HttpClient Agent, HttpClient Analyst) : IDisposable
    {
        public List<(HttpClient Client, string Path)> Downloads { get; } = [];

        public void Dispose()
        {
            Applicant.Dispose();
            Agent.Dispose();
            Analyst.Dispose();
        }
    }

    private async Task<(Cast Cast, Guid Application, IssuedLetter Receipt)> CastAsync()
    {
        var (email, owner) = await portal.AccountAsync("employer");
        var submitted = await portal.Filing.SubmittedAsync(owner);
        var receipt = Assert.Single((await portal.Applications.IssuedAsync(submitted.Id, owner)).Value!);
        var posted = (await portal.Applications.PostMessageAsync(submitted.Id, owner, "PV", [new MessageFile("pv.html", new MemoryStream(Filing.Pdf("<script>")))])).Value!;
        var (agentEmail, _) = await portal.AccountAsync("desk-agent", submitted.Province!);
        var (analystEmail, _) = await portal.AccountAsync("analyst");
        var cast = new Cast(await portal.SignedInAsync(email), await portal.SignedInAsync(agentEmail), await portal.SignedInAsync(analystEmail));
        cast.Downloads.AddRange(
        [
            (cast.Applicant, ApplicationFiles.Url(submitted.Id, submitted.Documents[0])),
            (cast.Applicant, ApplicationFiles.Url(submitted.Id, posted.Attachments[0])),
            (cast.Applicant, ApplicationFiles.Url(receipt, download: true)),
            (cast.Applicant, ApplicationDossier.Url(submitted.Id)),
            (cast.Agent, ApplicationDossier.Url(submitted.Id)),
            (cast.Applicant, AccountData.Url),
            (cast.Agent, AccountData.Url),
            (cast.Agent, "inbox/export.csv"),
            (cast.Agent, "inbox/export.xlsx"),
            (cast.Analyst, "designer/internal-regulations-approval/export"),
        ]);
        return (cast, submitted.Id, receipt);
    }

    [Fact]
    public async Task EveryKindOfResponse_CarriesNosniffNoFramingAndAPolicyWithoutInlineScript()
    {
        var (cast, application, receipt) = await CastAsync();
        using var _ = cast;
        using var anonymous = portal.Anonymous();
        var css = AppCss().Match(await anonymous.GetStringAsync("/")).Groups["href"].Value;

        (HttpClient Client, string Path, HttpStatusCode Status)[] doors =
        [
            (anonymous, "/", HttpStatusCode.OK),
            (anonymous, css, HttpStatusCode.OK),
            (anonymous, "/no/such/page", HttpStatusCode.NotFound),
            (anonymous, "/applications", HttpStatusCode.Redirect),
            (cast.Applicant, $"applications/{application}", HttpStatusCode.OK),
            (cast.Applicant, ApplicationFiles.Url(receipt), HttpStatusCode.OK),
            (cast.Analyst, "designer", HttpStatusCode.OK),
            .. cast.Downloads.Select(d => (d.Client, d.Path, HttpStatusCode.OK)),
        ];
        foreach (var (client, path, status) in doors)
        {
            using var response = await client.GetAsync(path);
            Assert.True(status == response.StatusCode, $"{path}: {response.StatusCode}");
            AssertGuarded(response, path);
        }
    }

    [Fact]
    public async Task EveryDownload_IsAnAttachmentOfNoTypeTheBrowserWouldRun()
    {
        var (cast, _, _) = await CastAsync();
        using var _ = cast;

        foreach (var (client, path) in cast.Downloads)
        {
            using var response = await client.GetAsync(path);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {response.StatusCode}");
            Assert.True(response.Content.Headers.ContentDisposition?.DispositionType == "attachment", $"{path}: {response.Content.Headers.ContentDisposition}");
            var type = response.Content.Headers.ContentType?.MediaType ?? "";
            Assert.DoesNotContain("html", type, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("svg", type, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("javascript", type, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Theory]
    [InlineData("applications/not-a-guid", HttpStatusCode.NotFound)]
    [InlineData("cases/0b9f3c52-7f6e-4a4e-9f7c", HttpStatusCode.NotFound)]
    [InlineData("applications/0b9f3c52-7f6e-4a4e-9f7c-3d2b1a0e9c88/letters/not-a-number/x.html", HttpStatusCode.NotFound)]
    [InlineData("applications/0b9f3c52-7f6e-4a4e-9f7c-3d2b1a0e9c88/messages/files/99999999999999999999999/x.pdf", HttpStatusCode.NotFound)]
    [InlineData("procedures/..%2F..%2Fappsettings", HttpStatusCode.NotFound)]
    [InlineData("designer/..%2F..%2Fprocedures.db/export", HttpStatusCode.NotFound)]
    [InlineData("inbox?status=%00%27%3B--&page=-99999999999&order=%3Cscript%3E", HttpStatusCode.OK)]
    public async Task MalformedAddress_GetsItsStatusAndAPageWithNoTraceOrSql(string path, HttpStatusCode status)
    {
        var (email, _) = await portal.AccountAsync(path.StartsWith("designer", StringComparison.Ordinal) ? "analyst" : "desk-agent", "casablanca");
        using var client = await portal.SignedInAsync(email);

        using var response = await client.GetAsync(path);

        Assert.Equal(status, response.StatusCode);
        AssertLeaksNothing(await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task HugeQueryString_IsRefusedBeforeAnyPageRuns()
    {
        using var client = portal.Anonymous();

        using var response = await client.GetAsync("/?q=" + new string('a', 64 * 1024));

        Assert.True((int)response.StatusCode is 414 or 431 or 400, response.StatusCode.ToString());
        AssertLeaksNothing(await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("account/sign-in", "application/x-www-form-urlencoded", "%%%\u00ff=&&==&Input.Email=%")]
    [InlineData("account/sign-up", "multipart/form-data; boundary=xx", "--xx\r\nbroken")]
    [InlineData("language", "application/x-www-form-urlencoded", "language=ar&returnUrl=/")]
    [InlineData("account/sign-out", "text/plain", "returnUrl=/")]
    public async Task BrokenOrTokenlessFormPost_Is400WithNoTrace(string path, string contentType, string body)
    {
        using var client = portal.Anonymous();
        using var content = new StringContent(body);
        content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse(contentType);

        using var response = await client.PostAsync(path, content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        AssertLeaksNothing(await response.Content.ReadAsStringAsync());
    }

    [GeneratedRegex(@"<link rel=""stylesheet"" href=""(?<href>app\.[^""]*css)""")]
    private static partial Regex AppCss();
}
