using System.Text;
using EmploymentProcedures.Engine.Diagnostics;
using EmploymentProcedures.Engine.Loading;
using Scriban;
using ParserMessageType = Scriban.Parsing.ParserMessageType;
using ParserOptions = Scriban.Parsing.ParserOptions;

namespace EmploymentProcedures.Engine.Templates;

/// <summary>
/// The letters of <c>procedures/templates/</c>: every <c>&lt;name&gt;.&lt;language&gt;.html</c> read,
/// parsed with Scriban and checked against the document model once, the shared stylesheet
/// <c>document.css</c> and the letterhead, <c>letterhead.&lt;language&gt;.html</c>. Problems become located diagnostics (EP05xx, plus EP0002/EP0015 for unreadable
/// files); a template with errors is kept out of rendering. Immutable once loaded.
/// </summary>
public sealed class TemplateLibrary
{
    /// <summary>The shared stylesheet every letter writes with <c>{{ stylesheet }}</c>.</summary>
    public const string StylesheetFile = "document.css";

    /// <summary>
    /// The name of the letterhead's files (<c>letterhead.fr.html</c>...): the ministry's header every letter writes
    /// with <c>{{ letterhead }}</c>, plain HTML kept in one file per language so that a change of the ministry's
    /// name is made once. Not a template: no procedure issues it.
    /// </summary>
    public const string LetterheadName = "letterhead";

    public static readonly TemplateLibrary Empty = new([], [], Verbatim.Empty, new Dictionary<string, Verbatim>(), TemplateLimits.Default);

    /// <summary>How deeply expressions and blocks may nest; Scriban's parser recurses, so this keeps it far from the stack's end.</summary>
    private static readonly ParserOptions Parser = new() { ExpressionDepthLimit = 64 };

    private readonly Dictionary<(string Name, string Language), DocumentTemplate> _templates;

    private readonly IReadOnlyDictionary<string, Verbatim> _letterheads;

    private TemplateLibrary(
        IReadOnlyList<DocumentTemplate> templates, IReadOnlyList<(string Name, Diagnostic Diagnostic)> diagnostics, Verbatim stylesheet,
        IReadOnlyDictionary<string, Verbatim> letterheads, TemplateLimits limits)
    {
        _templates = templates.ToDictionary(t => (t.Name, t.Language));
        Names = templates.Select(t => t.Name).Concat(diagnostics.Select(d => d.Name)).Where(n => n.Length > 0).ToHashSet(StringComparer.Ordinal);
        ByName = diagnostics.GroupBy(d => d.Name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => (IReadOnlyList<Diagnostic>)Order(g.Select(d => d.Diagnostic)), StringComparer.Ordinal);
        Diagnostics = Order(diagnostics.Select(d => d.Diagnostic));
        Stylesheet = stylesheet;
        _letterheads = letterheads;
        Limits = limits;
    }

    /// <summary>Template names (a file's name up to its first dot), as procedures name them in <c>outputs:</c>.</summary>
    public IReadOnlySet<string> Names { get; }

    /// <summary>Every problem found in the templates and the stylesheet, ordered by file and position.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    internal TemplateLimits Limits { get; }

    internal Verbatim Stylesheet { get; }

    /// <summary>The letterhead in <paramref name="language"/>; a letter in English without an English one has the French one.</summary>
    internal Verbatim LetterheadIn(string language) =>
        _letterheads.GetValueOrDefault(language) ?? _letterheads.GetValueOrDefault("fr") ?? Verbatim.Empty;

    private Dictionary<string, IReadOnlyList<Diagnostic>> ByName { get; }

    /// <summary>The problems of one template (all its languages), and of the shared stylesheet and letterhead.</summary>
    public IReadOnlyList<Diagnostic> DiagnosticsOf(string name) =>
        [.. ByName.GetValueOrDefault(name) ?? [], .. ByName.GetValueOrDefault("") ?? []];

    /// <summary>The languages <paramref name="name"/> exists in, in the order fr, ar, en.</summary>
    public IReadOnlyList<string> LanguagesOf(string name) =>
        DocumentTexts.Languages.Where(l => _templates.ContainsKey((name, l))).ToList();

    internal DocumentTemplate? Find(string name, string language) => _templates.GetValueOrDefault((name, language));

