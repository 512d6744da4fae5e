using System.Net;
using EmploymentProcedures.Engine.Storage;
using EmploymentProcedures.Host.Applying;
using EmploymentProcedures.Host.Operations;
using EmploymentProcedures.Host.Tests.MyApplications;
using Microsoft.Extensions.DependencyInjection;

namespace EmploymentProcedures.Host.Tests.Operations;

/// <summary>The administrators' page of periodic jobs: which instance holds each job's lease, until when; nobody else sees it.</summary>
[Collection(LivePortalTests.Name)]
public sealed class JobsPageTests(LivePortal portal)
{
    [Fact]
    public async Task Page_Administrator_SeesWhichInstanceHoldsEachJobAndFindsItInTheNavigation()
    {
        var services = portal.Portal.App.Services;
        var leases = services.GetRequiredService<JobLeases>();
        // The portal's own sweep took its lease at the start; another instance holds a job this version does not name.
        Assert.True(await JobLeaseTests.WaitForAsync(async () => (await leases.ListAsync()).Any(l => l.Job == DeadlineSweep.Name && l.Held)));
        await leases.HoldAsync("statistics-refresh", "web-2/200", TimeSpan.FromHours(1));
        var (email, _) = await portal.AccountAsync("administrator");
        using var admin = await portal.SignedInAsync(email);

        var page = WebUtility.HtmlDecode(await admin.GetStringAsync("/admin/jobs"));

        Assert.Contains("Délais, conservation et brouillons abandonnés", page, StringComparison.Ordinal);
        Assert.Contains(services.GetRequiredService<InstanceLeases>().Holder, page, StringComparison.Ordinal);
        Assert.Contains("(celle-ci)", page, StringComparison.Ordinal);
        Assert.Contains("statistics-refresh", page, StringComparison.Ordinal);
        Assert.Contains("web-2/200", page, StringComparison.Ordinal);
        Assert.Contains("href=\"admin/jobs\"", await admin.GetStringAsync("/"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("desk-agent", "rabat")]
    [InlineData("analyst")]
    [InlineData("employer")]
    public async Task Page_AnyoneButAnAdministrator_GetsNotFoundAndNoLink(string role, params string[] provinces)
    {
        var (email, _) = await portal.AccountAsync(role, provinces);
        using var browser = await portal.SignedInAsync(email);

        using var response = await browser.GetAsync("/admin/jobs");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain(portal.Portal.App.Services.GetRequiredService<InstanceLeases>().Holder, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"admin/jobs\"", await browser.GetStringAsync("/"), StringComparison.Ordinal);
    }
}
