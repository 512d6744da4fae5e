using EmploymentProcedures.Engine.Templates;

namespace EmploymentProcedures.Engine.Tests.Templates;

/// <summary>
/// A hostile template (a stolen administrator account) cannot take the server down or reach .NET:
/// one regression test per Scriban advisory, and the known ways out of the sandbox. Each payload is
/// run without the load-time check, so the run-time limits are what stop it.
/// </summary>
public sealed class SandboxTests
{
    private const long MaxAllocatedBytes = 50L * 1024 * 1024;

    public static TheoryData<string, string, string> Advisories() => new()
    {
        // GHSA-c875-h985-hvrc: built-ins bypassed LoopLimit.
        { "GHSA-c875-h985-hvrc range", "{{ 1..1000000 | array.size }}", "LoopLimit" },
        { "GHSA-c875-h985-hvrc multiply", "{{ 'A' * 200000000 }}", "LimitToString" },
        // GHSA-xw6w-9jjh-p9cr: unbounded string multiplication, from an already large string.
        { "GHSA-xw6w-9jjh-p9cr", "{{ x = 'A' * 60000; x * 60000 }}", "LimitToString" },
        // GHSA-m2p3-hwv5-xpqw: many writes, each under the limit, add up past it.
        { "GHSA-m2p3-hwv5-xpqw", "{{ for i in 1..999; 'A' * 1000; end }}", "OutputLimit" },
        { "GHSA-m2p3-hwv5-xpqw raw text", "{{ for i in 1..999 }}" + new string('A', 1000) + "{{ end }}", "OutputLimit" },
        // GHSA-5rpf-x9jg-8j5p: a string doubled 30 times (1 GB without a limit).
        { "GHSA-5rpf-x9jg-8j5p", "{{ x = 'AB'; for i in 1..30; x = x + x; end; x }}", "LimitToString" },
    };

    [Theory]
    [MemberData(nameof(Advisories))]
    public void Render_AdvisoryPayload_StopsAtItsLimitWithAnErrorValue(string advisory, string payload, string limit)
    {
        var before = GC.GetAllocatedBytesForCurrentThread();

        var message = Letters.Failure(Sandbox.Render(payload));

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Contains(limit, message, StringComparison.Ordinal);
        Assert.StartsWith("template 't' (fr) stopped: t.fr.html(1,", message, StringComparison.Ordinal);
        Assert.True(allocated < MaxAllocatedBytes, $"{advisory}: {allocated:N0} bytes allocated");
    }

    [Theory]
    [MemberData(nameof(Advisories))]
    public void Lint_AdvisoryPayload_IsAValidTemplateSoTheSandboxMustHold(string advisory, string payload, string limit)
    {
        Assert.True(Sandbox.Lint(payload).Count == 0, $"{advisory} ({limit})");
    }

    [Fact]
    public void Render_OutputOverTheLimit_IsAnErrorNotACutDocument()
    {
        var model = Sandbox.Model with { Application = Sandbox.Model.Application with { Applicant = new string('x', 60_000) } };

        var result = Letters.Renderer.Render("receipt", model);

        var message = Letters.Failure(result);
        Assert.Contains("OutputLimit `65536`", message, StringComparison.Ordinal);
        Assert.Contains("receipt.fr.html(", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_OneValueOverTheLimit_IsAnError()
    {
        var model = Sandbox.Model with { Application = Sandbox.Model.Application with { Applicant = new string('x', 70_000) } };

        Assert.Contains("LimitToString", Letters.Failure(Sandbox.Render("{{ application.applicant }}", model)), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[{{ application.GetType }}][{{ application.reference.GetType }}]")]
    [InlineData("[{{ stylesheet.Css }}][{{ stylesheet.GetType }}]")]
    [InlineData("[{{ sections[0].GetType }}][{{ documents.GetType }}]")]
    public void Render_DotNetMembers_AreNotReachable(string template)
    {
        Assert.Equal("[][]", Letters.Html(Sandbox.Render(template)));
    }

    [Theory]
    [InlineData("{{ include 'receipt.fr.html' }}", "include")]
    [InlineData("{{ include_join ['a'] ',' }}", "include_join")]
    [InlineData("{{ object.eval_template '{{ 1 + 1 }}' }}", "object.eval_template")]
    [InlineData("{{ object.eval '1 + 1' }}", "object.eval")]
    [InlineData("{{ date.now }}", "date.now")]
    [InlineData("{{ math.random 1 10 }}", "math.random")]
    public void Render_FunctionLeftOutOfTheSandbox_Fails(string template, string function)
    {
        var message = Letters.Failure(Sandbox.Render(template));

        Assert.Contains(function.Split('.')[0], message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{{ string.upcase = 1 }}")]
    [InlineData("{{ string.extra = 1 }}")]
    [InlineData("{{ string = 1 }}")]
    public void Render_TemplateThatChangesSharedFunctions_LeavesThemIntactForTheNextDocument(string template)
    {
        var result = Sandbox.Render(template);

        Assert.True(result is RenderResult.Failed or RenderResult.Rendered { Html: "" }, result.ToString());
        Assert.Equal("AMINA", Letters.Html(Sandbox.Render("{{ 'amina' | string.upcase }}")));
    }

    [Fact]
    public void Render_TemplateThatChangesItsModel_DoesNotChangeTheNextDocument()
    {
        Letters.Html(Sandbox.Render("{{ application.reference = 'FORGED' }}"));

        Assert.Equal(Sandbox.Model.Application.Reference, Letters.Html(Sandbox.Render("{{ application.reference }}")));
    }

    [Fact]
    public void Render_CatastrophicRegex_StopsAtTheRegexTimeout()
    {
        var message = Letters.Failure(Sandbox.Render("{{ 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!' | regex.match '^(a+)+$' }}"));

        Assert.Contains("timed out", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_ExponentialRecursion_IsCancelledAtTheRenderTimeout()
    {
        var message = Letters.Failure(Sandbox.RenderWithShortTimeout("{{ func f(n); if n < 15; f(n + 1); f(n + 1); f(n + 1); end; end; f(0) }}"));

        Assert.Contains("cancel", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_DeepRecursion_StopsAtTheRecursionLimit()
    {
        var message = Letters.Failure(Sandbox.Render("{{ func f(n); ret f(n + 1); end; f(0) }}"));

        Assert.Contains("recursive depth limit `20`", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_UnknownVariable_FailsInsteadOfPrintingNothing()
    {
        var message = Letters.Failure(Sandbox.Render("{{ applicant_name }}"));

        Assert.Contains("applicant_name", message, StringComparison.Ordinal);
    }
}
