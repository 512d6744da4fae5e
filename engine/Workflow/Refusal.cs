using EmploymentProcedures.Engine.Definitions;

namespace EmploymentProcedures.Engine.Workflow;

/// <summary>Why an action was refused: a stable code and a message in French, Arabic and English.</summary>
public sealed record Refusal(string Code, LocalizedText Message)
{
    public override string ToString() => $"{Code}: {Message.Get("en")}";

    /// <summary>The refusal <paramref name="code"/> with its texts; an argument that is a <see cref="LocalizedText"/> is written in each text's language.</summary>
    internal static Refusal Of(string code, params object?[] args)
    {
        var (fr, ar, en) = Texts[code];
        return new Refusal(code, LocalizedText.Of(Format(fr, "fr", args), Format(ar, "ar", args), Format(en, "en", args)));
    }

    /// <summary>Whether the catalogue has texts for <paramref name="code"/>.</summary>
    internal static bool Knows(string code) => Texts.ContainsKey(code);

    private static string Format(string text, string language, object?[] args) =>
        args.Length == 0 ? text : string.Format(System.Globalization.CultureInfo.InvariantCulture, text, args.Select(a => a is LocalizedText t ? t.Get(language) : a).ToArray());

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
        [RefusalCodes.NotYourField] = ("Le champ « {0} » de l'étape est rempli par un autre intervenant : {1}.", "خانة المرحلة «{0}» يملؤها متدخل آخر: {1}.", "The step's field '{0}' is filled by another party: {1}."),
        [RefusalCodes.NoDeadlineOutcome] = ("Aucune issue automatique à l'échéance pour cette procédure.", "لا توجد نتيجة تلقائية عند انقضاء الأجل بالنسبة لهذه المسطرة.", "This procedure has no automatic outcome at its deadline."),
        [RefusalCodes.UnknownDocument] = ("« {0} » n'est pas un document de la procédure.", "«{0}» ليست وثيقة في هذه المسطرة.", "'{0}' is not a document of the procedure."),
        [RefusalCodes.AlreadyDecided] = ("Déjà traité par {0} : rechargez le dossier.", "سبقت معالجته من طرف {0}: أعيدوا تحميل الملف.", "Already decided by {0}: reload the application."),
        [RefusalCodes.Stale] = ("Ce dossier a été modifié ailleurs (un autre onglet ou appareil) depuis que vous l'avez ouvert.", "عُدّل هذا الملف في مكان آخر (علامة تبويب أو جهاز آخر) منذ أن فتحتموه.", "This application was changed elsewhere (another tab or device) since you opened it."),
        [RefusalCodes.Busy] = ("Le service est momentanément occupé : réessayez dans un instant.", "الخدمة مشغولة مؤقتا: أعيدوا المحاولة بعد لحظة.", "The service is busy for a moment: try again."),
        [RefusalCodes.UnknownProcedure] = ("La procédure « {0} » n'est pas publiée.", "المسطرة «{0}» غير منشورة.", "Procedure '{0}' is not published."),
        [RefusalCodes.ProcedureRetired] = ("Cette procédure n'est plus ouverte aux nouvelles demandes depuis le {0} : une demande non déposée ne peut plus l'être. Les dossiers déjà déposés suivent leur cours jusqu'à leur décision.", "لم تعد هذه المسطرة مفتوحة لطلبات جديدة منذ {0}: لم يعد بالإمكان إيداع طلب لم يودع بعد. أما الملفات المودعة فتتابع مسارها إلى حين البت فيها.", "This procedure has not been open to new applications since {0}: an application not yet submitted can no longer be. Applications already submitted go on to their decision."),
        [RefusalCodes.AccountInactive] = ("Votre compte n'est plus actif (fermé, ou désactivé par l'administration) : rien n'a été enregistré.", "لم يعد حسابكم نشطا (أُغلق، أو عطّلته الإدارة): لم يُسجَّل أي شيء.", "Your account is no longer active (closed, or deactivated by the administration): nothing was saved."),
        [RefusalCodes.WrongApplicant] = ("Cette procédure est réservée aux comptes « {0} ».", "هذه المسطرة مخصصة لحسابات «{0}».", "This procedure is for '{0}' accounts."),
        [RefusalCodes.FileTooLarge] = ("Le fichier dépasse la taille permise ({0} Mo).", "يتجاوز الملف الحجم المسموح به ({0} ميغابايت).", "The file is larger than allowed ({0} MB)."),
        [RefusalCodes.FileFormat] = ("Le contenu du fichier ({0}) n'est pas un format accepté : {1}.", "محتوى الملف ({0}) ليس من الصيغ المقبولة: {1}.", "The file's content ({0}) is not an accepted format: {1}."),
        [RefusalCodes.FileEmpty] = ("Le fichier est vide.", "الملف فارغ.", "The file is empty."),
        [RefusalCodes.UnknownLetter] = ("Ce courrier n'existe pas pour ce dossier.", "هذه الوثيقة غير موجودة ضمن هذا الملف.", "This letter does not exist for this application."),
        [RefusalCodes.MessageEmpty] = ("Écrivez un message.", "اكتبوا نص الرسالة.", "Write a message."),
        [RefusalCodes.MessageTooLong] = ("Le message compte {1} caractères ; il en permet au plus {0}.", "تتضمن الرسالة {1} حرفا؛ والحد الأقصى {0}.", "The message has {1} characters; at most {0} are allowed."),
        [RefusalCodes.TooManyAttachments] = ("Un message porte au plus {0} pièces jointes.", "لا يمكن أن تتضمن الرسالة أكثر من {0} مرفقات.", "A message carries at most {0} attachments."),
        [RefusalCodes.MessagesClosed] = ("Messagerie indisponible : le dossier est « {0} ». Elle est ouverte du dépôt à la décision.", "المراسلة غير متاحة: وضعية الملف «{0}». تكون متاحة من الإيداع إلى حين اتخاذ القرار.", "Messages are not available: the application is '{0}'. They are open from submission to the decision."),
        [RefusalCodes.UnknownAttachment] = ("Cette pièce jointe n'existe pas dans les messages du dossier.", "هذا المرفق غير موجود ضمن رسائل الملف.", "This attachment is not in the application's messages."),
        [RefusalCodes.NotYourStep] = ("Vous ne pouvez pas prendre en charge ce dossier : il n'attend pas d'action de votre part.", "لا يمكنكم التكفل بهذا الملف: لا ينتظر أي إجراء من طرفكم.", "You cannot claim this application: it is not waiting for you to act."),
        [RefusalCodes.AlreadyClaimed] = ("Dossier déjà pris en charge par {0}.", "سبق أن تكفل بهذا الملف {0}.", "Already claimed by {0}."),
        [RefusalCodes.NotClaimed] = ("Vous n'avez pas pris ce dossier en charge.", "لم تتكفلوا بهذا الملف.", "You have not claimed this application."),
        [RefusalCodes.UnknownLabel] = ("La procédure de ce dossier n'a pas d'étiquette « {0} ».", "لا تتضمن مسطرة هذا الملف الوسم «{0}».", "This application's procedure has no label '{0}'."),
        [RefusalCodes.LabelsForReviewers] = ("Seuls les agents chargés du dossier gèrent ses étiquettes et le suivi de ses messages.", "وحدهم الأعوان المكلفون بالملف يدبرون أوسامه وتتبع رسائله.", "Only the staff handling the application manage its labels and the follow-up of its messages."),
        [RefusalCodes.StepFieldsRequired] = ("L'étape « {0} » demande des champs à remplir : décidez depuis la page du dossier.", "المرحلة «{0}» تتطلب ملء خانات: اتخذوا القرار من صفحة الملف.", "Step '{0}' asks for fields to be filled in: decide from the application's page."),
        [RefusalCodes.BatchTooLarge] = ("Au plus {0} dossiers à la fois : vous en avez choisi {1}.", "{0} ملفا على الأكثر في المرة الواحدة: اخترتم {1}.", "At most {0} applications at once: you chose {1}."),
        [RefusalCodes.BatchForReviewers] = ("Seuls les agents qui instruisent les dossiers écrivent à plusieurs demandeurs à la fois.", "وحدهم الأعوان المكلفون بدراسة الملفات يراسلون عدة أصحاب طلبات دفعة واحدة.", "Only the staff reviewing applications write to several applicants at once."),
        [RefusalCodes.NotAllowed] = ("Ces chiffres ne sont pas accessibles à votre rôle.", "هذه الأرقام غير متاحة لدوركم.", "These figures are not available to your role."),
    };
}
