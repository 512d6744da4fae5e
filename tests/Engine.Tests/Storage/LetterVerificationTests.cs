using System.Globalization;
using System.Text.RegularExpressions;
using EmploymentProcedures.Engine.Definitions;
using EmploymentProcedures.Engine.Storage;
using EmploymentProcedures.Engine.Templates;
using EmploymentProcedures.Engine.Workflow;
using ZXing;
using ZXing.Common;
using ZXing.QrCode;

namespace EmploymentProcedures.Engine.Tests.Storage;

/// <summary>
/// Every issued letter carries a verification code, stored with it and printed in its verification block with a QR code of
/// the verification page; anyone holding the letter finds it back with that code, and only with it.
/// </summary>
public sealed partial class LetterVerificationTests
{
    private static readonly Uri Portal = new("https://portail.emploi.example/procedures/");
    private static readonly Actor Karim = TestStore.DeskAgent("karim", "casablanca");

    /// <summary>The sentence of the block, in each language, as a reader finds it.</summary>
    public static TheoryData<string, string, string> Languages => new()
    {
        { "fr", "ltr", "peut vérifier qu'il a été délivré par l'administration" },
        { "ar", "rtl", "أن يتحقق من أنها صادرة عن الإدارة" },
        { "en", "ltr", "can check that the administration issued it" },
    };

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task Issue_EveryKindOfLetter_CarriesADistinctStoredCodePrintedWithAQrCodeOfItsPageInTheLettersLanguage(string language, string direction, string sentence)
    {
        await using var store = await TestStore.CreateAsync();
        await store.PublishAsync(IssuedLetterTests.Declaration);
        var applications = new Applications(store.Databases, store.Definitions, store.Documents, store.Clock, Portal);
        var amina = TestStore.Applicant("amina") with { Language = language };
        async Task<Application> Submitted(string procedure = "store-visa")
        {
            var draft = await store.DraftAsync(amina, procedure);
            await Succeeds(applications.SubmitAsync(draft.Id, amina));
            return draft;
        }
        var rejected = await Submitted();
        await Succeeds(applications.DecideAsync(rejected.Id, Karim, new WorkflowCommand.Decide("reception", StepAction.RequestChanges, "Précisez", ["company_name"])));
        await Succeeds(applications.SubmitAsync(rejected.Id, amina));
        await Succeeds(applications.DecideAsync(rejected.Id, Karim, new WorkflowCommand.Decide("reception", StepAction.Reject, "Hors champ")));
        var declared = await Submitted("store-declaration");
        await Succeeds(applications.DecideAsync(declared.Id, Karim, new WorkflowCommand.Decide("reception", StepAction.Acknowledge)));
        var approved = await Submitted();
        Assert.Equal(1, (await applications.SweepAsync(new DateOnly(2026, 3, 17))).Lapsed);

        var letters = new List<IssuedLetter>();
        foreach (var id in new[] { rejected.Id, declared.Id, approved.Id })
            letters.AddRange((await applications.IssuedAsync(id, amina)).Value!);

        Assert.Equal(["acknowledged", "approved", "changes_requested", "receipt", "rejected"], letters.Select(l => l.Kind).Distinct().Order(StringComparer.Ordinal));
        Assert.Equal(letters.Count, letters.Select(l => l.VerificationCode).Distinct(StringComparer.Ordinal).Count());
        foreach (var letter in letters)
        {
            Assert.True(VerificationCode.TryParse(letter.VerificationCode, out var code), letter.Kind);
            Assert.Equal(code.Value, letter.VerificationCode);
            var html = await IssuedLetterTests.ReadAsync(await applications.OpenIssuedAsync(letter.ApplicationId, amina, letter.Id));
            var block = BlockOf(html);
            Assert.Contains($"lang=\"{language}\" dir=\"{direction}\"", block, StringComparison.Ordinal);
            Assert.Contains(sentence, System.Net.WebUtility.HtmlDecode(block), StringComparison.Ordinal);
            Assert.Contains($">{code}</bdi>", block, StringComparison.Ordinal);
            Assert.Contains("https://portail.emploi.example/procedures/verify<", block, StringComparison.Ordinal);
            Assert.Equal($"https://portail.emploi.example/procedures/verify/{code}", DecodeQr(block));
            Assert.EndsWith("</body>\n</html>", html.TrimEnd(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Submit_ReceiptForecastMissedBecauseAnotherProcessTookTheNumber_PrintsTheCodeAndReferenceStored()
    {
        await using var store = await TestStore.CreateAsync();
        var otherDatabases = store.AnotherProcess(TimeSpan.FromSeconds(6));
        var other = new Applications(otherDatabases, new DefinitionStore(otherDatabases, store.Definitions.Library, store.Clock), store.Documents, store.Clock, Portal);
        var drafts = await store.DraftsAsync(3);

        // This process takes 000001 and forecasts 000002 for its next receipt; the other process takes 000002 meanwhile.
        await Succeeds(store.Applications.SubmitAsync(drafts[0].Draft.Id, drafts[0].Applicant));
        await Succeeds(other.SubmitAsync(drafts[1].Draft.Id, drafts[1].Applicant));
        var missed = await store.Applications.SubmitAsync(drafts[2].Draft.Id, drafts[2].Applicant);

        Assert.Equal("STV-2026-000003", missed.Application!.Reference);
        var letter = Assert.Single((await store.Applications.IssuedAsync(drafts[2].Draft.Id, drafts[2].Applicant)).Value!);
        var html = await IssuedLetterTests.ReadAsync(await store.Applications.OpenIssuedAsync(drafts[2].Draft.Id, drafts[2].Applicant, letter.Id));
        Assert.Contains("<dd>STV-2026-000003</dd>", html, StringComparison.Ordinal);
        Assert.True(VerificationCode.TryParse(letter.VerificationCode, out var stored));
        Assert.Equal([stored.ToString()], PrintedCodes().Matches(html).Select(m => m.Groups[1].Value).Distinct());
        Assert.Equal(stored, (await store.Applications.CheckLetterAsync(stored.ToString()))!.Code);
    }

    [Fact]
    public async Task Submit_TenAtOnce_EachReceiptPrintsTheCodeItsRowStores()
    {
        await using var store = await TestStore.CreateAsync();
        var drafts = await store.DraftsAsync(10);

        await Task.WhenAll(drafts.Select(d => Task.Run(() => store.Applications.SubmitAsync(d.Draft.Id, d.Applicant))));

        foreach (var (applicant, draft) in drafts)
        {
            var letter = Assert.Single((await store.Applications.IssuedAsync(draft.Id, applicant)).Value!);
            var html = await IssuedLetterTests.ReadAsync(await store.Applications.OpenIssuedAsync(draft.Id, applicant, letter.Id));
            Assert.True(VerificationCode.TryParse(letter.VerificationCode, out var stored));
            Assert.Equal(stored.ToString(), PrintedCodes().Match(html).Groups[1].Value);
        }
    }

    [Fact]
    public async Task CheckLetter_CodeTypedLoosely_GivesTheLetterAsIssuedWithWhatItStates()
    {
        await using var store = await TestStore.CreateAsync();
        var amina = TestStore.Applicant("amina") with { Language = "ar" };
        var app = await store.SubmittedAsync(amina);
        var letter = Assert.Single((await store.Applications.IssuedAsync(app.Id, amina)).Value!);
        var issued = await IssuedLetterTests.ReadAsync(await store.Applications.OpenIssuedAsync(app.Id, amina, letter.Id));
        var typed = " " + VerificationCodeAsTyped(letter.VerificationCode!) + " ";

        var found = await store.Applications.CheckLetterAsync(typed);

        Assert.NotNull(found);
        Assert.Equal(("receipt", "ar", "STV-2026-000001", "store-visa"), (found.Kind, found.Language, found.Reference, found.ProcedureId));
        Assert.Equal(letter.IssuedAt, found.IssuedAt);
        Assert.Equal(DateTimeKind.Utc, found.IssuedAt.Kind);
        Assert.Equal(issued, System.Text.Encoding.UTF8.GetString(found.Content!));
        Assert.NotNull(found.ProcedureTitle);
        Assert.Null(found.ErasedAt);
        Assert.False(found.FinalDecision);
    }

    [Fact]
    public async Task CheckLetter_UnknownOrMalformedCode_FindsNothingEither()
    {
        await using var store = await TestStore.CreateAsync();
        var app = await store.SubmittedAsync(TestStore.Applicant());
        var letter = Assert.Single((await store.Applications.IssuedAsync(app.Id, TestStore.Applicant())).Value!);
        var code = letter.VerificationCode!;
        // The same code with its last character changed: well formed, but no letter's.
        var unknown = code[..^1] + (code[^1] == 'Z' ? 'Y' : 'Z');

        Assert.Null(await store.Applications.CheckLetterAsync(unknown));
        Assert.Null(await store.Applications.CheckLetterAsync(code[..^1]));
        Assert.Null(await store.Applications.CheckLetterAsync(code + "'; DROP TABLE Letters; --"));
        Assert.Null(await store.Applications.CheckLetterAsync(""));
        Assert.Null(await store.Applications.CheckLetterAsync(null));
        Assert.NotNull(await store.Applications.CheckLetterAsync(code));
    }

    [Fact]
    public async Task CheckLetter_LetterIssuedBeforeLettersCarriedACode_IsListedWithoutOne()
    {
        await using var store = await TestStore.CreateAsync();
        var app = await store.SubmittedAsync(TestStore.Applicant());
        await store.SqlAsync("UPDATE \"Letters\" SET \"VerificationCode\" = NULL;");

        var letter = Assert.Single((await store.Applications.IssuedAsync(app.Id, TestStore.Applicant())).Value!);

        Assert.Null(letter.VerificationCode);
    }

    [Fact]
    public async Task CheckLetter_DecisionOfTheApplication_SaysItIsTheFinalDecisionAndTheEarlierReceiptSaysNothingOfIt()
    {
        await using var store = await TestStore.CreateAsync();
        var (_, _, letters) = await RejectedAsync(store);

        var receipt = await store.Applications.CheckLetterAsync(letters[0].VerificationCode);
        var rejection = await store.Applications.CheckLetterAsync(letters[1].VerificationCode);

        Assert.Equal(("receipt", false), (receipt!.Kind, receipt.FinalDecision));
        Assert.Equal(("rejected", true), (rejection!.Kind, rejection.FinalDecision));
    }

    [Fact]
    public async Task CheckLetter_AfterTheApplicationWasErased_SaysWhatWasIssuedAndWhenItsContentWasErasedButNotTheContent()
    {
        await using var store = await TestStore.CreateAsync();
        var (app, amina, letters) = await RejectedAsync(store);
        store.Clock.Now = store.Clock.Now.AddYears(5).AddDays(1);

        Assert.True(await store.Applications.EraseAsync(app.Id, Applications.RetentionEnded));

        var found = await store.Applications.CheckLetterAsync(letters[1].VerificationCode);
        Assert.NotNull(found);
        Assert.Equal(("rejected", "STV-2026-000001", letters[1].IssuedAt), (found.Kind, found.Reference, found.IssuedAt));
        Assert.Equal(store.Clock.Now.UtcDateTime, found.ErasedAt);
        Assert.Null(found.Content);
        // Nothing the letter printed is left in its row, and the applicant's page no longer lists it.
        Assert.Equal(0L, await store.ScalarAsync("SELECT COUNT(*) FROM \"Letters\" WHERE \"Content\" IS NOT NULL OR \"Hash\" <> '' OR \"SizeBytes\" <> 0"));
        Assert.Empty((await store.Applications.IssuedAsync(app.Id, amina)).Value!);
        Assert.Equal(RefusalCodes.UnknownLetter, (await store.Applications.OpenIssuedAsync(app.Id, amina, letters[1].Id)).Refusal?.Code);
        Assert.True((await store.Audit.VerifyAsync()).Intact);
    }

    /// <summary>An application submitted and rejected: its receipt and its decision, in that order.</summary>
    private static async Task<(Application Application, Actor Owner, IReadOnlyList<IssuedLetter> Letters)> RejectedAsync(TestStore store)
    {
        var amina = TestStore.Applicant();
        var app = await store.SubmittedAsync(amina);
        await Succeeds(store.Applications.DecideAsync(app.Id, Karim, new WorkflowCommand.Decide("reception", StepAction.Reject, "Hors champ")));
        return (app, amina, (await store.Applications.IssuedAsync(app.Id, amina)).Value!);
    }

    /// <summary>The block the engine added: from its opening tag to its end.</summary>
    private static string BlockOf(string html)
    {
        var start = html.IndexOf("<aside class=\"verification\"", StringComparison.Ordinal);
        Assert.True(start >= 0, "no verification block");
        Assert.Equal(start, html.LastIndexOf("<aside class=\"verification\"", StringComparison.Ordinal));
        var end = html.IndexOf("</aside>", start, StringComparison.Ordinal);
        Assert.True(end > start && html.IndexOf("</body>", end, StringComparison.Ordinal) > end, "the block is not inside the body");
        return html[start..end];
    }

    /// <summary>
    /// Reads the block's QR code: the SVG path's modules drawn into a bitmap, four pixels a module, decoded by ZXing.
    /// Fails if the picture is not a QR code of the expected payload.
    /// </summary>
    private static string DecodeQr(string block)
    {
        var size = Number(ViewBox().Match(block).Groups[1]);
        const int scale = 4;
        var pixels = Enumerable.Repeat((byte)255, size * scale * size * scale).ToArray();
        foreach (Match run in Runs().Matches(block))
        {
            var (x, y, length) = (Number(run.Groups[1]), Number(run.Groups[2]), Number(run.Groups[3]));
            for (var dy = 0; dy < scale; dy++)
                Array.Fill(pixels, (byte)0, ((y * scale) + dy) * size * scale + (x * scale), length * scale);
        }
        var source = new RGBLuminanceSource(pixels, size * scale, size * scale, RGBLuminanceSource.BitmapFormat.Gray8);
        // As a pure barcode: ZXing's finder-pattern detector, made for camera pictures, misses about one perfect synthetic
        // picture in a hundred (seen over 300 random codes; all 300 decode as pure barcodes), which would make this test
        // fail at random while the matrix is right. A wrong payload still fails.
        var result = new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(source)), new Dictionary<DecodeHintType, object> { [DecodeHintType.PURE_BARCODE] = true });
        Assert.NotNull(result);
        return result.Text;
    }

    private static int Number(Group group) => int.Parse(group.Value, CultureInfo.InvariantCulture);

    private static string VerificationCodeAsTyped(string code) =>
        string.Join(' ', code.ToLowerInvariant().Chunk(5).Select(c => new string(c))).Replace('0', 'o').Replace('1', 'l');

    private static async Task Succeeds(Task<WorkflowResult> command)
    {
        var result = await command;
        Assert.True(result.Succeeded, result.ToString());
    }

    [GeneratedRegex("""class="verification-code"[^>]*>([0-9A-Z-]{24})</bdi>""")]
    private static partial Regex PrintedCodes();

    [GeneratedRegex("""viewBox="0 0 (\d+) \d+" """)]
    private static partial Regex ViewBox();

    [GeneratedRegex(@"M(\d+) (\d+)h(\d+)v1h-\d+z")]
    private static partial Regex Runs();
}
