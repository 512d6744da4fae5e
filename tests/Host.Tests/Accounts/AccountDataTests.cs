using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.Json;
using EmploymentProcedures.Engine.Definitions;
using EmploymentProcedures.Engine.Workflow;
using EmploymentProcedures.Host.Accounts;
using EmploymentProcedures.Host.Tests.MyApplications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EmploymentProcedures.Host.Tests.Accounts;

/// <summary>"Mes données", <c>GET /account/data</c>: everything the portal holds about the signed-in person, and nobody else's.</summary>
[Collection(LivePortalTests.Name)]
public sealed class AccountDataTests(LivePortal portal)
{
    /// <summary>The export the person of <paramref name="email"/> downloads, in the language of their account (set at sign-in).</summary>
    private async Task<(HttpResponseMessage Response, ZipArchive Zip)> ExportAsync(string email)
    {
        using var client = await portal.SignedInAsync(email);
        var response = await client.GetAsync("/account/data");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (response, new ZipArchive(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), ZipArchiveMode.Read));
    }

    private static string Text(ZipArchive zip, string name)
    {
        using var reader = new StreamReader(zip.GetEntry(name)!.Open(), Encoding.UTF8);
        return reader.ReadToEnd();
    }

    private static JsonElement Json(ZipArchive zip, string name) => JsonDocument.Parse(Text(zip, name)).RootElement;

    private static ZipArchive Nested(ZipArchive zip, string name)
    {
        var copy = new MemoryStream();
        using (var entry = zip.GetEntry(name)!.Open())
            entry.CopyTo(copy);
        copy.Position = 0;
        return new ZipArchive(copy, ZipArchiveMode.Read);
    }

    [Fact]
    public async Task MyData_ApplicantWithTwoApplicationsAndADraft_HoldsTheAccountTheNotificationsAndEachWholeFile()
    {
        var (email, applicant) = await portal.AccountAsync("employer");
        var first = await portal.Filing.RequestChangesAsync(await portal.Filing.SubmittedAsync(applicant), "Joignez le règlement signé.", "article_count");
        var second = await portal.Filing.SubmittedAsync(applicant);
        var draft = await portal.Filing.DraftAsync(applicant);

        var (response, zip) = await ExportAsync(email);
        using (response)
        using (zip)
        {
            Assert.Equal("application/zip", response.Content.Headers.ContentType?.MediaType);
            Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
            Assert.StartsWith("mes-donnees-", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName, StringComparison.Ordinal);
            Assert.True(response.Headers.CacheControl is { Private: true, NoStore: true }, response.Headers.CacheControl?.ToString());

            var names = zip.Entries.Select(e => e.FullName).Order(StringComparer.Ordinal).ToList();
            Assert.Equal(
                new[] { "README.html", "account.json", $"applications/{first.Reference}.zip", $"applications/{second.Reference}.zip", $"applications/dossier-{draft.Id:N}.zip", "notifications.json" }
                    .Order(StringComparer.Ordinal),
                names);

            var account = Json(zip, "account.json");
            Assert.Equal(email, account.GetProperty("email").GetString());
            Assert.Equal("Test employer", account.GetProperty("name").GetString());
            Assert.Equal("employer", account.GetProperty("role").GetString());
            Assert.True(account.GetProperty("receive_emails").GetBoolean());
            Assert.False(account.GetProperty("deactivated").GetBoolean());
            Assert.Equal(0, account.GetProperty("provinces").GetArrayLength());
            Assert.Equal(new[] { first.Id, second.Id, draft.Id }.Order(), account.GetProperty("applications").EnumerateArray().Select(a => a.GetGuid()).Order());
            Assert.DoesNotContain("PasswordHash", Text(zip, "account.json"), StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("AQAAAA", Text(zip, "account.json"), StringComparison.Ordinal);

            var notifications = Json(zip, "notifications.json").EnumerateArray().ToList();
            Assert.Contains(notifications, n => n.GetProperty("reference").GetString() == first.Reference
                && n.GetProperty("kind").GetString() == WorkflowEvents.ChangesRequested
                && n.GetProperty("message").GetString() == "Joignez le règlement signé.");
            Assert.Contains(notifications, n => n.GetProperty("reference").GetString() == second.Reference && n.GetProperty("kind").GetString() == WorkflowEvents.Submitted);
            Assert.All(notifications, n => Assert.False(string.IsNullOrEmpty(n.GetProperty("text").GetString())));

            using (var whole = Nested(zip, $"applications/{first.Reference}.zip"))
            {
                var entries = whole.Entries.Select(e => e.FullName).ToList();
                Assert.Equal("dossier.html", entries[0]);
                Assert.Equal("manifest.json", entries[^1]);
                Assert.Equal(first.Documents.Count, entries.Count(e => e.StartsWith("documents/", StringComparison.Ordinal)));
                Assert.Contains("Joignez le règlement signé.", Text(whole, "dossier.html"), StringComparison.Ordinal);
                Assert.DoesNotContain("audit.csv", entries);
            }
            using (var drafted = Nested(zip, $"applications/dossier-{draft.Id:N}.zip"))
            {
                var summary = Text(drafted, "dossier.html");
                // The draft's answers, through the applicant's own form.
                Assert.Contains("class=\"procedure-form", summary, StringComparison.Ordinal);
                Assert.Equal(draft.Id.ToString("D"), JsonDocument.Parse(Text(drafted, "manifest.json")).RootElement.GetProperty("application").GetString());
            }

            var readme = Text(zip, "README.html");
            Assert.Contains("<html lang=\"fr\" dir=\"ltr\">", readme, StringComparison.Ordinal);
            Assert.Contains($"href=\"applications/{first.Reference}.zip\"", readme, StringComparison.Ordinal);
            Assert.Contains("loi n° 09-08", readme, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task MyData_ApplicationReadByAPartner_SaysWhoReadItOnceForTheDay_AndNoOtherApplicantsReads()
    {
        var (email, applicant) = await portal.AccountAsync("employer");
        var submitted = await portal.Filing.SubmittedAsync(applicant);
        var (_, neighbour) = await portal.AccountAsync("employer");
        var theirs = await portal.Filing.SubmittedAsync(neighbour);
        await portal.Filing.ReadByPartnerAsync(submitted, "CNSS — immatriculations", times: 3);
        await portal.Filing.ReadByPartnerAsync(theirs, "ANAPEC — offres");

        var (response, zip) = await ExportAsync(email);
        using (response)
        using (zip)
        using (var whole = Nested(zip, $"applications/{submitted.Reference}.zip"))
        {
            var summary = WebUtility.HtmlDecode(Text(whole, "dossier.html"));
            Assert.Single(System.Text.RegularExpressions.Regex.Matches(summary, "Dossier consulté par CNSS — immatriculations, système d'une administration partenaire."));
            Assert.DoesNotContain("ANAPEC", summary, StringComparison.Ordinal);
            Assert.All(zip.Entries, e => Assert.DoesNotContain(theirs.Reference!, e.FullName, StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task MyData_OfOneApplicant_NeverHoldsAnotherApplicantsApplicationsOrNotifications()
    {
        var (email, applicant) = await portal.AccountAsync("employer");
        var (otherEmail, other) = await portal.AccountAsync("employer");
        var mine = await portal.Filing.SubmittedAsync(applicant);
        var theirs = await portal.Filing.RequestChangesAsync(await portal.Filing.SubmittedAsync(other), "Un message pour l'autre demandeur.", "article_count");
        var theirDraft = await portal.Filing.DraftAsync(other);

        var (response, zip) = await ExportAsync(email);
        using (response)
        using (zip)
        {
            Assert.Single(zip.Entries, e => e.FullName.StartsWith("applications/", StringComparison.Ordinal));
            Assert.NotNull(zip.GetEntry($"applications/{mine.Reference}.zip"));
            var everything = string.Concat(zip.Entries.Where(e => !e.FullName.EndsWith(".zip", StringComparison.Ordinal)).Select(e => Text(zip, e.FullName)));
            foreach (var forbidden in (string[])[theirs.Reference!, theirs.Id.ToString("D"), theirDraft.Id.ToString("D"), theirDraft.Id.ToString("N"), otherEmail, "Un message pour l'autre demandeur."])
                Assert.DoesNotContain(forbidden, everything, StringComparison.Ordinal);
            Assert.All(Json(zip, "notifications.json").EnumerateArray(), n => Assert.Equal(mine.Id, n.GetProperty("application").GetGuid()));
        }
    }

    [Fact]
    public async Task MyData_Reviewer_HoldsTheAccountAndWhatTheyDidWithoutTheCommentsNorAnyApplication()
    {
        var (_, applicant) = await portal.AccountAsync("employer");
        var application = await portal.Filing.SubmittedAsync(applicant);
        var (email, reviewer) = await portal.AccountAsync("desk-agent", application.Province ?? "casablanca");
        var decided = await portal.Applications.DecideAsync(application.Id, reviewer,
            new WorkflowCommand.Decide(application.Step!, StepAction.RequestChanges, "Une remarque écrite au demandeur.", ["article_count"]));
        Assert.NotNull(decided.Application);

        var (response, zip) = await ExportAsync(email);
        using (response)
        using (zip)
        {
            Assert.DoesNotContain(zip.Entries, e => e.FullName.StartsWith("applications/", StringComparison.Ordinal));
            var account = Json(zip, "account.json");
            Assert.Equal("desk-agent", account.GetProperty("role").GetString());
            Assert.Equal([application.Province ?? "casablanca"], account.GetProperty("provinces").EnumerateArray().Select(p => p.GetString()));
            var activity = Json(zip, "activity.json").EnumerateArray().ToList();
            var entry = Assert.Single(activity, a => a.GetProperty("kind").GetString() == WorkflowEvents.ChangesRequested);
            Assert.Equal(application.Reference, entry.GetProperty("reference").GetString());
            Assert.Equal(application.Step, entry.GetProperty("step").GetString());
            Assert.DoesNotContain("Une remarque écrite au demandeur.", Text(zip, "activity.json"), StringComparison.Ordinal);
            Assert.Contains("activity.json", Text(zip, "README.html"), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task MyData_Download_IsRecordedInTheAccountsHistory_AndReadableInArabic()
    {
        var (email, applicant) = await portal.AccountAsync("employer");

        await using (var scope = portal.Portal.App.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Account>>();
            var account = (await users.FindByEmailAsync(email))!;
            account.PreferredLanguage = "ar";
            Assert.True((await users.UpdateAsync(account)).Succeeded);
        }

        var (response, zip) = await ExportAsync(email);
        using (response)
        using (zip)
        {
            var readme = Text(zip, "README.html");
            Assert.Contains("<html lang=\"ar\" dir=\"rtl\">", readme, StringComparison.Ordinal);
            Assert.Contains("ليس لديكم أي طلب في البوابة.", readme, StringComparison.Ordinal);
            Assert.Empty(Json(zip, "notifications.json").EnumerateArray());
        }
        await using var read = portal.Portal.App.Services.CreateAsyncScope();
        var history = await read.ServiceProvider.GetRequiredService<AccountsDb>().StaffChanges.AsNoTracking().Where(c => c.AccountId == applicant.UserId).ToListAsync();
        var exported = Assert.Single(history);
        Assert.Equal((AccountChanges.DataExported, applicant.UserId), (exported.Kind, exported.ById));
    }

    [Fact]
    public async Task AccountPage_LinksToTheDownload()
    {
        var (email, _) = await portal.AccountAsync("worker");
        using var client = await portal.SignedInAsync(email);

        var page = WebUtility.HtmlDecode(await client.GetStringAsync("/account"));

        Assert.Contains("<a class=\"button\" href=\"account/data\" download id=\"my-data-download\">Télécharger mes données (ZIP)</a>", page, StringComparison.Ordinal);
    }
}
