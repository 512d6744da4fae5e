using System.Globalization;

namespace EmploymentProcedures.Designer.Forms;

/// <summary>
/// The form's own words (buttons, progress, hints, upload messages) in French, Arabic and English;
/// the procedure's texts come from its definition and validation messages from the engine.
/// </summary>
internal static class FormTexts
{
    public static readonly IReadOnlyDictionary<string, (string Fr, string Ar, string En)> All = new Dictionary<string, (string Fr, string Ar, string En)>(StringComparer.Ordinal)
    {
        ["form.progress"] = ("Étape {0} sur {1}", "المرحلة {0} من {1}", "Step {0} of {1}"),
        ["form.steps"] = ("Étapes du formulaire", "مراحل الاستمارة", "Form steps"),
        ["form.previous"] = ("Précédent", "السابق", "Previous"),
        ["form.next"] = ("Suivant", "التالي", "Next"),
        ["form.finish"] = ("Vérifier ma demande", "مراجعة طلبي", "Check my application"),
        ["form.summary"] = ("Il y a un problème", "هناك مشكل", "There is a problem"),
        ["form.summary.intro"] = ("Corrigez les points suivants pour continuer :", "يرجى تصحيح النقاط التالية للمتابعة:", "Correct the following to continue:"),
        ["form.optional"] = ("(facultatif)", "(اختياري)", "(optional)"),
        ["form.prefilled"] = ("Prérempli par le lien : vérifiez cette réponse.", "مُعبّأ مسبقا عبر الرابط: تحققوا من هذا الجواب.", "Prefilled by the link: check this answer."),
        ["form.readonly"] = ("Consultation seule", "للاطلاع فقط", "Read only"),
        ["form.locked"] = ("Seuls les champs et documents à modifier sont ouverts.", "الحقول والوثائق المطلوب تعديلها هي وحدها المفتوحة.", "Only the fields and documents to change are open."),
        ["field.yes"] = ("Oui", "نعم", "Yes"),
        ["field.no"] = ("Non", "لا", "No"),
        ["field.choose"] = ("— Choisir —", "— اختيار —", "— Choose —"),
        ["field.currency"] = ("MAD", "درهم", "MAD"),
        ["field.empty"] = ("—", "—", "—"),
        ["group.row"] = ("{0} n° {1}", "{0} رقم {1}", "{0} no. {1}"),
        ["group.add"] = ("Ajouter une ligne", "إضافة سطر", "Add a row"),
        ["group.remove"] = ("Supprimer la ligne {0}", "حذف السطر {0}", "Remove row {0}"),
        ["group.bounds"] = ("De {0} à {1} lignes.", "من {0} إلى {1} أسطر.", "From {0} to {1} rows."),
        ["group.at_most"] = ("Au plus {0} lignes.", "{0} أسطر على الأكثر.", "At most {0} rows."),
        ["group.at_least"] = ("Au moins {0} ligne(s).", "{0} أسطر على الأقل.", "At least {0} row(s)."),
        ["group.none"] = ("Aucune ligne pour l'instant.", "لا يوجد أي سطر حاليا.", "No rows yet."),
        ["address.street"] = ("Adresse (numéro et rue)", "العنوان (الرقم والشارع)", "Address (number and street)"),
        ["address.commune"] = ("Commune", "الجماعة", "Commune"),
        ["address.province"] = ("Préfecture ou province", "العمالة أو الإقليم", "Prefecture or province"),
        ["address.postal_code"] = ("Code postal", "الرمز البريدي", "Postal code"),
        ["rc.number"] = ("Numéro d'immatriculation", "رقم التسجيل", "Registration number"),
        ["rc.court"] = ("Tribunal de commerce", "المحكمة التجارية", "Commercial court"),
        ["hint.phone"] = ("Par exemple 0612345678 ou +33 1 23 45 67 89.", "مثلا 0612345678 أو ‎+33 1 23 45 67 89.", "For example 0612345678 or +33 1 23 45 67 89."),
        ["hint.email"] = ("Par exemple nom@domaine.ma.", "مثلا name@domain.ma.", "For example name@domain.ma."),
        ["hint.cin"] = ("1 ou 2 lettres puis des chiffres, par exemple AB123456.", "حرف أو حرفان ثم أرقام، مثلا AB123456.", "1 or 2 letters then digits, for example AB123456."),
        ["hint.passport"] = ("6 à 12 lettres et chiffres, comme sur le passeport.", "من 6 إلى 12 حرفا ورقما، كما في جواز السفر.", "6 to 12 letters and digits, as on the passport."),
        ["hint.ice"] = ("15 chiffres.", "15 رقما.", "15 digits."),
        ["hint.if"] = ("1 à 8 chiffres.", "من 1 إلى 8 أرقام.", "1 to 8 digits."),
        ["hint.cnss.employer"] = ("7 chiffres (numéro d'affiliation de l'employeur).", "7 أرقام (رقم انخراط المشغل).", "7 digits (employer affiliation number)."),
        ["hint.cnss.insured"] = ("9 chiffres (numéro d'immatriculation de l'assuré).", "9 أرقام (رقم تسجيل المؤمن له).", "9 digits (insured person's number)."),
        ["hint.rib"] = ("24 chiffres.", "24 رقما.", "24 digits."),
        ["hint.iban"] = ("Par exemple MA64 0115 1900 0001 2050 0053 4921.", "مثلا MA64 0115 1900 0001 2050 0053 4921.", "For example MA64 0115 1900 0001 2050 0053 4921."),
        ["hint.date"] = ("Du {0} au {1}.", "من {0} إلى {1}.", "From {0} to {1}."),
        ["hint.date.from"] = ("À partir du {0}.", "ابتداء من {0}.", "From {0}."),
        ["hint.date.until"] = ("Jusqu'au {0}.", "إلى غاية {0}.", "Until {0}."),
        ["documents.title"] = ("Pièces justificatives", "الوثائق المطلوبة", "Supporting documents"),
        ["documents.help"] = ("Joignez chaque document demandé. Les formats et tailles acceptés sont indiqués sous chacun.", "أرفقوا كل وثيقة مطلوبة. الصيغ والأحجام المقبولة مبينة تحت كل وثيقة.", "Attach each document requested. Accepted formats and sizes are shown under each one."),
        ["documents.limits"] = ("Formats acceptés : {0}. Taille maximale : {1} Mo.", "الصيغ المقبولة: {0}. الحجم الأقصى: {1} ميغابايت.", "Accepted formats: {0}. Maximum size: {1} MB."),
        ["documents.max_files"] = ("Jusqu'à {0} fichiers.", "إلى حدود {0} ملفات.", "Up to {0} files."),
        ["documents.choose"] = ("Choisir un fichier", "اختيار ملف", "Choose a file"),
        ["documents.replace"] = ("Remplacer le fichier", "تعويض الملف", "Replace the file"),
        ["documents.remove"] = ("Supprimer {0}", "حذف {0}", "Remove {0}"),
        ["documents.size"] = ("({0} Mo)", "({0} ميغابايت)", "({0} MB)"),
        ["documents.size_kb"] = ("({0} Ko)", "({0} كيلوبايت)", "({0} KB)"),
        ["documents.attached"] = ("Fichiers joints", "الملفات المرفقة", "Attached files"),
        ["documents.progress"] = ("Envoi de {0} : {1} %", "إرسال {0}: {1}٪", "Uploading {0}: {1}%"),
        ["documents.done"] = ("{0} a été joint.", "تم إرفاق {0}.", "{0} was attached."),
        ["upload.format"] = ("Le fichier {0} n'est pas accepté : formats acceptés {1}.", "الملف {0} غير مقبول: الصيغ المقبولة {1}.", "The file {0} is not accepted: accepted formats {1}."),
        ["upload.size"] = ("Le fichier {0} fait {1} Mo : la taille maximale est {2} Mo.", "حجم الملف {0} هو {1} ميغابايت: الحجم الأقصى {2} ميغابايت.", "The file {0} is {1} MB: the maximum size is {2} MB."),
        ["upload.count"] = ("Vous avez déjà joint {0} fichier(s), le maximum pour ce document.", "سبق أن أرفقتم {0} ملفات، وهو الحد الأقصى لهذه الوثيقة.", "You have already attached {0} file(s), the maximum for this document."),
        ["upload.failed"] = ("L'envoi de {0} a échoué. Réessayez.", "فشل إرسال {0}. يرجى إعادة المحاولة.", "Uploading {0} failed. Try again."),
        ["upload.unavailable"] = ("L'envoi de documents n'est pas disponible ici.", "إرسال الوثائق غير متاح هنا.", "Document upload is not available here."),
    };

