using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using EmploymentProcedures.Engine.Storage;
using EmploymentProcedures.Engine.Workflow;
using EmploymentProcedures.Host.Tests.MyApplications;

namespace EmploymentProcedures.Host.Tests.Api;

/// <summary>What a client's grant lets it read, in lists, one application and its files; and what one application gives.</summary>
[Collection(ApiPortalTests.Name)]
public sealed class ApiAccessTests(ApiPortal portal)
{
    private const string Granted = "nouaceur";

    [Fact]
    public async Task Procedures_ListsOnlyTheGrantedOnes_WithVersionTitlesAndCategory()
    {
        var (_, token) = await portal.ClientAsync([ApiPortal.Procedure]);
        using var client = portal.Bearer(token);

        var items = (await ApiPortal.JsonAsync(await client.GetAsync("/api/v1/procedures"))).GetProperty("items");

        var procedure = Assert.Single(items.EnumerateArray());
        Assert.Equal(ApiPortal.Procedure, procedure.GetProperty("id").GetString());
        Assert.True(procedure.GetProperty("publishedVersion").GetInt32() >= 1);
        Assert.Equal(portal.Filing.Definition.Title.Get("ar"), procedure.GetProperty("title").GetProperty("ar").GetString());
        Assert.Equal(portal.Filing.Definition.Title.Get("fr"), procedure.GetProperty("title").GetProperty("fr").GetString());
        Assert.Equal(portal.Filing.Definition.Category, procedure.GetProperty("category").GetString());
    }

