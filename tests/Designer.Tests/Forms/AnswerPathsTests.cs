using EmploymentProcedures.Designer.Forms;
using EmploymentProcedures.Engine.Validation;

namespace EmploymentProcedures.Designer.Tests.Forms;

public sealed class AnswerPathsTests
{
    [Fact]
    public void Set_NestedPaths_BuildsTheRecordsAndRowsTheValidatorReads()
    {
        var answers = AnswerPaths.Set(Answers.Empty, "employer.address.province", "rabat");
        answers = AnswerPaths.Set(answers, "employees", new List<object?> { Answers.Empty, Answers.Empty });
        answers = AnswerPaths.Set(answers, "employees[1].name", "Youssef");

        Assert.Equal("rabat", answers.Get("employer.address.province"));
        Assert.Equal("Youssef", AnswerPaths.Get(answers, "employees[1].name"));
        Assert.Null(AnswerPaths.Get(answers, "employees[0].name"));
        Assert.Null(AnswerPaths.Get(answers, "employees[5].name"));
    }

    [Fact]
    public void Set_Null_RemovesTheAnswerAndAnEmptiedRecord()
    {
        var answers = AnswerPaths.Set(Answers.Empty, "employer.ice", "001561191000066");

        var cleared = AnswerPaths.Set(answers, "employer.ice", null);

        Assert.False(cleared.ContainsKey("employer"));
    }

    [Fact]
    public void Set_RowThatDoesNotExist_ChangesNothing()
    {
        var answers = AnswerPaths.Set(Answers.Empty, "employees[3].name", "x");

        Assert.Empty(answers);
    }

    [Theory]
    [InlineData("start_date", "f-start_date")]
    [InlineData("employer.address.province", "f-employer-address-province")]
    [InlineData("employees[12].name", "f-employees-12-name")]
    public void FieldIds_MapPathsToIdsWithoutDotsOrBrackets(string path, string id) => Assert.Equal(id, FieldIds.For(path));

    [Fact]
    public void FormTexts_EveryText_IsInFrenchArabicAndEnglish()
    {
        Assert.All(FormTexts.All, text =>
        {
            Assert.False(string.IsNullOrWhiteSpace(text.Value.Fr), text.Key);
            Assert.False(string.IsNullOrWhiteSpace(text.Value.Ar), text.Key);
            Assert.False(string.IsNullOrWhiteSpace(text.Value.En), text.Key);
            if (text.Value.Fr.Any(char.IsLetter))
                Assert.NotEqual(text.Value.Fr, text.Value.Ar);
        });
    }
}
