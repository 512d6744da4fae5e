using EmploymentProcedures.Engine.Definitions;
using EmploymentProcedures.Engine.Validation;

namespace EmploymentProcedures.Engine.Templates;

/// <summary>
/// Everything a letter template may read, and nothing else: display texts already in the letter's
/// language (dates, amounts, option labels, yes/no). Templates see it as <c>procedure</c>,
/// <c>application</c>, <c>decision</c>, <c>changes</c>, <c>sections</c> and <c>documents</c>
/// (snake_case names, see <c>procedures/README.md</c> section 3.10).
/// </summary>
public sealed record DocumentModel
{
    /// <summary>The letter's language: <c>fr</c>, <c>ar</c> or <c>en</c>.</summary>
    public required string Language { get; init; }

    public required DocumentProcedure Procedure { get; init; }
    public required DocumentApplication Application { get; init; }

    /// <summary>The decision the letter reports, if any.</summary>
    public DocumentDecision? Decision { get; init; }

    /// <summary>What the applicant must correct, for a request for changes.</summary>
    public DocumentChanges? Changes { get; init; }

    /// <summary>The visible, answered fields, by form section.</summary>
    public IReadOnlyList<AnswerSection> Sections { get; init; } = [];

    /// <summary>The documents provided, and the required ones still missing.</summary>
    public IReadOnlyList<DocumentLine> Documents { get; init; } = [];

    /// <summary><c>rtl</c> for Arabic, <c>ltr</c> otherwise: the value of the page's <c>dir</c> attribute.</summary>
    public string Direction => Language == "ar" ? "rtl" : "ltr";

    /// <summary>
    /// The model of one letter: the definition's texts and the answers shown in <paramref name="language"/>
    /// (choices by their label, yes/no, dates and amounts in the language's conventions), with the
    /// workflow's <paramref name="facts"/>. Hidden fields, unanswered fields and read-only texts are left out.
    /// </summary>
    /// <param name="documentIds">The ids of the documents attached to the application.</param>
    /// <param name="roles">Reviewer roles, to name the decider's role (the library's roles); without them the role id is shown.</param>
    /// <param name="today">The day conditions are evaluated on (for <c>today()</c>); the submission day by default.</param>
    public static DocumentModel Build(
        ProcedureDefinition definition,
        Answers answers,
        IReadOnlyCollection<string> documentIds,
        string language,
        ApplicationFacts facts,
        IReadOnlyDictionary<string, RoleDefinition>? roles = null,
        DateOnly? today = null)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(answers);
        ArgumentNullException.ThrowIfNull(documentIds);
        ArgumentNullException.ThrowIfNull(facts);
        if (!DocumentTexts.Languages.Contains(language))
            throw new ArgumentException($"unknown language '{language}'; use one of {string.Join(", ", DocumentTexts.Languages)}", nameof(language));
        return new DocumentModelBuilder(definition, language, roles, today ?? facts.SubmittedOn).Build(answers, documentIds, facts);
    }
}

/// <param name="Title">The procedure's title in the letter's language.</param>
/// <param name="DeadlineDays">The legal processing time in days, if the procedure has one.</param>
/// <param name="Deadline">The same as text: "10 jours ouvrables", "10 أيام عمل".</param>
public sealed record DocumentProcedure(string Id, string Title, IReadOnlyList<string> LegalBasis, int? DeadlineDays, string? Deadline);

/// <param name="SubmittedOn">The submission day, written out ("2 mars 2026").</param>
/// <param name="Applicant">The applicant's display name.</param>
/// <param name="Status">The status in words ("Approuvée", "مقبول").</param>
/// <param name="DueOn">The day the legal deadline falls on, written out, if known.</param>
public sealed record DocumentApplication(string Reference, string SubmittedOn, string Applicant, string Status, string? DueOn);

/// <param name="Step">The title of the step that decided.</param>
/// <param name="Action">The decision in words ("Approuvée", "Rejetée").</param>
/// <param name="Comment">The reviewer's comment or reason, as typed.</param>
/// <param name="DecidedOn">The decision day, written out.</param>
/// <param name="Decider">The title of the deciding role ("Service de l'emploi des migrants").</param>
public sealed record DocumentDecision(string Step, string Action, string? Comment, string DecidedOn, string Decider);

/// <param name="Items">The labels of the fields and documents to correct.</param>
/// <param name="Message">The reviewer's message, as typed.</param>
public sealed record DocumentChanges(IReadOnlyList<string> Items, string? Message);

/// <summary>One form section as the letter lists it.</summary>
public sealed record AnswerSection(string Title, IReadOnlyList<AnswerRow> Rows);

/// <summary>One answer: the field's label and its value shown in the letter's language.</summary>
public sealed record AnswerRow(string Label, string Value);

/// <summary>A document of the procedure and whether the applicant provided it.</summary>
public sealed record DocumentLine(string Label, bool Provided);
