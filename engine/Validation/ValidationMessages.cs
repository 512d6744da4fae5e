using EmploymentProcedures.Engine.Definitions;
using EmploymentProcedures.Engine.Validation.Identifiers;

namespace EmploymentProcedures.Engine.Validation;

/// <summary>Every validation message, keyed by code, in French, Arabic and English. {0}, {1} are the rule's figures.</summary>
public static class ValidationMessages
{
    private static readonly Dictionary<string, (string Fr, string Ar, string En)> Own = new(StringComparer.Ordinal)
    {
        ["required"] = ("Ce champ est obligatoire.", "هذا الحقل إلزامي.", "This field is required."),
        ["consent.required"] = ("Vous devez cocher cette déclaration pour continuer.", "يجب عليكم الموافقة على هذا التصريح للمتابعة.", "You must tick this declaration to continue."),
        ["text.min_length"] = ("Saisissez au moins {0} caractères.", "أدخلوا {0} حروف على الأقل.", "Enter at least {0} characters."),
        ["text.max_length"] = ("Saisissez au plus {0} caractères.", "أدخلوا {0} حروف على الأكثر.", "Enter at most {0} characters."),
        ["text.pattern"] = ("Le format saisi n'est pas valide.", "الصيغة المدخلة غير صحيحة.", "The format is not valid."),
        ["number.format"] = ("Saisissez un nombre (par exemple 1250 ou 1250.50).", "أدخلوا رقما (مثلا 1250 أو 1250.50).", "Enter a number (for example 1250 or 1250.50)."),
        ["number.min"] = ("La valeur doit être au moins {0}.", "يجب ألا تقل القيمة عن {0}.", "The value must be at least {0}."),
        ["number.max"] = ("La valeur doit être au plus {0}.", "يجب ألا تتجاوز القيمة {0}.", "The value must be at most {0}."),
        ["number.decimals"] = ("Saisissez au plus {0} chiffre(s) après la virgule.", "أدخلوا {0} أرقام على الأكثر بعد الفاصلة.", "Enter at most {0} digit(s) after the decimal point."),
        ["date.format"] = ("Saisissez une date valide (AAAA-MM-JJ).", "أدخلوا تاريخا صحيحا (السنة-الشهر-اليوم).", "Enter a valid date (YYYY-MM-DD)."),
        ["date.min"] = ("La date doit être le {0} ou après.", "يجب أن يكون التاريخ {0} أو بعده.", "The date must be on or after {0}."),
        ["date.max"] = ("La date doit être le {0} ou avant.", "يجب أن يكون التاريخ {0} أو قبله.", "The date must be on or before {0}."),
        ["boolean.format"] = ("Répondez par oui ou non.", "أجيبوا بنعم أو لا.", "Answer yes or no."),
        ["choice.unknown"] = ("Choisissez une des options proposées.", "اختاروا أحد الاختيارات المقترحة.", "Choose one of the options offered."),
        ["multichoice.min"] = ("Choisissez au moins {0} option(s).", "اختاروا {0} اختيارات على الأقل.", "Choose at least {0} option(s)."),
        ["multichoice.max"] = ("Choisissez au plus {0} option(s).", "اختاروا {0} اختيارات على الأكثر.", "Choose at most {0} option(s)."),
        ["email.format"] = ("Saisissez une adresse électronique valide (nom@domaine.ma).", "أدخلوا بريدا إلكترونيا صحيحا (name@domain.ma).", "Enter a valid email address (name@domain.ma)."),
        ["group.min"] = ("Ajoutez au moins {0} ligne(s).", "أضيفوا {0} أسطر على الأقل.", "Add at least {0} row(s)."),
        ["group.max"] = ("Ajoutez au plus {0} ligne(s).", "أضيفوا {0} أسطر على الأكثر.", "Add at most {0} row(s)."),
        ["province.unknown"] = ("Choisissez une préfecture ou une province de la liste.", "اختاروا عمالة أو إقليما من القائمة.", "Choose a prefecture or province from the list."),
        ["court.unknown"] = ("Choisissez le tribunal de commerce de la liste.", "اختاروا المحكمة التجارية من القائمة.", "Choose the commercial court from the list."),
        ["document.required"] = ("Ce document est obligatoire.", "هذه الوثيقة إلزامية.", "This document is required."),
        ["document.format"] = ("Format non accepté ; formats acceptés : {0}.", "صيغة غير مقبولة؛ الصيغ المقبولة: {0}.", "Format not accepted; accepted formats: {0}."),
        ["document.size"] = ("Le fichier dépasse {0} Mo.", "يتجاوز الملف {0} ميغابايت.", "The file is larger than {0} MB."),
        ["document.count"] = ("Joignez au plus {0} fichier(s).", "أرفقوا {0} ملفات على الأكثر.", "Attach at most {0} file(s)."),
        ["document.unknown"] = ("Ce document n'est pas demandé par la procédure.", "هذه الوثيقة غير مطلوبة في هذه المسطرة.", "This document is not requested by the procedure."),
    };

    /// <summary>Every code with its three texts (field rules, identifiers, documents).</summary>
    public static IReadOnlyDictionary<string, (string Fr, string Ar, string En)> All { get; } =
        Own.Concat(IdentifierMessages.All).ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);

    public static LocalizedText Format(string code, params object?[] args)
    {
        var texts = All.TryGetValue(code, out var found) ? found : throw new ArgumentException($"no message for validation code '{code}'", nameof(code));
        return LocalizedText.Format(texts, args);
    }
}
