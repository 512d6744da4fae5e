using System.Net;
using System.Text.RegularExpressions;
using EmploymentProcedures.Engine.Storage;
using EmploymentProcedures.Engine.Templates;
using EmploymentProcedures.Engine.Workflow;
using EmploymentProcedures.Host.Tests.MyApplications;
using EmploymentProcedures.Host.Verification;

namespace EmploymentProcedures.Host.Tests.Verification;

/// <summary>
/// The public verification page, over HTTP through the real portal, as a third party holding a letter uses it: no account,
/// the code typed any way or opened from the QR code, the letter shown as issued; nothing for a code no letter has.
/// </summary>
[Collection(LivePortalTests.Name)]
public sealed partial class VerifyPageTests(LivePortal portal)
{
    private const string Reason = "Règlement de M. Benali non signé";

    /// <summary>A new applicant's application: submitted, and rejected when asked; its letters, oldest first.</summary>
    private async Task<(Application Application, IReadOnlyList<IssuedLetter> Letters, Actor Owner)> FiledAsync(bool rejected = false)
    {
        var (_, owner) = await portal.AccountAsync("employer");
        var application = await portal.Filing.SubmittedAsync(owner);
        if (rejected)
            application = await portal.Filing.RejectedAsync(application, Reason);
        return (application, (await portal.Applications.IssuedAsync(application.Id, owner)).Value!, owner);
    }

    private static VerificationCode CodeOf(IssuedLetter letter)
    {
        Assert.True(VerificationCode.TryParse(letter.VerificationCode, out var code));
        return code;
    }

