using EmploymentProcedures.Engine.Definitions;

namespace EmploymentProcedures.Engine.Authoring;

/// <summary>The circuit diagram's own words in French, Arabic and English; the procedure's come from its definition.</summary>
internal static class CircuitTexts
{
    private static readonly Dictionary<string, (string Fr, string Ar, string En)> Words = new(StringComparer.Ordinal)
    {
        ["title"] = ("Circuit de traitement : {0}", "مسار المعالجة: {0}", "Processing circuit: {0}"),
        ["summary"] = ("{0} étape(s) : {1}. Issues : {2}.", "{0} مرحلة: {1}. المآلات: {2}.", "{0} step(s): {1}. Outcomes: {2}."),
        ["start"] = ("Dépôt du dossier", "إيداع الملف", "Application submitted"),
        ["end.approved"] = ("Demande acceptée", "قبول الطلب", "Application approved"),
        ["end.acknowledged"] = ("Déclaration prise en compte", "أُخذ العلم بالتصريح", "Declaration acknowledged"),
        ["end.approved-or-acknowledged"] = ("Acceptée ou prise en compte, selon la dernière étape", "مقبول أو مأخوذ به علما، حسب المرحلة الأخيرة", "Approved or acknowledged, as the last step decides"),
        ["end.rejected"] = ("Demande rejetée", "رفض الطلب", "Application rejected"),
        ["end.deadline.approve"] = ("Acceptée d'office : le silence vaut accord", "قبول تلقائي: السكوت يعني القبول", "Approved by default: silence means yes"),
        ["end.deadline.reject"] = ("Rejetée d'office : le silence vaut refus", "رفض تلقائي: السكوت يعني الرفض", "Rejected by default: silence means no"),
        ["role"] = ("Rôle : {0}", "الدور: {0}", "Role: {0}"),
        ["parallel.all"] = ("En parallèle : {0} ; tous doivent donner un avis favorable", "بالتوازي: {0}؛ يجب أن يوافق الجميع", "In parallel: {0}; all must approve"),
        ["parallel.quorum"] = ("En parallèle : {0} ; {1} avis favorables sur {2} suffisent", "بالتوازي: {0}؛ تكفي {1} آراء موافقة من أصل {2}", "In parallel: {0}; {1} approvals out of {2} are enough"),
        ["condition"] = ("Seulement si : {0}", "فقط إذا: {0}", "Only if: {0}"),
        ["deadline.business"] = ("Délai : {0} jours ouvrables", "الأجل: {0} أيام عمل", "Deadline: {0} working days"),
        ["deadline.calendar"] = ("Délai : {0} jours", "الأجل: {0} أيام", "Deadline: {0} days"),
        ["legal.business"] = ("Délai légal : {0} jours ouvrables", "الأجل القانوني: {0} أيام عمل", "Legal deadline: {0} working days"),
        ["legal.calendar"] = ("Délai légal : {0} jours", "الأجل القانوني: {0} أيام", "Legal deadline: {0} days"),
        ["actions"] = ("Actions : {0}", "الإجراءات: {0}", "Actions: {0}"),
        ["action.approve"] = ("accepter", "قبول", "approve"),
        ["action.reject"] = ("rejeter", "رفض", "reject"),
        ["action.request_changes"] = ("demander des compléments", "طلب استكمال الملف", "request changes"),
        ["action.return"] = ("renvoyer à une étape précédente", "إرجاع إلى مرحلة سابقة", "return to an earlier step"),
        ["action.acknowledge"] = ("prendre acte", "أخذ العلم", "acknowledge"),
        ["edge.submit"] = ("dépôt", "إيداع", "submitted"),
        ["edge.quorum"] = ("{0} avis favorables", "{0} آراء موافقة", "{0} approvals"),
        ["edge.yes"] = ("oui", "نعم", "yes"),
        ["edge.skipped"] = ("non : étape sautée", "لا: تُتخطى المرحلة", "no: step skipped"),
        ["edge.rejected"] = ("au-delà de {0} refus", "أكثر من {0} رفض", "over {0} refusals"),
        ["edge.changes"] = ("compléments demandés au demandeur, puis retour à cette étape", "طلب الاستكمال من صاحب الطلب ثم العودة إلى هذه المرحلة", "changes asked of the applicant, then back to this step"),
        ["edge.return"] = ("renvoi à une étape précédente", "إرجاع إلى مرحلة سابقة", "returned to an earlier step"),
        ["edge.deadline"] = ("délai légal dépassé sans décision", "انقضاء الأجل القانوني دون قرار", "legal deadline passed without a decision"),
        ["list.separator"] = (", ", "، ", ", "),
    };

    public static string Word(string key, string language) => Words[key].In(language);

    public static string Format(string key, string language, params object[] args) =>
        string.Format(Wording.Culture(language), Word(key, language), args);

    public static string Join(IEnumerable<string> items, string language) => string.Join(Word("list.separator", language), items);

    public static string Action(StepAction action, string language) => Word("action." + action.Name(), language);

    public static string Deadline(DeadlineDefinition deadline, CalendarKind? fallback, string prefix, string language) =>
        Format((deadline.Calendar ?? fallback) == CalendarKind.Calendar ? prefix + ".calendar" : prefix + ".business", language, deadline.Days);
}
