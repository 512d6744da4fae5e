using EmploymentProcedures.Engine.Definitions;

namespace EmploymentProcedures.Engine.Validation;

/// <summary>
/// Why a value of a prefilled link was left aside, by stable code, in French, Arabic and English; a value its field refuses
/// keeps the validator's own code and message (<see cref="ValidationMessages"/>).
/// </summary>
public static class PrefillReasons
{
    public const string Unknown = "prefill.unknown";
    public const string ReviewerOnly = "prefill.reviewer_only";
    public const string Document = "prefill.document";
    public const string NotAnswered = "prefill.not_answered";
    public const string Consent = "prefill.consent";
    public const string Group = "prefill.group";
    public const string Row = "prefill.row";
    public const string Part = "prefill.part";
    public const string Hidden = "prefill.hidden";
    public const string Repeated = "prefill.repeated";
    public const string Empty = "prefill.empty";
    public const string TooLong = "prefill.too_long";
    public const string TooManyCode = "prefill.too_many";

    /// <summary>Every reason of the link's own, with its three texts; {0} is the figure where there is one.</summary>
    public static IReadOnlyDictionary<string, (string Fr, string Ar, string En)> All { get; } = new Dictionary<string, (string Fr, string Ar, string En)>(StringComparer.Ordinal)
    {
        [Unknown] = ("ce formulaire n'a pas de champ de ce nom.", "لا يتضمن هذا النموذج حقلا بهذا الاسم.", "this form has no field by that name."),
        [ReviewerOnly] = ("ce champ est rempli par l'administration, pas par le demandeur.", "تملأ الإدارة هذا الحقل وليس صاحب الطلب.", "this field is filled in by the administration, not by the applicant."),
        [Document] = ("un document se joint au formulaire, il ne peut pas venir d'un lien.", "تُرفق الوثيقة بالنموذج ولا يمكن أن تأتي من رابط.", "a document is attached to the form; it cannot come from a link."),
        [NotAnswered] = ("ce champ est calculé ou informatif : il ne se remplit pas.", "هذا الحقل محسوب أو إخباري ولا يُملأ.", "this field is computed or for information: it is not filled in."),
        [Consent] = ("une déclaration se coche par le demandeur lui-même.", "يؤشر صاحب الطلب على التصريح بنفسه.", "a declaration is ticked by the applicant themselves."),
        [Group] = ("indiquez la ligne et le champ (par exemple salaries.1.nom).", "حددوا السطر والحقل (مثلا salaries.1.nom).", "give the row and the field (for example employees.1.name)."),
        [Row] = ("ce numéro de ligne n'est pas possible pour ce tableau.", "رقم السطر هذا غير ممكن في هذا الجدول.", "this row number is not possible for this table."),
        [Part] = ("indiquez une partie de l'adresse ou du registre (par exemple adresse.province).", "حددوا جزءا من العنوان أو السجل (مثلا adresse.province).", "give a part of the address or register (for example address.province)."),
        [Hidden] = ("ce champ n'est pas demandé avec les autres réponses.", "هذا الحقل غير مطلوب مع باقي الأجوبة.", "this field is not asked for with the other answers."),
        [Repeated] = ("ce champ ne prend qu'une valeur et le lien en donne plusieurs.", "يقبل هذا الحقل قيمة واحدة والرابط يعطي عدة قيم.", "this field takes one value and the link gives several."),
        [Empty] = ("la valeur est vide.", "القيمة فارغة.", "the value is empty."),
        [TooLong] = ("la valeur dépasse {0} caractères.", "تتجاوز القيمة {0} حرف.", "the value is longer than {0} characters."),
        [TooManyCode] = ("Ce lien porte {0} valeurs ; un lien prérempli en porte au plus {1}. Aucune n'a été reprise.",
            "يحمل هذا الرابط {0} قيمة، والرابط المعبأ مسبقا لا يحمل أكثر من {1}. لم تُعتمد أي قيمة.",
            "This link carries {0} values; a prefilled link carries at most {1}. None was taken."),
    };

    /// <summary>The ignored value <paramref name="key"/> with the reason <paramref name="code"/>, a link's own or the validator's.</summary>
    public static IgnoredValue Ignore(string key, string code, params object?[] args) => new(key, code, Text(code, args));

    /// <summary>The refusal of a link carrying <paramref name="count"/> values, more than <see cref="PrefillLink.MaximumValues"/>.</summary>
    public static LocalizedText TooMany(int count) => Text(TooManyCode, count, PrefillLink.MaximumValues);

    private static LocalizedText Text(string code, params object?[] args) =>
        All.TryGetValue(code, out var texts) ? LocalizedText.Format(texts, args) : ValidationMessages.Format(code, args);
}
