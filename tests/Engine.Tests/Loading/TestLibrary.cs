using EmploymentProcedures.Engine.Loading;

namespace EmploymentProcedures.Engine.Tests.Loading;

/// <summary>The repository's procedure library, read once for all loader tests.</summary>
internal static class TestLibrary
{
    private static readonly Lazy<ProcedureLibrary> LibraryValue = new(() => ProcedureLibrary.Load(RepositoryPaths.Procedures));

    public static ProcedureLibrary Library => LibraryValue.Value;

    public static ProcedureLoader Loader() => new(Library);
}
