using System.Globalization;
using EmploymentProcedures.Engine.Definitions;
using EmploymentProcedures.Engine.Storage.Rows;
using Microsoft.EntityFrameworkCore;

namespace EmploymentProcedures.Engine.Storage;

/// <summary>Reference numbers: <c>&lt;reference_prefix or id&gt;-&lt;year&gt;-&lt;6 digits&gt;</c>, one counter per prefix and year.</summary>
internal static class References
{
    /// <summary>
    /// The reference <see cref="NextAsync"/> will give once the first submissions ahead of <paramref name="coming"/> have taken theirs, without taking it
    /// (a forecast: another submission may take it first).
    /// </summary>
    /// <remarks>
    /// The last number this process took (<see cref="WriteTurns.Coming.LastTaken"/>) saves reading the counter; it is behind
    /// only when another process took numbers since, and then the receipt is rendered again inside the transaction.
    /// </remarks>
    public static async Task<string> PeekAsync(ProceduresDb db, WriteTurns.Coming coming, int year, CancellationToken cancellationToken)
    {
        var last = coming.LastTaken ?? await db.ReferenceCounters.AsNoTracking()
            .Where(c => c.Prefix == coming.Prefix && c.Year == year)
            .Select(c => (int?)c.Last)
            .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        return Format(coming.Prefix, year, (last ?? 0) + coming.Ahead + 1);
    }

    /// <summary>The counter a definition's references are numbered by: its <c>reference_prefix</c>, or its id.</summary>
    public static string PrefixOf(ProcedureDefinition definition) => definition.ReferencePrefix ?? definition.Id;

    /// <summary>
    /// Takes the next number inside the caller's transaction, and reads the audit chain's head in the same statement (a first
    /// submission needs both). The counter's value is its concurrency token, so two submissions never share one: the update
    /// says which value it replaces, and one that finds another there fails and the transition is run again.
    /// </summary>
    public static async Task<Taken> NextAsync(ProceduresDb db, string prefix, int year, CancellationToken cancellationToken)
    {
        var read = await CounterAndHead.For(db)(db, prefix, year, cancellationToken).ConfigureAwait(false);
        var counter = new ReferenceCounter { Prefix = prefix, Year = year, Last = read.Last ?? 0 };
        if (read.Last is null)
            db.ReferenceCounters.Add(counter);
        else
            db.ReferenceCounters.Attach(counter);
        counter.Last++;
        return new Taken(counter.Last, Format(prefix, year, counter.Last), read.Head);
    }

    /// <summary>Compiled: a query that names the context twice would otherwise be translated again each time.</summary>
    private static readonly CompiledQuery<Func<ProceduresDb, string, int, CancellationToken, Task<CounterRead>>> CounterAndHead = new(() => EF.CompileAsyncQuery(
        (ProceduresDb db, string prefix, int year, CancellationToken _) => db.AuditHeads
            .Select(h => new CounterRead { Head = h, Last = db.ReferenceCounters.Where(c => c.Prefix == prefix && c.Year == year).Select(c => (int?)c.Last).FirstOrDefault() })
            .Single()));

    private sealed class CounterRead
    {
        public required AuditHead Head { get; init; }
        public int? Last { get; init; }
    }

    /// <summary>A number taken (not yet committed), its reference, and the audit head read with it.</summary>
    public sealed record Taken(int Number, string Reference, AuditHead Head);

    private static string Format(string prefix, int year, int number) => string.Create(CultureInfo.InvariantCulture, $"{prefix}-{year}-{number:D6}");
}
