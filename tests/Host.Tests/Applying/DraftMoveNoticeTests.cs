using System.Globalization;
using Bunit;
using EmploymentProcedures.Engine.Deadlines;
using EmploymentProcedures.Engine.Definitions;
using EmploymentProcedures.Engine.Loading;
using EmploymentProcedures.Engine.Workflow;
using EmploymentProcedures.Host.Components.Pages.Applying;
using EmploymentProcedures.Host.Localization;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace EmploymentProcedures.Host.Tests.Applying;

/// <summary>The notice of a draft moved to the procedure's latest version, at the top of its form.</summary>
public sealed class DraftMoveNoticeTests : BunitContext
{
    private readonly CultureInfo _previous = CultureInfo.CurrentUICulture;

    /// <summary>The store's visa procedure as version 1.</summary>
    private static readonly string Version1Text = File.ReadAllText(Path.Combine(Repository.Root, "tests", "Engine.Tests", "Storage", "Procedures", "store-visa.yaml"));

    private static readonly ProcedureDefinition Version1 = Load(Version1Text);

    /// <summary>Version 2: a work permit number is now required on the request page, and an insurance certificate.</summary>
    private static readonly ProcedureDefinition Version2 = Load(Version1Text[..Version1Text.IndexOf("tests:", StringComparison.Ordinal)]
        .Replace("      - { id: headcount,", "      - { id: permit, type: text, required: true, label: { fr: \"N° de permis\", ar: \"رقم الرخصة\", en: \"Permit number\" } }\n      - { id: headcount,", StringComparison.Ordinal)
        .Replace("  - { id: annexes,", "  - { id: insurance, label: { fr: \"Attestation d'assurance\", ar: \"شهادة التأمين\", en: \"Insurance certificate\" }, required: true, formats: [pdf], max_mb: 5 }\n  - { id: annexes,", StringComparison.Ordinal));

    /// <summary>Published on 28 November 2026 at 23:30 UTC: already the 29th in Morocco (UTC+1).</summary>
    private static readonly DraftMove Moved = new(1, 2, new DateTime(2026, 11, 28, 23, 30, 0, DateTimeKind.Utc), ["headcount"], ["annexes"], ["permit"], ["insurance"]);

    public DraftMoveNoticeTests()
    {
        Services.AddLocalization(o => o.ResourcesPath = "Resources");
        Services.AddSingleton<TimeProvider>(MoroccoTime.Instance);
        Renderer.SetRendererInfo(new RendererInfo("Server", isInteractive: true));
    }

    [Fact]
    public void Notice_InFrench_SaysWhenTheFormChangedWhatIsNowAskedLinkedToItsPageAndWhatWasRemoved()
    {
        var notice = Render(Languages.French, Moved);

        Assert.StartsWith("Ce formulaire a été mis à jour le 29 novembre 2026. Vos réponses ont été reprises ;", notice.Find("#draft-moved-title").TextContent.Trim(), StringComparison.Ordinal);
        var required = notice.FindAll(".draft-moved__required a");
        Assert.Equal(["N° de permis", "Attestation d'assurance (pièce justificative)"], required.Select(a => a.TextContent));
        Assert.Equal(["form?page=request", "form?page=documents"], required.Select(a => a.GetAttribute("href")));
        // What was removed is named as the old version named it: it is no longer in the form.
        Assert.Equal(["Effectif", "Annexes (pièce justificative)"], notice.FindAll(".draft-moved__removed li").Select(li => li.TextContent.Trim()));
    }

    [Fact]
    public void Notice_InArabic_IsInArabic()
    {
        var notice = Render(Languages.Arabic, Moved);

        Assert.Contains("حُيّن هذا النموذج بتاريخ", notice.Find("#draft-moved-title").TextContent, StringComparison.Ordinal);
        Assert.Contains("رقم الرخصة", notice.Find(".draft-moved__required").TextContent, StringComparison.Ordinal);
        Assert.Contains("عدد الأجراء", notice.Find(".draft-moved__removed").TextContent, StringComparison.Ordinal);
        Assert.Equal("اطلعت على ذلك", notice.Find("button").TextContent);
    }

    [Fact]
    public void Notice_InEnglish_IsInEnglish()
    {
        var notice = Render(Languages.English, Moved);

        Assert.StartsWith("This form was updated on 29 November 2026. Your answers were kept;", notice.Find("#draft-moved-title").TextContent.Trim(), StringComparison.Ordinal);
        Assert.Equal(["Permit number", "Insurance certificate (supporting document)"], notice.FindAll(".draft-moved__required a").Select(a => a.TextContent));
    }

    [Fact]
    public void Notice_NothingDroppedNorNewlyRequired_SaysNothingElseChanges()
    {
        var notice = Render(Languages.French, Moved with { DroppedAnswers = [], DroppedDocuments = [], RequiredFields = [], RequiredDocuments = [] });

        Assert.Contains("rien d'autre ne change pour votre demande", notice.Find("#draft-moved-title").TextContent, StringComparison.Ordinal);
        Assert.Empty(notice.FindAll("ul"));
    }

    [Fact]
    public void Notice_Dismissed_TellsThePage()
    {
        var dismissed = 0;
        var notice = Render(Languages.French, Moved, () => dismissed++);

        notice.Find("button").Click();

        Assert.Equal(1, dismissed);
    }

    private IRenderedComponent<DraftMoveNotice> Render(Language language, DraftMove moved, Action? dismiss = null)
    {
        CultureInfo.CurrentUICulture = language.Culture;
        return Render<DraftMoveNotice>(p => p
            .Add(c => c.Moved, moved)
            .Add(c => c.Definition, Version2)
            .Add(c => c.Previous, Version1)
            .Add(c => c.PageUrl, page => "form?page=" + page)
            .Add(c => c.Dismiss, EventCallback.Factory.Create(this, dismiss ?? (() => { }))));
    }

    private static ProcedureDefinition Load(string yaml)
    {
        var result = new ProcedureLoader(Repository.Catalog.Library).LoadText(yaml, "store-visa.yaml");
        Assert.False(result.HasErrors, string.Join("\n", result.Diagnostics.Where(d => d.IsError)));
        return result.Definition!;
    }

    protected override void Dispose(bool disposing)
    {
        CultureInfo.CurrentUICulture = _previous;
        base.Dispose(disposing);
    }
}
