using System.Globalization;
using EmploymentProcedures.Engine.Definitions;
using EmploymentProcedures.Engine.Storage.Rows;
using Microsoft.EntityFrameworkCore;

namespace EmploymentProcedures.Engine.Storage;

/// <summary>Reference numbers: <c>&lt;reference_prefix or id&gt;-&lt;year&gt;-&lt;6 digits&gt;</c>, one counter per prefix and year.</summary>
internal static class References
{
    /// <summary>Takes the next number inside the caller's transaction; the counter's value is its concurrency token, so two submissions never share one.</summary>
    public static async Task<string> NextAsync(ProceduresDb db, ProcedureDefinition definition, int year, CancellationToken cancellationToken)
    {
        var prefix = definition.ReferencePrefix ?? definition.Id;
        var counter = await db.ReferenceCounters.FirstOrDefaultAsync(c => c.Prefix == prefix && c.Year == year, cancellationToken).ConfigureAwait(false);
        if (counter is null)
        {
            counter = new ReferenceCounter { Prefix = prefix, Year = year, Last = 0 };
            db.ReferenceCounters.Add(counter);
        }
        counter.Last++;
        return string.Create(CultureInfo.InvariantCulture, $"{prefix}-{year}-{counter.Last:D6}");
    }
}
