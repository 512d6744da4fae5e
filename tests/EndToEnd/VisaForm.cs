using System.Text;
using EmploymentProcedures.Designer.Forms;
using EmploymentProcedures.Engine.Definitions;
using EmploymentProcedures.Engine.Loading;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace EmploymentProcedures.EndToEnd;

/// <summary>
/// The foreign-worker contract visa's form, filled in as an employer would, one page at a time; the journeys in
/// French and Arabic and the bad-input tests share it. Inputs are found by their ids (<see cref="FieldIds"/>), which
/// do not depend on the language; page titles are read from the definition in <paramref name="language"/>.
/// </summary>
internal sealed class VisaForm(IPage page, ProcedureDefinition definition, string language)
{
    public const string Id = "foreign-worker-contract-visa";

    /// <summary>The documents the answers below make required, each given a small PDF.</summary>
    public static readonly string[] RequiredDocuments = ["application_form", "contract", "diplomas_certificates", "passport_copy", "anapec_certificate"];

    public static ProcedureDefinition Definition(PortalFixture portal) =>
        portal.App.Services.GetRequiredService<ProcedureCatalog>().Definitions[Id];

    public IPage Page => page;

    /// <summary>The title of a section in the form's language.</summary>
    public string Title(string section) => definition.Sections.Single(s => s.Id == section).Title!.Get(language);

    public static string Date(int daysFromToday) =>
        DateOnly.FromDateTime(DateTime.Today).AddDays(daysFromToday).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    public static byte[] Pdf(string text = "visa") => Encoding.ASCII.GetBytes("%PDF-1.7\n1 0 obj << >> endobj\n% " + text + "\n%%EOF\n");

    /// <summary>Waits until the form is live (the circuit has taken over the prerendered page).</summary>
    public Task WaitForFormAsync() =>
        Assertions.Expect(page.Locator("[data-autosave][data-live=true] .procedure-form")).ToBeVisibleAsync();

    /// <summary>Waits until every change shown was written (the status says saved).</summary>
    public Task WaitForSavedAsync() =>
        Assertions.Expect(page.Locator(".autosave")).ToHaveAttributeAsync("data-state", "saved");

    /// <summary>
    /// Makes <paramref name="change"/> and waits until the draft was stored again after it (a new stored version,
    /// status saved): a page already showing "saved" from an earlier change does not count.
    /// </summary>
    public async Task ChangeAndWaitForSaveAsync(Func<Task> change)
    {
        var before = await page.Locator(".autosave").GetAttributeAsync("data-version");
        await change();
        await page.WaitForFunctionAsync(
            "before => { const s = document.querySelector('.autosave'); return s !== null && s.dataset.state === 'saved' && s.dataset.version !== before; }",
            before);
    }

    public ILocator Heading => page.Locator("#form-page-title");

    public ILocator Input(string path) => page.Locator("#" + FieldIds.For(path));

    /// <summary>Presses "next" and waits for <paramref name="section"/>'s page (its key in the URL, its title shown).</summary>
    public async Task NextAsync(string section)
    {
        await page.Locator(".form-nav button[type=submit]").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("page=" + section + "$"));
        if (section != FormPage.DocumentsKey)
            await Assertions.Expect(Heading).ToHaveTextAsync(Title(section));
    }

    public async Task FillEmployerAsync()
    {
        await Input("employer.company_name").FillAsync("Atlas Ingénierie SARL");
        await Input("employer.legal_form").SelectOptionAsync("sarl");
        await Input("employer.ice").FillAsync("001561191000066");
        await Input("employer.rc.number").FillAsync("123456");
        await Input("employer.rc.court").SelectOptionAsync("casablanca");
        await Input("employer.tax_id").FillAsync("1234567");
        await Input("employer.cnss").FillAsync("1234567");
        await Input("employer.activity").FillAsync("Ingénierie industrielle");
        await Input("employer.address.street").FillAsync("12 boulevard Zerktouni");
        await Input("employer.address.commune").FillAsync("Casablanca");
        await Input("employer.address.province").SelectOptionAsync("casablanca");
        await Input("employer.address.postal_code").FillAsync("20000");
        await Input("employer.phone").FillAsync("0522123456");
        await Input("employer.email").FillAsync("rh@atlas-ingenierie.ma");
        await Input("employer.representative_name").FillAsync("Karim Bennani");
        await Input("employer.representative_cin").FillAsync("BE123456");
        await Input("employer.representative_quality").FillAsync("Gérant");
    }

    /// <summary>The employee, with one diploma (a repeating group's row).</summary>
    public async Task FillWorkerAsync()
    {
        await Input("last_name").FillAsync("Martin");
        await Input("first_name").FillAsync("Julien");
        await Input("nationality").SelectOptionAsync("FR");
        await Input("passport_number").FillAsync("19AB12345");
        await Input("passport_expiry").FillAsync(Date(3 * 365));
        await Input("birth_date").FillAsync("1988-04-12");
        await Input("birth_place").FillAsync("Lyon");
        await Input("diplomas").ClickAsync();
        await Input("diplomas[0].title").FillAsync("Diplôme d'ingénieur en génie mécanique");
        await Input("diplomas[0].institution").FillAsync("INSA Lyon");
        await Input("diplomas[0].year").FillAsync("2011");
        await Input("experience_years").FillAsync("12");
    }

    /// <summary>The job, on a fixed-term contract: its duration is a field shown only then.</summary>
    public async Task FillJobAsync()
    {
        await Input("job_title").FillAsync("Ingénieur de maintenance industrielle");
        await Input("workplace.street").FillAsync("Zone industrielle Ouled Saleh");
        await Input("workplace.commune").FillAsync("Bouskoura");
        await Input("workplace.province").SelectOptionAsync("nouaceur");
        await Input("workplace.postal_code").FillAsync("27182");
        await page.Locator($"input[name='{FieldIds.For("contract_type")}'][value='cdd']").CheckAsync();
        await Input("duration_months").FillAsync("24");
        await Input("start_date").FillAsync(Date(30));
        await Input("monthly_salary").FillAsync("32000");
    }

    public async Task FillAnapecAsync()
    {
        await page.Locator($"input[name='{FieldIds.For("anapec_basis")}'][value='certificate']").CheckAsync();
        await Input("anapec_certificate_number").FillAsync("AA-2026-004512");
        await Input("anapec_certificate_date").FillAsync(Date(-20));
    }

    public async Task FillCommitmentsAsync()
    {
        await Input("return_costs_commitment").CheckAsync();
        await Input("accuracy_declaration").CheckAsync();
    }

    /// <summary>The upload control of a document and what it shows (files attached, refusals).</summary>
    public ILocator Document(string documentId) =>
        page.Locator(".field--document", new() { Has = Input(documentId) });

    public async Task AttachAsync(string documentId, string fileName, byte[] content)
    {
        await Input(documentId).SetInputFilesAsync(new FilePayload { Name = fileName, MimeType = "application/pdf", Buffer = content });
    }

    public async Task AttachRequiredDocumentsAsync()
    {
        foreach (var document in RequiredDocuments)
        {
            await AttachAsync(document, document + ".pdf", Pdf(document));
            await Assertions.Expect(Document(document).Locator(".document__name")).ToHaveTextAsync(document + ".pdf");
        }
    }
}
