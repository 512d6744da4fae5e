using EmploymentProcedures.Engine.Storage;
using EmploymentProcedures.Engine.Validation;
using EmploymentProcedures.Engine.Workflow;
using EmploymentProcedures.Host.Localization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace EmploymentProcedures.EndToEnd;

/// <summary>An applicant signed in on a fresh browser, with an application of theirs prepared through the engine.</summary>
internal sealed record ApplicantDraft(IPage Page, Guid Id, Actor Applicant)
{
    public const string Password = "une phrase de passe 2026";

    public string FormUrl(string page) => $"/applications/{Id}/form?page={page}";

    /// <summary>A new employer account, signed in, with a draft of <paramref name="procedureId"/> holding <paramref name="answers"/>.</summary>
    public static async Task<ApplicantDraft> StartAsync(PortalFixture portal, string procedureId, Answers answers, Language? language = null)
    {
        var email = await portal.CreateAccountAsync("employer", Password, language?.Code ?? "fr");
        var account = await portal.FindAccountAsync(email) ?? throw new InvalidOperationException("the account was not created");
        var applicant = Actor.Applicant(account.Id, account.DisplayName, account.Role);
        var applications = Applications(portal);
        var started = await applications.StartAsync(procedureId, applicant);
        Assert.True(started.Succeeded, started.ToString());
        var saved = await applications.SaveAnswersAsync(started.Application!.Id, applicant, answers);
        Assert.True(saved.Succeeded, saved.ToString());
        var page = await portal.NewPageAsync(language);
        await Pages.SignInAsync(page, email, Password);
        return new ApplicantDraft(page, started.Application.Id, applicant);
    }

    /// <summary>A contract visa submitted with the first scenario's answers and the documents they require.</summary>
    public static async Task<ApplicantDraft> SubmittedVisaAsync(PortalFixture portal, Language? language = null)
    {
        var draft = await StartAsync(portal, VisaForm.Id, VisaForm.Definition(portal).Tests[0].Answers, language);
        foreach (var document in VisaForm.RequiredDocuments)
            Assert.True((await draft.AttachAsync(portal, document, document + ".pdf", VisaForm.Pdf(document))).Succeeded);
        var submitted = await Applications(portal).SubmitAsync(draft.Id, draft.Applicant);
        Assert.True(submitted.Succeeded, submitted.ToString());
        return draft;
    }

    public async Task<WorkflowResult> AttachAsync(PortalFixture portal, string documentId, string fileName, byte[] content) =>
        await Applications(portal).AttachDocumentAsync(Id, Applicant, documentId, fileName, new MemoryStream(content));

    /// <summary>The application as stored now, read as its owner.</summary>
    public async Task<Application> StoredAsync(PortalFixture portal) =>
        (await Applications(portal).GetAsync(Id, Applicant)).Value ?? throw new InvalidOperationException($"application {Id} is not readable");

    /// <summary>
    /// Waits until the stored answer at <paramref name="field"/> is <paramref name="value"/>: what the form shows as saved
    /// may be an earlier save, while the last fields typed are still on their way (a browser closed then loses them).
    /// </summary>
    public async Task WaitForStoredAnswerAsync(PortalFixture portal, string field, string value)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while ((await StoredAsync(portal)).Answers[field] as string != value)
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), $"{field} was never stored as {value}");
            await Task.Delay(100);
        }
    }

    public static Applications Applications(PortalFixture portal) => portal.App.Services.GetRequiredService<Applications>();
}
