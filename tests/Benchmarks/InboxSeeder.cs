using System.Globalization;
using EmploymentProcedures.Engine.Deadlines;
using EmploymentProcedures.Engine.Definitions;
using EmploymentProcedures.Engine.Loading;
using EmploymentProcedures.Engine.Reporting;
using EmploymentProcedures.Engine.Storage;
using EmploymentProcedures.Engine.Workflow;
using Microsoft.Data.Sqlite;

namespace EmploymentProcedures.Benchmarks;

/// <summary>
/// Fills a database with synthetic applications of the real 55 procedures, for inbox and dashboard measurements:
/// the definitions are published, then rows are written with raw prepared INSERTs reused for every row, in ONE
/// transaction with <c>synchronous=OFF</c> (a seed is thrown away if it is interrupted, so it needs no durability;
/// about 80k rows/s this way against 1.8k/s for one transaction per row), then <c>ANALYZE</c>, and the dashboard's
/// figures are rebuilt from the rows by the engine itself.
/// </summary>
/// <remarks>
/// The spread: procedures and provinces by a Zipf law (a few take most files, as visas and Casablanca do);
/// submissions on working days over the 365 days before <c>today</c>; 4 % drafts; each file takes a processing time
/// around 80 % of its legal deadline (one in six runs late), one in eight is paused for changes a few days; files
/// whose decision day has come are decided (4 % withdrawn, else approved or rejected 4 to 1, or acknowledged for
/// declarations), the others are in review at one of their steps (one in ten waiting for the applicant's changes),
/// with the pending work of the step's roles as the engine writes it. Names are Latin or Arabic, and every file has
/// an ICE and a CIN in its search keys. In the procedures that declare labels, one submitted file in twenty carries
/// labels, one in four of those two: a reviewer marks the few files that need it.
/// </remarks>
internal static class InboxSeeder
{
    private static readonly string[] Companies =
    [
        "Atlas Textile", "Sud Logistique", "Maroc Câblage", "Rif Agro", "Tanger Automotive", "Souss Primeurs", "Oriental Mines", "Fès Cuir",
        "شركة الأطلس للنسيج", "مقاولة الشمال للبناء", "تعاونية الواحة", "شركة الجنوب للنقل", "مطاحن سايس", "فندق المنارة",
    ];

    private static readonly string[] Forms = ["SARL", "SA", "SARL AU", "ش.م.م", "Coopérative"];

    /// <param name="Inserted">The time to publish the definitions and write the rows; <paramref name="Took"/> adds ANALYZE and the figures.</param>
    public sealed record Report(int Applications, int Pending, int PendingRows, int Labels, TimeSpan Inserted, TimeSpan Took);

    /// <summary>
    /// Adds <paramref name="applications"/> applications (and their pending work and figures) to <paramref name="databaseFile"/>,
    /// which is created and migrated when needed; the definitions of <paramref name="catalog"/> are published first.
    /// </summary>
    public static async Task<Report> SeedAsync(string databaseFile, ProcedureCatalog catalog, int applications, DateOnly today, int seed = 42)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var databases = await SqliteStorage.OpenAsync(databaseFile);
        var store = new DefinitionStore(databases, catalog.Library);
        var published = await store.PublishAllAsync(catalog);
        var plans = published.Select(p => Plan.Of(p, catalog.Library)).ToList();
        var random = new Random(seed);
        Shuffle(random, plans);
        var provinces = catalog.Library.Lists["provinces"].Options.Select(o => o.Value).ToArray();
        Shuffle(random, provinces);
        var pickPlan = Zipf(plans.Count, 0.9);
        var pickProvince = Zipf(provinces.Length, 0.9);

