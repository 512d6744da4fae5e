using EmploymentProcedures.Designer.Forms;
using EmploymentProcedures.Engine.Authoring;

namespace EmploymentProcedures.Designer.Design;

/// <summary>
/// The designer's own words for the change list and the circuit, in French, Arabic and English; the changes'
/// reasons and the circuit's texts come from the engine, the procedure's from its definition.
/// </summary>
internal static class DesignTexts
{
    private static readonly Dictionary<string, (string Fr, string Ar, string En)> All = new(StringComparer.Ordinal)
    {
        ["changes.title"] = ("Changements par rapport à la version publiée", "التغييرات مقارنة بالنسخة المنشورة", "Changes from the published version"),
        ["changes.none"] = ("Aucun changement par rapport à la version publiée.", "لا يوجد أي تغيير مقارنة بالنسخة المنشورة.", "No change from the published version."),
        ["changes.summary"] = ("{0} changement(s), dont {1} qui casserai(en)t les dossiers déjà déposés s'ils y passaient : ils restent sur leur version.", "{0} تغيير، منها {1} قد يُخلّ بالملفات المودعة لو نُقلت إليها: تبقى على صيغتها.", "{0} change(s), {1} of them would break applications already submitted were they moved: those stay on their version."),
        ["changes.breaking"] = ("Casserait les dossiers déposés", "يُخلّ بالملفات المودعة", "Would break submitted applications"),
        ["changes.cosmetic"] = ("Textes seulement", "نصوص فقط", "Texts only"),
        ["changes.before"] = ("avant :", "قبل:", "before:"),
        ["changes.after"] = ("après :", "بعد:", "after:"),
        ["changes.absent"] = ("absent", "غير موجود", "absent"),
        ["kind.added"] = ("Ajouté", "مضاف", "Added"),
        ["kind.removed"] = ("Supprimé", "محذوف", "Removed"),
        ["kind.changed"] = ("Modifié", "معدل", "Changed"),
        ["area.section"] = ("Pages du formulaire", "صفحات الاستمارة", "Form pages"),
        ["area.field"] = ("Champs", "الخانات", "Fields"),
        ["area.option"] = ("Options des listes", "اختيارات القوائم", "List options"),
        ["area.document"] = ("Documents", "الوثائق", "Documents"),
        ["area.rule"] = ("Règles", "القواعد", "Rules"),
        ["area.step"] = ("Étapes du circuit", "مراحل المسار", "Circuit steps"),
        ["area.output"] = ("Lettres", "الرسائل", "Letters"),
        ["area.deadline"] = ("Délais", "الآجال", "Deadlines"),
        ["area.applicant"] = ("Demandeur", "صاحب الطلب", "Applicant"),
        ["area.label"] = ("Étiquettes des agents", "أوسام الأعوان", "Reviewers' labels"),
        ["area.other"] = ("Autres", "أخرى", "Other"),
        ["prefill.build"] = ("Copier le lien prérempli", "نسخ الرابط المعبأ مسبقا", "Copy the prefilled link"),
        ["prefill.label"] = ("Lien prérempli", "الرابط المعبأ مسبقا", "Prefilled link"),
        ["prefill.help"] = ("Ce lien ouvre une nouvelle demande avec {0} valeur(s) des réponses de l'aperçu (seuls les champs qu'un demandeur remplit ; ni déclarations, ni documents, ni champs calculés).", "يفتح هذا الرابط طلبا جديدا بـ {0} قيمة من أجوبة المعاينة (الحقول التي يملؤها صاحب الطلب فقط؛ دون التصريحات والوثائق والحقول المحسوبة).", "This link opens a new application with {0} value(s) from the preview's answers (only fields an applicant fills in; no declarations, documents or computed fields)."),
        ["prefill.none"] = ("Aucune réponse de l'aperçu ne peut aller dans un lien : remplissez d'abord des champs du formulaire ci-dessus.", "لا يمكن وضع أي جواب من المعاينة في رابط: املؤوا أولا حقولا في الاستمارة أعلاه.", "No answer of the preview can go in a link: fill in some of the form's fields above first."),
        ["prefill.too_many"] = ("Attention : le portail ne reprend pas un lien de plus de {0} valeurs.", "تنبيه: لا تعتمد البوابة رابطا يحمل أكثر من {0} قيمة.", "Note: the portal does not take a link of more than {0} values."),
        ["prefill.copy"] = ("Copier", "نسخ", "Copy"),
        ["prefill.copied"] = ("Lien copié.", "تم نسخ الرابط.", "Link copied."),
        ["prefill.selected"] = ("Le lien est sélectionné : copiez-le avec Ctrl+C.", "الرابط محدد: انسخوه بـ Ctrl+C.", "The link is selected: copy it with Ctrl+C."),
        ["retire.open"] = ("Retirer cette procédure…", "سحب هذه المسطرة…", "Retire this procedure…"),
        ["retire.title"] = ("Retirer « {0} » ?", "سحب «{0}»؟", "Retire '{0}'?"),
        ["retire.explained"] = (
            "Elle disparaîtra du catalogue et de la recherche ; sa page dira qu'elle n'est plus ouverte aux nouvelles demandes, et les brouillons ne pourront plus être déposés. Les dossiers déjà déposés suivent leur cours jusqu'à leur décision. Vous pourrez la rétablir.",
            "ستختفي من الفهرس ومن البحث؛ وستشير صفحتها إلى أنها لم تعد مفتوحة لطلبات جديدة، ولن يعود بالإمكان إيداع المسودات. أما الملفات المودعة فتتابع مسارها إلى حين البت فيها. يمكنكم إعادة تفعيلها لاحقا.",
            "It will leave the catalog and the search; its page will say it is no longer open to new applications, and drafts can no longer be submitted. Applications already submitted go on to their decision. You can reinstate it."),
        ["retire.reason"] = ("Motif du retrait (obligatoire)", "سبب السحب (إلزامي)", "Reason for retiring it (required)"),
        ["retire.reason.hint"] = ("Par exemple le texte qui abroge la procédure. Conservé dans le journal d'audit ; {0} caractères au plus.", "مثلا النص الذي ألغى المسطرة. يُحفظ في سجل التتبع؛ {0} حرفا على الأكثر.", "For instance the text that abolishes the procedure. Kept in the audit log; {0} characters at most."),
        ["retire.reason.required"] = ("Indiquez le motif du retrait.", "المرجو تحديد سبب السحب.", "Give the reason for retiring it."),
        ["retire.reason.long"] = ("Le motif compte plus de {0} caractères.", "يتجاوز السبب {0} حرفا.", "The reason is longer than {0} characters."),
        ["retire.confirm"] = ("Retirer la procédure", "سحب المسطرة", "Retire the procedure"),
        ["retire.cancel"] = ("Annuler", "إلغاء", "Cancel"),
        ["circuit.list"] = ("Le circuit, étape par étape", "المسار، مرحلة بمرحلة", "The circuit, step by step"),
    };

    public static string Get(string key, string language, params object?[] args) =>
        FormCulture.Say(All.TryGetValue(key, out var texts) ? texts : throw new ArgumentException($"no designer text '{key}'", nameof(key)), language, args);

    public static string Area(ChangeArea area, string language) => Get("area." + area.ToString().ToLowerInvariant(), language);

    public static string Kind(ChangeKind kind, string language) => Get("kind." + kind.ToString().ToLowerInvariant(), language);
}
