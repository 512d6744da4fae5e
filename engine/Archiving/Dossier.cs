using EmploymentProcedures.Engine.Definitions;
using EmploymentProcedures.Engine.Storage;
using EmploymentProcedures.Engine.Workflow;

namespace EmploymentProcedures.Engine.Archiving;

/// <summary>
/// Everything about one application that goes into its "whole file" archive, read for the person who asked
/// (<see cref="Applications.DossierAsync"/>): the application, the definition version it is pinned to, its files,
/// letters and messages, its history as that person may read it, and for staff the audit trail with its verification.
/// The bytes of files are not here: <see cref="DossierArchive"/> streams them from the document store.
/// </summary>
public sealed class Dossier
{
    internal Dossier(IDocumentStore store) => Store = store;

    internal IDocumentStore Store { get; }

    public required Application Application { get; init; }

    /// <summary>The version of the procedure the application is pinned to.</summary>
    public required ProcedureDefinition Definition { get; init; }

    public required int DefinitionVersion { get; init; }

    /// <summary>The files the applicant attached, in the application's order.</summary>
    public required IReadOnlyList<DossierFile> Documents { get; init; }

    /// <summary>The letters issued, oldest first, with their HTML.</summary>
    public required IReadOnlyList<DossierLetter> Letters { get; init; }

    /// <summary>The thread between the applicant and the administration, oldest first.</summary>
    public required IReadOnlyList<ApplicationMessage> Messages { get; init; }

    /// <summary>The files of the messages, by <see cref="MessageAttachment.Id"/>.</summary>
    public required IReadOnlyDictionary<long, DossierFile> MessageFiles { get; init; }

    /// <summary>The application's history as <see cref="Applications.HistoryAsync"/> gives it to the person who asked (the timeline's source).</summary>
    public required IReadOnlyList<AuditRecord> History { get; init; }

    /// <summary>The audit trail with each entry's check: for staff (reviewers, administrators) only, null for the applicant.</summary>
    public required DossierAudit? Audit { get; init; }

    /// <summary>Who asked: named in the manifest; their language is the summary's.</summary>
    public required Actor RequestedBy { get; init; }

    /// <summary>UTC, when the archive was asked for (the reviewer's audit entry has the same time).</summary>
    public required DateTime GeneratedAt { get; init; }

    /// <summary><c>fr</c>, <c>ar</c> or <c>en</c>: the requester's.</summary>
    public string Language => RequestedBy.Language;

    /// <summary>The archive's name: the reference (<c>STV-2026-000001.zip</c>), or the id for a draft.</summary>
    public string FileName => (Application.Reference ?? "dossier-" + Application.Id.ToString("N")) + ".zip";
}

/// <summary>A stored file of the application: what the person called it (a label only), its format as the store detected it, and where its bytes are.</summary>
/// <param name="Owner">The document id of the definition for an attached file; the message's id for a message's file.</param>
/// <param name="Hash">SHA-256 of the content, hex: its name in the document store.</param>
public sealed record DossierFile(string Owner, string FileName, string Format, long SizeBytes, string Hash);

/// <summary>A letter issued on the application, with the HTML that was issued.</summary>
public sealed record DossierLetter(IssuedLetter Letter, ReadOnlyMemory<byte> Content);

/// <summary>The application's audit entries, oldest first, each with whether it still matches its hash and follows the entry before it in the chain.</summary>
public sealed record DossierAudit(IReadOnlyList<DossierAuditEntry> Entries)
{
    /// <summary>True when every entry verified.</summary>
    public bool Intact => Entries.All(e => e.Verified);
}

/// <summary>One audit entry with its place in the chain.</summary>
/// <param name="Verified">
/// Its personal texts match their salted digests (format 2, unless redacted), its hash is what its fields and the previous
/// hash give, and the entry before it in the chain has that previous hash.
/// </param>
public sealed record DossierAuditEntry(AuditRecord Record, string PreviousHash, string Hash, bool Verified);
