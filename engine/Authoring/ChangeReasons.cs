using EmploymentProcedures.Engine.Definitions;

namespace EmploymentProcedures.Engine.Authoring;

/// <summary>
/// Why a change would break files already submitted (in review, sent back for changes) were they moved to it, in French,
/// Arabic and English, one entry per kind of break; and what happens to the drafts, which are moved.
/// </summary>
internal static class ChangeReasons
{
    public const string FieldRemoved = "field_removed";
    public const string FieldType = "field_type";
    public const string FieldRequired = "field_required";
    public const string FieldShown = "field_shown";
    public const string FieldNarrower = "field_narrower";
    public const string OptionRemoved = "option_removed";
    public const string ListChanged = "list_changed";
    public const string SectionShown = "section_shown";
    public const string DocumentRemoved = "document_removed";
    public const string DocumentRequired = "document_required";
    public const string DocumentFormats = "document_formats";
    public const string DocumentLimit = "document_limit";
    public const string RuleCheck = "rule_check";
    public const string StepRemoved = "step_removed";
    public const string StepRenamed = "step_renamed";
    public const string StepMoved = "step_moved";
    public const string OpinionsLost = "opinions_lost";
    public const string ReviewerFieldType = "reviewer_field_type";
    public const string DeadlineShorter = "deadline_shorter";
    public const string SilenceDecides = "silence_decides";
    public const string ApplicantChanged = "applicant_changed";
    public const string LabelRemoved = "label_removed";
    public const string DraftsMoved = "drafts_moved";
    public const string DraftsMovedWhole = "drafts_moved_whole";

    public static LocalizedText Of(string code, params object?[] args) => LocalizedText.Format(Texts[code], args);

