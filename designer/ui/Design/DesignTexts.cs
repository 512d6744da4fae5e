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
        ["area.other"] = ("Autres", "أخرى", "Other"),
        ["circuit.list"] = ("Le circuit, étape par étape", "المسار، مرحلة بمرحلة", "The circuit, step by step"),
    };

    public static string Get(string key, string language, params object?[] args) =>
        FormCulture.Say(All.TryGetValue(key, out var texts) ? texts : throw new ArgumentException($"no designer text '{key}'", nameof(key)), language, args);

    public static string Area(ChangeArea area, string language) => Get("area." + area.ToString().ToLowerInvariant(), language);

    public static string Kind(ChangeKind kind, string language) => Get("kind." + kind.ToString().ToLowerInvariant(), language);
}
