namespace EmploymentProcedures.Engine.Storage.Rows;

/// <summary>
/// The designer's working copy of one procedure (existing or new): the YAML as last typed, who saved it and
/// when. One row per procedure id; publishing leaves it in place until the analyst discards it.
/// </summary>
internal sealed class DesignerDraft
{
    public required string ProcedureId { get; set; }
    public required string Yaml { get; set; }

    /// <summary>The published version the draft was started from; null for a new procedure.</summary>
    public int? BasedOnVersion { get; set; }

    public required string CreatedBy { get; set; }
    public DateTime CreatedAt { get; set; }
    public required string UpdatedBy { get; set; }
    public DateTime UpdatedAt { get; set; }

    /// <summary>When the last <c>draft_saved</c> audit entry was written (saves in between are not audited one by one).</summary>
    public DateTime AuditedAt { get; set; }
}
