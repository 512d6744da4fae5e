using System.IO.Compression;

namespace EmploymentProcedures.Engine.Tests.Archiving;

/// <summary>Reading back what an archive test wrote.</summary>
internal static class ZipEntries
{
    /// <summary>The bytes of an entry.</summary>
    public static byte[] Read(ZipArchiveEntry entry)
    {
        using var content = entry.Open();
        using var copy = new MemoryStream();
        content.CopyTo(copy);
        return copy.ToArray();
    }
}
