using EmploymentProcedures.Designer.Forms;
using EmploymentProcedures.Engine.Definitions;
using EmploymentProcedures.Engine.Loading;
using EmploymentProcedures.Engine.Storage;
using EmploymentProcedures.Engine.Validation;
using EmploymentProcedures.Engine.Workflow;
using EmploymentProcedures.Host.Applying;
using Microsoft.Extensions.DependencyInjection;

namespace EmploymentProcedures.Host.Tests.Applying;

public sealed class ApplicantDraftsTests(ApplyingPortal portal) : IClassFixture<ApplyingPortal>
{
    private static readonly DateOnly Today = new(2026, 3, 2);
    private static readonly ProcedureDefinition Visa = Repository.Catalog.Definitions[ApplyingPortal.Visa];

    /// <summary>The visa's answers of the sections before <paramref name="section"/> only.</summary>
    private static Answers AnswersBefore(string section)
    {
        var before = Visa.Sections.TakeWhile(s => s.Id != section).SelectMany(s => s.Include is not null ? [s.Id] : s.Fields.Select(f => f.Id)).ToHashSet();
        return Answers.From(ApplyingPortal.VisaAnswers.Where(a => before.Contains(a.Key)));
    }

    [Fact]
    public async Task FindAsync_ApplicantWithADraft_FindsItAndNotAnotherApplicantsOrProceduresDraft()
    {
        var applicant = ApplyingPortal.NewApplicant();
        var draft = await portal.DraftAsync(applicant);
        await portal.DraftAsync(ApplyingPortal.NewApplicant());

        Assert.Equal(draft.Id, await ApplicantDrafts.FindAsync(portal.Applications, applicant, ApplyingPortal.Visa));
        Assert.Null(await ApplicantDrafts.FindAsync(portal.Applications, applicant, "foreign-worker-contract-renewal"));
        Assert.Null(await ApplicantDrafts.FindAsync(portal.Applications, ApplyingPortal.NewApplicant(), ApplyingPortal.Visa));
    }

    [Fact]
    public async Task FindAsync_AfterTheDraftWasSubmitted_FindsNoDraft()
    {
        var applicant = ApplyingPortal.NewApplicant();
        var draft = await portal.DraftAsync(applicant, ApplyingPortal.VisaAnswers, documents: true);
        ApplyingPortal.Ok(await portal.Applications.SubmitAsync(draft.Id, applicant));

        Assert.Null(await ApplicantDrafts.FindAsync(portal.Applications, applicant, ApplyingPortal.Visa));
    }

    [Theory]
    [InlineData("employer")]
    [InlineData("worker")]
    [InlineData("job")]
    [InlineData("commitments")]
    public void ResumePage_SectionsFilledUpTo_IsTheFirstPageWithSomethingMissing(string section)
    {
        var draft = Application.Start(Visa, 1, Guid.NewGuid(), ApplyingPortal.NewApplicant()) with { Answers = AnswersBefore(section) };

        Assert.Equal(section, ApplicantDrafts.ResumePage(Visa, draft, Today));
    }

    [Fact]
    public void ResumePage_EverythingAnsweredButTheDocuments_IsTheDocumentsPage()
    {
        var draft = Application.Start(Visa, 1, Guid.NewGuid(), ApplyingPortal.NewApplicant()) with { Answers = ApplyingPortal.VisaAnswers };

        Assert.Equal(FormPage.DocumentsKey, ApplicantDrafts.ResumePage(Visa, draft, Today));
    }

    [Fact]
    public async Task ResumePage_ChangesRequested_IsThePageOfTheFirstReopenedItemAndTheReviewersMessageIsRead()
    {
        var applicant = ApplyingPortal.NewApplicant();
        var draft = await portal.DraftAsync(applicant, ApplyingPortal.VisaAnswers, documents: true);
        ApplyingPortal.Ok(await portal.Applications.SubmitAsync(draft.Id, applicant));
        var reviewer = Actor.Reviewer("desk", "Agent du guichet", "desk-agent", "casablanca");
        var requested = ApplyingPortal.Ok(await portal.Applications.DecideAsync(draft.Id, reviewer,
            new WorkflowCommand.Decide("reception", StepAction.RequestChanges, "Le salaire ne correspond pas au contrat.", Reopen: ["contract", "monthly_salary"])));

        Assert.Equal("job", ApplicantDrafts.ResumePage(Visa, requested, Today));
        Assert.Equal("Le salaire ne correspond pas au contrat.", await ApplicantDrafts.ReviewerMessageAsync(portal.Applications, draft.Id, applicant));
    }

    [Fact]
    public void FirstPageWithErrors_ErrorsOnSeveralPages_IsTheEarliestInTheFormsOrder()
    {
        var report = SubmissionValidator.Validate(Visa, new Submission(ApplyingPortal.VisaAnswers.With("monthly_salary", null).With("last_name", null), []), new Engine.Expressions.EvaluationContext(Today));

        Assert.Equal("worker", ApplicantDrafts.FirstPageWithErrors(Visa, report));
    }

    [Fact]
    public async Task Draft_AfterTheProcedureWasRepublished_MovesToTheNewVersionAndIsSubmittedUnderIt()
    {
        await using var own = await TempPortal.PrepareAsync();
        var applications = own.App.Services.GetRequiredService<Applications>();
        var definitions = own.App.Services.GetRequiredService<DefinitionStore>();
        var applicant = ApplyingPortal.NewApplicant();
        var draft = ApplyingPortal.Ok(await applications.StartAsync(ApplyingPortal.Visa, applicant));

        var yaml = await File.ReadAllTextAsync(Path.Combine(Repository.Root, "procedures", ApplyingPortal.Visa + ".yaml"));
        var changed = yaml.Replace("      - { id: last_name,", "      - { id: mother_name, type: text, required: true, max_length: 80, label: { fr: \"Nom de la mère\", ar: \"اسم الأم\" } }\n      - { id: last_name,", StringComparison.Ordinal);
        var loaded = new ProcedureLoader(Repository.Catalog.Library).LoadText(changed, ApplyingPortal.Visa + ".yaml");
        Assert.False(loaded.HasErrors, string.Join(Environment.NewLine, loaded.Diagnostics));
        var republished = await definitions.PublishAsync(loaded.Definition!, changed);
        Assert.True(republished.Version > draft.DefinitionVersion);

        var saved = ApplyingPortal.Ok(await applications.SaveAnswersAsync(draft.Id, applicant, ApplyingPortal.VisaAnswers, draft.Version));
        foreach (var document in ApplyingPortal.VisaDocuments)
            ApplyingPortal.Ok(await applications.AttachDocumentAsync(draft.Id, applicant, document, document + ".pdf", new MemoryStream(ApplyingPortal.Pdf())));
        var refused = await applications.SubmitAsync(draft.Id, applicant);

        // Filed under the rules in force when it is submitted: the new field is asked, and "continue" lands on its page.
        Assert.Equal(republished.Version, saved.DefinitionVersion);
        Assert.Contains(refused.Validation!.Errors, e => e.Path == "mother_name");
        Assert.Equal("worker", ApplicantDrafts.ResumePage(republished.Definition, saved, Today));
        ApplyingPortal.Ok(await applications.SaveAnswersAsync(draft.Id, applicant, saved.Answers.With("mother_name", "Fatima Zahra")));
        var submitted = ApplyingPortal.Ok(await applications.SubmitAsync(draft.Id, applicant));
        Assert.Equal(republished.Version, submitted.DefinitionVersion);
    }
}
