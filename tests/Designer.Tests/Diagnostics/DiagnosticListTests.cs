using Bunit;
using EmploymentProcedures.Designer.Diagnostics;
using EmploymentProcedures.Engine.Diagnostics;

namespace EmploymentProcedures.Designer.Tests.Diagnostics;

public sealed class DiagnosticListTests : BunitContext
{
    private static readonly Diagnostic Error = new(Severity.Error, "EP0204", "step 'decision' uses unknown role 'inspecter'", new SourceSpan("night.yaml", 41, 9));
    private static readonly Diagnostic Warning = new(Severity.Warning, "EP0301", "missing English title", new SourceSpan("night.yaml", 3, 1));

    [Fact]
    public void DiagnosticList_ClickingAnItem_AsksTheEditorToMoveThere()
    {
        Diagnostic? picked = null;
        var list = Render<DiagnosticList>(p => p.Add(c => c.Items, [Warning, Error]).Add(c => c.OnSelect, d => picked = d));

        list.FindAll("button.diagnostic-go")[0].Click();

        Assert.Equal(Error, picked);
        Assert.Equal((41, 9), (picked!.Span.Line, picked.Span.Column));
    }

    [Fact]
    public void DiagnosticList_ListsErrorsFirstWithWhereAndCode()
    {
        var list = Render<DiagnosticList>(p => p.Add(c => c.Items, [Warning, Error]));

        Assert.Equal(["error", "warning"], list.FindAll("li").Select(li => li.ClassName));
        Assert.Equal("night.yaml(41,9)", list.Find("li .where").TextContent);
        Assert.Empty(list.FindAll("button"));
    }
}
