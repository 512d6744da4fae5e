using System.Globalization;
using EmploymentProcedures.Engine.Definitions;
using EmploymentProcedures.Engine.Loading;
using EmploymentProcedures.Engine.Storage;
using EmploymentProcedures.Engine.Templates;

namespace EmploymentProcedures.Cli;

/// <summary>
/// <c>procedures render</c>: previews a letter for a definition and an answers file, as the applicant
/// would receive it. The workflow's facts (reference, dates, decision) are filled with preview values
/// that suit the letter: a decision letter gets a decision by the last step, a request for changes
/// reopens the first document. The letter ends with the verification block the portal adds, carrying a sample code
/// (<see cref="VerificationBlock.SampleCode"/>) and a sentence saying it is one.
/// </summary>
internal static class RenderCommand
{
    public sealed record Options(string Template, string Language, string? Out, string? Reference, string? Applicant, string? Comment, DateOnly? Date);

    private static readonly Dictionary<string, (string Applicant, string Comment)> Preview = new(StringComparer.Ordinal)
    {
        ["fr"] = ("Demandeur (aperçu)", "Texte saisi par l'agent (aperçu)."),
        ["ar"] = ("صاحب الطلب (معاينة)", "نص يحرره العون (معاينة)."),
        ["en"] = ("Applicant (preview)", "Text typed by the reviewer (preview)."),
    };

    public static int Run(string definitionFile, string answersFile, Options options, TextWriter output, TextWriter error)
    {
        foreach (var file in new[] { definitionFile, answersFile })
        {
            if (!File.Exists(file))
            {
                error.WriteLine($"procedures: no such file: {file}");
                return ProceduresCommand.UsageOrIo;
            }
        }
        if (!Preview.ContainsKey(options.Language))
        {
            error.WriteLine($"procedures: unknown language '{options.Language}'; use fr, ar or en");
            return ProceduresCommand.UsageOrIo;
        }
        var root = ProcedureCatalog.FindRoot(definitionFile);
        if (root is null)
        {
            error.WriteLine($"procedures: {definitionFile} is not inside a procedures folder (no roles.yaml found above it)");
            return ProceduresCommand.UsageOrIo;
        }

        var library = ProcedureLibrary.Load(root);
        if (!library.Templates.Contains(options.Template))
        {
            var suggestion = Engine.Diagnostics.Suggestions.DidYouMean(options.Template, library.Templates);
            error.WriteLine($"procedures: unknown template '{options.Template}'{suggestion}; the templates are: {string.Join(", ", library.Templates.Order(StringComparer.Ordinal))}");
            return ProceduresCommand.UsageOrIo;
        }
        var loaded = new ProcedureLoader(library).LoadFile(definitionFile);
        if (loaded.HasErrors)
        {
            foreach (var diagnostic in loaded.Diagnostics)
                error.WriteLine(diagnostic);
            error.WriteLine($"procedures: {definitionFile} has errors; fix them before rendering letters (run 'procedures lint')");
            return ProceduresCommand.Findings;
        }
        var (submission, diagnostics) = SubmissionFile.Load(answersFile);
        if (submission is null)
        {
            foreach (var diagnostic in diagnostics)
                error.WriteLine(diagnostic);
            return ProceduresCommand.UsageOrIo;
        }

        var definition = loaded.Definition!;
        var facts = Facts(definition, options);
        var model = DocumentModel.Build(definition, submission.Answers, submission.Documents.Select(d => d.DocumentId).ToList(), options.Language, facts, library.Roles);
        var result = new DocumentRenderer(library.DocumentTemplates).Render(options.Template, model);
        if (result is RenderResult.Failed failed)
        {
            error.WriteLine($"procedures: {failed.Message}");
            return ProceduresCommand.Findings;
        }

        // The block the portal adds to every letter it issues, with a sample code it says is one: the analyst sees the page as
        // it will be printed (the block takes the foot of the last page), and no one mistakes the preview for an issued letter.
        var html = VerificationBlock.AddTo(((RenderResult.Rendered)result).Html, VerificationBlock.SampleCode, Applications.LocalPortal, options.Language, sample: true);
        if (options.Out is null)
        {
            output.Write(html);
            return ProceduresCommand.Success;
        }
        File.WriteAllText(options.Out, html);
        output.WriteLine($"wrote {options.Out} ({html.Length:N0} characters); open it in a browser and print it to check the page");
        return ProceduresCommand.Success;
    }

    /// <summary>Preview facts for the letter: its output kind (receipt, approved...) decides the status and decision.</summary>
    private static ApplicationFacts Facts(ProcedureDefinition definition, Options options)
    {
        var today = options.Date ?? DateOnly.FromDateTime(DateTime.Today);
        var (applicant, comment) = Preview[options.Language];
        var reference = options.Reference ?? string.Create(CultureInfo.InvariantCulture, $"{definition.ReferencePrefix ?? "APP"}-{today.Year}-000001");
        var kind = definition.Outputs.FirstOrDefault(o => o.Value == options.Template).Key ?? "receipt";
        // No due date: it needs the business-day calendar, which the workflow applies; the letter then shows the legal time only.
        var facts = new ApplicationFacts(reference, today, options.Applicant ?? applicant, kind == "receipt" ? "submitted" : kind);
        var action = kind switch
        {
            "approved" => StepAction.Approve,
            "rejected" => StepAction.Reject,
            "changes_requested" => StepAction.RequestChanges,
            "acknowledged" => StepAction.Acknowledge,
            _ => (StepAction?)null,
        };
        if (action is not { } decided)
            return facts;
        var step = definition.Steps.LastOrDefault(s => s.Actions.Contains(decided)) ?? definition.Steps[^1];
        return facts with
        {
            Decision = new DecisionFacts(step.Id, decided, today, options.Comment ?? comment),
            Reopened = decided == StepAction.RequestChanges && definition.Documents.Count > 0 ? [definition.Documents[0].Id] : [],
            ReviewerMessage = decided == StepAction.RequestChanges ? options.Comment ?? comment : null,
        };
    }
}
