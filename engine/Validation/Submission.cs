namespace EmploymentProcedures.Engine.Validation;

/// <summary>What an applicant submits: answers and the documents attached so far.</summary>
public sealed record Submission(Answers Answers, IReadOnlyList<AttachedDocument> Documents)
{
    public static Submission Of(Answers answers, params AttachedDocument[] documents) => new(answers, documents);
}

/// <param name="DocumentId">The definition's document id this file is for.</param>
/// <param name="Format">The format its content was detected as (pdf, jpg, png...), not its file name's extension.</param>
public sealed record AttachedDocument(string DocumentId, string FileName, long SizeBytes, string Format);
