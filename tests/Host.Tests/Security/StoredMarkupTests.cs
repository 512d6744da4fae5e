using System.Net;
using EmploymentProcedures.Engine.Storage;
using EmploymentProcedures.Host.MyApplications;
using EmploymentProcedures.Host.Tests.MyApplications;

namespace EmploymentProcedures.Host.Tests.Security;

/// <summary>
/// Markup an applicant types (their name, a message, a file's name) reaches the reviewer's case page and inbox, their own
/// page and the letters as text: each page shows it escaped and never as an element.
/// </summary>
[Collection(LivePortalTests.Name)]
public sealed class StoredMarkupTests(LivePortal portal)
{
    private const string Payload = "<img src=x onerror=alert(1)>";
    private const string Escaped = "&lt;img src=x onerror=alert(1)&gt;";

    [Fact]
    public async Task ApplicantsMarkup_InTheirNameMessageAndFileName_IsShownAsTextOnEveryPage()
    {
        var (ownerEmail, owner) = await portal.AccountAsync("employer");
        var hostile = owner with { Name = "Atlas " + Payload };
        var submitted = await portal.Filing.SubmittedAsync(hostile);
        await portal.Applications.PostMessageAsync(submitted.Id, hostile, "Voir " + Payload, [new MessageFile(Payload + ".pdf", new MemoryStream(Filing.Pdf("pv")))]);
        var receipt = Assert.Single((await portal.Applications.IssuedAsync(submitted.Id, hostile)).Value!);
        var (agentEmail, _) = await portal.AccountAsync("desk-agent", submitted.Province!);
        using var applicant = await portal.SignedInAsync(ownerEmail);
        using var agent = await portal.SignedInAsync(agentEmail);

        (HttpClient Client, string Path, int Shown)[] pages =
        [
            (applicant, $"applications/{submitted.Id}", 2),
            (applicant, ApplicationFiles.Url(receipt), 1),
            (agent, $"cases/{submitted.Id}", 3),
            (agent, "inbox?q=" + Uri.EscapeDataString(submitted.Reference!), 1),
        ];
        foreach (var (client, path, shown) in pages)
        {
            using var response = await client.GetAsync(path);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {response.StatusCode}");
            var html = await response.Content.ReadAsStringAsync();
            Assert.DoesNotContain(Payload, html, StringComparison.Ordinal);
            Assert.True(html.Split(Escaped).Length - 1 >= shown, $"{path} shows the text escaped at least {shown} times");
        }
    }
}
