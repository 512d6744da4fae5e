using System.Collections.Frozen;

namespace EmploymentProcedures.Engine.Validation.Identifiers;

/// <summary>
/// What to tell the person who typed an identifier, in French, Arabic and English, keyed by the error codes
/// of the validators in this folder. Each message says what is expected; checksum messages say the number
/// contains a typing error, since its shape is right.
/// </summary>
public static class IdentifierMessages
{
    public static IReadOnlyDictionary<string, (string Fr, string Ar, string En)> All { get; } =
        new Dictionary<string, (string Fr, string Ar, string En)>(StringComparer.Ordinal)
        {
            [Ice.FormatCode] = (
                "L'ICE doit comporter exactement 15 chiffres.",
                "يجب أن يتكون المعرف الموحد للمقاولة من 15 رقما بالضبط.",
                "The ICE must be exactly 15 digits."),
            [Ice.ChecksumCode] = (
                "L'ICE saisi contient une erreur de frappe : ses deux derniers chiffres (clé de contrôle) ne correspondent pas. Vérifiez-le sur votre attestation ICE.",
                "المعرف الموحد للمقاولة المدخل يتضمن خطأ في الكتابة: الرقمان الأخيران (رقما المراقبة) غير مطابقين. يرجى التحقق منه في شهادة المعرف الموحد للمقاولة.",
                "The ICE contains a typing error: its last two digits (check digits) do not match. Please check it against your ICE certificate."),
            [Cin.FormatCode] = (
                "Le numéro de la CIN doit comporter une ou deux lettres suivies de 1 à 6 chiffres (par exemple AB123456).",
                "يجب أن يتكون رقم البطاقة الوطنية للتعريف من حرف أو حرفين متبوعين بـ 1 إلى 6 أرقام (مثال: AB123456).",
                "The national identity card (CIN) number must be one or two letters followed by 1 to 6 digits (for example AB123456)."),
            [CnssNumber.EmployerFormatCode] = (
                "Le numéro d'affiliation CNSS de l'employeur doit comporter exactement 7 chiffres.",
                "يجب أن يتكون رقم انخراط المشغل في الصندوق الوطني للضمان الاجتماعي من 7 أرقام بالضبط.",
                "The employer's CNSS affiliation number must be exactly 7 digits."),
            [CnssNumber.InsuredFormatCode] = (
                "Le numéro d'immatriculation CNSS de l'assuré doit comporter exactement 9 chiffres.",
                "يجب أن يتكون رقم تسجيل المؤمن له في الصندوق الوطني للضمان الاجتماعي من 9 أرقام بالضبط.",
                "The insured person's CNSS registration number must be exactly 9 digits."),
            [Rib.FormatCode] = (
                "Le RIB doit comporter exactement 24 chiffres : code banque (3), code localité (3), numéro de compte (16) et clé (2).",
                "يجب أن يتكون رقم الحساب البنكي (RIB) من 24 رقما بالضبط: رمز البنك (3) ورمز المدينة (3) ورقم الحساب (16) والمفتاح (2).",
                "The RIB must be exactly 24 digits: bank code (3), locality code (3), account number (16) and key (2)."),
            [Rib.KeyCode] = (
                "Le RIB saisi contient une erreur de frappe : la clé (les deux derniers chiffres) ne correspond pas au reste du numéro. Vérifiez-le sur votre relevé d'identité bancaire.",
                "رقم الحساب البنكي (RIB) المدخل يتضمن خطأ في الكتابة: المفتاح (الرقمان الأخيران) لا يطابق باقي الرقم. يرجى التحقق منه في بيان الهوية البنكية.",
                "The RIB contains a typing error: the key (last two digits) does not match the rest of the number. Please check it against your bank details."),
            [Iban.FormatCode] = (
                "L'IBAN doit commencer par le code pays (2 lettres) et 2 chiffres de contrôle, suivis du numéro de compte, soit 15 à 34 lettres et chiffres (par exemple MA64 0115 1900 0001 2050 0053 4921).",
                "يجب أن يبدأ رقم الحساب البنكي الدولي (IBAN) برمز البلد (حرفان) ورقمي المراقبة، متبوعين برقم الحساب، أي ما بين 15 و34 حرفا ورقما (مثال: MA64 0115 1900 0001 2050 0053 4921).",
                "The IBAN must start with the country code (2 letters) and 2 check digits, followed by the account number: 15 to 34 letters and digits (for example MA64 0115 1900 0001 2050 0053 4921)."),
            [Iban.ChecksumCode] = (
                "L'IBAN saisi contient une erreur de frappe : ses chiffres de contrôle ne correspondent pas. Vérifiez-le sur votre relevé d'identité bancaire.",
                "رقم الحساب البنكي الدولي (IBAN) المدخل يتضمن خطأ في الكتابة: رقما المراقبة غير مطابقين. يرجى التحقق منه في بيان الهوية البنكية.",
                "The IBAN contains a typing error: its check digits do not match. Please check it against your bank details."),
            [Iban.LengthCode] = (
                "Un IBAN marocain doit comporter exactement 28 caractères : MA, 2 chiffres de contrôle et les 24 chiffres du RIB.",
                "يجب أن يتكون رقم الحساب البنكي الدولي (IBAN) المغربي من 28 حرفا ورقما بالضبط: MA ورقما المراقبة والأرقام الـ24 لرقم الحساب البنكي (RIB).",
                "A Moroccan IBAN must be exactly 28 characters: MA, 2 check digits and the 24 digits of the RIB."),
            [Iban.RibCode] = (
                "L'IBAN saisi contient une erreur de frappe : le RIB qu'il contient a une clé incorrecte. Vérifiez-le sur votre relevé d'identité bancaire.",
                "رقم الحساب البنكي الدولي (IBAN) المدخل يتضمن خطأ في الكتابة: مفتاح رقم الحساب البنكي (RIB) الذي يتضمنه غير صحيح. يرجى التحقق منه في بيان الهوية البنكية.",
                "The IBAN contains a typing error: the RIB inside it has a wrong key. Please check it against your bank details."),
            [PhoneNumber.FormatCode] = (
                "Le numéro de téléphone doit être un numéro marocain de 10 chiffres commençant par 05, 06, 07 ou 08 (par exemple 06 12 34 56 78), ou un numéro international commençant par + et l'indicatif du pays.",
                "يجب أن يكون رقم الهاتف رقما مغربيا من 10 أرقام يبدأ بـ 05 أو 06 أو 07 أو 08 (مثال: 06 12 34 56 78)، أو رقما دوليا يبدأ بـ + متبوعا برمز البلد.",
                "The phone number must be a 10-digit Moroccan number starting with 05, 06, 07 or 08 (for example 06 12 34 56 78), or an international number starting with + and the country code."),
            [Passport.FormatCode] = (
                "Le numéro de passeport doit comporter de 6 à 12 lettres et chiffres.",
                "يجب أن يتكون رقم جواز السفر من 6 إلى 12 حرفا ورقما.",
                "The passport number must be 6 to 12 letters and digits."),
            [TaxId.FormatCode] = (
                "L'identifiant fiscal (IF) doit comporter de 1 à 8 chiffres.",
                "يجب أن يتكون رقم التعريف الضريبي من رقم واحد إلى 8 أرقام.",
                "The tax identifier (IF) must be 1 to 8 digits."),
            [RcNumber.FormatCode] = (
                "Le numéro du registre du commerce (RC) doit comporter de 1 à 7 chiffres.",
                "يجب أن يتكون رقم السجل التجاري من رقم واحد إلى 7 أرقام.",
                "The trade register (RC) number must be 1 to 7 digits."),
            [PostalCode.FormatCode] = (
                "Le code postal doit comporter exactement 5 chiffres.",
                "يجب أن يتكون الرمز البريدي من 5 أرقام بالضبط.",
                "The postal code must be exactly 5 digits."),
        }.ToFrozenDictionary(StringComparer.Ordinal);
}
