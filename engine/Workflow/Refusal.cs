using EmploymentProcedures.Engine.Definitions;

namespace EmploymentProcedures.Engine.Workflow;

/// <summary>Why an action was refused: a stable code and a message in French, Arabic and English.</summary>
public sealed record Refusal(string Code, LocalizedText Message)
{
    public override string ToString() => $"{Code}: {Message.Get("en")}";

    internal static Refusal Of(string code, params object?[] args)
    {
        var (fr, ar, en) = Texts[code];
        return new Refusal(code, LocalizedText.Of(Format(fr, args), Format(ar, args), Format(en, args)));
    }

    private static string Format(string text, object?[] args) =>
        args.Length == 0 ? text : string.Format(System.Globalization.CultureInfo.InvariantCulture, text, args);

    private static readonly Dictionary<string, (string Fr, string Ar, string En)> Texts = new(StringComparer.Ordinal)
    {
        [RefusalCodes.NotYours] = ("Ce dossier ne vous est pas accessible.", "لا يمكنكم الاطلاع على هذا الملف.", "This application is not yours to see."),
        [RefusalCodes.WrongStatus] = ("Action impossible : le dossier est « {0} ».", "الإجراء غير ممكن: وضعية الملف «{0}».", "Not possible: the application is '{0}'."),
        [RefusalCodes.WrongDefinition] = ("Le dossier a été ouvert sur une autre version de la procédure.", "فُتح الملف على نسخة أخرى من المسطرة.", "The application was started on another version of the procedure."),
        [RefusalCodes.NotAtStep] = ("L'étape « {0} » n'est plus en cours : elle a déjà été traitée.", "المرحلة «{0}» لم تعد جارية: سبقت معالجتها.", "Step '{0}' is no longer current: it has already been decided."),
        [RefusalCodes.NotYourRole] = ("Votre rôle n'intervient pas à l'étape « {0} ».", "دوركم لا يتدخل في المرحلة «{0}».", "Your role does not act on step '{0}'."),
        [RefusalCodes.NotYourTerritory] = ("Ce dossier relève de la province « {0} », hors de votre ressort.", "هذا الملف تابع لإقليم «{0}» خارج نطاق اختصاصكم.", "This application belongs to province '{0}', outside your territory."),
        [RefusalCodes.OpinionGiven] = ("Votre rôle a déjà donné son avis à cette étape.", "سبق لدوركم إبداء رأيه في هذه المرحلة.", "Your role has already given its opinion on this step."),
        [RefusalCodes.ActionNotOffered] = ("L'action « {0} » n'est pas prévue à l'étape « {1} ».", "الإجراء «{0}» غير متاح في المرحلة «{1}».", "Action '{0}' is not offered at step '{1}'."),
        [RefusalCodes.ReasonRequired] = ("Un motif est obligatoire.", "التعليل إلزامي.", "A reason is required."),
        [RefusalCodes.ReopenRequired] = ("Indiquez les champs ou documents à corriger.", "حددوا الخانات أو الوثائق المطلوب تصحيحها.", "Name the fields or documents to correct."),
        [RefusalCodes.UnknownItem] = ("« {0} » n'est ni un champ ni un document de la procédure.", "«{0}» ليس خانة ولا وثيقة في هذه المسطرة.", "'{0}' is neither a field nor a document of the procedure."),
        [RefusalCodes.InvalidReturn] = ("Retour impossible vers « {0} » : ce n'est pas une étape déjà passée.", "لا يمكن الإرجاع إلى «{0}»: ليست مرحلة سابقة.", "Cannot return to '{0}': it is not an earlier step."),
        [RefusalCodes.NotReopened] = ("« {0} » n'a pas été rouvert à la correction.", "«{0}» غير مفتوح للتصحيح.", "'{0}' was not reopened for changes."),
        [RefusalCodes.InvalidStepFields] = ("Les champs de l'étape sont incomplets ou invalides : {0}.", "خانات المرحلة ناقصة أو غير صحيحة: {0}.", "The step's fields are incomplete or invalid: {0}."),
        [RefusalCodes.NoDeadlineOutcome] = ("Aucune issue automatique à l'échéance pour cette procédure.", "لا توجد نتيجة تلقائية عند انقضاء الأجل بالنسبة لهذه المسطرة.", "This procedure has no automatic outcome at its deadline."),
        [RefusalCodes.UnknownDocument] = ("« {0} » n'est pas un document de la procédure.", "«{0}» ليست وثيقة في هذه المسطرة.", "'{0}' is not a document of the procedure."),
        [RefusalCodes.AlreadyDecided] = ("Déjà traité par {0} : rechargez le dossier.", "سبقت معالجته من طرف {0}: أعيدوا تحميل الملف.", "Already decided by {0}: reload the application."),
        [RefusalCodes.Stale] = ("Ce dossier a été modifié ailleurs (un autre onglet ou appareil) depuis que vous l'avez ouvert.", "عُدّل هذا الملف في مكان آخر (علامة تبويب أو جهاز آخر) منذ أن فتحتموه.", "This application was changed elsewhere (another tab or device) since you opened it."),
        [RefusalCodes.Busy] = ("Le service est momentanément occupé : réessayez dans un instant.", "الخدمة مشغولة مؤقتا: أعيدوا المحاولة بعد لحظة.", "The service is busy for a moment: try again."),
    };
}

/// <summary>The stable codes of refusals.</summary>
public static class RefusalCodes
{
    public const string NotYours = "not_yours";
    public const string WrongStatus = "wrong_status";
    public const string WrongDefinition = "wrong_definition";
    public const string NotAtStep = "not_at_step";
    public const string NotYourRole = "not_your_role";
    public const string NotYourTerritory = "not_your_territory";
    public const string OpinionGiven = "opinion_given";
    public const string ActionNotOffered = "action_not_offered";
    public const string ReasonRequired = "reason_required";
    public const string ReopenRequired = "reopen_required";
    public const string UnknownItem = "unknown_item";
    public const string InvalidReturn = "invalid_return";
    public const string NotReopened = "not_reopened";
    public const string InvalidStepFields = "invalid_step_fields";
    public const string NoDeadlineOutcome = "no_deadline_outcome";
    public const string UnknownDocument = "unknown_document";
    public const string AlreadyDecided = "already_decided";
    public const string Busy = "busy";
    public const string Stale = "stale";
}
