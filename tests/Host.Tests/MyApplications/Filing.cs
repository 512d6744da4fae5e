using System.Text;
using EmploymentProcedures.Engine.Deadlines;
using EmploymentProcedures.Engine.Definitions;
using EmploymentProcedures.Engine.Expressions;
using EmploymentProcedures.Engine.Storage;
using EmploymentProcedures.Engine.Validation;
using EmploymentProcedures.Engine.Workflow;

namespace EmploymentProcedures.Host.Tests.MyApplications;

/// <summary>
/// Applications made through the engine's service as the applying pages make them (start, answers, files,
/// submit), with the answers of one of the procedure's own scenarios that is valid today. Shared with the
/// browser tests (linked into their project).
/// </summary>
internal sealed class Filing(Applications applications, ProcedureDefinition definition)
{
    /// <summary>A routed procedure (the establishment's province) whose first step may request changes.</summary>
    public const string Procedure = "internal-regulations-approval";

    public ProcedureDefinition Definition { get; } = definition;

    /// <summary>A scenario of the definition that validates on Morocco's today, with a file for each of its documents.</summary>
    private ScenarioDefinition Scenario { get; } = definition.Tests.First(s =>
        s.ExpectErrors is null
        && SubmissionValidator.Validate(definition, new Submission(s.Answers, s.Documents.Select(d => new AttachedDocument(d, d + ".pdf", 1, "pdf")).ToList()),
            new EvaluationContext(MoroccoTime.Today(MoroccoTime.Instance))).IsValid);

    public static byte[] Pdf(string text) => Encoding.ASCII.GetBytes("%PDF-1.7\n1 0 obj << >> endobj\n% " + text + "\n%%EOF\n");

    /// <summary>
    /// A draft with the scenario's answers (changed by <paramref name="change"/> when given) and a PDF for each of its documents,
    /// named <c>{document}.pdf</c> unless <paramref name="fileName"/> says otherwise for the first.
    /// </summary>
    public async Task<Application> DraftAsync(Actor applicant, string? fileName = null, Func<Answers, Answers>? change = null)
    {
        var started = Succeeded(await applications.StartAsync(Definition.Id, applicant));
        var saved = Succeeded(await applications.SaveAnswersAsync(started.Id, applicant, change is null ? Scenario.Answers : change(Scenario.Answers)));
        for (var i = 0; i < Scenario.Documents.Count; i++)
        {
            var document = Scenario.Documents[i];
            var name = i == 0 && fileName is not null ? fileName : document + ".pdf";
            saved = Succeeded(await applications.AttachDocumentAsync(saved.Id, applicant, document, name, new MemoryStream(Pdf(document))));
        }
        return saved;
    }

    public async Task<Application> SubmittedAsync(Actor applicant, string? fileName = null, Func<Answers, Answers>? change = null) =>
        Succeeded(await applications.SubmitAsync((await DraftAsync(applicant, fileName, change)).Id, applicant));

    /// <summary>The answers with the establishment in <paramref name="province"/> (the procedure is routed by its address).</summary>
    public static Answers InProvince(Answers answers, string province)
    {
        ArgumentNullException.ThrowIfNull(answers);
        var establishment = (Answers)answers["establishment"]!;
        var address = (Answers)establishment["address"]!;
        return answers.With("establishment", establishment.With("address", address.With("province", province)));
    }

    /// <summary>A desk agent of the application's province (its first step's role).</summary>
    public static Actor DeskAgent(Application application, string id = "desk-agent-test") =>
        Actor.Reviewer(id, "Agent " + id, "desk-agent", application.Province ?? "casablanca");

    public async Task<Application> RequestChangesAsync(Application application, string message, params string[] reopen) =>
        Succeeded(await applications.DecideAsync(application.Id, DeskAgent(application),
            new WorkflowCommand.Decide(application.Step!, StepAction.RequestChanges, message, reopen)));

    /// <summary>Approved at its first step by a desk agent of its province (a declaration received), so it moves on to the next.</summary>
    public async Task<Application> ReceivedAsync(Application application) =>
        Succeeded(await applications.DecideAsync(application.Id, DeskAgent(application),
            new WorkflowCommand.Decide(application.Step!, StepAction.Approve)));

    /// <summary>Rejected at its first step by a desk agent of its province, with <paramref name="reason"/>.</summary>
    public async Task<Application> RejectedAsync(Application application, string reason) =>
        Succeeded(await applications.DecideAsync(application.Id, DeskAgent(application),
            new WorkflowCommand.Decide(application.Step!, StepAction.Reject, reason)));

    /// <summary>
    /// <paramref name="application"/> read <paramref name="times"/> times through the partners' API by the system named
    /// <paramref name="partner"/> (its client id made from the name, so one name is one client), granted the procedure everywhere.
    /// </summary>
    public async Task ReadByPartnerAsync(Application application, string partner, int times = 1)
    {
        var id = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(partner)))[..12];
        var access = new PartnerAccess(id, partner, new HashSet<string>(StringComparer.Ordinal) { Definition.Id }, new HashSet<string>(StringComparer.Ordinal));
        for (var i = 0; i < times; i++)
        {
            if ((await applications.PartnerGetAsync(access, application.Reference!)).Value is null)
                throw new InvalidOperationException($"{partner} could not read {application.Reference}");
        }
    }

    private static Application Succeeded(WorkflowResult result) =>
        result.Application ?? throw new InvalidOperationException("the service refused: " + result);
}
