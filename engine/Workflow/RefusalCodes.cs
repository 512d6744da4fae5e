namespace EmploymentProcedures.Engine.Workflow;

/// <summary>
/// The stable codes of refusals, the workflow's and storage's alike: one list, so a page handles a code without
/// knowing which layer refused. Each has its text in French, Arabic and English in <see cref="Refusal"/>'s catalogue.
/// </summary>
public static class RefusalCodes
{
    // The circuit (Workflow).
    public const string NotYours = "not_yours";
    public const string WrongStatus = "wrong_status";
    public const string WrongDefinition = "wrong_definition";
    public const string NotAtStep = "not_at_step";
    public const string NotYourRole = "not_your_role";
    public const string NotYourTerritory = "not_your_territory";
    public const string OpinionGiven = "opinion_given";
    public const string ActionNotOffered = "action_not_offered";
    public const string ReasonRequired = "reason_required";
    public const string ReopenRequired = "reopen_required";
    public const string UnknownItem = "unknown_item";
    public const string InvalidReturn = "invalid_return";
    public const string NotReopened = "not_reopened";
    public const string InvalidStepFields = "invalid_step_fields";
    public const string NotYourField = "not_your_field";
    public const string NoDeadlineOutcome = "no_deadline_outcome";
    public const string UnknownDocument = "unknown_document";

    // Storage: concurrency, procedures, accounts and files.
    public const string AlreadyDecided = "already_decided";
    public const string Stale = "stale";
    public const string Busy = "busy";
    public const string UnknownProcedure = "unknown_procedure";

    /// <summary>The procedure was retired (<see cref="Storage.DefinitionStore.RetireAsync"/>): no new draft, no first submission; its argument the day it was retired.</summary>
    public const string ProcedureRetired = "procedure_retired";
    public const string WrongApplicant = "wrong_applicant";

    /// <summary>The person's account was closed or deactivated after their page opened (<see cref="Storage.IAccountStanding"/>): nothing is done.</summary>
    public const string AccountInactive = "account_inactive";
    public const string FileTooLarge = "file_too_large";
    public const string FileFormat = "file_format";
    public const string FileEmpty = "file_empty";

    // Letters, messages and claims.
    public const string UnknownLetter = "unknown_letter";
    public const string MessageEmpty = "message_empty";
    public const string MessageTooLong = "message_too_long";
    public const string TooManyAttachments = "too_many_attachments";
    public const string MessagesClosed = "messages_closed";
    public const string UnknownAttachment = "unknown_attachment";
    public const string NotYourStep = "not_your_step";
    public const string AlreadyClaimed = "already_claimed";
    public const string NotClaimed = "not_claimed";

    // Labels reviewers put on files.
    public const string UnknownLabel = "unknown_label";
    public const string LabelsForReviewers = "labels_for_reviewers";

    // Acting on several applications at once from the inbox.
    public const string StepFieldsRequired = "step_fields_required";
    public const string BatchTooLarge = "batch_too_large";

    /// <summary>Only a reviewer writes to several applicants at once: the inbox is theirs.</summary>
    public const string BatchForReviewers = "batch_for_reviewers";

    // Reporting.
    public const string NotAllowed = "not_allowed";
}
