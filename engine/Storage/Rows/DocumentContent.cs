namespace EmploymentProcedures.Engine.Storage.Rows;

/// <summary>
/// A content the database document store holds (<see cref="DatabaseDocumentStore"/>), by its SHA-256: its bytes are
/// in <see cref="DocumentChunk"/> rows, written in the same transaction as this one.
/// </summary>
internal sealed class DocumentContent
{
    /// <summary>SHA-256 of the content, lowercase hex: what documents, attachments and letters refer to.</summary>
    public required string Hash { get; set; }

    public long SizeBytes { get; set; }

    /// <summary>When it was stored, or stored again (UTC): a deletion of unreferenced contents leaves a recent one.</summary>
    public DateTime StoredAt { get; set; }
}

/// <summary>One piece of a content, in order (<see cref="Index"/> from 0), at most <see cref="DatabaseDocumentStore.ChunkBytes"/> long.</summary>
internal sealed class DocumentChunk
{
    public required string Hash { get; set; }

    public int Index { get; set; }

    public required byte[] Content { get; set; }
}
