namespace EmploymentProcedures.Engine.Storage.Rows;

/// <summary>One published version of a procedure definition: immutable once written.</summary>
internal sealed class StoredDefinition
{
    public long Id { get; set; }
    public required string ProcedureId { get; set; }
    public int Version { get; set; }

    /// <summary>SHA-256 of the file's bytes, hex, as <see cref="Definitions.ProcedureDefinition.ContentHash"/>.</summary>
    public required string ContentHash { get; set; }

    /// <summary>The file's exact text; reloading it through the loader gives back the same hash.</summary>
    public required string Yaml { get; set; }

    public DateTime PublishedAt { get; set; }
}