    /// <summary>Reads every file of <paramref name="directory"/> (a missing folder gives an empty library).</summary>
    /// <param name="displayDirectory">How diagnostics name the folder; by default its path relative to the current directory.</param>
    public static TemplateLibrary Load(string directory, string? displayDirectory = null, TemplateLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(directory);
        limits ??= TemplateLimits.Default;
        displayDirectory ??= ProcedureLibrary.DisplayPath(directory);
        var templates = new List<DocumentTemplate>();
        var diagnostics = new List<(string Name, Diagnostic Diagnostic)>();
        var stylesheet = Verbatim.Empty;
        var letterheads = new Dictionary<string, Verbatim>(StringComparer.Ordinal);
        var seen = new List<(string Name, string Language, string Path)>();
        if (!Directory.Exists(directory))
            return new TemplateLibrary(templates, diagnostics, stylesheet, letterheads, limits);

        // Hidden files (.gitkeep, editors' swap files) are not letters.
        foreach (var file in Directory.EnumerateFiles(directory).Where(f => !Path.GetFileName(f).StartsWith('.')).Order(StringComparer.Ordinal))
        {
            var fileName = Path.GetFileName(file);
            var path = Path.Combine(displayDirectory, fileName);
            var start = new SourceSpan(path, 1, 1);
            if (fileName == StylesheetFile)
            {
                var found = new List<Diagnostic>();
                stylesheet = new Verbatim(Read(file, path, limits, found) ?? "");
                diagnostics.AddRange(found.Select(d => ("", d)));
                continue;
            }

            var parts = fileName.Split('.');
            var name = parts[0];
            if (parts is not [{ Length: > 0 }, var language, "html"] || !DocumentTexts.Languages.Contains(language))
            {
                diagnostics.Add((name, DiagnosticCodes.TemplateFileName.At(start, fileName, string.Join(", ", DocumentTexts.Languages))));
                continue;
            }

            seen.Add((name, language, path));
            if (name == LetterheadName)
            {
                // Shared by every letter, so its findings concern every template, as the stylesheet's do.
                var found = new List<Diagnostic>();
                letterheads[language] = new Verbatim(Letterhead(Read(file, path, limits, found), fileName, path, found));
                diagnostics.AddRange(found.Select(d => ("", d)));
                continue;
            }

            var own = new List<Diagnostic>();
            if (Read(file, path, limits, own) is { } text)
                templates.Add(Parse(name, language, path, text, own));
            diagnostics.AddRange(own.Select(d => (name, d)));
        }

        // A language whose file exists but cannot be read already has its own finding.
        foreach (var group in seen.GroupBy(t => t.Name, StringComparer.Ordinal))
        {
            foreach (var required in Definitions.LocalizedText.RequiredLanguages.Where(l => !group.Any(t => t.Language == l)))
            {
                var first = group.First();
                diagnostics.Add((group.Key == LetterheadName ? "" : group.Key, DiagnosticCodes.TemplateMissingLanguage.At(new SourceSpan(first.Path, 1, 1), group.Key, LanguageName(required), $"{group.Key}.{required}.html")));
            }
        }
        return new TemplateLibrary(templates, diagnostics, stylesheet, letterheads, limits);
    }

    /// <summary>A letterhead's text; one that holds a template tag is reported, since nothing in it is evaluated.</summary>
    private static string Letterhead(string? text, string fileName, string path, List<Diagnostic> diagnostics)
    {
        if (text is null)
            return "";
        var tag = text.IndexOf("{{", StringComparison.Ordinal);
        if (tag >= 0)
        {
            var line = 1 + text.AsSpan(0, tag).Count('\n');
            var column = tag - (text.LastIndexOf('\n', Math.Max(0, tag - 1)) + 1) + 1;
            diagnostics.Add(DiagnosticCodes.LetterheadNotPlain.At(new SourceSpan(path, line, column), fileName));
        }
        PrintableMarkup.Check(text, path, diagnostics);
        return text;
    }

    /// <summary>Parses one template and checks it against the document model; syntax errors and check findings go to <paramref name="diagnostics"/>.</summary>
    internal static DocumentTemplate Parse(string name, string language, string path, string text, List<Diagnostic> diagnostics)
    {
        var parsed = Template.Parse(text, path, Parser);
        // Scriban may explain one mistake twice at the same place; the first explanation is the useful one.
        foreach (var message in parsed.Messages.Where(m => m.Type == ParserMessageType.Error).DistinctBy(m => (m.Span.Start.Line, m.Span.Start.Column)))
            diagnostics.Add(DiagnosticCodes.TemplateSyntax.At(new SourceSpan(path, message.Span.Start.Line + 1, message.Span.Start.Column + 1), message.Message));
        if (!parsed.HasErrors && parsed.Page is not null)
            TemplateChecker.Check(parsed.Page, path, diagnostics);
        PrintableMarkup.Check(text, path, diagnostics);
        return new DocumentTemplate(name, language, path, parsed, diagnostics.Any(d => d.IsError));
    }

    internal static string LanguageName(string language) => language switch
    {
        "fr" => "French",
        "ar" => "Arabic",
        "en" => "English",
        _ => language,
    };

    /// <summary>A template file's text: at most the size limit, strict UTF-8 (a byte-order mark is dropped).</summary>
    private static string? Read(string file, string path, TemplateLimits limits, List<Diagnostic> diagnostics)
    {
        try
        {
            var info = new FileInfo(file);
            if (info.Length > limits.MaxTemplateBytes)
            {
                diagnostics.Add(DiagnosticCodes.TemplateTooLarge.At(new SourceSpan(path, 1, 1), info.Length, limits.MaxTemplateBytes));
                return null;
            }
            var bytes = File.ReadAllBytes(file);
            try
            {
                var text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
                return text.Length > 0 && text[0] == '\uFEFF' ? text[1..] : text;
            }
            catch (DecoderFallbackException e)
            {
                var at = e.Index < 0 ? 0 : e.Index;
                var line = 1 + bytes.AsSpan(0, Math.Min(at, bytes.Length)).Count((byte)'\n');
                diagnostics.Add(DiagnosticCodes.InvalidUtf8.At(new SourceSpan(path, line, 1), e.BytesUnknown is [var first, ..] ? first : 0));
                return null;
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            diagnostics.Add(DiagnosticCodes.Unreadable.At(new SourceSpan(path, 0, 0), e.Message));
            return null;
        }
    }

    private static List<Diagnostic> Order(IEnumerable<Diagnostic> diagnostics) =>
        diagnostics.Distinct().OrderBy(d => d.Span.File, StringComparer.Ordinal).ThenBy(d => d.Span.Line).ThenBy(d => d.Span.Column).ThenBy(d => d.Code, StringComparer.Ordinal).ToList();
}
