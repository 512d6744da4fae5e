using Bunit;
using EmploymentProcedures.Designer.Forms;

namespace EmploymentProcedures.Designer.Tests.Forms;

/// <summary>The form embedded in a host's own form (a reviewer's step fields): fields only, ids that cannot meet another form's.</summary>
public sealed class EmbeddedFormTests : FormTestContext
{
    [Fact]
    public void EmbeddedForm_ShowsItsFieldsUnderItsIdPrefix_WithNoPagesOrButtons_AndTheHostsReportLinksToThem()
    {
        var definition = TestForms.Define("""
                  - { id: visit_date, type: date, required: true, label: { fr: "Date de visite", ar: "تاريخ الزيارة" } }
            """);
        var form = Render<ProcedureForm>(p => p
            .Add(f => f.Definition, definition)
            .Add(f => f.Today, TestForms.Today)
            .Add(f => f.Embedded, true)
            .Add(f => f.IdPrefix, "step-"));

        Assert.Equal("step-f-visit_date", form.Find("label.field__label").GetAttribute("for"));
        Assert.NotNull(form.Find("input#step-f-visit_date"));
        Assert.Empty(form.FindAll("form, button, .form-progress__count, #f-visit_date, h2"));

        form.InvokeAsync(() => form.Instance.ShowReport(TestForms.Validate(definition, form.Instance.Submission)));

        Assert.Equal("#step-f-visit_date", form.Find(".error-summary a").GetAttribute("href"));
        Assert.Equal("step-error-summary-title", form.Find(".error-summary").GetAttribute("aria-labelledby"));
        Assert.Equal("step-f-visit_date-error", form.Find(".field__error").Id);
    }
}