    public static string Get(string key, string language, params object?[] args)
    {
        var texts = All.TryGetValue(key, out var found) ? found : throw new ArgumentException($"no form text '{key}'", nameof(key));
        return FormCulture.Say(texts, language, args);
    }
}

/// <summary>The culture a language's numbers and dates are shown in (Moroccan French and Arabic, with Latin digits).</summary>
internal static class FormCulture
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-MA");
    private static readonly CultureInfo Arabic = CultureInfo.GetCultureInfo("ar-MA");
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    public static CultureInfo For(string language) => language switch
    {
        "ar" => Arabic,
        "en" => English,
        _ => French,
    };

    /// <summary>The text of <paramref name="language"/> (French for any other), formatted in its culture when there are <paramref name="args"/>.</summary>
    public static string Say((string Fr, string Ar, string En) texts, string language, params object?[] args)
    {
        var text = language switch
        {
            "ar" => texts.Ar,
            "en" => texts.En,
            _ => texts.Fr,
        };
        return args.Length == 0 ? text : string.Format(For(language), text, args);
    }

    public static bool IsRightToLeft(string language) => language == "ar";

    public static string Direction(string language) => IsRightToLeft(language) ? "rtl" : "ltr";

    public static string Date(DateOnly date, string language) => date.ToString("d", For(language));

    public static string Number(decimal number, string language) => number.ToString("#,0.######", For(language));
}
