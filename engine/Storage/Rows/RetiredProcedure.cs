namespace EmploymentProcedures.Engine.Storage.Rows;

/// <summary>
/// A procedure withdrawn from new applications: one row per retired procedure, removed when an analyst reinstates it.
/// Every retirement and reinstatement is also in the audit chain, so the history outlives the row.
/// </summary>
internal sealed class RetiredProcedure
{
    public required string ProcedureId { get; set; }

    /// <summary>UTC.</summary>
    public DateTime RetiredAt { get; set; }

    public required string RetiredBy { get; set; }

    public required string RetiredByName { get; set; }

    /// <summary>Why, as the analyst wrote it (a decree, a merger with another procedure...): mandatory.</summary>
    public required string Reason { get; set; }
}