    private static readonly Dictionary<string, (string Fr, string Ar, string En)> Texts = new(StringComparer.Ordinal)
    {
        [LabelRemoved] = (
            "Les dossiers qui portent l'étiquette « {0} » la gardent enregistrée, mais les agents ne la voient plus et ne peuvent plus filtrer par elle ; elle réapparaît si son identifiant revient.",
            "تحتفظ الملفات التي تحمل الوسم «{0}» به مسجلا، لكن الأعوان لن يروه بعد الآن ولن يتمكنوا من التصفية به؛ ويظهر من جديد إذا عاد معرّفه.",
            "Files carrying the label '{0}' keep it recorded, but reviewers no longer see it or filter by it; it shows again should its id come back."),
        [FieldRemoved] = (
            "Les réponses déjà données à « {0} » seraient perdues.",
            "ستضيع الأجوبة المُدخَلة سابقا في «{0}».",
            "Answers already given to '{0}' would be lost."),
        [FieldType] = (
            "Les réponses déjà saisies ne seraient plus valides : le type passe de {0} à {1}.",
            "لن تبقى الأجوبة المُدخَلة سابقا صالحة: يتغير النوع من {0} إلى {1}.",
            "Answers already entered would no longer be valid: the type changes from {0} to {1}."),
        [FieldRequired] = (
            "Les dossiers renvoyés pour complément échoueraient au nouveau dépôt tant que « {0} » n'est pas renseigné.",
            "ستفشل الملفات المطلوب استكمالها عند إعادة الإيداع ما دامت «{0}» غير مُدخَلة.",
            "Applications sent back for changes would fail at resubmission until '{0}' is answered."),
        [FieldShown] = (
            "« {0} » serait demandé dans des dossiers où il était caché : leur dépôt échouerait tant qu'il n'est pas renseigné.",
            "ستُطلب «{0}» في ملفات كانت فيها مخفية: سيفشل إيداعها ما دامت غير مُدخَلة.",
            "'{0}' would be asked in applications where it was hidden: their submission would fail until it is answered."),
        [FieldNarrower] = (
            "Des réponses déjà enregistrées pourraient sortir de la nouvelle limite ({0}) et être refusées au dépôt.",
            "قد تتجاوز أجوبة مسجلة سابقا الحد الجديد ({0}) فتُرفض عند الإيداع.",
            "Answers already saved could fall outside the new limit ({0}) and be refused at submission."),
        [OptionRemoved] = (
            "Les réponses qui avaient choisi « {0} » ne seraient plus acceptées.",
            "لن تُقبل الأجوبة التي اختارت «{0}».",
            "Answers that chose '{0}' would no longer be accepted."),
        [ListChanged] = (
            "Des valeurs de l'ancienne liste n'y sont plus ({0}) : les réponses qui les avaient choisies ne seraient plus acceptées.",
            "بعض قيم القائمة السابقة لم تعد موجودة ({0}): لن تُقبل الأجوبة التي اختارتها.",
            "Some values of the old list are gone ({0}): answers that chose them would no longer be accepted."),
        [SectionShown] = (
            "La page « {0} » serait demandée dans des dossiers où elle était cachée : ses champs obligatoires feraient échouer leur dépôt.",
            "ستُطلب الصفحة «{0}» في ملفات كانت فيها مخفية: ستُفشل خاناتها الإلزامية إيداعها.",
            "Page '{0}' would be asked in applications where it was hidden: its required fields would make their submission fail."),
        [DocumentRemoved] = (
            "Les fichiers déjà joints à « {0} » seraient refusés au dépôt (un document que la procédure ne demande plus).",
            "ستُرفض عند الإيداع الملفات المرفقة سابقا بـ«{0}» (وثيقة لم تعد المسطرة تطلبها).",
            "Files already attached as '{0}' would be refused at submission (a document the procedure no longer asks for)."),
        [DocumentRequired] = (
            "Les dossiers renvoyés pour complément sans « {0} » échoueraient au nouveau dépôt.",
            "ستفشل عند إعادة الإيداع الملفات المطلوب استكمالها التي لا تتضمن «{0}».",
            "Applications sent back for changes without '{0}' would fail at resubmission."),
        [DocumentFormats] = (
            "Les fichiers déjà joints au format {0} seraient refusés au dépôt.",
            "ستُرفض عند الإيداع الملفات المرفقة سابقا بصيغة {0}.",
            "Files already attached in {0} format would be refused at submission."),
        [DocumentLimit] = (
            "Des fichiers déjà joints pourraient dépasser la nouvelle limite ({0}) et être refusés au dépôt.",
            "قد تتجاوز ملفات مرفقة سابقا الحد الجديد ({0}) فتُرفض عند الإيداع.",
            "Files already attached could exceed the new limit ({0}) and be refused at submission."),
        [RuleCheck] = (
            "Des réponses déjà enregistrées pourraient ne pas respecter la règle « {0} » : leur dépôt échouerait.",
            "قد لا تحترم أجوبة مسجلة سابقا القاعدة «{0}»: سيفشل إيداعها.",
            "Answers already saved might not meet rule '{0}': their submission would fail."),
        [StepRemoved] = (
            "Les dossiers en attente à l'étape « {0} » n'auraient plus d'étape où être traités.",
            "لن تجد الملفات المنتظرة في المرحلة «{0}» مرحلة تُعالَج فيها.",
            "Applications waiting at step '{0}' would have no step left to be handled at."),
        [StepRenamed] = (
            "Les dossiers en attente à l'étape « {0} » ne la retrouveraient pas sous son nouveau nom « {1} ».",
            "لن تجد الملفات المنتظرة في المرحلة «{0}» هذه المرحلة باسمها الجديد «{1}».",
            "Applications waiting at step '{0}' would not find it under its new name '{1}'."),
        [StepMoved] = (
            "Les dossiers déjà engagés dans le circuit pourraient repasser par des étapes déjà faites ou sauter l'étape « {0} ».",
            "قد تمر الملفات الموجودة في المسار من جديد بمراحل سبق إنجازها أو تتخطى المرحلة «{0}».",
            "Applications already in the circuit could go through steps again or skip step '{0}'."),
        [OpinionsLost] = (
            "Les avis déjà donnés à cette étape par {0} ne compteraient plus.",
            "لن تُحتسب الآراء التي سبق أن أبداها {0} في هذه المرحلة.",
            "Opinions already given at this step by {0} would no longer count."),
        [ReviewerFieldType] = (
            "Les valeurs déjà saisies par les instructeurs dans « {0} » ne seraient plus valides.",
            "لن تبقى القيم التي أدخلها المكلفون بالدراسة سابقا في «{0}» صالحة.",
            "Values reviewers already entered in '{0}' would no longer be valid."),
        [DeadlineShorter] = (
            "Des dossiers en cours pourraient avoir déjà dépassé le nouveau délai : ils seraient décidés d'office ({0}) dès le prochain contrôle des délais.",
            "قد تكون ملفات جارية قد تجاوزت الأجل الجديد: ستُقرَّر تلقائيا ({0}) عند المراقبة الموالية للآجال.",
            "Applications in progress could already be past the new deadline: they would be decided automatically ({0}) at the next deadline check."),
        [SilenceDecides] = (
            "Les dossiers en cours dont le délai légal est dépassé seraient décidés d'office ({0}) dès le prochain contrôle des délais.",
            "الملفات الجارية التي تجاوزت الأجل القانوني ستُقرَّر تلقائيا ({0}) عند المراقبة الموالية للآجال.",
            "Applications in progress past their legal deadline would be decided automatically ({0}) at the next deadline check."),
        [ApplicantChanged] = (
            "Les dossiers en cours appartiennent à des comptes « {0} » : la procédure s'adresserait désormais à un autre type de demandeur.",
            "الملفات الجارية تعود لحسابات من نوع «{0}»: ستصبح المسطرة موجهة إلى نوع آخر من الطالبين.",
            "Applications in progress belong to '{0}' accounts: the procedure would now be for another kind of applicant."),
        [DraftsMoved] = (
            "Les brouillons passent à cette version à leur prochaine ouverture et seront déposés selon elle : ceux qui avaient répondu à {0} perdent ces réponses ou fichiers, et le demandeur en est averti.",
            "تنتقل المسودات إلى هذه الصيغة عند فتحها الموالي وستودع وفقها: تفقد تلك التي أجابت عن {0} هذه الأجوبة أو الملفات، ويُخبَر صاحبها بذلك.",
            "Drafts move to this version when next opened and will be submitted under it: those that answered {0} lose those answers or files, and the applicant is told."),
        [DraftsMovedWhole] = (
            "Les brouillons passent à cette version à leur prochaine ouverture et seront déposés selon elle ; ils n'y perdent aucune réponse ni aucun fichier.",
            "تنتقل المسودات إلى هذه الصيغة عند فتحها الموالي وستودع وفقها؛ ولا تفقد أي جواب أو ملف.",
            "Drafts move to this version when next opened and will be submitted under it; they lose no answer and no file."),
    };
}
