using System.Net;
using EmploymentProcedures.Host.Tests.MyApplications;

namespace EmploymentProcedures.Host.Tests.Designer;

/// <summary>Who reaches the designer's pages and its export over HTTP (their first, server-rendered request).</summary>
[Collection(LivePortalTests.Name)]
public sealed class DesignerAccessTests(LivePortal portal)
{
    private const string Procedure = "foreign-worker-contract-visa";

    private static readonly string[] AllPaths = ["designer", "designer/new", "designer/" + Procedure, $"designer/{Procedure}/export"];

    public static TheoryData<string> Paths => [.. AllPaths];

    public static TheoryData<string, string> NonStaff
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach (var path in AllPaths)
            {
                data.Add("employer", path);
                data.Add("desk-agent", path);
            }
            return data;
        }
    }

    private static async Task AssertSentToSignInAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/sign-in", response.Headers.Location!.AbsolutePath, StringComparison.Ordinal);
        Assert.DoesNotContain("language: 1", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public async Task Designer_Anonymous_IsSentToSignIn(string path)
    {
        using var client = portal.Anonymous();

        await AssertSentToSignInAsync(client, path);
    }

    [Theory]
    [MemberData(nameof(NonStaff))]
    public async Task Designer_ApplicantOrReviewer_IsRefused(string role, string path)
    {
        var (email, _) = await portal.AccountAsync(role, role == "desk-agent" ? ["casablanca"] : []);
        using var client = await portal.SignedInAsync(email);

        await AssertSentToSignInAsync(client, path);
    }

    [Theory]
    [InlineData("analyst")]
    [InlineData("administrator")]
    public async Task Export_Staff_GetsThePublishedYaml(string role)
    {
        var (email, _) = await portal.AccountAsync(role);
        using var client = await portal.SignedInAsync(email);

        using var response = await client.GetAsync($"designer/{Procedure}/export");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Procedure + ".yaml", response.Content.Headers.ContentDisposition?.FileName);
        var text = await response.Content.ReadAsStringAsync();
        Assert.Equal(await File.ReadAllTextAsync(Path.Combine(Repository.Root, "procedures", Procedure + ".yaml")), text);
    }

    [Theory]
    [InlineData("analyst", true)]
    [InlineData("administrator", false)]
    public async Task Editor_OnlyAnAnalyst_IsOfferedToRetireTheProcedure(string role, bool offered)
    {
        var (email, _) = await portal.AccountAsync(role);
        using var client = await portal.SignedInAsync(email);

        var page = await client.GetStringAsync("designer/" + Procedure);

        Assert.Contains("Ouverte aux nouvelles demandes.", page, StringComparison.Ordinal);
        Assert.Equal(offered, page.Contains("retire__open", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Export_UnknownProcedure_IsNotFound()
    {
        var (email, _) = await portal.AccountAsync("analyst");
        using var client = await portal.SignedInAsync(email);

        using var response = await client.GetAsync("designer/no-such-procedure/export");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
