using System.Globalization;
using EmploymentProcedures.Engine.Storage;

namespace EmploymentProcedures.Engine.Archiving;

/// <summary>
/// Where each part of a <see cref="Dossier"/> goes in its archive: <c>dossier.html</c>, <c>documents/</c>, <c>letters/</c>,
/// <c>messages.html</c> and <c>messages/</c> when there are messages, <c>audit.csv</c> for staff, <c>manifest.json</c>.
/// Laid out before a byte is written, so the pages can link to the files next to them.
/// </summary>
public sealed class DossierLayout
{
    public const string Summary = "dossier.html";
    public const string MessagesPage = "messages.html";
    public const string AuditFile = "audit.csv";
    public const string Manifest = "manifest.json";
    public const string DocumentsFolder = "documents/";
    public const string LettersFolder = "letters/";
    public const string MessagesFolder = "messages/";

    private DossierLayout(Dossier dossier, IReadOnlyList<DossierPart<DossierFile>> documents, IReadOnlyList<DossierPart<DossierLetter>> letters,
        IReadOnlyList<DossierPart<DossierLetter>> letterPdfs, IReadOnlyList<DossierPart<DossierFile>> messageFiles)
    {
        Dossier = dossier;
        Documents = documents;
        Letters = letters;
        LetterPdfs = letterPdfs;
        MessageFiles = messageFiles;
    }

    public Dossier Dossier { get; }

    /// <summary>Each attached file and its entry: <c>documents/&lt;document's label&gt; - &lt;file's name&gt;.&lt;format&gt;</c>.</summary>
    public IReadOnlyList<DossierPart<DossierFile>> Documents { get; }

    /// <summary>Each letter and its entry: <c>letters/&lt;its file name&gt;</c>.</summary>
    public IReadOnlyList<DossierPart<DossierLetter>> Letters { get; }

    /// <summary>Each letter and the entry of its PDF, next to its HTML: <c>letters/TAE-2026-000042-decision-approved.pdf</c>.</summary>
    public IReadOnlyList<DossierPart<DossierLetter>> LetterPdfs { get; }

    /// <summary>Each message's file and its entry: <c>messages/&lt;message's number&gt; - &lt;file's name&gt;.&lt;format&gt;</c>.</summary>
    public IReadOnlyList<DossierPart<DossierFile>> MessageFiles { get; }

    /// <summary>Whether the archive has <c>messages.html</c> (the application has messages).</summary>
    public bool HasMessages => Dossier.Messages.Count > 0;

    /// <summary>The entry of an attached file (the one of <see cref="Documents"/> for that document and name).</summary>
    public string? EntryOf(string documentId, string fileName) =>
        Documents.FirstOrDefault(d => d.Item.Owner == documentId && d.Item.FileName == fileName)?.Name;

    /// <summary>The entry of a message's file.</summary>
    public string? EntryOf(long attachmentId) =>
        Dossier.MessageFiles.TryGetValue(attachmentId, out var file) ? MessageFiles.FirstOrDefault(f => ReferenceEquals(f.Item, file))?.Name : null;

    public static DossierLayout Of(Dossier dossier)
    {
        ArgumentNullException.ThrowIfNull(dossier);
        var names = new DossierNames();
        foreach (var fixedName in (string[])[Summary, MessagesPage, AuditFile, Manifest])
            names.Take("", fixedName, Path.GetExtension(fixedName)[1..]);

        var labels = dossier.Definition.Documents.ToDictionary(d => d.Id, d => d.Label?.Get(dossier.Language) ?? d.Id, StringComparer.Ordinal);
        var documents = dossier.Documents
            .Select(d => new DossierPart<DossierFile>(d, names.Take(DocumentsFolder, $"{labels.GetValueOrDefault(d.Owner, d.Owner)} - {d.FileName}", d.Format)))
            .ToList();
        var letters = dossier.Letters
            .Select(l => new DossierPart<DossierLetter>(l, names.Take(LettersFolder, l.Letter.FileName, "html")))
            .ToList();
        var letterPdfs = dossier.Letters
            .Select(l => new DossierPart<DossierLetter>(l, names.Take(LettersFolder, LetterFileNames.Pdf(l.Letter), "pdf")))
            .ToList();
        var messageFiles = new List<DossierPart<DossierFile>>();
        for (var i = 0; i < dossier.Messages.Count; i++)
        {
            foreach (var attachment in dossier.Messages[i].Attachments)
            {
                if (dossier.MessageFiles.TryGetValue(attachment.Id, out var file))
                    messageFiles.Add(new DossierPart<DossierFile>(file, names.Take(MessagesFolder, string.Create(CultureInfo.InvariantCulture, $"{i + 1:D2} - {file.FileName}"), file.Format)));
            }
        }
        return new DossierLayout(dossier, documents, letters, letterPdfs, messageFiles);
    }
}

/// <summary>A part of the dossier and the name of its entry in the archive.</summary>
public sealed record DossierPart<T>(T Item, string Name);
