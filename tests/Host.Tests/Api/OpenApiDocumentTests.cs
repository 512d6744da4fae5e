using System.Net;
using System.Text.Json;
using EmploymentProcedures.Host.Api;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace EmploymentProcedures.Host.Tests.Api;

/// <summary>The OpenAPI document partners build their programs from: whole, and true to the routes the portal maps.</summary>
[Collection(ApiPortalTests.Name)]
public sealed class OpenApiDocumentTests(ApiPortal portal)
{
    [Fact]
    public async Task Document_IsJsonListingEveryApiRoute_WithTheBearerSchemeAndTheProblems()
    {
        using var anonymous = portal.Anonymous();

        using var response = await anonymous.GetAsync("/api/v1/openapi.json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = document.RootElement;
        Assert.StartsWith("3.", root.GetProperty("openapi").GetString(), StringComparison.Ordinal);
        var paths = root.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToHashSet();
        var mapped = portal.Portal.App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => "/" + e.RoutePattern.RawText!.TrimStart('/'))
            .Where(p => p.StartsWith("/api/v1/", StringComparison.Ordinal) && p != "/api/v1/openapi.json")
            .ToHashSet();
        Assert.NotEmpty(mapped);
        Assert.Equal(mapped.Order(), paths.Order());
        var scheme = root.GetProperty("components").GetProperty("securitySchemes").GetProperty(PartnerApi.BearerScheme);
        Assert.Equal("http", scheme.GetProperty("type").GetString());
        Assert.Equal("bearer", scheme.GetProperty("scheme").GetString());
        Assert.Contains(root.GetProperty("security").EnumerateArray(), r => r.TryGetProperty(PartnerApi.BearerScheme, out _));
        var description = root.GetProperty("info").GetProperty("description").GetString()!;
        Assert.All(ApiProblems.All, p => Assert.Contains($"`{p.Code}`", description, StringComparison.Ordinal));
        foreach (var path in root.GetProperty("paths").EnumerateObject())
        {
            var get = path.Value.GetProperty("get");
            Assert.False(string.IsNullOrEmpty(get.GetProperty("summary").GetString()), path.Name);
            Assert.False(string.IsNullOrEmpty(get.GetProperty("description").GetString()), path.Name);
            Assert.True(get.GetProperty("responses").TryGetProperty("401", out _), path.Name);
            Assert.True(get.GetProperty("responses").TryGetProperty("429", out _), path.Name);
            foreach (var parameter in get.TryGetProperty("parameters", out var parameters) ? parameters.EnumerateArray() : default)
                Assert.False(string.IsNullOrEmpty(parameter.GetProperty("description").GetString()), path.Name + " " + parameter.GetProperty("name"));
        }
        var list = root.GetProperty("paths").GetProperty("/api/v1/applications").GetProperty("get").GetProperty("parameters").EnumerateArray()
            .Select(p => p.GetProperty("name").GetString()).ToList();
        Assert.Equal(["procedure", "status", "province", "changedSince", "after", "limit"], list);
        var letter = root.GetProperty("components").GetProperty("schemas").GetProperty(nameof(ApiLetter)).GetProperty("properties");
        Assert.Contains("paper letter", letter.GetProperty("verificationCode").GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.Contains("`verificationCode`", root.GetProperty("paths").GetProperty("/api/v1/applications/{reference}").GetProperty("get").GetProperty("description").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Document_DescribesThePushUnderWebhooks_ItsSignedHeadersAndTheLineItCarries()
    {
        using var anonymous = portal.Anonymous();

        using var document = JsonDocument.Parse(await anonymous.GetStringAsync("/api/v1/openapi.json"));

        var post = document.RootElement.GetProperty("webhooks").GetProperty(ApiApplicationChanged.ChangedType).GetProperty("post");
        Assert.Contains("HMAC-SHA256", post.GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.Equal(["webhook-id", "webhook-signature", "webhook-timestamp"],
            post.GetProperty("parameters").EnumerateArray().Where(p => p.GetProperty("in").GetString() == "header").Select(p => p.GetProperty("name").GetString()).Order());
        var schema = post.GetProperty("requestBody").GetProperty("content").GetProperty("application/json").GetProperty("schema");
        var properties = schema.GetProperty("properties").EnumerateObject().Select(p => p.Name).ToHashSet();
        var pushed = typeof(ApiApplicationChanged).GetProperties().Select(p => JsonNamingPolicy.CamelCase.ConvertName(p.Name)).ToHashSet();
        Assert.Equal(pushed.Order(), properties.Order());
        Assert.Equal(0, post.GetProperty("security").GetArrayLength());
        Assert.True(post.GetProperty("responses").TryGetProperty("2XX", out _));
    }
}