        var pending = 0;
        var pendingRows = 0;
        var labels = 0;
        var counters = new Dictionary<(string Prefix, int Year), int>();
        TimeSpan inserted;
        using (var connection = new SqliteConnection($"Data Source={databaseFile};Pooling=False"))
        {
            connection.Open();
            Execute(connection, null, "PRAGMA synchronous=OFF;");
            using var transaction = connection.BeginTransaction();
            using var insertApplication = Command(connection, transaction, """
                INSERT INTO Applications (Id, ProcedureId, DefinitionVersion, DefinitionHash, OwnerId, ApplicantName, Status, Step, Reference, Province,
                    Answers, Documents, StepFields, Opinions, Reopened, Pauses, SubmittedOn, StepStartedOn, DecidedOn, DueOn, CreatedAt, UpdatedAt, ClosedAt, Version)
                VALUES ($id, $procedure, $version, $hash, $owner, $name, $status, $step, $reference, $province,
                    '{}', '[]', '{}', '[]', '[]', $pauses, $submitted, $stepStarted, $decided, $due, $created, $updated, $closed, 3)
                """, "$id", "$procedure", "$version", "$hash", "$owner", "$name", "$status", "$step", "$reference", "$province",
                "$pauses", "$submitted", "$stepStarted", "$decided", "$due", "$created", "$updated", "$closed");
            using var insertPending = Command(connection, transaction, """
                INSERT INTO PendingWork (ApplicationId, Role, Territory, DueOn, ProcedureId, Step, Reference, ApplicantName, SubmittedOn, Status, Province, Search)
                VALUES ($id, $role, $territory, $due, $procedure, $step, $reference, $name, $submitted, $status, $province, $search)
                """, "$id", "$role", "$territory", "$due", "$procedure", "$step", "$reference", "$name", "$submitted", "$status", "$province", "$search");
            using var insertLabel = Command(connection, transaction, """
                INSERT INTO ApplicationLabels (ApplicationId, Label, SetAt, SetBy) VALUES ($id, $label, $at, 'seed-reviewer')
                """, "$id", "$label", "$at");

            var calendar = catalog.Calendar;
            for (var i = 0; i < applications; i++)
            {
                var plan = plans[pickPlan(random)];
                var definition = plan.Published.Definition;
                var province = definition.Routing is null ? null : provinces[pickProvince(random)];
                var name = $"{Companies[random.Next(Companies.Length)]} {Forms[random.Next(Forms.Length)]} {random.Next(1, 999)}";
                var id = new Guid(Bytes(random));
                var owner = "applicant-" + (i % 200_000).ToString(CultureInfo.InvariantCulture);
                var created = today.AddDays(-random.Next(366));
                var application = new Application
                {
                    Id = id, ProcedureId = definition.Id, DefinitionVersion = plan.Published.Version, DefinitionHash = definition.ContentHash,
                    OwnerId = owner, ApplicantName = name,
                };
                if (random.Next(100) < 4)
                {
                    Run(insertApplication, Row(application, null, created));
                    continue;
                }

                var submitted = NextBusinessDay(calendar, created);
                var reference = Reference(counters, definition, submitted.Year);
                var pauses = new List<DeadlinePause>();
                var legalDays = definition.Deadline?.Days ?? 30;
                var days = Math.Max(1, (int)Math.Round(legalDays * LogNormal(random, 0.8, 0.45)));
                if (random.Next(8) == 0)
                {
                    var from = calendar.AddDays(submitted, 1 + random.Next(Math.Max(1, days)), CalendarKind.Business);
                    pauses.Add(new DeadlinePause(from, from.AddDays(3 + random.Next(12))));
                }
                var decision = calendar.AddDays(pauses.Count == 0 ? submitted : pauses[0].To!.Value, days, CalendarKind.Business);
                application = application with { Status = ApplicationStatus.InReview, Reference = reference, Province = province, SubmittedOn = submitted };
                var labelled = Labels(random, definition);

                if (decision <= today)
                {
                    var status = random.Next(100) < 4 ? ApplicationStatus.Withdrawn
                        : plan.Acknowledges ? ApplicationStatus.Acknowledged
                        : random.Next(5) == 0 ? ApplicationStatus.Rejected : ApplicationStatus.Approved;
                    application = application with
                    {
                        Status = status, Step = definition.Steps.Count == 0 ? null : definition.Steps[^1].Id, Pauses = pauses,
                        DecidedOn = status == ApplicationStatus.Withdrawn ? null : decision, StepStartedOn = submitted,
                    };
                    Run(insertApplication, Row(application, DueDates.Legal(calendar, definition, application), decision));
                    labels += Label(insertLabel, id, labelled, submitted);
                    continue;
                }

                // Still pending: at one of its steps, sometimes waiting for the applicant's changes.
                var step = definition.Steps[random.Next(definition.Steps.Count)];
                var waiting = random.Next(10) == 0;
                var stepStarted = submitted.AddDays(random.Next(Math.Max(1, today.DayNumber - submitted.DayNumber + 1)));
                if (waiting)
                    pauses = [.. pauses.Where(p => p.From < stepStarted), new DeadlinePause(stepStarted, null)];
                application = application with
                {
                    Status = waiting ? ApplicationStatus.ChangesRequested : ApplicationStatus.InReview, Step = step.Id, StepStartedOn = stepStarted,
                    Pauses = pauses.Where(p => p.From <= today).ToList(),
                };
                var legal = DueDates.Legal(calendar, definition, application);
                Run(insertApplication, Row(application, legal, stepStarted));
                labels += Label(insertLabel, id, labelled, submitted);
                pending++;
                var search = $"{SearchFolding.Fold(reference)} {SearchFolding.Compact(reference)} {SearchFolding.Fold(name)} {Ice(random)} {Cin(random)}";
                foreach (var work in Assignments.For(calendar, definition, application, plan.Workflow, legal))
                {
                    Run(insertPending, id.ToString().ToUpperInvariant(), work.Role, work.Territory, Date(work.DueOn), work.ProcedureId, work.Step, reference, name,
                        Date(submitted), work.Status, work.Province, search);
                    pendingRows++;
                }
            }
            foreach (var ((prefix, year), last) in counters)
                Execute(connection, transaction, string.Create(CultureInfo.InvariantCulture, $"INSERT INTO ReferenceCounters (Prefix, Year, Last) VALUES ('{prefix}', {year}, {last}) ON CONFLICT DO UPDATE SET Last = MAX(Last, excluded.Last);"));
            transaction.Commit();
            inserted = clock.Elapsed;
            Execute(connection, null, "ANALYZE;");
        }

