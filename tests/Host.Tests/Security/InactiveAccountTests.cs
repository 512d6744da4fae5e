using EmploymentProcedures.Engine.Definitions;
using EmploymentProcedures.Engine.Workflow;
using EmploymentProcedures.Host.Accounts;
using EmploymentProcedures.Host.Tests.MyApplications;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EmploymentProcedures.Host.Tests.Security;

/// <summary>
/// An account closed or deactivated while one of its pages is still open acts no more, from the next command on: the
/// portal's engine asks the accounts at the time of each command, not at the page's start nor at the next revalidation.
/// </summary>
[Collection(LivePortalTests.Name)]
public sealed class InactiveAccountTests(LivePortal portal)
{
    [Fact]
    public async Task Decide_ReviewerDeactivatedByAnAdministratorWhileTheirCasePageIsOpen_IsRefused_NorClaimsNorLabels_AndTheApplicationStaysInReview()
    {
        var (_, applicant) = await portal.AccountAsync("employer");
        var application = await portal.Filing.SubmittedAsync(applicant);
        var (_, reviewer) = await portal.AccountAsync("desk-agent", application.Province!);
        var (_, administrator) = await portal.AccountAsync("administrator");
        // The case page asked what the reviewer may do while the account was active.
        Assert.Equal(ApplicationStatus.InReview, (await portal.Applications.GetAsync(application.Id, reviewer)).Value!.Status);

        await using (var scope = portal.Portal.App.Services.CreateAsyncScope())
            Assert.True((await scope.ServiceProvider.GetRequiredService<StaffAccounts>().DeactivateAsync(administrator, reviewer.UserId)).Succeeded);
        var decided = await portal.Applications.DecideAsync(application.Id, reviewer, new WorkflowCommand.Decide(application.Step!, StepAction.Approve));
        var claimed = await portal.Applications.ClaimAsync(application.Id, reviewer);

        Assert.Equal(RefusalCodes.AccountInactive, decided.Refusal?.Code);
        Assert.Equal("Votre compte n'est plus actif (fermé, ou désactivé par l'administration) : rien n'a été enregistré.", decided.Refusal!.Message.Get("fr"));
        Assert.Equal(RefusalCodes.AccountInactive, claimed.Refusal?.Code);
        var labelled = await portal.Applications.SetLabelAsync(application.Id, reviewer, "priority", on: true);
        Assert.Equal(RefusalCodes.AccountInactive, labelled.Refusal?.Code);
        Assert.Empty((await portal.Applications.LabelsAsync(application.Id, Filing.DeskAgent(application))).Value!.On);
        var stored = (await portal.Applications.GetAsync(application.Id, applicant)).Value!;
        Assert.Equal((ApplicationStatus.InReview, application.Step), (stored.Status, stored.Step));
        Assert.True((await portal.Applications.DecideAsync(application.Id, Filing.DeskAgent(application), new WorkflowCommand.Decide(application.Step!, StepAction.Approve))).Succeeded);
    }

    [Fact]
    public async Task Submit_ApplicantWhoClosedTheirAccountInAnotherTab_IsRefused_AndNothingIsFiledNorUploaded()
    {
        var (_, applicant) = await portal.AccountAsync("employer");
        var draft = await portal.Filing.DraftAsync(applicant);
        // The closure's first step (the account closed) is done; its drafts are not deleted yet, as after a failure there.
        await using (var scope = portal.Portal.App.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<AccountsDb>().Users.Where(a => a.Id == applicant.UserId)
                .ExecuteUpdateAsync(s => s.SetProperty(a => a.ClosedAt, DateTime.UtcNow));
        }

        var submitted = await portal.Applications.SubmitAsync(draft.Id, applicant);
        var saved = await portal.Applications.SaveAnswersAsync(draft.Id, applicant, draft.Answers);
        var upload = new MemoryStream(Filing.Pdf("replacement"));
        var attached = await portal.Applications.AttachDocumentAsync(draft.Id, applicant, draft.Documents[0].DocumentId, "replacement.pdf", upload);

        Assert.Equal(RefusalCodes.AccountInactive, submitted.Refusal?.Code);
        Assert.Equal(RefusalCodes.AccountInactive, saved.Refusal?.Code);
        Assert.Equal(RefusalCodes.AccountInactive, attached.Refusal?.Code);
        Assert.Equal(0, upload.Position); // refused before a byte of the upload was read into the store
        Assert.Equal("Your account is no longer active (closed, or deactivated by the administration): nothing was saved.", submitted.Refusal!.Message.Get("en"));
        var stored = await portal.Applications.GetAsync(draft.Id, applicant);
        Assert.Equal((ApplicationStatus.Draft, null, draft.Version), (stored.Value!.Status, stored.Value.Reference, stored.Value.Version));
    }

    [Fact]
    public async Task Start_AfterTheRealClosure_FromAPageOpenedBefore_IsRefused_AndNoDraftIsLeftForTheClosedAccount()
    {
        var (email, applicant) = await portal.AccountAsync("employer");
        await using (var scope = portal.Portal.App.Services.CreateAsyncScope())
        {
            var account = await scope.ServiceProvider.GetRequiredService<UserManager<Account>>().FindByEmailAsync(email);
            Assert.Equal(ClosureOutcome.Closed, await scope.ServiceProvider.GetRequiredService<AccountClosure>().CloseAsync(account!));
        }

        var started = await portal.Applications.StartAsync(Filing.Procedure, applicant);

        Assert.Equal(RefusalCodes.AccountInactive, started.Refusal?.Code);
        Assert.Empty(await portal.Applications.MineAsync(applicant));
    }
}
