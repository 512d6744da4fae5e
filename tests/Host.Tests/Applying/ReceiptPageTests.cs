using Bunit;
using EmploymentProcedures.Engine.Templates;
using EmploymentProcedures.Engine.Workflow;
using EmploymentProcedures.Host.Components.Pages.Applying;
using EmploymentProcedures.Host.Localization;
using EmploymentProcedures.Host.Tests.MyApplications;

namespace EmploymentProcedures.Host.Tests.Applying;

/// <summary>The receipt page shown right after a submission: the proof of filing the applicant hands on, with the code that checks it.</summary>
[Collection(LivePortalTests.Name)]
public sealed class ReceiptPageTests(LivePortal portal)
{
    private async Task<(Application Application, Actor Owner)> SubmittedAsync()
    {
        var (_, owner) = await portal.AccountAsync("employer");
        return (await portal.Filing.SubmittedAsync(owner), owner);
    }

    /// <summary>The code stored with the application's receipt, in the groups it is printed in.</summary>
    private async Task<string> ReceiptCodeAsync(Guid id, Actor owner) =>
        VerificationCode.TryParse(Assert.Single((await portal.Applications.IssuedAsync(id, owner)).Value!, l => l.Kind == "receipt").VerificationCode, out var code)
            ? code.ToString() : throw new InvalidOperationException("the receipt carries no code");

    [Fact]
    public async Task Receipt_AfterSubmission_ShowsTheReceiptsVerificationCodeAndWhereItIsChecked()
    {
        var (application, owner) = await SubmittedAsync();
        var code = await ReceiptCodeAsync(application.Id, owner);
        using var context = new PageContext(portal, owner);

        var page = context.Render<Receipt>(p => p.Add(c => c.Id, application.Id));

        page.WaitForAssertion(() => Assert.Equal(code, page.Find(".receipt__code bdi").TextContent));
        Assert.Equal("ltr", page.Find(".receipt__code bdi").GetAttribute("dir"));
        Assert.Contains("Code de vérification", page.Find(".receipt__facts").TextContent, StringComparison.Ordinal);
        Assert.Equal("verify", page.Find(".receipt .hint a").GetAttribute("href"));
        Assert.Contains("peut vérifier", page.Find(".receipt .hint").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Receipt_InArabic_SaysWhereTheCodeIsCheckedInArabicWithTheCodeLeftToRight()
    {
        var (application, owner) = await SubmittedAsync();
        var code = await ReceiptCodeAsync(application.Id, owner);
        using var context = new PageContext(portal, owner, Languages.Arabic);

        var page = context.Render<Receipt>(p => p.Add(c => c.Id, application.Id));

        page.WaitForAssertion(() => Assert.Equal(code, page.Find(".receipt__code bdi").TextContent));
        Assert.Equal("ltr", page.Find(".receipt__code bdi").GetAttribute("dir"));
        Assert.Contains("رمز التحقق", page.Find(".receipt__facts").TextContent, StringComparison.Ordinal);
        Assert.Contains("أسفل وصل الإيداع", page.Find(".receipt .hint").TextContent, StringComparison.Ordinal);
    }
}
