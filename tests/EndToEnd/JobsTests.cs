using System.Text.RegularExpressions;
using EmploymentProcedures.Host.Localization;
using EmploymentProcedures.Host.Operations;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace EmploymentProcedures.EndToEnd;

/// <summary>An administrator finds, from the menu, which instance runs each periodic job: in Arabic, right to left, accessible.</summary>
[Collection(PortalTests.Name)]
public sealed class JobsTests(PortalFixture portal)
{
    private const string Password = "Taches-Portail-2026";

    [Fact]
    public async Task Administrator_InArabic_SeesWhichInstanceHoldsEachJob()
    {
        var email = await portal.CreateAccountAsync("administrator", Password, language: "ar", name: "نورة الإدارية");
        var page = await portal.NewPageAsync(Languages.Find("ar"));
        await Pages.SignInAsync(page, email, Password);

        await Pages.FollowAsync(page, page.Locator("nav.main-nav").GetByRole(AriaRole.Link, new() { Name = "المهام الدورية" }), new Regex("/admin/jobs$"));

        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("dir", "rtl");
        var sweep = page.Locator("tbody tr", new() { HasText = "الآجال ومدة الحفظ والمسودات المهملة" });
        await Assertions.Expect(sweep).ToContainTextAsync(portal.App.Services.GetRequiredService<InstanceLeases>().Holder);
        await Assertions.Expect(sweep).ToContainTextAsync("(هذه النسخة)");
        await Assertions.Expect(sweep).ToContainTextAsync("سارٍ");
        await Pages.AssertNoSeriousAxeViolationAsync(page);
    }
}
