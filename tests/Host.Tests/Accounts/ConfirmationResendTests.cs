using Bunit;
using EmploymentProcedures.Host.Components.Account;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.DependencyInjection;

namespace EmploymentProcedures.Host.Tests.Accounts;

/// <summary>"Envoyer le lien à nouveau": the new link goes on to the page the person was going to, only if it is on the portal.</summary>
public sealed class ConfirmationResendTests : BunitContext
{
    public ConfirmationResendTests()
    {
        Services.AddLocalization(o => o.ResourcesPath = "Resources");
        Services.AddSingleton<AntiforgeryStateProvider>(new Antiforgery());
        Renderer.SetRendererInfo(new RendererInfo("Static", isInteractive: false));
    }

    private IRenderedComponent<ConfirmationResend> Render(string? returnUrl) =>
        Render<ConfirmationResend>(p => p.Add(c => c.Email, "a@example.test").Add(c => c.ReturnUrl, returnUrl));

    [Fact]
    public void Button_WithAReturnAddressOnThePortal_PostsIt()
    {
        var button = Render("/procedures/x/apply?f.a=1&f.b=2");

        Assert.Equal("/procedures/x/apply?f.a=1&f.b=2", button.Find("input[name='Input.ReturnUrl']").GetAttribute("value"));
        Assert.Equal("a@example.test", button.Find("input[name='Input.Email']").GetAttribute("value"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("/")]
    [InlineData("//evil.example/")]
    [InlineData("/\\evil.example/")]
    [InlineData("https://evil.example/")]
    [InlineData("/\n/evil.example")]
    public void Button_WithoutAReturnAddressWorthCarrying_PostsNone(string? returnUrl)
    {
        var button = Render(returnUrl);

        Assert.Empty(button.FindAll("input[name='Input.ReturnUrl']"));
        Assert.Single(button.FindAll("input[name='Input.Email']"));
    }

    private sealed class Antiforgery : AntiforgeryStateProvider
    {
        public override AntiforgeryRequestToken? GetAntiforgeryToken() => new("token", "__RequestVerificationToken");
    }
}
