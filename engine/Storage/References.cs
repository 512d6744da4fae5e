using System.Globalization;
using EmploymentProcedures.Engine.Definitions;
using EmploymentProcedures.Engine.Storage.Rows;
using Microsoft.EntityFrameworkCore;

namespace EmploymentProcedures.Engine.Storage;

/// <summary>Reference numbers: <c>&lt;reference_prefix or id&gt;-&lt;year&gt;-&lt;6 digits&gt;</c>, one counter per prefix and year.</summary>
internal static class References
{
    /// <summary>
    /// The reference <see cref="NextAsync"/> will give once <paramref name="ahead"/> more have been taken, without taking it
    /// (a forecast: another submission may take it first).
    /// </summary>
    public static async Task<string> PeekAsync(ProceduresDb db, ProcedureDefinition definition, int year, int ahead, CancellationToken cancellationToken)
    {
        var prefix = PrefixOf(definition);
        var last = await db.ReferenceCounters.AsNoTracking()
            .Where(c => c.Prefix == prefix && c.Year == year)
            .Select(c => (int?)c.Last)
            .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        return Format(prefix, year, (last ?? 0) + ahead + 1);
    }

    /// <summary>The counter a definition's references are numbered by: its <c>reference_prefix</c>, or its id.</summary>
    public static string PrefixOf(ProcedureDefinition definition) => definition.ReferencePrefix ?? definition.Id;

    /// <summary>Takes the next number inside the caller's transaction; the counter's value is its concurrency token, so two submissions never share one.</summary>
    public static async Task<string> NextAsync(ProceduresDb db, ProcedureDefinition definition, int year, CancellationToken cancellationToken)
    {
        var prefix = PrefixOf(definition);
        var counter = await db.ReferenceCounters.FirstOrDefaultAsync(c => c.Prefix == prefix && c.Year == year, cancellationToken).ConfigureAwait(false);
        if (counter is null)
        {
            counter = new ReferenceCounter { Prefix = prefix, Year = year, Last = 0 };
            db.ReferenceCounters.Add(counter);
        }
        counter.Last++;
        return Format(prefix, year, counter.Last);
    }

    private static string Format(string prefix, int year, int number) => string.Create(CultureInfo.InvariantCulture, $"{prefix}-{year}-{number:D6}");
}
