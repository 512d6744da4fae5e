namespace EmploymentProcedures.Engine.Storage.Rows;

/// <summary>
/// A label (<see cref="Definitions.LabelDefinition"/>) a reviewer put on an application, by its id. Kept when the
/// procedure stops declaring it (pages then neither show nor offer it, and show it again should the id come back):
/// the audit says who put it and when, and nothing of a file is lost to a definition's edit.
/// </summary>
internal sealed class ApplicationLabel
{
    public Guid ApplicationId { get; set; }
    public required string Label { get; set; }

    /// <summary>UTC.</summary>
    public DateTime SetAt { get; set; }

    public required string SetBy { get; set; }
}
