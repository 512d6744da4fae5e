namespace EmploymentProcedures.Engine.Authoring;

/// <summary>
/// The minimal definition a new procedure starts from (what <c>procedures new</c> writes and the designer's
/// "new procedure" offers): it lints clean, and says in its notes what remains to confirm.
/// </summary>
public static class Scaffold
{
    /// <summary>The scaffold's YAML for <paramref name="id"/> (kebab-case, the file's name).</summary>
    public static string For(string id) =>
        Text.Replace("{{id}}", id, StringComparison.Ordinal).Replace("{{employer}}", EmployerAnswers, StringComparison.Ordinal);

    /// <summary>The employer's answers both scenarios give (YAML anchors, which would share them in the file, are refused by the loader).</summary>
    private const string EmployerAnswers = """
              employer:
                company_name: "Atlas Textile SARL"
                legal_form: sarl
                ice: "001561191000066"
                rc: { number: "12345", court: casablanca }
                tax_id: "1234567"
                cnss: "1234567"
                activity: "Confection"
                address: { street: "12 rue Ibn Batouta", commune: "Casablanca", province: casablanca, postal_code: "20000" }
                phone: "0522123456"
                email: "contact@atlas.ma"
                representative_name: "Amina Alaoui"
                representative_cin: "BE123456"
                representative_quality: "Gérante"
        """;

    private const string Text = """
        # yaml-language-server: $schema=procedure.schema.json
        language: 1
        id: {{id}}
        title: { fr: "Titre de la procédure", ar: "عنوان المسطرة", en: "Procedure title" }
        summary: { fr: "Ce que permet cette procédure.", ar: "ما تتيحه هذه المسطرة.", en: "What this procedure is for." }
        category: employer-registrations
        applicant: employer
        legal_basis: ["Code du travail, art. ..."]
        notes: "To confirm: legal basis, deadline, circuit, and the privacy block's purpose, recipients and retention (archive schedule, CNDP declaration)."
        deadline: { days: 10, calendar: business }
        on_deadline: none
        privacy:
          purpose: { fr: "Instruction de la demande et délivrance de la décision.", ar: "دراسة الطلب وإصدار المقرر.", en: "Examining the request and issuing the decision." }
          recipients: { fr: "Les services de la délégation provinciale de l'emploi.", ar: "مصالح المندوبية الإقليمية للتشغيل.", en: "The provincial employment delegation's services." }
          retention: 5y
        sections:
          - id: employer
            include: employer-identity
          - id: request
            title: { fr: "Demande", ar: "الطلب", en: "Request" }
            fields:
              - id: subject
                type: textarea
                required: true
                max_length: 2000
                label: { fr: "Objet de la demande", ar: "موضوع الطلب", en: "Subject of the request" }
              - id: declaration
                type: consent
                required: true
                label: { fr: "Je certifie l'exactitude des informations fournies.", ar: "أشهد بصحة المعلومات المدلى بها.", en: "I certify that the information given is accurate." }
        documents:
          - id: supporting_document
            label: { fr: "Pièce justificative", ar: "وثيقة مثبتة", en: "Supporting document" }
            required: true
            formats: [pdf]
            max_mb: 5
        steps:
          - id: reception
            title: { fr: "Réception et vérification", ar: "الاستلام والتحقق", en: "Reception and checks" }
            role: desk-agent
            deadline: { days: 2, calendar: business }
            actions: [approve, request_changes, reject]
          - id: decision
            title: { fr: "Décision", ar: "القرار", en: "Decision" }
            role: provincial-delegate
            actions: [approve, reject, return]
        outputs:
          receipt: receipt
          approved: decision-approved
          rejected: decision-rejected
          changes_requested: changes-requested
        tests:
          - name: approved
            today: 2026-03-02
            answers:
        {{employer}}
              subject: "Demande de test"
              declaration: true
            documents: [supporting_document]
            actions: [reception.approve, decision.approve]
            expect: { status: approved }
          - name: refused-at-reception
            today: 2026-03-02
            answers:
        {{employer}}
              subject: "Demande hors sujet"
              declaration: true
            documents: [supporting_document]
            actions:
              - { step: reception, action: reject, comment: "La demande ne relève pas de cette procédure." }
            expect: { status: rejected }

        """;
}
