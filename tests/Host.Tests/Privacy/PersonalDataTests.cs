using System.Globalization;
using Bunit;
using EmploymentProcedures.Engine.Definitions;
using EmploymentProcedures.Host.Components.Shared;
using EmploymentProcedures.Host.Localization;
using Microsoft.Extensions.DependencyInjection;

namespace EmploymentProcedures.Host.Tests.Privacy;

/// <summary>The procedure page's "Vos données personnelles": what law 09-08 asks to tell, from the definition's privacy block.</summary>
public sealed class PersonalDataTests : BunitContext
{
    private readonly CultureInfo _previous = CultureInfo.CurrentUICulture;

    public PersonalDataTests() => Services.AddLocalization(o => o.ResourcesPath = "Resources");

    private static ProcedureDefinition Agency => Repository.Catalog.Definitions["temporary-work-agency-authorization"];

    private IRenderedComponent<PersonalData> Render(ProcedureDefinition definition, Language language)
    {
        // The component reads its language from the UI culture, as the request-localization middleware sets it.
        CultureInfo.CurrentUICulture = language.Culture;
        return Render<PersonalData>(p => p.Add(c => c.Definition, definition));
    }

    [Theory]
    [InlineData("fr", "Vos données personnelles", "10 ans après la clôture du dossier", "Vos droits et comment les exercer")]
    [InlineData("ar", "معطياتكم الشخصية", "10 سنوات بعد إغلاق الملف", "حقوقكم وكيفية ممارستها")]
    [InlineData("en", "Your personal data", "10 years after the file is closed", "Your rights and how to use them")]
    public void Section_InEachLanguage_SaysPurposeRecipientsRetentionAndLinksToTheNotice(string code, string heading, string retention, string link)
    {
        var privacy = Agency.Privacy!;

        var section = Render(Agency, Languages.Find(code)!);

        Assert.Equal(heading, section.Find("h2#personal-data").TextContent);
        var facts = section.FindAll("dd").Select(d => d.TextContent).ToList();
        Assert.Equal(privacy.Purpose!.Get(code), facts[0]);
        Assert.Equal(privacy.Recipients!.Get(code), facts[1]);
        Assert.StartsWith(retention, facts[2], StringComparison.Ordinal);
        Assert.Equal(3, facts.Count);
        var more = section.Find("a[href='privacy']");
        Assert.Equal(link, more.TextContent);
    }

    [Fact]
    public void Section_WithACndpReference_ShowsIt()
    {
        var declared = Agency with { Privacy = Agency.Privacy! with { Cndp = "D-GC-123/2026" } };

        var section = Render(declared, Languages.French);

        Assert.Contains(section.FindAll("dt"), dt => dt.TextContent == "Déclaration à la CNDP");
        Assert.Contains(section.FindAll("dd"), dd => dd.TextContent == "D-GC-123/2026");
    }

    [Fact]
    public void Section_WithoutACndpReference_InventsNone()
    {
        var section = Render(Agency, Languages.French);

        Assert.DoesNotContain(section.FindAll("dt"), dt => dt.TextContent.Contains("CNDP", StringComparison.Ordinal));
    }

    protected override void Dispose(bool disposing)
    {
        CultureInfo.CurrentUICulture = _previous;
        base.Dispose(disposing);
    }
}
