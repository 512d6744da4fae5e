using EmploymentProcedures.Engine.Loading;

namespace EmploymentProcedures.Engine.Tests.Loading;

/// <summary>Shared option lists are checked against the schema like definitions, each error at its line.</summary>
public sealed class ListSchemaTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "lists-" + Guid.NewGuid().ToString("N"));

    public ListSchemaTests()
    {
        Directory.CreateDirectory(Path.Combine(_directory, "lists"));
        File.WriteAllText(Path.Combine(_directory, "roles.yaml"), "applicants: []\n");
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void Load_ListWithAnUnknownKeyAndAnOptionWithoutLabel_ReportsBothAtTheirLines()
    {
        File.WriteAllText(Path.Combine(_directory, "lists", "sectors.yaml"), """
            id: sectors
            title: { fr: "Secteurs", ar: "القطاعات" }
            option:
              - { value: industry }
            options:
              - { value: industry, label: { fr: "Industrie", ar: "الصناعة" } }
              - { value: commerce }
            """);

        var diagnostics = ProcedureLibrary.Load(_directory).Diagnostics.Select(d => d.ToString()).ToList();

        Assert.Contains(diagnostics, d => d.Contains("sectors.yaml(3,1): error EP0101", StringComparison.Ordinal) && d.Contains("'option'", StringComparison.Ordinal));
        Assert.Contains(diagnostics, d => d.Contains("sectors.yaml(7,5): error", StringComparison.Ordinal) && d.Contains("label", StringComparison.Ordinal));
    }

    [Fact]
    public void Load_RepositoryLists_AreValid() =>
        Assert.Empty(TestLibrary.Library.Diagnostics);
}
