using Bunit;
using EmploymentProcedures.Designer.Design;
using Microsoft.AspNetCore.Components;

namespace EmploymentProcedures.Designer.Tests.Design;

public sealed class RetireDialogTests : BunitContext
{
    private readonly List<string> _confirmed = [];

    public RetireDialogTests() => JSInterop.Mode = JSRuntimeMode.Loose;

    private IRenderedComponent<RetireDialog> RenderDialog(string language = "fr") =>
        Render<RetireDialog>(p => p
            .Add(c => c.Language, language)
            .Add(c => c.Title, "Dérogation au travail de nuit")
            .Add(c => c.MaxLength, 20)
            .Add(c => c.OnConfirm, EventCallback.Factory.Create<string>(this, reason => _confirmed.Add(reason))));

    [Fact]
    public void RetireDialog_Opened_IsADialogNamedByItsTitle_WithTheReasonLabelledAndFocused()
    {
        var dialog = RenderDialog();

        dialog.Find("button.retire__open").Click();

        var box = dialog.Find("[role=dialog]");
        Assert.Equal("Retirer « Dérogation au travail de nuit » ?", dialog.Find("#" + box.GetAttribute("aria-labelledby")).TextContent);
        Assert.NotNull(dialog.Find("#" + box.GetAttribute("aria-describedby")));
        Assert.Equal("Motif du retrait (obligatoire)", dialog.Find("label[for=retire-reason]").TextContent);
        var reason = dialog.Find("textarea#retire-reason");
        Assert.True(reason.HasAttribute("required"));
        Assert.Equal("20", reason.GetAttribute("maxlength"));
        Assert.Single(JSInterop.Invocations, i => i.Identifier == "Blazor._internal.domWrapper.focus");
    }

    [Fact]
    public void RetireDialog_ConfirmedWithoutAReason_SaysSoAndRetiresNothing()
    {
        var dialog = RenderDialog();
        dialog.Find("button.retire__open").Click();
        dialog.Find("textarea").Input("   ");

        dialog.Find("button.retire__confirm").Click();

        Assert.Equal("Indiquez le motif du retrait.", dialog.Find("#retire-reason-error[role=alert]").TextContent);
        var reason = dialog.Find("textarea");
        Assert.Equal("true", reason.GetAttribute("aria-invalid"));
        Assert.StartsWith("retire-reason-error", reason.GetAttribute("aria-describedby"), StringComparison.Ordinal);
        Assert.Empty(_confirmed);
    }

    [Fact]
    public void RetireDialog_ConfirmedWithAReason_GivesItTrimmedAndCloses()
    {
        var dialog = RenderDialog();
        dialog.Find("button.retire__open").Click();
        dialog.Find("textarea").Input("  Décret 2-26-114 ");

        dialog.Find("button.retire__confirm").Click();

        Assert.Equal(["Décret 2-26-114"], _confirmed);
        Assert.Empty(dialog.FindAll("[role=dialog]"));
    }

    [Fact]
    public void RetireDialog_Cancelled_OrEscaped_RetiresNothingAndShowsTheButtonAgain()
    {
        var dialog = RenderDialog();
        dialog.Find("button.retire__open").Click();
        dialog.Find("textarea").Input("Décret");
        dialog.Find("button.retire__cancel").Click();
        dialog.Find("button.retire__open").Click();

        dialog.Find("[role=dialog]").KeyDown(key: "Escape");

        Assert.Empty(_confirmed);
        Assert.Empty(dialog.FindAll("[role=dialog]"));
        Assert.NotNull(dialog.Find("button.retire__open[aria-haspopup=dialog]"));
    }

    [Fact]
    public void RetireDialog_InArabic_IsRightToLeft()
    {
        var dialog = RenderDialog("ar");

        dialog.Find("button.retire__open").Click();

        var root = dialog.Find("div.retire");
        Assert.Equal(("rtl", "ar"), (root.GetAttribute("dir"), root.GetAttribute("lang")));
        Assert.Equal("سبب السحب (إلزامي)", dialog.Find("label").TextContent);
    }
}
