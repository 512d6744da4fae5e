using EmploymentProcedures.Engine.Diagnostics;
using EmploymentProcedures.Engine.Templates;
using EmploymentProcedures.Engine.Tests.Support;

namespace EmploymentProcedures.Engine.Tests.Templates;

/// <summary>
/// A thousand mutated templates (the repository's letters cut, spliced and laced with known payloads):
/// loading never throws, and every one that loads clean renders to a value within the memory bound.
/// The seed is fixed, so a failure reproduces.
/// </summary>
public sealed class TemplateFuzzTests
{
    private const int Cases = 1000;
    private const long MaxAllocatedBytes = 50L * 1024 * 1024;

    private static readonly string[] Fragments =
    [
        "{{", "}}", "{{ end }}", "{{ for s in sections }}", "{{ if decision }}", "{{ else }}", "(", ")", "[", "]", "|", "'", "\"",
        "{{ 1..1000000 | array.size }}", "{{ 'A' * 200000000 }}", "{{ x = 'AB'; for i in 1..30; x = x + x; end; x }}",
        "{{ for i in 1..999; 'A' * 1000; end }}", "{{ application.reference }}", "{{ sections[0].rows[0].value }}",
        "{{ string.pad_left 'a' 100000000 }}", "{{ 'a' | regex.match '^(a+)+$' }}", "{{ [1,2,3] | array.join ',' }}",
        "{{ while true; end }}", "{{ for i in 1..1000; for j in 1..1000; end; end }}", "{{ x = {a: 1}; x.a }}",
        "{{ documents | array.size }}", "{{ procedure.legal_basis | array.sort }}", "{{~ ~}}", "{{# }}", "{{ capture c }}x{{ end }}",
    ];

    [Fact]
    public void LoadAndRender_MutatedTemplates_NeverThrowAndStayWithinTheMemoryBound()
    {
        var random = new Random(20260302);
        var corpus = Directory.EnumerateFiles(Path.Combine(Repository.Procedures, "templates"), "*.html").Order(StringComparer.Ordinal).Select(File.ReadAllText).ToArray();
        var rendered = 0;
        var failures = new List<string>();

        for (var i = 0; i < Cases; i++)
        {
            var text = Mutate(corpus[random.Next(corpus.Length)], random);
            var diagnostics = new List<Diagnostic>();
            var template = TemplateLibrary.Parse("fuzz", "fr", $"fuzz-{i}.fr.html", text, diagnostics);
            if (template.HasErrors)
                continue;

            var before = GC.GetAllocatedBytesForCurrentThread();
            var result = Sandbox.Render(text);
            var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            rendered++;
            if (allocated > MaxAllocatedBytes)
                failures.Add($"case {i}: {allocated:N0} bytes for {result}");
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.True(rendered > Cases / 10, $"only {rendered} of {Cases} mutations loaded clean; the fuzzer tests little");
    }

    private static string Mutate(string text, Random random)
    {
        for (var step = random.Next(1, 4); step > 0; step--)
        {
            var at = random.Next(text.Length + 1);
            text = random.Next(4) switch
            {
                0 => text.Insert(at, Fragments[random.Next(Fragments.Length)]),
                1 => text.Remove(at, Math.Min(random.Next(1, 40), text.Length - at)),
                2 => text.Insert(at, text.Substring(random.Next(text.Length / 2), random.Next(1, 200))),
                _ => text.Insert(at, Fragments[random.Next(Fragments.Length)] + Fragments[random.Next(Fragments.Length)]),
            };
        }
        return text;
    }
}
