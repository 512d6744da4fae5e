using EmploymentProcedures.Engine.Deadlines;
using EmploymentProcedures.Engine.Definitions;
using EmploymentProcedures.Engine.Validation;

namespace EmploymentProcedures.Engine.Workflow;

/// <summary>
/// One application, as a value: the workflow turns one into the next. It is pinned to the exact
/// definition it was started on (id, version and content hash) and carries everything the circuit
/// needs: answers, documents, the current step, opinions of a parallel step, reviewer fields by step,
/// what is reopened for changes, and the pauses of the legal clock.
/// </summary>
public sealed record Application
{
    public required Guid Id { get; init; }
    public required string ProcedureId { get; init; }
    public required int DefinitionVersion { get; init; }
    public required string DefinitionHash { get; init; }

    /// <summary>The applicant's user id: the only applicant who may see or change it.</summary>
    public required string OwnerId { get; init; }

    public string ApplicantName { get; init; } = "";

    /// <summary>The applicant's language (<see cref="Actor.Language"/>) as of their last command: their letters are issued in it.</summary>
    public string Language { get; init; } = "fr";
    public ApplicationStatus Status { get; init; } = ApplicationStatus.Draft;

    /// <summary>The step being worked on (in review), or the step that asked for changes.</summary>
    public string? Step { get; init; }

    /// <summary>The reference number given at first submission, such as <c>TAE-2026-000042</c>.</summary>
    public string? Reference { get; init; }

    /// <summary>The province of the routing field at submission; territorial reviewers see only theirs.</summary>
    public string? Province { get; init; }

    public Answers Answers { get; init; } = Answers.Empty;

    /// <summary>The sections filled from the applicant's earlier application when the draft was started, and not emptied since.</summary>
    public IReadOnlyList<CarriedSection> Carried { get; init; } = [];

    /// <summary>What the prefilled link the draft was started from filled and left aside; null when it was started without one.</summary>
    public PrefilledLink? Prefilled { get; init; }

    public IReadOnlyList<AttachedDocument> Documents { get; init; } = [];

    /// <summary>The reviewer-only fields recorded at each step, by step id.</summary>
    public IReadOnlyDictionary<string, Answers> StepFields { get; init; } = new Dictionary<string, Answers>();

    /// <summary>The opinions given so far on the current step (several for a parallel step).</summary>
    public IReadOnlyList<Opinion> Opinions { get; init; } = [];

    /// <summary>While changes are requested: the field paths and document ids the applicant may change.</summary>
    public IReadOnlyList<string> Reopened { get; init; } = [];

    /// <summary>The answers when changes were last requested, for the reviewer's before/after view.</summary>
    public Answers? AnswersBeforeChanges { get; init; }

    public DateOnly? SubmittedOn { get; init; }
    public DateOnly? StepStartedOn { get; init; }
    public DateOnly? DecidedOn { get; init; }

    /// <summary>When the legal clock stood still: from a request for changes to the resubmission.</summary>
    public IReadOnlyList<DeadlinePause> Pauses { get; init; } = [];

    /// <summary>Incremented on every change; storage refuses a write made from an older version.</summary>
    public int Version { get; init; }

    /// <summary>
    /// When its personal data was erased (its retention ended): the answers, documents, reviewer fields, messages and
    /// letters are gone, what the statistics and the legal record need is kept. Null while it is whole.
    /// </summary>
    public DateTime? ErasedAt { get; init; }

    /// <summary>
    /// A draft moved to a newer version of its definition that the applicant has not yet been told about (dismissed, or
    /// submitted since): what their form says once. Null otherwise.
    /// </summary>
    public DraftMove? Moved { get; init; }

    public static Application Start(ProcedureDefinition definition, int definitionVersion, Guid id, Actor applicant)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(applicant);
        return new Application
        {
            Id = id,
            ProcedureId = definition.Id,
            DefinitionVersion = definitionVersion,
            DefinitionHash = definition.ContentHash,
            OwnerId = applicant.UserId,
            ApplicantName = applicant.Name,
            Language = applicant.Language,
        };
    }
}

/// <summary>One reviewer's opinion on the current step.</summary>
public sealed record Opinion(string Role, string UserId, StepAction Action, string? Comment);
