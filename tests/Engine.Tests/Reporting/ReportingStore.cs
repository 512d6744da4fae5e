using EmploymentProcedures.Engine.Definitions;
using EmploymentProcedures.Engine.Reporting;
using EmploymentProcedures.Engine.Tests.Storage;
using EmploymentProcedures.Engine.Validation;
using EmploymentProcedures.Engine.Validation.Identifiers;
using EmploymentProcedures.Engine.Workflow;

namespace EmploymentProcedures.Engine.Tests.Reporting;

/// <summary>
/// A <see cref="TestStore"/> with the two procedures of <c>Reporting/Procedures</c> published: <c>inbox-permit</c>
/// (routed by province; reception by a desk agent within 2 business days, then a central decision; 5 business days
/// in all) and <c>inbox-declaration</c> (not routed; acknowledged at reception; 3 business days).
/// </summary>
internal static class ReportingStore
{
    public const string Permit = "inbox-permit";
    public const string Declaration = "inbox-declaration";

    public static readonly Actor Service = Actor.Reviewer("service", "Service des migrants", "migrant-employment-service");

    /// <summary>A desk agent of Casablanca, one of Rabat, and the administrator (who sees the whole country).</summary>
    public static readonly Actor Casablanca = Agent("casa", "casablanca");

    public static readonly Actor Rabat = Agent("rabat", "rabat");

    public static readonly Actor Administrator = new("admin", "Admin", "administrator", RoleKind.Staff, []);

    public static string Folder => Path.Combine(Support.Repository.Root, "tests", "Engine.Tests", "Reporting", "Procedures");

    public static async Task<TestStore> CreateAsync()
    {
        var store = await TestStore.CreateAsync(publish: false);
        foreach (var file in Directory.EnumerateFiles(Folder, "*.yaml"))
            await store.PublishAsync(File.ReadAllText(file));
        return store;
    }

    public static Dashboard DashboardOf(TestStore store) => new(store.Databases, store.Definitions, store.Clock);

    public static Actor Agent(string id, params string[] provinces) => Actor.Reviewer(id, "Agent " + id, "desk-agent", provinces);

    /// <summary>A valid ICE from its first 13 digits.</summary>
    public static string IceOf(string first13) => first13 + Ice.ComputeCheckDigits(first13);

    public static Answers PermitAnswers(string company, string ice, string cin, string province) =>
        Answers.From(new Dictionary<string, object?> { ["company_name"] = company, ["ice"] = ice, ["manager_cin"] = cin, ["province"] = province });

    public static Answers DeclarationAnswers(string company, string ice) =>
        Answers.From(new Dictionary<string, object?> { ["company_name"] = company, ["ice"] = ice });

    /// <summary>Starts, fills and submits an application of <paramref name="procedure"/> for an applicant called <paramref name="name"/>.</summary>
    public static async Task<Application> SubmitAsync(TestStore store, string name, string procedure, Answers answers)
    {
        var applicant = Actor.Applicant("u-" + Guid.NewGuid().ToString("N")[..8], name);
        var started = await store.Applications.StartAsync(procedure, applicant);
        Assert.True(started.Succeeded, started.ToString());
        var id = started.Application!.Id;
        var saved = await store.Applications.SaveAnswersAsync(id, applicant, answers);
        Assert.True(saved.Succeeded, saved.ToString());
        var submitted = await store.Applications.SubmitAsync(id, applicant);
        Assert.True(submitted.Succeeded, submitted.ToString());
        return submitted.Application!;
    }

    public static async Task<Application> DecideAsync(TestStore store, Application application, Actor reviewer, string step, StepAction action, IReadOnlyList<string>? reopen = null)
    {
        var decided = await store.Applications.DecideAsync(application.Id, reviewer, new WorkflowCommand.Decide(step, action, "ok", reopen));
        Assert.True(decided.Succeeded, decided.ToString());
        return decided.Application!;
    }
}
