using System.Globalization;
using System.Text;
using System.Text.Json;

namespace EmploymentProcedures.Engine.Storage;

/// <summary>
/// The published forms of the seals (<see cref="AuditSeals"/>), for anyone to keep: JSON (read back by
/// <c>procedures verify-data --seals</c>) and CSV (for a spreadsheet). Both hold every field the hash covers, so a copy is
/// checked without the portal: SHA-256 of <see cref="AuditSeals.Canonical"/>.
/// </summary>
public static class AuditSealFiles
{
    /// <summary>The JSON's <c>format</c>: what a reader checks before trusting the rest.</summary>
    public const string Format = "audit-seals-1";

    /// <summary>The CSV's header line.</summary>
    public const string CsvHeader = "day,head_sequence,head_hash,entries,sealed_at,previous_hash,hash";

    /// <summary>How the JSON says a seal's hash is made, for whoever checks a copy without this code.</summary>
    public const string HashRule =
        "hash = SHA-256 (lower-case hex) of the UTF-8 text: 'audit-seal 1', day, head_sequence, head_hash, entries, sealed_at, previous_hash, "
        + "joined by line feeds (\\n); previous_hash of the first seal is 64 zeros";

    /// <summary>Writes <c>{"format":"audit-seals-1","hashRule":"...","seals":[{...}]}</c>, the seals oldest first.</summary>
    public static async Task WriteJsonAsync(IReadOnlyList<PublishedSeal> seals, Stream output, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(seals);
        await using var json = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteString("format", Format);
        json.WriteString("hashRule", HashRule);
        json.WriteStartArray("seals");
        foreach (var seal in seals)
        {
            json.WriteStartObject();
            json.WriteString("day", AuditSeals.Text(seal.Day));
            json.WriteNumber("headSequence", seal.HeadSequence);
            json.WriteString("headHash", seal.HeadHash);
            json.WriteNumber("entries", seal.Entries);
            json.WriteString("sealedAt", AuditSeals.Text(seal.SealedAt));
            json.WriteString("previousHash", seal.PreviousHash);
            json.WriteString("hash", seal.Hash);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
        await json.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Writes the seals as CSV (UTF-8, CRLF, <see cref="CsvHeader"/> first), oldest first. No field needs quoting.</summary>
    public static async Task WriteCsvAsync(IReadOnlyList<PublishedSeal> seals, Stream output, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(seals);
        var text = new StringBuilder(CsvHeader).Append("\r\n");
        foreach (var seal in seals)
        {
            text.Append(CultureInfo.InvariantCulture, $"{AuditSeals.Text(seal.Day)},{seal.HeadSequence},{seal.HeadHash},{seal.Entries},{AuditSeals.Text(seal.SealedAt)},{seal.PreviousHash},{seal.Hash}")
                .Append("\r\n");
        }
        await output.WriteAsync(Encoding.UTF8.GetBytes(text.ToString()), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Reads a JSON file of seals written by <see cref="WriteJsonAsync"/>; a <see cref="FormatException"/> says, in a
    /// sentence, what is not right (not JSON, another format, a seal missing a field or with a field of the wrong form).
    /// </summary>
    public static IReadOnlyList<PublishedSeal> ReadJson(Stream input)
    {
        ArgumentNullException.ThrowIfNull(input);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(input);
        }
        catch (JsonException e)
        {
            throw new FormatException($"not JSON ({e.Message})", e);
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("format", out var format) || format.ValueKind != JsonValueKind.String || format.GetString() != Format)
                throw new FormatException($"not a file of audit seals (its \"format\" is not \"{Format}\"): download /audit-seals.json");
            if (!root.TryGetProperty("seals", out var list) || list.ValueKind != JsonValueKind.Array)
                throw new FormatException("no \"seals\" list");
            var seals = new List<PublishedSeal>();
            var index = 0;
            foreach (var item in list.EnumerateArray())
            {
                index++;
                seals.Add(Seal(item, index));
            }
            return seals;
        }
    }

    private static PublishedSeal Seal(JsonElement item, int index)
    {
        string Text(string name)
        {
            if (item.ValueKind != JsonValueKind.Object || !item.TryGetProperty(name, out var value) || value.ValueKind != JsonValueKind.String)
                throw new FormatException($"seal {index}: no \"{name}\" text");
            return value.GetString()!;
        }

        long Number(string name)
        {
            if (item.ValueKind != JsonValueKind.Object || !item.TryGetProperty(name, out var value) || !value.TryGetInt64(out var number) || number < 0)
                throw new FormatException($"seal {index}: no \"{name}\" number");
            return number;
        }

        string Hash(string name)
        {
            var hash = Text(name);
            if (hash.Length != 64 || !hash.All(char.IsAsciiHexDigitLower))
                throw new FormatException($"seal {index}: \"{name}\" is not a SHA-256 in lower-case hex");
            return hash;
        }

        if (!DateOnly.TryParseExact(Text("day"), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            throw new FormatException($"seal {index}: \"day\" is not a date (yyyy-MM-dd)");
        var (headSequence, headHash, entries) = (Number("headSequence"), Hash("headHash"), Number("entries"));
        if (!DateTime.TryParseExact(Text("sealedAt"), "yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var sealedAt))
            throw new FormatException($"seal {index}: \"sealedAt\" is not a UTC time (yyyy-MM-ddTHH:mm:ss.fffZ)");
        return new PublishedSeal(day, headSequence, headHash, entries, DateTime.SpecifyKind(sealedAt, DateTimeKind.Utc), Hash("previousHash"), Hash("hash"));
    }
}
