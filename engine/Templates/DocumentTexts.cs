using System.Globalization;
using EmploymentProcedures.Engine.Definitions;

namespace EmploymentProcedures.Engine.Templates;

/// <summary>
/// The words and conventions letters use in each language: yes/no, statuses, decisions, deadline
/// units, and how dates, numbers and amounts are written (fr-MA, ar-MA, en).
/// </summary>
internal static class DocumentTexts
{
    public static readonly IReadOnlyList<string> Languages = ["fr", "ar", "en"];

    private static readonly Dictionary<string, CultureInfo> Cultures = new(StringComparer.Ordinal)
    {
        ["fr"] = CultureInfo.GetCultureInfo("fr-MA"),
        ["ar"] = CultureInfo.GetCultureInfo("ar-MA"),
        ["en"] = CultureInfo.GetCultureInfo("en"),
    };

    private static readonly Dictionary<string, LocalizedText> Words = new(StringComparer.Ordinal)
    {
        ["yes"] = LocalizedText.Of("Oui", "نعم", "Yes"),
        ["no"] = LocalizedText.Of("Non", "لا", "No"),
        ["currency"] = LocalizedText.Of("MAD", "درهم", "MAD"),
        ["list-separator"] = LocalizedText.Of(", ", "، ", ", "),
        ["days.business"] = LocalizedText.Of("{0} jours ouvrables", "{0} أيام عمل", "{0} working days"),
        ["days.calendar"] = LocalizedText.Of("{0} jours", "{0} أيام", "{0} days"),
        ["row"] = LocalizedText.Of("{0} n° {1}", "{0} رقم {1}", "{0} no. {1}"),
        ["status.draft"] = LocalizedText.Of("Brouillon", "مسودة", "Draft"),
        ["status.submitted"] = LocalizedText.Of("Déposée", "مودع", "Submitted"),
        ["status.in_review"] = LocalizedText.Of("En cours d'instruction", "قيد الدراسة", "Under review"),
        ["status.changes_requested"] = LocalizedText.Of("Compléments demandés", "مطلوب استكمال الملف", "Changes requested"),
        ["status.approved"] = LocalizedText.Of("Acceptée", "مقبول", "Approved"),
        ["status.rejected"] = LocalizedText.Of("Rejetée", "مرفوض", "Rejected"),
        ["status.withdrawn"] = LocalizedText.Of("Retirée", "مسحوب", "Withdrawn"),
        ["status.acknowledged"] = LocalizedText.Of("Prise en compte", "تم التوصل به", "Acknowledged"),
        ["action.approve"] = LocalizedText.Of("Acceptation", "قبول", "Approval"),
        ["action.reject"] = LocalizedText.Of("Rejet", "رفض", "Rejection"),
        ["action.request_changes"] = LocalizedText.Of("Demande de compléments", "طلب استكمال الملف", "Request for changes"),
        ["action.return"] = LocalizedText.Of("Renvoi à une étape précédente", "إرجاع إلى مرحلة سابقة", "Returned to an earlier step"),
        ["action.acknowledge"] = LocalizedText.Of("Prise en compte", "التوصل", "Acknowledgement"),
    };

    public static CultureInfo Culture(string language) => Cultures[language];

    public static string Word(string key, string language) => Words[key].Get(language);

    public static string Format(string key, string language, params object?[] args) =>
        string.Format(Culture(language), Word(key, language), args);

    public static string Status(string code, string language) =>
        Words.TryGetValue("status." + code, out var text) ? text.Get(language) : code;

    public static string Action(StepAction action, string language) => Word("action." + action.Name(), language);

    /// <summary>"2 mars 2026", "2 مارس 2026", "2 March 2026".</summary>
    public static string Date(DateOnly date, string language) => date.ToString("d MMMM yyyy", Culture(language));

    public static string Number(decimal number, string language) => number.ToString("#,0.##########", Culture(language));

    public static string Money(decimal amount, string language) =>
        amount.ToString("N2", Culture(language)) + "\u00A0" + Word("currency", language);

    public static string YesNo(bool value, string language) => Word(value ? "yes" : "no", language);

    public static string Deadline(DeadlineDefinition deadline, string language) =>
        Format(deadline.Calendar == CalendarKind.Calendar ? "days.calendar" : "days.business", language, deadline.Days);
}
