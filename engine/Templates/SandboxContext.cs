using Scriban;
using Scriban.Parsing;

namespace EmploymentProcedures.Engine.Templates;

/// <summary>
/// The run-time context of one render: Scriban's limits set from <see cref="TemplateLimits"/>, no
/// template loader (so <c>include</c> fails), no .NET member reachable (the model is made of
/// <c>ScriptObject</c>s, so the member allow-list is empty), only <see cref="SafeBuiltins"/>, and every
/// value a template writes HTML-escaped: an applicant who types <c>&lt;script&gt;</c> gets text, not markup.
/// </summary>
internal sealed class SandboxContext : TemplateContext
{
    public SandboxContext(TemplateLimits limits, CancellationToken cancellation)
        : base(SafeBuiltins.Object)
    {
        LoopLimit = limits.LoopLimit;
        LoopLimitQueryable = limits.LoopLimit;
        RecursiveLimit = limits.RecursiveLimit;
        // One value and the whole output are both capped; over either, Scriban throws instead of cutting.
        LimitToString = limits.MaxOutputChars;
        OnStringLimit = ScriptLimitBehavior.Throw;
        OutputLimit = limits.MaxOutputChars;
        OnOutputLimit = ScriptLimitBehavior.Throw;
        RegexTimeOut = limits.RegexTimeout;
        MemberFilter = static _ => false;
        TemplateLoader = null;
        StrictVariables = true;
        CancellationToken = cancellation;
    }

    public override TemplateContext Write(SourceSpan span, object? textAsObject) => textAsObject switch
    {
        null => this,
        Verbatim verbatim => base.Write(span, verbatim.Text),
        _ => base.Write(span, HtmlText.Escape(ObjectToString(textAsObject) ?? "")),
    };
}
