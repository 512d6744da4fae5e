using EmploymentProcedures.Engine.Workflow;

namespace EmploymentProcedures.Engine.Storage.Rows;

/// <summary>
/// An <see cref="Application"/> as a row: scalar fields as columns (status as its text name), the nested
/// parts as JSON text so the same columns work on SQLite and PostgreSQL. <see cref="Version"/> is the
/// concurrency token: every update says which version it replaces.
/// </summary>
internal sealed class ApplicationRow
{
    public Guid Id { get; set; }
    public required string ProcedureId { get; set; }
    public int DefinitionVersion { get; set; }
    public required string DefinitionHash { get; set; }
    public required string OwnerId { get; set; }
    public string ApplicantName { get; set; } = "";
    public string Language { get; set; } = "fr";
    public required string Status { get; set; }
    public string? Step { get; set; }
    public string? Reference { get; set; }
    public string? Province { get; set; }
    public string Answers { get; set; } = "{}";

    /// <summary>The sections filled from the owner's earlier application at the start (<see cref="Application.Carried"/>), as JSON.</summary>
    public string Carried { get; set; } = "[]";

    /// <summary>What the prefilled link that started the draft filled and left aside (<see cref="Application.Prefilled"/>), as JSON; null without one.</summary>
    public string? Prefilled { get; set; }

    public string Documents { get; set; } = "[]";
    public string StepFields { get; set; } = "{}";
    public string Opinions { get; set; } = "[]";
    public string Reopened { get; set; } = "[]";
    public string? AnswersBeforeChanges { get; set; }
    public string Pauses { get; set; } = "[]";
    public DateOnly? SubmittedOn { get; set; }
    public DateOnly? StepStartedOn { get; set; }
    public DateOnly? DecidedOn { get; set; }

    /// <summary>The legal due date while the clock runs (null before submission, while paused, or without a deadline).</summary>
    public DateOnly? DueOn { get; set; }

    /// <summary>The move to a newer version the applicant has not yet been told about (<see cref="DraftMove"/>, as JSON); null otherwise.</summary>
    public string? Moved { get; set; }

    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public int Version { get; set; }

    /// <summary>When it reached a final status (decided, withdrawn): its retention runs from then. Null while open.</summary>
    public DateTime? ClosedAt { get; set; }

    /// <summary>The tombstone: when its personal data was erased (null while whole), and why (<see cref="ErasedBecause"/>).</summary>
    public DateTime? ErasedAt { get; set; }

    /// <summary>Why it was erased: <c>retention</c> (its definition's retention after closing ended).</summary>
    public string? ErasedBecause { get; set; }

    /// <summary>
    /// The row of <paramref name="application"/>; when it follows <paramref name="before"/>, read from <paramref name="stored"/>, the
    /// JSON of each part it shares with it (the same instance: the workflow changed nothing there) is the stored text, not written again.
    /// </summary>
    public static ApplicationRow From(Application application, DateOnly? dueOn, DateTime now, Application? before = null, ApplicationRow? stored = null) => new()
    {
        Id = application.Id,
        ProcedureId = application.ProcedureId,
        DefinitionVersion = application.DefinitionVersion,
        DefinitionHash = application.DefinitionHash,
        OwnerId = application.OwnerId,
        ApplicantName = application.ApplicantName,
        Language = application.Language,
        Status = application.Status.Name(),
        Step = application.Step,
        Reference = application.Reference,
        Province = application.Province,
        Answers = Kept(application.Answers, before?.Answers, stored?.Answers) ?? application.Answers.ToJson(),
        Carried = Kept(application.Carried, before?.Carried, stored?.Carried) ?? ApplicationJson.Carried(application.Carried),
        Prefilled = Kept(application.Prefilled, before?.Prefilled, stored?.Prefilled) ?? ApplicationJson.Prefilled(application.Prefilled),
        Documents = Kept(application.Documents, before?.Documents, stored?.Documents) ?? ApplicationJson.Documents(application.Documents),
        StepFields = Kept(application.StepFields, before?.StepFields, stored?.StepFields) ?? ApplicationJson.StepFields(application.StepFields),
        Opinions = Kept(application.Opinions, before?.Opinions, stored?.Opinions) ?? ApplicationJson.Opinions(application.Opinions),
        Reopened = Kept(application.Reopened, before?.Reopened, stored?.Reopened) ?? ApplicationJson.Strings(application.Reopened),
        AnswersBeforeChanges = Kept(application.AnswersBeforeChanges, before?.AnswersBeforeChanges, stored?.AnswersBeforeChanges) ?? application.AnswersBeforeChanges?.ToJson(),
        Pauses = Kept(application.Pauses, before?.Pauses, stored?.Pauses) ?? ApplicationJson.Pauses(application.Pauses),
        Moved = Kept(application.Moved, before?.Moved, stored?.Moved) ?? ApplicationJson.Moved(application.Moved),
        SubmittedOn = application.SubmittedOn,
        StepStartedOn = application.StepStartedOn,
        DecidedOn = application.DecidedOn,
        DueOn = dueOn,
        CreatedAt = stored?.CreatedAt ?? now,
        UpdatedAt = now,
        Version = application.Version,
        ClosedAt = application.Status.IsFinal() ? stored?.ClosedAt ?? now : null,
        ErasedAt = stored?.ErasedAt,
        ErasedBecause = stored?.ErasedBecause,
    };

    /// <summary>The stored JSON of a part the transition left as it was read (null: write it).</summary>
    private static string? Kept(object? part, object? before, string? json) => part is not null && ReferenceEquals(part, before) ? json : null;

    public Application ToApplication() => new()
    {
        Id = Id,
        ProcedureId = ProcedureId,
        DefinitionVersion = DefinitionVersion,
        DefinitionHash = DefinitionHash,
        OwnerId = OwnerId,
        ApplicantName = ApplicantName,
        Language = Language,
        Status = ApplicationStatuses.ByName[Status],
        Step = Step,
        Reference = Reference,
        Province = Province,
        Answers = Validation.Answers.ParseJson(Answers),
        Carried = ApplicationJson.ReadCarried(Carried),
        Prefilled = ApplicationJson.ReadPrefilled(Prefilled),
        Documents = ApplicationJson.ReadDocuments(Documents),
        StepFields = ApplicationJson.ReadStepFields(StepFields),
        Opinions = ApplicationJson.ReadOpinions(Opinions),
        Reopened = ApplicationJson.ReadStrings(Reopened),
        AnswersBeforeChanges = AnswersBeforeChanges is null ? null : Validation.Answers.ParseJson(AnswersBeforeChanges),
        Pauses = ApplicationJson.ReadPauses(Pauses),
        Moved = ApplicationJson.ReadMoved(Moved),
        SubmittedOn = SubmittedOn,
        StepStartedOn = StepStartedOn,
        DecidedOn = DecidedOn,
        Version = Version,
        ErasedAt = ErasedAt is { } erased ? DateTime.SpecifyKind(erased, DateTimeKind.Utc) : null,
    };
}
