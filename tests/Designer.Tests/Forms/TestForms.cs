using System.Text;
using Bunit;
using EmploymentProcedures.Designer.Forms;
using EmploymentProcedures.Engine.Definitions;
using EmploymentProcedures.Engine.Expressions;
using EmploymentProcedures.Engine.Loading;
using EmploymentProcedures.Engine.Validation;

namespace EmploymentProcedures.Designer.Tests.Forms;

/// <summary>Definitions for form tests, loaded by the real loader against the repository's shared library.</summary>
internal static class TestForms
{
    public static readonly DateOnly Today = new(2026, 3, 2);

    public static readonly EvaluationContext Context = new(Today);

    private static readonly Lazy<ProcedureCatalog> CatalogValue = new(() => ProcedureCatalog.Load(Procedures));

    public static string Root { get; } = FindRoot();

    public static string Procedures => Path.Combine(Root, "procedures");

    /// <summary>The repository's 55 procedures with their library.</summary>
    public static ProcedureCatalog Catalog => CatalogValue.Value;

    /// <summary>A procedure whose one section holds <paramref name="fields"/> (YAML list items, indented by 6), plus optional documents and further sections.</summary>
    public static ProcedureDefinition Define(string fields, string? documents = null, string? moreSections = null)
    {
        var yaml = new StringBuilder($$"""
            language: 1
            id: form-under-test
            title: { fr: "Demande d'essai", ar: "طلب تجريبي" }
            category: working-time
            applicant: employer
            deadline: { days: 10, calendar: business }
            steps: [ { id: decision, title: { fr: "Décision", ar: "القرار" }, role: desk-agent, actions: [approve, reject] } ]
            outputs: { rejected: decision-rejected }
            privacy:
              purpose: { fr: "Instruction de la demande d'essai.", ar: "دراسة الطلب التجريبي." }
              recipients: { fr: "La délégation provinciale de l'emploi.", ar: "المندوبية الإقليمية للتشغيل." }
              retention: 5y
            sections:
              - id: main
                title: { fr: "Demande", ar: "الطلب" }
                fields:

            """);
        yaml.Append(fields.TrimEnd()).Append('\n');
        if (moreSections is not null)
            yaml.Append(moreSections.TrimEnd()).Append('\n');
        if (documents is not null)
            yaml.Append("documents:\n").Append(documents.TrimEnd()).Append('\n');
        var result = new ProcedureLoader(Catalog.Library).LoadText(yaml.ToString(), "form-under-test.yaml");
        Assert.False(result.HasErrors, string.Join("\n", result.Diagnostics) + "\n" + yaml);
        return result.Definition!;
    }

    public static ValidationReport Validate(ProcedureDefinition definition, Submission submission) =>
        SubmissionValidator.Validate(definition, submission, Context);

    private static string FindRoot()
    {
        for (var directory = AppContext.BaseDirectory; directory is not null; directory = Path.GetDirectoryName(directory))
        {
            if (File.Exists(Path.Combine(directory, "EmploymentProcedures.sln")))
                return directory;
        }
        throw new InvalidOperationException("EmploymentProcedures.sln not found above " + AppContext.BaseDirectory);
    }
}

/// <summary>A bUnit context that renders <see cref="ProcedureForm"/> and records what it raises.</summary>
public abstract class FormTestContext : BunitContext
{
    protected FormTestContext() => JSInterop.Mode = JSRuntimeMode.Loose;

    /// <summary>The answers of the last <see cref="ProcedureForm.AnswersChanged"/>.</summary>
    protected Answers? Raised { get; private set; }

    protected IReadOnlyList<AttachedDocument>? RaisedDocuments { get; private set; }

    protected Submission? Completed { get; private set; }

    internal IRenderedComponent<ProcedureForm> RenderForm(
        ProcedureDefinition definition,
        string language = "fr",
        Answers? answers = null,
        bool readOnly = false,
        IReadOnlySet<string>? editable = null,
        Func<DocumentUpload, Task<UploadOutcome>>? upload = null,
        IReadOnlyList<AttachedDocument>? documents = null) =>
        Render<ProcedureForm>(p => p
            .Add(f => f.Definition, definition)
            .Add(f => f.Today, TestForms.Today)
            .Add(f => f.Language, language)
            .Add(f => f.Answers, answers ?? Answers.Empty)
            .Add(f => f.Documents, documents ?? [])
            .Add(f => f.ReadOnly, readOnly)
            .Add(f => f.Editable, editable)
            .Add(f => f.Upload, upload)
            .Add(f => f.AnswersChanged, a => Raised = a)
            .Add(f => f.DocumentsChanged, d => RaisedDocuments = d)
            .Add(f => f.Completed, s => Completed = s));
}
