namespace EmploymentProcedures.Engine.Storage.Rows;

/// <summary>
/// The single row that says where the audit chain ends. Every append updates it with its sequence as the
/// concurrency token, so two transactions that read the same end cannot both extend the chain; it also
/// lets verification notice entries deleted from the end.
/// </summary>
internal sealed class AuditHead
{
    public const string Genesis = "0000000000000000000000000000000000000000000000000000000000000000";

    public int Id { get; set; }
    public long Sequence { get; set; }
    public required string Hash { get; set; }
}
