using EmploymentProcedures.Engine.Definitions;
using EmploymentProcedures.Engine.Workflow;

namespace EmploymentProcedures.Engine.Storage;

/// <summary>The refusals storage adds to the workflow's (<see cref="RefusalCodes"/>): about files, procedures and accounts.</summary>
public static class StorageRefusalCodes
{
    public const string UnknownProcedure = "unknown_procedure";
    public const string WrongApplicant = "wrong_applicant";
    public const string FileTooLarge = "file_too_large";
    public const string FileFormat = "file_format";
    public const string FileEmpty = "file_empty";
    public const string NotAllowed = "not_allowed";
}

internal static class StorageRefusals
{
    public static Refusal UnknownProcedure(string id) => new(StorageRefusalCodes.UnknownProcedure, LocalizedText.Of(
        $"La procédure « {id} » n'est pas publiée.",
        $"المسطرة «{id}» غير منشورة.",
        $"Procedure '{id}' is not published."));

    public static Refusal WrongApplicant(string applicant) => new(StorageRefusalCodes.WrongApplicant, LocalizedText.Of(
        $"Cette procédure est réservée aux comptes « {applicant} ».",
        $"هذه المسطرة مخصصة لحسابات «{applicant}».",
        $"This procedure is for '{applicant}' accounts."));

    public static Refusal FileTooLarge(decimal megabytes) => new(StorageRefusalCodes.FileTooLarge, LocalizedText.Of(
        $"Le fichier dépasse la taille permise ({megabytes.ToString(System.Globalization.CultureInfo.InvariantCulture)} Mo).",
        $"يتجاوز الملف الحجم المسموح به ({megabytes.ToString(System.Globalization.CultureInfo.InvariantCulture)} ميغابايت).",
        $"The file is larger than allowed ({megabytes.ToString(System.Globalization.CultureInfo.InvariantCulture)} MB)."));

    public static Refusal FileFormat(string? detected, IReadOnlyList<string> allowed) => new(StorageRefusalCodes.FileFormat, LocalizedText.Of(
        $"Le contenu du fichier ({detected ?? "inconnu"}) n'est pas un format accepté : {string.Join(", ", allowed)}.",
        $"محتوى الملف ({detected ?? "غير معروف"}) ليس من الصيغ المقبولة: {string.Join(", ", allowed)}.",
        $"The file's content ({detected ?? "unknown"}) is not an accepted format: {string.Join(", ", allowed)}."));

    public static Refusal FileEmpty() => new(StorageRefusalCodes.FileEmpty, LocalizedText.Of(
        "Le fichier est vide.", "الملف فارغ.", "The file is empty."));

    public static Refusal NotAllowed() => new(StorageRefusalCodes.NotAllowed, LocalizedText.Of(
        "Ces chiffres ne sont pas accessibles à votre rôle.", "هذه الأرقام غير متاحة لدوركم.", "These figures are not available to your role."));

    public static Refusal Busy() => Refusal.Of(RefusalCodes.Busy);

    public static Refusal NotYours() => Refusal.Of(RefusalCodes.NotYours);

    public static Refusal AlreadyDecided(string who) => Refusal.Of(RefusalCodes.AlreadyDecided, who);
}
