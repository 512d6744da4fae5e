using System.Globalization;
using Microsoft.Data.Sqlite;

namespace EmploymentProcedures.Benchmarks;

/// <summary>
/// Fills a migrated database with synthetic applications for inbox measurements: raw prepared INSERTs,
/// reused for every row, in ONE transaction with <c>synchronous=OFF</c> (a seed is thrown away if it is
/// interrupted, so it needs no durability; L11 measures about 80k rows/s this way, against about 1.8k/s
/// for one transaction per row). One application in five is in review and has one pending-work row, for
/// one of nine reviewer roles; five roles are territorial and see only their province (one of 75) except
/// for the one procedure in five that is not routed. Due dates spread over 60 days.
/// </summary>
internal static class InboxSeeder
{
    public const int Provinces = 75;

    /// <summary>Reviewer roles, territorial ones first.</summary>
    public static readonly (string Role, bool Territorial)[] Roles =
    [
        ("desk-agent", true), ("labour-inspector", true), ("provincial-delegate", true), ("regional-director", true), ("governor-office", true),
        ("labour-directorate", false), ("migrant-employment-service", false), ("minister-delegate", false), ("anapec", false),
    ];

    private static readonly string[] Procedures = ["visa", "renewal", "amendment", "exemption", "certificate"];
    private static readonly DateOnly Start = new(2026, 1, 5);

    public static string Province(int index) => "province-" + index.ToString("D2", CultureInfo.InvariantCulture);

    /// <summary>Adds <paramref name="applications"/> applications (and their pending work) to <paramref name="databaseFile"/>; returns how many rows are pending.</summary>
    public static int Seed(string databaseFile, int applications, int seed = 42)
    {
        var random = new Random(seed);
        using var connection = new SqliteConnection($"Data Source={databaseFile};Pooling=False");
        connection.Open();
        using (var pragma = connection.CreateCommand())
        {
            pragma.CommandText = "PRAGMA synchronous=OFF;";
            pragma.ExecuteNonQuery();
        }
        using var transaction = connection.BeginTransaction();
        using var application = Command(connection, transaction, """
            INSERT INTO Applications (Id, ProcedureId, DefinitionVersion, DefinitionHash, OwnerId, ApplicantName, Status, Step, Reference, Province,
                Answers, Documents, StepFields, Opinions, Reopened, Pauses, SubmittedOn, StepStartedOn, DueOn, CreatedAt, UpdatedAt, Version)
            VALUES ($id, $procedure, 1, 'seed', $owner, $name, $status, $step, $reference, $province,
                '{"company_name":"Atlas Textile SARL"}', '[]', '{}', '[]', '[]', '[]', $submitted, $submitted, $due, $at, $at, 3)
            """, "$id", "$procedure", "$owner", "$name", "$status", "$step", "$reference", "$province", "$submitted", "$due", "$at");
        using var pending = Command(connection, transaction, """
            INSERT INTO PendingWork (ApplicationId, Role, Territory, DueOn, ProcedureId, Step, Reference, ApplicantName, SubmittedOn)
            VALUES ($id, $role, $territory, $due, $procedure, $step, $reference, $name, $submitted)
            """, "$id", "$role", "$territory", "$due", "$procedure", "$step", "$reference", "$name", "$submitted");

        var pendingRows = 0;
        for (var i = 0; i < applications; i++)
        {
            var procedure = random.Next(Procedures.Length);
            var routed = procedure != 0;
            var province = Province(random.Next(Provinces));
            var submitted = Start.AddDays(random.Next(300));
            var due = submitted.AddDays(random.Next(60));
            var inReview = random.Next(5) == 0;
            var id = Guid.NewGuid().ToString();
            var reference = string.Create(CultureInfo.InvariantCulture, $"SEED{procedure}-2026-{i:D7}");
            var name = "Applicant " + (i % 100_000).ToString(CultureInfo.InvariantCulture);
            var status = inReview ? "in_review" : (i % 3) switch { 0 => "approved", 1 => "rejected", _ => "withdrawn" };
            Run(application, id, Procedures[procedure], "applicant-" + (i % 100_000).ToString(CultureInfo.InvariantCulture), name, status,
                inReview ? "review" : null, reference, routed ? province : null, Date(submitted), inReview ? Date(due) : null,
                submitted.ToDateTime(TimeOnly.MinValue).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture));
            if (!inReview)
                continue;
            var (role, territorial) = Roles[random.Next(Roles.Length)];
            Run(pending, id, role, routed && territorial ? province : "", Date(due), Procedures[procedure], "review", reference, name, Date(submitted));
            pendingRows++;
        }
        transaction.Commit();
        using (var analyze = connection.CreateCommand())
        {
            analyze.CommandText = "ANALYZE;";
            analyze.ExecuteNonQuery();
        }
        return pendingRows;
    }

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

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
