namespace EmploymentProcedures.Engine.Tests.Templates;

/// <summary>The load-time check of a template against the document model: what an analyst sees in lint.</summary>
public sealed class TemplateCheckTests
{
    [Theory]
    [InlineData("{{ application.reference }} {{ procedure.title }} {{ decision.comment }} {{ changes.message }}")]
    [InlineData("{{ for section in sections }}{{ section.title }}{{ for row in section.rows }}{{ row.label }}: {{ row.value }}{{ end }}{{ end }}")]
    [InlineData("{{ for document in documents }}{{ if !document.provided }}{{ document.label }}{{ end }}{{ end }}")]
    [InlineData("{{ for basis in procedure.legal_basis }}{{ basis | string.upcase }}{{ end }}{{ procedure.legal_basis.size }}")]
    [InlineData("{{ first = sections[0] }}{{ first.rows[0].label }}{{ for.index }}")]
    [InlineData("{{ for item in changes.items }}{{ for.index + 1 }}. {{ item }}{{ end }}")]
    [InlineData("{{ capture title }}{{ procedure.title }}{{ end }}{{ title }}{{ lang }}{{ dir }}<style>{{ stylesheet }}</style>")]
    [InlineData("{{ if decision && decision.comment }}{{ decision.comment | string.truncate 40 }}{{ end }}")]
    public void Check_TemplateReadingTheModel_HasNoFindings(string template)
    {
        var found = Sandbox.Lint(template.Replace("{{ for.index }}", "{{ for x in sections }}{{ for.index }}{{ end }}", StringComparison.Ordinal));

        Assert.True(found.Count == 0, string.Join("\n", found));
    }

    [Theory]
    [InlineData("{{ application.refrence }}", "t.fr.html(1,16): error EP0502: 'application' has no 'refrence' (did you mean 'reference'?); it has: applicant, due_on, reference, status, submitted_on")]
    [InlineData("<p>\n  {{ procedre.title }}", "t.fr.html(2,6): error EP0502: the document model has no 'procedre' (did you mean 'procedure'?); it has: application, changes, decision, dir, documents, lang, letterhead, procedure, sections, stylesheet")]
    [InlineData("{{ for row in sections }}{{ row.label }}{{ end }}", "t.fr.html(1,33): error EP0502: 'row' has no 'label'; it has: rows, title")]
    [InlineData("{{ sections.count }}", "t.fr.html(1,13): error EP0502: the list 'sections' has no 'count'; it has: size (read its items with 'for item in sections')")]
    [InlineData("{{ application.reference.value }}", "t.fr.html(1,26): error EP0502: the value 'application.reference' has no 'value'; it has: size")]
    [InlineData("{{ application.GetType }}", "t.fr.html(1,16): error EP0502: 'application' has no 'GetType'; it has: applicant, due_on, reference, status, submitted_on")]
    [InlineData("{{ 'a' | string.upcse }}", "t.fr.html(1,17): error EP0502: 'string' has no 'upcse' (did you mean 'upcase'?); it has: append, base64_decode, base64_encode, capitalize, capitalizewords, contains, downcase, empty, ends_with, equals_ignore_case, escape, handleize, hmac_sha1, hmac_sha256, hmac_sha512, index_of, literal, lstrip, md5, pad_left, pad_right, pluralize, prepend, remove, remove_first, remove_last, replace, replace_first, rstrip, sha1, sha256, sha512, size, slice, slice1, split, starts_with, strip, strip_newlines, to_double, to_float, to_int, to_long, truncate, truncatewords, upcase, whitespace")]
    public void Check_NameNotInTheModel_IsLocatedWithTheNamesThatExist(string template, string expected)
    {
        Assert.Equal(expected, Assert.Single(Sandbox.Lint(template)).ToString());
    }

    [Theory]
    [InlineData("{{ include 'header' }}", "'include'")]
    [InlineData("{{ import application }}", "'import'")]
    [InlineData("{{ with application }}{{ reference }}{{ end }}", "'with'")]
    [InlineData("{{ func greet; ret 'x'; end }}", "'func'")]
    [InlineData("{{ sections | array.each @(do; ret 1; end) }}", "'do ... end'")]
    [InlineData("{{ date.now }}", "'date'")]
    [InlineData("{{ object.eval_template 'x' }}", "'object.eval_template'")]
    [InlineData("{{ math.uuid }}", "'math.uuid'")]
    public void Check_ConstructOutsideTheLetterLanguage_IsRefused(string template, string construct)
    {
        var found = Assert.Single(Sandbox.Lint(template));

        Assert.Equal("EP0504", found.Code);
        Assert.StartsWith($"{construct} is not allowed in a document template: ", found.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_VariableUsedInsideItsLoopOnly_IsUnknownAfterIt()
    {
        var found = Assert.Single(Sandbox.Lint("{{ for row in sections }}{{ end }}{{ row.title }}"));

        Assert.Equal("EP0502", found.Code);
        Assert.Equal(1, found.Span.Line);
        Assert.Equal(38, found.Span.Column);
    }

    [Fact]
    public void Check_SyntaxError_IsLocatedAtTheTemplateLineAndColumn()
    {
        var found = Sandbox.Lint("<h1>Titre</h1>\n<p>{{ application.reference }</p>");

        Assert.Equal("t.fr.html(2,29): error EP0501: template syntax error: Invalid token found `}`. Expecting <EOL>/end of line.", found[0].ToString());
    }

    [Fact]
    public void Check_DeeplyNestedExpression_IsASyntaxErrorNotAStackOverflow()
    {
        var found = Sandbox.Lint("{{ " + new string('(', 50_000) + "1" + new string(')', 50_000) + " }}");

        Assert.Contains(found, d => d.Code == "EP0501");
    }
}
