using EmploymentProcedures.Engine.Definitions;
using EmploymentProcedures.Engine.Validation;

namespace EmploymentProcedures.Designer.Forms;

/// <summary>
/// A file the applicant chose for a document, handed to the host to store. <see cref="Content"/> is
/// streamed from the browser as the host reads it (never held whole in memory), capped at the
/// document's <c>max_mb</c>; the form's progress bar follows the bytes read. Name, size and content
/// type are what the browser declares: the store checks the content itself (magic bytes).
/// </summary>
public sealed record DocumentUpload(string DocumentId, string FileName, string ContentType, long Size, Stream Content);

/// <summary>What the host made of an upload: the stored document, or a refusal to show the applicant.</summary>
public sealed record UploadOutcome(AttachedDocument? Document, LocalizedText? Refusal)
{
    public static UploadOutcome Accepted(AttachedDocument document) => new(document, null);

    public static UploadOutcome Refused(LocalizedText message) => new(null, message);
}
