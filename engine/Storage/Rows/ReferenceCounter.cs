namespace EmploymentProcedures.Engine.Storage.Rows;

/// <summary>The last reference number given for a prefix in a year (<c>TAE-2026-000042</c> → 42).</summary>
internal sealed class ReferenceCounter
{
    public required string Prefix { get; set; }
    public int Year { get; set; }

    /// <summary>Also the concurrency token: two submissions can never take the same number.</summary>
    public int Last { get; set; }
}