        await using (var db = await databases.CreateDbContextAsync())
            await Figures.RebuildAsync(db, catalog.Calendar, default);
        SqliteConnection.ClearAllPools();
        return new Report(applications, pending, pendingRows, labels, inserted, clock.Elapsed);
    }

    /// <summary>One procedure as the seeder uses it: its published version and the workflow that names who acts at each step.</summary>
    private sealed record Plan(PublishedDefinition Published, Workflow Workflow, bool Acknowledges)
    {
        public static Plan Of(PublishedDefinition published, ProcedureLibrary library) =>
            new(published, new Workflow(library.Roles), published.Definition.Steps.Any(s => s.Actions.Contains(StepAction.Acknowledge)));
    }

    /// <summary>The labels of one submitted file: none for most, one label of its procedure for one in twenty, two for a quarter of those.</summary>
    private static string[] Labels(Random random, ProcedureDefinition definition)
    {
        var declared = definition.Labels;
        if (declared.Count == 0 || random.Next(20) != 0)
            return [];
        var first = random.Next(declared.Count);
        return random.Next(4) == 0 && declared.Count > 1
            ? [declared[first].Id, declared[(first + 1 + random.Next(declared.Count - 1)) % declared.Count].Id]
            : [declared[first].Id];
    }

    /// <summary>Writes the file's labels, set the day after its submission; how many.</summary>
    private static int Label(SqliteCommand insertLabel, Guid id, string[] labels, DateOnly submitted)
    {
        foreach (var label in labels)
            Run(insertLabel, id.ToString().ToUpperInvariant(), label, Stamp(submitted.AddDays(1)));
        return labels.Length;
    }

    private static object?[] Row(Application a, DateOnly? due, DateOnly updated) =>
    [
        a.Id.ToString().ToUpperInvariant(), a.ProcedureId, a.DefinitionVersion, a.DefinitionHash, a.OwnerId, a.ApplicantName, a.Status.Name(), a.Step,
        a.Reference, a.Province, Pauses(a.Pauses), Date(a.SubmittedOn), Date(a.StepStartedOn), Date(a.DecidedOn), Date(due),
        Stamp(a.SubmittedOn ?? updated), Stamp(updated), a.Status.IsFinal() ? Stamp(updated) : null,
    ];

    private static string Pauses(IReadOnlyList<DeadlinePause> pauses) =>
        "[" + string.Join(",", pauses.Select(p => $"{{\"From\":\"{Date(p.From)}\",\"To\":{(p.To is { } to ? $"\"{Date(to)}\"" : "null")}}}")) + "]";

    private static string Reference(Dictionary<(string, int), int> counters, ProcedureDefinition definition, int year)
    {
        var prefix = definition.ReferencePrefix ?? definition.Id;
        counters[(prefix, year)] = counters.GetValueOrDefault((prefix, year)) + 1;
        return string.Create(CultureInfo.InvariantCulture, $"{prefix}-{year}-{counters[(prefix, year)]:D6}");
    }

    private static DateOnly NextBusinessDay(BusinessCalendar calendar, DateOnly day) =>
        calendar.IsBusinessDay(day) ? day : calendar.AddDays(day, 1, CalendarKind.Business);

    private static string Ice(Random random)
    {
        var first13 = random.NextInt64(1, 9_999_999_999_999).ToString("D13", CultureInfo.InvariantCulture);
        return first13 + EmploymentProcedures.Engine.Validation.Identifiers.Ice.ComputeCheckDigits(first13);
    }

    private static string Cin(Random random) =>
        string.Create(CultureInfo.InvariantCulture, $"{(char)('a' + random.Next(26))}{(char)('a' + random.Next(26))}{random.Next(1, 999_999)}");

    /// <summary>A picker of 0..n-1 where index k comes with weight 1/(k+1)^s.</summary>
    private static Func<Random, int> Zipf(int n, double s)
    {
        var cumulative = new double[n];
        var sum = 0.0;
        for (var k = 0; k < n; k++)
            cumulative[k] = sum += 1 / Math.Pow(k + 1, s);
        return random =>
        {
            var index = Array.BinarySearch(cumulative, random.NextDouble() * sum);
            return Math.Min(n - 1, index < 0 ? ~index : index);
        };
    }

    private static double LogNormal(Random random, double median, double sigma)
    {
        var gaussian = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
        return median * Math.Exp(sigma * gaussian);
    }

    private static void Shuffle<T>(Random random, IList<T> items)
    {
        for (var i = items.Count - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }

    private static byte[] Bytes(Random random)
    {
        var bytes = new byte[16];
        random.NextBytes(bytes);
        return bytes;
    }

    private static string? Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Stamp(DateOnly day) => Date(day) + " 10:00:00";

    private static void Execute(SqliteConnection connection, SqliteTransaction? transaction, string sql)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction transaction, string sql, params string[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var name in parameters)
            command.Parameters.Add(new SqliteParameter { ParameterName = name });
        command.Prepare();
        return command;
    }

    private static void Run(SqliteCommand command, params object?[] values)
    {
        for (var i = 0; i < values.Length; i++)
            command.Parameters[i].Value = values[i] ?? DBNull.Value;
        command.ExecuteNonQuery();
    }
}