    [Fact]
    public async Task List_GrantedProvince_ListsItsSubmittedApplications_NeverAnotherProvincesNorDrafts()
    {
        var (_, applicant) = await portal.AccountAsync("employer");
        var mine = await portal.Filing.SubmittedAsync(applicant);
        var elsewhere = await portal.Filing.SubmittedAsync(applicant, change: a => Filing.InProvince(a, "rabat"));
        var draft = await portal.Filing.DraftAsync(applicant);
        var (_, token) = await portal.ClientAsync([ApiPortal.Procedure], [Granted]);
        using var client = portal.Bearer(token);

        var lines = await WalkAsync(client, "/api/v1/applications?limit=100");

        Assert.Equal(Granted, mine.Province);
        var line = Assert.Single(lines, l => l.GetProperty("reference").GetString() == mine.Reference);
        Assert.Equal("in_review", line.GetProperty("status").GetString());
        Assert.Equal(mine.Step, line.GetProperty("currentStep").GetString());
        Assert.Equal(mine.SubmittedOn!.Value.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), line.GetProperty("submittedOn").GetString());
        Assert.Equal(JsonValueKind.Null, line.GetProperty("decision").ValueKind);
        Assert.False(line.GetProperty("erased").GetBoolean());
        Assert.All(lines, l => Assert.Equal(Granted, l.GetProperty("province").GetString()));
        Assert.DoesNotContain(lines, l => l.GetProperty("reference").GetString() == elsewhere.Reference);
        Assert.All(lines, l => Assert.NotEqual("draft", l.GetProperty("status").GetString()));
        Assert.Null(draft.Reference);
    }

    [Fact]
    public async Task Outside_TheGrant_DetailAndFilesAre404_AsAnUnknownReference()
    {
        var (_, applicant) = await portal.AccountAsync("employer");
        var elsewhere = await portal.Filing.SubmittedAsync(applicant, change: a => Filing.InProvince(a, "rabat"));
        var (_, provincial) = await portal.ClientAsync([ApiPortal.Procedure], [Granted]);
        var (_, otherProcedure) = await portal.ClientAsync(["strike-notice"]);
        var (_, everywhere) = await portal.ClientAsync([ApiPortal.Procedure]);
        using var seeing = portal.Bearer(everywhere);
        var detail = await ApiPortal.JsonAsync(await seeing.GetAsync($"/api/v1/applications/{elsewhere.Reference}"));
        var documentId = detail.GetProperty("documents")[0].GetProperty("id").GetInt64();
        var letterId = detail.GetProperty("letters")[0].GetProperty("id").GetInt64();

        foreach (var token in new[] { provincial, otherProcedure })
        {
            using var client = portal.Bearer(token);
            foreach (var path in new[]
            {
                $"/api/v1/applications/{elsewhere.Reference}",
                $"/api/v1/applications/{elsewhere.Reference}/documents/{documentId}",
                $"/api/v1/applications/{elsewhere.Reference}/letters/{letterId}",
                "/api/v1/applications/RI-2026-999999",
                "/api/v1/applications/RI-2026-999999/documents/1",
            })
            {
                using var response = await client.GetAsync(path);
                Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
                var body = await response.Content.ReadAsStringAsync();
                Assert.Contains("\"code\":\"application-not-found\"", body, StringComparison.Ordinal);
                Assert.DoesNotContain(elsewhere.ApplicantName, body, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public async Task Files_ReferenceOfAnotherApplication_NeverGivesItsFiles()
    {
        var (_, applicant) = await portal.AccountAsync("employer");
        var first = await portal.Filing.SubmittedAsync(applicant);
        var second = await portal.Filing.SubmittedAsync(applicant, fileName: "second.pdf");
        var (_, token) = await portal.ClientAsync([ApiPortal.Procedure]);
        using var client = portal.Bearer(token);
        var secondsDocument = (await ApiPortal.JsonAsync(await client.GetAsync($"/api/v1/applications/{second.Reference}"))).GetProperty("documents")[0].GetProperty("id").GetInt64();

        using var response = await client.GetAsync($"/api/v1/applications/{first.Reference}/documents/{secondsDocument}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("\"code\":\"file-not-found\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("procedure=strike-notice", 403, "procedure-not-granted")]
    [InlineData("province=rabat", 403, "province-not-granted")]
    [InlineData("status=draft", 400, "invalid-parameter")]
    [InlineData("status=pending", 400, "invalid-parameter")]
    [InlineData("limit=0", 400, "invalid-parameter")]
    [InlineData("limit=ten", 400, "invalid-parameter")]
    [InlineData("changedSince=yesterday", 400, "invalid-parameter")]
    [InlineData("after=not-a-cursor", 400, "invalid-parameter")]
    public async Task List_BadOrUngrantedParameter_IsAProblemSayingWhich(string query, int status, string code)
    {
        var (_, token) = await portal.ClientAsync([ApiPortal.Procedure], [Granted]);
        using var client = portal.Bearer(token);

        using var response = await client.GetAsync("/api/v1/applications?" + query);

        Assert.Equal(status, (int)response.StatusCode);
        var problem = await ApiPortal.JsonAsync(response);
        Assert.Equal(code, problem.GetProperty("code").GetString());
        if (status == 400)
            Assert.Equal(query.Split('=')[0], problem.GetProperty("parameter").GetString());
    }

    [Fact]
    public async Task Detail_GivesTypedAnswersByFieldId_WithoutHiddenOnes_TheFilesAndLetters()
    {
        var (_, applicant) = await portal.AccountAsync("employer");
        // The establishment has 45 employees: the voluntary filing of a small business is hidden, its answer kept in the row.
        var submitted = await portal.Filing.SubmittedAsync(applicant, change: a => a.With("voluntary_filing", "true"));
        var (_, token) = await portal.ClientAsync([ApiPortal.Procedure]);
        using var client = portal.Bearer(token);

        using var response = await client.GetAsync($"/api/v1/applications/{submitted.Reference}");
        var detail = await ApiPortal.JsonAsync(response);

        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        Assert.Equal("true", submitted.Answers["voluntary_filing"]);
        var answers = detail.GetProperty("answers");
        Assert.False(answers.TryGetProperty("voluntary_filing", out _));
        Assert.Equal(JsonValueKind.Number, answers.GetProperty("establishment").GetProperty("headcount").ValueKind);
        Assert.Equal(45, answers.GetProperty("establishment").GetProperty("headcount").GetInt32());
        Assert.Equal(JsonValueKind.Array, answers.GetProperty("languages").ValueKind);
        Assert.Equal(JsonValueKind.True, answers.GetProperty("display_commitment").ValueKind);
        Assert.Equal("nouaceur", answers.GetProperty("establishment").GetProperty("address").GetProperty("province").GetString());
        Assert.Equal(submitted.Reference, detail.GetProperty("reference").GetString());
        Assert.Equal(submitted.DefinitionVersion, detail.GetProperty("version").GetInt32());
        var document = detail.GetProperty("documents")[0];
        var stored = submitted.Documents[0];
        Assert.Equal(stored.DocumentId, document.GetProperty("document").GetString());
        Assert.Equal(stored.FileName, document.GetProperty("fileName").GetString());
        Assert.Equal("pdf", document.GetProperty("format").GetString());
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Filing.Pdf(stored.DocumentId))), document.GetProperty("sha256").GetString());
        Assert.False(string.IsNullOrEmpty(document.GetProperty("label").GetProperty("fr").GetString()));
        var receipt = Assert.Single(detail.GetProperty("letters").EnumerateArray());
        Assert.Equal("receipt", receipt.GetProperty("kind").GetString());
        Assert.Equal("fr", receipt.GetProperty("language").GetString());
        Assert.EndsWith("Z", receipt.GetProperty("issuedAt").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Detail_Rejected_GivesTheDecisionAndItsReason()
    {
        var (_, applicant) = await portal.AccountAsync("employer");
        var rejected = await portal.Filing.RejectedAsync(await portal.Filing.SubmittedAsync(applicant), "Le règlement n'est pas signé.");
        var (_, token) = await portal.ClientAsync([ApiPortal.Procedure]);
        using var client = portal.Bearer(token);

        var detail = await ApiPortal.JsonAsync(await client.GetAsync($"/api/v1/applications/{rejected.Reference}"));

        Assert.Equal("rejected", detail.GetProperty("decision").GetString());
        Assert.Equal("rejected", detail.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, detail.GetProperty("currentStep").ValueKind);
        Assert.Equal("Le règlement n'est pas signé.", detail.GetProperty("decisionReason").GetString());
        Assert.Contains(detail.GetProperty("letters").EnumerateArray(), l => l.GetProperty("kind").GetString() == "rejected");
    }

    [Fact]
    public async Task Erased_IsListedMarkedErased_AndItsDetailHasNoPersonalData()
    {
        var (_, applicant) = await portal.AccountAsync("employer");
        var rejected = await portal.Filing.RejectedAsync(await portal.Filing.SubmittedAsync(applicant), "Hors délai.");
        Assert.True(await portal.Applications.EraseAsync(rejected.Id, Applications.RetentionEnded));
        var (_, token) = await portal.ClientAsync([ApiPortal.Procedure]);
        using var client = portal.Bearer(token);

        var lines = await WalkAsync(client, "/api/v1/applications?status=rejected");
        using var response = await client.GetAsync($"/api/v1/applications/{rejected.Reference}");
        var body = await response.Content.ReadAsStringAsync();

        Assert.True(Assert.Single(lines, l => l.GetProperty("reference").GetString() == rejected.Reference).GetProperty("erased").GetBoolean());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var detail = await ApiPortal.JsonAsync(response);
        Assert.True(detail.GetProperty("erased").GetBoolean());
        Assert.Empty(detail.GetProperty("answers").EnumerateObject());
        Assert.Empty(detail.GetProperty("documents").EnumerateArray());
        Assert.Empty(detail.GetProperty("letters").EnumerateArray());
        Assert.DoesNotContain("Hors délai", body, StringComparison.Ordinal);
        Assert.DoesNotContain(rejected.ApplicantName, body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reads_OfOneApplication_AreWrittenInItsAuditTrail_ListsOnlyCounted()
    {
        var (_, applicant) = await portal.AccountAsync("employer");
        var submitted = await portal.Filing.SubmittedAsync(applicant);
        var (created, token) = await portal.ClientAsync([ApiPortal.Procedure], name: "CNSS — accidents du travail");
        using var client = portal.Bearer(token);
        await WalkAsync(client, "/api/v1/applications");
        var detail = await ApiPortal.JsonAsync(await client.GetAsync($"/api/v1/applications/{submitted.Reference}"));
        var documentId = detail.GetProperty("documents")[0].GetProperty("id").GetInt64();
        using var file = await client.GetAsync($"/api/v1/applications/{submitted.Reference}/documents/{documentId}");

        var history = (await portal.Applications.HistoryAsync(submitted.Id, await portal.AdministratorAsync())).Value!;

        var reads = history.Where(e => e.Kind == StorageEvents.ReadThroughApi).ToList();
        Assert.Equal(["application", $"document {documentId}"], reads.Select(r => r.Detail));
        Assert.All(reads, r => Assert.Equal(("api:" + created.Id, "CNSS — accidents du travail", "api-client"), (r.ActorId, r.ActorName, r.ActorRole)));
        var counted = await portal.WithClientsAsync(async c => (await c.FindAsync(await portal.AdministratorAsync(), created.Id))!.Value.Client);
        Assert.True(counted.ListReads >= 1);
        Assert.Equal(2, counted.ApplicationReads);
        Assert.NotNull(counted.LastUsedAt);
    }

    [Fact]
    public async Task Files_AreTheStoredBytes_AsAnAttachmentThatIsNeverSniffed()
    {
        var (_, applicant) = await portal.AccountAsync("employer");
        var submitted = await portal.Filing.SubmittedAsync(applicant);
        var (_, token) = await portal.ClientAsync([ApiPortal.Procedure]);
        using var client = portal.Bearer(token);
        var detail = await ApiPortal.JsonAsync(await client.GetAsync($"/api/v1/applications/{submitted.Reference}"));
        var document = detail.GetProperty("documents")[0];
        var letter = detail.GetProperty("letters")[0];

        using var file = await client.GetAsync($"/api/v1/applications/{submitted.Reference}/documents/{document.GetProperty("id").GetInt64()}");
        using var issued = await client.GetAsync($"/api/v1/applications/{submitted.Reference}/letters/{letter.GetProperty("id").GetInt64()}");

        foreach (var response in new[] { file, issued })
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("application/octet-stream", response.Content.Headers.ContentType?.MediaType);
            Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
            Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        }
        Assert.Equal(document.GetProperty("sha256").GetString(), Convert.ToHexStringLower(SHA256.HashData(await file.Content.ReadAsByteArrayAsync())));
        Assert.Equal(letter.GetProperty("sha256").GetString(), Convert.ToHexStringLower(SHA256.HashData(await issued.Content.ReadAsByteArrayAsync())));
    }

    [Fact]
    public async Task Detail_EachLetter_GivesTheVerificationCodePrintedOnItThatTheVerifyPageFinds()
    {
        var (_, applicant) = await portal.AccountAsync("employer");
        var rejected = await portal.Filing.RejectedAsync(await portal.Filing.SubmittedAsync(applicant), "Dossier incomplet.");
        var (_, token) = await portal.ClientAsync([ApiPortal.Procedure]);
        using var client = portal.Bearer(token);

        var letters = (await ApiPortal.JsonAsync(await client.GetAsync($"/api/v1/applications/{rejected.Reference}"))).GetProperty("letters").EnumerateArray().ToList();

        Assert.Equal(["receipt", "rejected"], letters.Select(l => l.GetProperty("kind").GetString()));
        var codes = letters.Select(l => l.GetProperty("verificationCode").GetString()!).ToList();
        Assert.Equal(2, codes.Distinct(StringComparer.Ordinal).Count());
        foreach (var (letter, code) in letters.Zip(codes))
        {
            Assert.Matches("^([0-9A-Z]{4}-){4}[0-9A-Z]{4}$", code);
            using var issued = await client.GetAsync($"/api/v1/applications/{rejected.Reference}/letters/{letter.GetProperty("id").GetInt64()}");
            Assert.Contains($">{code}</bdi>", await issued.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            var found = await portal.Applications.CheckLetterAsync(code);
            Assert.Equal((rejected.Reference, letter.GetProperty("kind").GetString()), (found?.Reference, found?.Kind));
        }
    }

    [Fact]
    public async Task Walk_NewApplicationsArriving_SeesEachOnceAndEveryOne()
    {
        var (_, applicant) = await portal.AccountAsync("employer");
        // A time in UTC, as the API reads changedSince (a Moroccan date would be a UTC midnight: after the filings between
        // midnight in Morocco and midnight UTC).
        var since = DateTimeOffset.UtcNow.AddMinutes(-1).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
        var before = new List<Application>();
        for (var i = 0; i < 5; i++)
            before.Add(await portal.Filing.SubmittedAsync(applicant));
        var (_, token) = await portal.ClientAsync([ApiPortal.Procedure], [Granted]);
        using var client = portal.Bearer(token);

        var seen = new List<string>();
        var arrived = new List<Application>();
        string? next = null;
        var pages = 0;
        do
        {
            var page = await ApiPortal.JsonAsync(await client.GetAsync($"/api/v1/applications?limit=2&changedSince={since}" + (next is null ? "" : "&after=" + next)));
            seen.AddRange(page.GetProperty("items").EnumerateArray().Select(l => l.GetProperty("reference").GetString()!));
            next = page.GetProperty("next").GetString();
            // New applications arrive while the partner walks (after each of the first three pages).
            if (++pages <= 3)
                arrived.Add(await portal.Filing.SubmittedAsync(applicant));
        }
        while (next is not null);

        Assert.Equal(seen.Count, seen.Distinct().Count());
        Assert.All(before.Concat(arrived), a => Assert.Contains(a.Reference, seen));
    }

    /// <summary>Every line of a list, page after page through its <c>next</c>.</summary>
    private static async Task<List<JsonElement>> WalkAsync(HttpClient client, string path)
    {
        var lines = new List<JsonElement>();
        string? next = null;
        do
        {
            var separator = path.Contains('?', StringComparison.Ordinal) ? "&" : "?";
            using var response = await client.GetAsync(path + (next is null ? "" : separator + "after=" + next));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var page = await ApiPortal.JsonAsync(response);
            lines.AddRange(page.GetProperty("items").EnumerateArray());
            next = page.GetProperty("next").GetString();
        }
        while (next is not null);
        return lines;
    }
}
