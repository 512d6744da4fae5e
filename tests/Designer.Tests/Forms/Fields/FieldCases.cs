using Bunit;
using EmploymentProcedures.Designer.Forms;

namespace EmploymentProcedures.Designer.Tests.Forms.Fields;

/// <summary>
/// One case per field type: the field <c>x</c> as an analyst writes it, how an applicant gives it a
/// valid answer, and how they give an invalid one (or leave a required one empty and press the button),
/// with the path the validator's error lands on.
/// </summary>
internal sealed record FieldCase(string Yaml, Action<IRenderedComponent<ProcedureForm>>? Valid, Action<IRenderedComponent<ProcedureForm>> Invalid, string ErrorPath = "x")
{
    private const string Label = """label: { fr: "Libellé du champ", ar: "عنوان الحقل", en: "Field label" }""";

    public static readonly IReadOnlyDictionary<string, FieldCase> All = new Dictionary<string, FieldCase>(StringComparer.Ordinal)
    {
        ["text"] = Typed("type: text, required: true, max_length: 5", "Atlas", "Atlas Textile"),
        ["textarea"] = new(Field("type: textarea, required: true, max_length: 10"), c => c.Find("textarea#f-x").Change("Deux lignes"[..9]), c => c.Find("textarea#f-x").Change("Un texte bien trop long")),
        ["number"] = Typed("type: number, required: true, min: 0, max: 10", "5", "douze"),
        ["money"] = Typed("type: money, required: true, min: 0", "1 250,50", "-3"),
        ["date"] = Typed("type: date, required: true, max: today()", "2026-01-05", "2027-01-01"),
        ["boolean"] = new(Field("type: boolean, required: true"), c => c.Find("#f-x").Change("true"), Submit),
        ["choice-radios"] = new(Field("""type: choice, required: true, options: [ { value: cdi, label: { fr: "Durée indéterminée", ar: "مدة غير محددة" } }, { value: cdd, label: { fr: "Durée déterminée", ar: "مدة محددة" } } ]"""), c => c.Find("#f-x-1").Change("cdd"), Submit),
        ["choice-select"] = new(Field("type: choice, required: true, list: legal-forms"), c => c.Find("select#f-x").Change("sarl"), Submit),
        ["multichoice"] = new(Field("""type: multichoice, required: true, max: 1, options: [ { value: fr, label: { fr: "Français", ar: "الفرنسية" } }, { value: ar, label: { fr: "Arabe", ar: "العربية" } } ]"""), c => c.Find("#f-x").Change(true), c =>
        {
            c.Find("#f-x").Change(true);
            c.Find("#f-x-1").Change(true);
        }),
        ["email"] = Typed("type: email, required: true", "contact@atlas.ma", "contact@"),
        ["phone"] = Typed("type: phone, required: true", "0612345678", "12"),
        ["cin"] = Typed("type: cin, required: true", "AB123456", "123"),
        ["passport"] = Typed("type: passport, required: true", "AB1234", "A1"),
        ["ice"] = Typed("type: ice, required: true", "001561191000066", "001561191000067"),
        ["rc"] = new(Field("type: rc, required: true"), c =>
        {
            c.Find("#f-x-number").Change("12345");
            c.Find("select#f-x-court").Change("casablanca");
        }, c => c.Find("#f-x-number").Change("12345678901"), "x.number"),
        ["if"] = Typed("type: if, required: true", "1234567", "123456789"),
        ["cnss"] = Typed("type: cnss, kind: employer, required: true", "1234567", "12"),
        ["rib"] = Typed("type: rib, required: true", "011519000001205000534921", "011519000001205000534922"),
        ["iban"] = Typed("type: iban, required: true", "MA64 0115 1900 0001 2050 0053 4921", "MA65 0115 1900 0001 2050 0053 4921"),
        ["address"] = new(Field("type: address, required: true"), c =>
        {
            c.Find("#f-x-street").Change("12, rue Al Massira");
            c.Find("#f-x-commune").Change("Agdal-Riyad");
            c.Find("select#f-x-province").Change("rabat");
            c.Find("#f-x-postal_code").Change("10090");
        }, c => c.Find("#f-x-postal_code").Change("1009"), "x.postal_code"),
        ["country"] = new(Field("type: country, required: true"), c => c.Find("select#f-x").Change("FR"), Submit),
        ["province"] = new(Field("type: province, required: true"), c => c.Find("select#f-x").Change("rabat"), Submit),
        ["group"] = new(Field("""type: group, min: 1, max: 3, fields: [ { id: name, type: text, required: true, label: { fr: "Nom", ar: "الاسم" } } ]"""), c =>
        {
            c.Find("button#f-x").Click();
            c.Find("#f-x-0-name").Change("Salma");
        }, Submit),
        ["consent"] = new(Field("type: consent, required: true"), c => c.Find("#f-x").Change(true), Submit),
    };

    public static string Field(string rest) => $"      - {{ id: x, {rest}, {Label} }}";

    /// <summary>A field answered by typing into its one input.</summary>
    private static FieldCase Typed(string rest, string valid, string invalid) =>
        new(Field(rest), c => c.Find("#f-x").Change(valid), c => c.Find("#f-x").Change(invalid));

    /// <summary>Leaves the field empty and presses the form's button (the last page's check).</summary>
    private static void Submit(IRenderedComponent<ProcedureForm> form) => form.Find("form").Submit();
}
