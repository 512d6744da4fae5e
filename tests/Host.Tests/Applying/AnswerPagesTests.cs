using EmploymentProcedures.Engine.Templates;
using EmploymentProcedures.Engine.Workflow;
using EmploymentProcedures.Host.Applying;

namespace EmploymentProcedures.Host.Tests.Applying;

public sealed class AnswerPagesTests
{
    [Theory]
    [InlineData("fr")]
    [InlineData("ar")]
    public void Of_VisaAnswers_PairsEveryListedSectionWithItsFormPage(string language)
    {
        var visa = Repository.Catalog.Definitions[ApplyingPortal.Visa];
        var today = new DateOnly(2026, 3, 2);
        var application = Application.Start(visa, 1, Guid.NewGuid(), ApplyingPortal.NewApplicant()) with { Answers = ApplyingPortal.VisaAnswers };
        var model = DocumentModel.Build(visa, application.Answers, [], language, new ApplicationFacts("", today, "", "draft"), today: today);

        var pages = AnswerPages.Of(visa, application, model.Sections, language, today);

        Assert.Equal(["employer", "worker", "job", "anapec", "commitments"], pages.Select(p => p.Page));
        Assert.Equal(model.Sections, pages.Select(p => p.Section));
    }
}
