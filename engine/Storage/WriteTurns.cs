using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;

namespace EmploymentProcedures.Engine.Storage;

/// <summary>
/// The turns of this process's transitions at writing in one database. SQLite has a single writer anyway; without a
/// turn, a writer that finds the database locked polls for it (Microsoft.Data.Sqlite sleeps 150 ms between tries), so
/// applicants submitting at once would wait on each other's sleeps rather than on each other's writes. Turns are
/// handed over in the order they are asked for. Another process on the same file (the CLI) still meets SQLite's lock; another instance on
/// PostgreSQL meets the writer lock every transaction takes there (<c>WriterLock</c>, engine.Postgres).
/// </summary>
internal static class WriteTurns
{
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> Turns = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<(string Database, string Prefix, int Year), Counter> OnTheirWay = new();

    /// <summary>The turn to write in <paramref name="db"/>'s database: one transaction at a time.</summary>
    public static SemaphoreSlim Of(ProceduresDb db) => Turns.GetOrAdd(DatabaseOf(db), _ => new SemaphoreSlim(1, 1));

    /// <summary>
    /// Counts a first submission on its way to a number of counter <paramref name="prefix"/>/<paramref name="year"/> until it
    /// is disposed (its transaction ended), and says how many were on their way before it: its receipt, rendered before its
    /// turn comes, prints the number after theirs, which the counter gives when they all commit in turn.
    /// </summary>
    public static Coming Join(ProceduresDb db, string prefix, int year)
    {
        var counter = OnTheirWay.GetOrAdd((DatabaseOf(db), prefix, year), _ => new Counter());
        return new Coming(prefix, counter, Interlocked.Increment(ref counter.OnTheirWay) - 1);
    }

    private static string DatabaseOf(ProceduresDb db) => db.Database.GetConnectionString() ?? "";

    /// <summary>What this process knows of one reference counter: the first submissions on their way to it, the last number it committed.</summary>
    internal sealed class Counter
    {
        public int OnTheirWay;
        public int LastTaken;
    }

    /// <summary>A first submission counted on its way to a reference number; <see cref="Ahead"/> were on their way before it.</summary>
    internal sealed class Coming(string prefix, Counter counter, int ahead) : IDisposable
    {
        private int _left;

        public string Prefix => prefix;

        public int Ahead => ahead;

        /// <summary>The last number a submission of this process committed on this counter, if any.</summary>
        public int? LastTaken => Volatile.Read(ref counter.LastTaken) is > 0 and var last ? last : null;

        /// <summary>Its transaction committed with <paramref name="number"/>: the next forecasts count from there.</summary>
        public void Took(int number)
        {
            InterlockedMax(ref counter.LastTaken, number);
            Dispose();
        }

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _left, 1) == 0)
                Interlocked.Decrement(ref counter.OnTheirWay);
        }

        private static void InterlockedMax(ref int location, int value)
        {
            for (var seen = Volatile.Read(ref location); seen < value; seen = Volatile.Read(ref location))
            {
                if (Interlocked.CompareExchange(ref location, value, seen) == seen)
                    return;
            }
        }
    }
}
