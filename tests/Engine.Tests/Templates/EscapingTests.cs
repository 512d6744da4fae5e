namespace EmploymentProcedures.Engine.Tests.Templates;

/// <summary>Whatever an applicant or a reviewer types is text in the letter, never markup.</summary>
public sealed class EscapingTests
{
    private const string Script = "<script>alert('x')</script>";

    [Fact]
    public void Receipt_ApplicantNameWithScript_IsInertText()
    {
        var model = Sandbox.Model with { Application = Sandbox.Model.Application with { Applicant = "Atlas " + Script } };

        var html = Letters.Html(Letters.Renderer.Render("receipt", model));

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Atlas &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Receipt_AnswerWithMarkup_IsInertText()
    {
        var model = Letters.Model(Letters.Visa, "cdi-with-anapec-certificate-visaed", "ar");
        var rows = model.Sections[0].Rows.Select((r, i) => i == 0 ? r with { Value = "<img src=x onerror=alert(1)>" } : r).ToList();
        model = model with { Sections = [model.Sections[0] with { Rows = rows }, .. model.Sections.Skip(1)] };

        var html = Letters.Html(Letters.Renderer.Render("receipt", model));

        Assert.DoesNotContain("<img", html, StringComparison.Ordinal);
        Assert.Contains("&lt;img src=x onerror=alert(1)&gt;", html, StringComparison.Ordinal);
    }

    [Fact]
    public void RejectionLetter_ReasonWithMarkup_IsInertText()
    {
        var model = Sandbox.Model with { Decision = Sandbox.Model.Decision! with { Comment = "</p><a href=\"https://evil.example\">payer ici</a>" } };

        var html = Letters.Html(Letters.Renderer.Render("decision-rejected", model));

        Assert.DoesNotContain("<a href", html, StringComparison.Ordinal);
        Assert.Contains("&lt;/p&gt;&lt;a href=&quot;https://evil.example&quot;&gt;payer ici&lt;/a&gt;", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Value_InAQuotedAttribute_CannotCloseIt()
    {
        var model = Sandbox.Model with { Application = Sandbox.Model.Application with { Applicant = "x\" onmouseover=\"alert(1)" } };

        var html = Letters.Html(Sandbox.Render("<p title=\"{{ application.applicant }}\">", model));

        Assert.Equal("<p title=\"x&quot; onmouseover=&quot;alert(1)\">", html);
    }

    [Fact]
    public void Value_TransformedByAFunction_IsStillEscaped()
    {
        var model = Sandbox.Model with { Application = Sandbox.Model.Application with { Applicant = Script } };

        var html = Letters.Html(Sandbox.Render("{{ application.applicant | string.upcase }}|{{ application.applicant + '!' }}", model));

        Assert.Equal("&lt;SCRIPT&gt;ALERT(&#39;X&#39;)&lt;/SCRIPT&gt;|&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;!", html);
    }

    [Fact]
    public void TemplateMarkup_AndTheSharedStylesheet_AreWrittenAsIs()
    {
        var html = Letters.Html(Sandbox.Render("<p class=\"a\">{{ application.reference }}</p><style>{{ stylesheet }}</style>"));

        Assert.Equal($"<p class=\"a\">{Sandbox.Model.Application.Reference}</p><style>{Sandbox.Css}</style>", html);
    }

    [Fact]
    public void Value_WithAccentsAndArabic_IsWrittenAsTyped()
    {
        var model = Sandbox.Model with { Application = Sandbox.Model.Application with { Applicant = "Société Générale — شركة الأطلس" } };

        Assert.Equal("Société Générale — شركة الأطلس", Letters.Html(Sandbox.Render("{{ application.applicant }}", model)));
    }
}
