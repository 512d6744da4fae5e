using EmploymentProcedures.Engine.Storage;
using EmploymentProcedures.Engine.Validation;
using EmploymentProcedures.Engine.Workflow;
using Microsoft.Extensions.DependencyInjection;

namespace EmploymentProcedures.Host.Tests.Applying;

/// <summary>One portal (real SQLite, the 55 procedures published) shared by a class's tests, each with its own applicant.</summary>
public sealed class ApplyingPortal : IAsyncLifetime
{
    public const string Visa = "foreign-worker-contract-visa";

    private TempPortal? _portal;

    internal TempPortal Portal => _portal ?? throw new InvalidOperationException("not prepared");

    public Applications Applications => Portal.App.Services.GetRequiredService<Applications>();

    public DefinitionStore Definitions => Portal.App.Services.GetRequiredService<DefinitionStore>();

    /// <summary>The visa's first scenario: every answer a valid submission needs.</summary>
    public static Answers VisaAnswers => Repository.Catalog.Definitions[Visa].Tests[0].Answers;

    /// <summary>The documents those answers require.</summary>
    public static readonly string[] VisaDocuments = ["application_form", "contract", "diplomas_certificates", "passport_copy", "anapec_certificate"];

    public static Actor NewApplicant() => Actor.Applicant(Guid.NewGuid().ToString("N"), "Atlas Ingénierie");

    public async Task<Application> DraftAsync(Actor applicant, Answers? answers = null, bool documents = false)
    {
        var started = await Applications.StartAsync(Visa, applicant);
        Assert.True(started.Succeeded, started.ToString());
        var application = started.Application!;
        if (answers is not null)
            application = Ok(await Applications.SaveAnswersAsync(application.Id, applicant, answers));
        if (documents)
        {
            foreach (var document in VisaDocuments)
                application = Ok(await Applications.AttachDocumentAsync(application.Id, applicant, document, document + ".pdf", new MemoryStream(Pdf())));
        }
        return application;
    }

    public static Application Ok(WorkflowResult result)
    {
        Assert.True(result.Succeeded, result.ToString());
        return result.Application!;
    }

    public static byte[] Pdf() => "%PDF-1.7\n1 0 obj << >> endobj\n%%EOF\n"u8.ToArray();

    public async Task InitializeAsync() => _portal = await TempPortal.PrepareAsync();

    public async Task DisposeAsync()
    {
        if (_portal is not null)
            await _portal.DisposeAsync();
    }
}