    [Fact]
    public async Task Verify_CodeTypedWithSpacesAndLowerCase_SaysAuthenticWithWhatTheLetterStatesAndFramesItSandboxed()
    {
        var (application, letters, _) = await FiledAsync();
        var code = CodeOf(letters[0]);
        using var client = portal.Anonymous();

        using var response = await client.GetAsync("verify?code=" + Uri.EscapeDataString(" " + code.ToString().Replace('-', ' ').ToLowerInvariant()));
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<h2 id=\"verified-title\">Document authentique</h2>", html, StringComparison.Ordinal);
        var facts = Facts(html);
        Assert.Equal(application.Reference, facts["Référence"]);
        Assert.Equal(portal.Filing.Definition.Title.Get("fr"), facts["Démarche"]);
        Assert.Equal("Accusé de réception", facts["Nature du document"]);
        Assert.Contains("Ministère de l'Inclusion Économique", facts["Administration"], StringComparison.Ordinal);
        Assert.Equal(code.ToString(), facts["Code de vérification"]);
        Assert.Matches(@"^\p{L}+ \d{1,2} \p{L}+ \d{4}$", facts["Délivré le"]);
        Assert.Contains("il ne renseigne pas sur la suite donnée à la demande", html, StringComparison.Ordinal);
        Assert.Matches($"""<iframe class="verified-letter" src="{LetterChecks.LetterUrl(code)}" sandbox[ >][^>]*title="Accusé de réception, référence {application.Reference}""", html);
        Assert.Contains("<meta name=\"robots\" content=\"noindex, nofollow\"", html, StringComparison.Ordinal);
        Assert.Equal("noindex, nofollow", response.Headers.GetValues("X-Robots-Tag").Single());
        // What the letter holds besides is not on the page itself: the applicant's name stays in the letter.
        Assert.DoesNotContain("Test employer", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_AddressOfTheQrCode_GivesTheSamePage()
    {
        var (application, letters, _) = await FiledAsync();
        using var client = portal.Anonymous();

        var html = WebUtility.HtmlDecode(await client.GetStringAsync(LetterChecks.PageUrl(CodeOf(letters[0]))));

        Assert.Contains("Document authentique", html, StringComparison.Ordinal);
        Assert.Equal(application.Reference, Facts(html)["Référence"]);
    }

    [Fact]
    public async Task VerifyLetter_KnownCode_ServesTheLetterByteForByteSandboxedAndFramableOnlyByThePortal()
    {
        var (application, letters, owner) = await FiledAsync();
        using var client = portal.Anonymous();

        using var response = await client.GetAsync(LetterChecks.LetterUrl(CodeOf(letters[0])));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await using var issued = (await portal.Applications.OpenIssuedAsync(application.Id, owner, letters[0].Id)).Value!;
        using var expected = new MemoryStream();
        await issued.CopyToAsync(expected);
        Assert.Equal(expected.ToArray(), await response.Content.ReadAsByteArrayAsync());
        Assert.Equal("text/html; charset=utf-8", response.Content.Headers.ContentType!.ToString());
        Assert.Equal(LetterChecks.LetterContentSecurityPolicy, response.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal("SAMEORIGIN", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Equal("noindex, nofollow", response.Headers.GetValues("X-Robots-Tag").Single());
    }

    [Fact]
    public async Task Verify_UnknownOrMalformedCode_OneAnswerWithoutHint()
    {
        var (_, letters, _) = await FiledAsync();
        var code = CodeOf(letters[0]).Value;
        var unknown = code[..^1] + (code[^1] == 'Z' ? 'Y' : 'Z');
        using var client = portal.Anonymous();

        var answers = new List<string>();
        foreach (var typed in new[] { unknown, code[..^1], "<b>7KQM</b>", code + "U" })
        {
            var html = WebUtility.HtmlDecode(await client.GetStringAsync("verify?code=" + Uri.EscapeDataString(typed)));
            Assert.DoesNotContain("Document authentique", html, StringComparison.Ordinal);
            Assert.DoesNotContain("<iframe", html, StringComparison.Ordinal);
            answers.Add(Alert().Match(html).Value);
        }
        using var letter = await client.GetAsync(LetterChecks.LetterUrl(VerificationCode.TryParse(unknown, out var parsed) ? parsed : default));

        Assert.Contains("Aucun document de l'administration ne porte ce code.", answers[0], StringComparison.Ordinal);
        Assert.Single(answers.Distinct(StringComparer.Ordinal));
        Assert.Equal(HttpStatusCode.NotFound, letter.StatusCode);
    }

    [Fact]
    public async Task Verify_DecisionAfterTheApplicationWasErased_SaysItWasIssuedAndWhenItsContentWasErasedWithoutShowingIt()
    {
        var (application, letters, _) = await FiledAsync(rejected: true);
        Assert.True(await portal.Applications.EraseAsync(application.Id, Applications.RetentionEnded));
        using var client = portal.Anonymous();

        var html = WebUtility.HtmlDecode(await client.GetStringAsync(LetterChecks.PageUrl(CodeOf(letters[1]))));
        using var letter = await client.GetAsync(LetterChecks.LetterUrl(CodeOf(letters[1])));

        Assert.Contains("Document authentique", html, StringComparison.Ordinal);
        var facts = Facts(html);
        Assert.Equal((application.Reference, "Décision de refus"), (facts["Référence"], facts["Nature du document"]));
        Assert.Contains("Son contenu a été effacé le ", html, StringComparison.Ordinal);
        Assert.Contains("aucune décision ultérieure ne l'a remplacée", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<iframe", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Benali", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, letter.StatusCode);
    }

    [Fact]
    public async Task Verify_InArabic_IsRightToLeftWithTheFactsInArabic()
    {
        var (application, letters, _) = await FiledAsync();
        using var client = portal.In("ar");

        var html = WebUtility.HtmlDecode(await client.GetStringAsync(LetterChecks.PageUrl(CodeOf(letters[0]))));

        Assert.Contains("<html lang=\"ar\" dir=\"rtl\">", html, StringComparison.Ordinal);
        Assert.Contains("<h2 id=\"verified-title\">وثيقة صحيحة</h2>", html, StringComparison.Ordinal);
        var facts = Facts(html);
        Assert.Equal("وصل الإيداع", facts["نوع الوثيقة"]);
        Assert.Equal(application.Reference, facts["المرجع"]);
        Assert.Equal(portal.Filing.Definition.Title.Get("ar"), facts["المسطرة"]);
    }

    [Fact]
    public async Task Verify_WithoutACode_AsksForOneAndTheFooterLinksToIt()
    {
        using var client = portal.In("en");

        var html = WebUtility.HtmlDecode(await client.GetStringAsync("verify"));

        Assert.Contains("<h1>Check a document of the administration</h1>", html, StringComparison.Ordinal);
        Assert.Matches("""<form method="get" action="verify">""", html);
        Assert.Matches("""<input id="code" name="code" type="text" dir="ltr" required""", html);
        Assert.Matches("""<footer class="site-footer">[\s\S]*<a href="verify">Check a document of the administration</a>""", html);
        Assert.DoesNotContain("class=\"alert", html, StringComparison.Ordinal);
    }

    /// <summary>The page's facts, term to description.</summary>
    private static Dictionary<string, string> Facts(string html) =>
        FactLines().Matches(html).ToDictionary(m => m.Groups["term"].Value, m => Tags().Replace(m.Groups["value"].Value, "").Trim(), StringComparer.Ordinal);

    [GeneratedRegex("""<div><dt>(?<term>[^<]+)</dt><dd[^>]*>(?<value>.*?)</dd></div>""")]
    private static partial Regex FactLines();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();

    [GeneratedRegex("""<div class="alert error" role="alert">[\s\S]*?</div>""")]
    private static partial Regex Alert();
}

/// <summary>A portal that lets one network address type only three codes no letter has in an hour.</summary>
public sealed class ThrottledVerificationPortal : LivePortal
{
    protected override string[] Settings => ["--Portal:VerificationMissesPerAddress=3"];
}

/// <summary>Walking codes from one address: past the limit, no code is checked at all, a real one neither.</summary>
public sealed class VerifyThrottleTests(ThrottledVerificationPortal portal) : IClassFixture<ThrottledVerificationPortal>
{
    [Fact]
    public async Task Verify_TooManyUnknownCodesFromOneAddress_ChecksNoCodeForTheHourNotEvenARealOne()
    {
        var (_, owner) = await portal.AccountAsync("employer");
        var application = await portal.Filing.SubmittedAsync(owner);
        var real = Assert.Single((await portal.Applications.IssuedAsync(application.Id, owner)).Value!).VerificationCode!;
        using var client = portal.Anonymous();
        for (var i = 0; i < 3; i++)
        {
            using var miss = await client.GetAsync("verify?code=" + VerificationCode.Draw());
            Assert.Equal(HttpStatusCode.OK, miss.StatusCode);
        }

        using var refused = await client.GetAsync("verify?code=" + real);
        using var letter = await client.GetAsync("verify/" + real + "/letter");

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        var html = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
        Assert.Contains("Trop de codes inconnus ont été saisis depuis cette adresse réseau (3 par heure au plus)", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Document authentique", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.TooManyRequests, letter.StatusCode);
    }
}
