using System.Data.Common;
using System.IO.Compression;
using System.Text;
using EmploymentProcedures.Engine.Postgres;
using EmploymentProcedures.Engine.Storage;
using EmploymentProcedures.Engine.Tests.Loading;
using EmploymentProcedures.Engine.Validation;
using EmploymentProcedures.Engine.Workflow;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Npgsql;

namespace EmploymentProcedures.Engine.Tests.Storage;

/// <summary>
/// A real SQLite file in a temporary folder, migrated, with the test procedures of <c>Storage/Procedures</c>
/// published and the services over it; deleted afterwards. The clock stands at Monday 2 March 2026.
/// When <c>EP_TEST_POSTGRES</c> holds a connection string, each store is instead a fresh database on that PostgreSQL
/// server (<see cref="TestPostgres"/>), dropped afterwards: the same tests then run on the second provider.
/// </summary>
internal sealed class TestStore : IAsyncDisposable
{
    public static readonly DateOnly Monday = new(2026, 3, 2);

    private readonly TestPostgres? _postgres;

    private TestStore(string folder, IDbContextFactory<ProceduresDb> databases, TestClock clock, bool documentsInDatabase, TestPostgres? postgres)
    {
        Folder = folder;
        Databases = databases;
        _postgres = postgres;
        Clock = clock;
        Definitions = new DefinitionStore(databases, TestLibrary.Library, clock);
        Documents = documentsInDatabase ? new DatabaseDocumentStore(databases, folder, clock) : new FileDocumentStore(folder, clock);
        Applications = new Applications(databases, Definitions, Documents, clock);
        Audit = new AuditLog(databases);
        Outbox = new Outbox(databases);
        PartnerEvents = new PartnerEvents(databases);
    }

    public string Folder { get; }
    public string DatabaseFile => Path.Combine(Folder, "procedures.db");

    /// <summary>The PostgreSQL database's connection string, when the store is one.</summary>
    public string PostgresConnectionString => _postgres?.ConnectionString ?? throw new InvalidOperationException("this store is a SQLite file");
    public IDbContextFactory<ProceduresDb> Databases { get; }
    public TestClock Clock { get; }
    public DefinitionStore Definitions { get; }
    public IDocumentStore Documents { get; }

    /// <summary>The store as files, for what looks at them on disk; null when the documents are in the database.</summary>
    public FileDocumentStore? Files => Documents as FileDocumentStore;
    public Applications Applications { get; }
    public AuditLog Audit { get; }
    public Outbox Outbox { get; }
    public PartnerEvents PartnerEvents { get; }

    /// <summary>Whether the store holds the content with <paramref name="hash"/> (its file, or its row in the database).</summary>
    public bool Holds(string hash)
    {
        using var content = Documents.OpenRead(hash);
        return content is not null;
    }

    public static string ProceduresFolder => Path.Combine(RepositoryPaths.Root, "tests", "Engine.Tests", "Storage", "Procedures");

    /// <param name="documentsInDatabase">The documents in the database (<see cref="DatabaseDocumentStore"/>) rather than in files.</param>
    public static async Task<TestStore> CreateAsync(TimeSpan? busyTimeout = null, bool publish = true, bool documentsInDatabase = false)
    {
        var folder = Path.Combine(Path.GetTempPath(), "ep-storage-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var postgres = TestPostgres.Server is null ? null : await TestPostgres.CreateAsync();
        var databases = postgres is null
            ? await SqliteStorage.OpenAsync(Path.Combine(folder, "procedures.db"), busyTimeout)
            : await PostgresStorage.OpenAsync(postgres.ConnectionString, busyTimeout);
        var store = new TestStore(folder, databases, new TestClock(Monday), documentsInDatabase, postgres);
        if (publish)
        {
            foreach (var file in Directory.EnumerateFiles(ProceduresFolder, "*.yaml"))
                await store.PublishAsync(File.ReadAllText(file));
        }
        return store;
    }

    /// <summary>
    /// The context factory another process would open on the same database. Its busy timeout must differ from the store's:
    /// the connection string then differs too, so it does not share this process's write turns (<c>WriteTurns</c>).
    /// </summary>
    public IDbContextFactory<ProceduresDb> AnotherProcess(TimeSpan busyTimeout) => _postgres is null
        ? SqliteStorage.Create(DatabaseFile, busyTimeout)
        : PostgresStorage.Create(_postgres.ConnectionString, busyTimeout);

    /// <summary>
    /// A context factory over the same database, in this process, whose contexts also run <paramref name="interceptor"/>: a
    /// test's hook into a command's own connection (what it does between its read and its write).
    /// </summary>
    public IDbContextFactory<ProceduresDb> Intercepted(IInterceptor interceptor)
    {
        var builder = new DbContextOptionsBuilder<ProceduresDb>();
        if (_postgres is null)
            SqliteStorage.Configure(builder, DatabaseFile);
        else
            PostgresStorage.Configure(builder, _postgres.ConnectionString);
        return new PooledDbContextFactory<ProceduresDb>(builder.AddInterceptors(interceptor).Options);
    }

    /// <summary>What <c>procedures verify-data</c> says of the store: the file's checks on SQLite, the same without them on PostgreSQL.</summary>
    public Task<DataVerification> VerifyDataAsync() => _postgres is null
        ? DataCare.VerifyAsync(Folder, DatabaseFile)
        : DataCare.VerifyAsync(Folder, Databases);

    /// <summary>Loads <paramref name="yaml"/> (which must load without errors) and publishes it.</summary>
    public async Task<PublishedDefinition> PublishAsync(string yaml)
    {
        var id = yaml.Split('\n').First(l => l.StartsWith("id: ", StringComparison.Ordinal))[4..].Trim();
        var result = TestLibrary.Loader().LoadText(yaml, id + ".yaml");
        Assert.False(result.HasErrors, string.Join(Environment.NewLine, result.Diagnostics));
        return await Definitions.PublishAsync(result.Definition!, yaml);
    }

    public static Actor Applicant(string id = "amina") => Actor.Applicant(id, "Amina " + id);

    public static Actor DeskAgent(string id = "karim", params string[] provinces) =>
        Actor.Reviewer(id, "Karim " + id, "desk-agent", provinces.Length == 0 ? ["casablanca"] : provinces);

    public static Answers ValidAnswers(string province = "casablanca") =>
        Answers.From(new Dictionary<string, object?> { ["company_name"] = "Atlas Textile SARL", ["province"] = province, ["headcount"] = 12 });

    /// <summary>A draft with valid answers and a passport, ready to submit.</summary>
    public async Task<Application> DraftAsync(Actor applicant, string procedure = "store-visa", string province = "casablanca")
    {
        var started = await Applications.StartAsync(procedure, applicant);
        Assert.True(started.Succeeded, started.ToString());
        var id = started.Application!.Id;
        Assert.True((await Applications.SaveAnswersAsync(id, applicant, ValidAnswers(province))).Succeeded);
        var attached = await Applications.AttachDocumentAsync(id, applicant, "passport", "passport.pdf", new MemoryStream(Pdf()));
        Assert.True(attached.Succeeded, attached.ToString());
        return attached.Application!;
    }

    /// <summary><paramref name="count"/> applicants (<c>applicant-0</c>...), each with a draft ready to submit.</summary>
    public async Task<List<(Actor Applicant, Application Draft)>> DraftsAsync(int count)
    {
        var drafts = new List<(Actor, Application)>(count);
        for (var i = 0; i < count; i++)
        {
            var applicant = Applicant($"applicant-{i}");
            drafts.Add((applicant, await DraftAsync(applicant)));
        }
        return drafts;
    }

    /// <summary>A submitted application, in review at its first step.</summary>
    public async Task<Application> SubmittedAsync(Actor applicant, string procedure = "store-visa", string province = "casablanca")
    {
        var draft = await DraftAsync(applicant, procedure, province);
        var submitted = await Applications.SubmitAsync(draft.Id, applicant);
        Assert.True(submitted.Succeeded, submitted.ToString());
        return submitted.Application!;
    }

    /// <summary><paramref name="count"/> desk agents of Casablanca doing <paramref name="act"/> at the same moment, each with what they got.</summary>
    public static async Task<(Actor Reviewer, T Result)[]> RaceAsync<T>(int count, Func<Actor, Task<T>> act)
    {
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var races = Enumerable.Range(0, count).Select(i => Task.Run(async () =>
        {
            var reviewer = DeskAgent($"agent-{i:D2}", "casablanca");
            await start.Task;
            return (reviewer, await act(reviewer));
        })).ToList();
        start.SetResult();
        return await Task.WhenAll(races);
    }

    /// <summary>The audit entries, oldest first, read straight from the table.</summary>
    public async Task<List<(string Kind, string ActorId, string? Detail, Guid? ApplicationId)>> AuditAsync()
    {
        await using var db = await Databases.CreateDbContextAsync();
        return (await db.Audit.AsNoTracking().OrderBy(a => a.Sequence).ToListAsync())
            .Select(a => (a.Kind, a.ActorId, a.Detail, a.ApplicationId)).ToList();
    }

    /// <summary>
    /// Runs raw SQL on the database, bypassing the services (to tamper, to inspect). Names in double quotes and ids as
    /// <see cref="Key"/> gives them read the same on both providers.
    /// </summary>
    public async Task<int> SqlAsync(string sql)
    {
        await using var connection = Connection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteNonQueryAsync();
    }

    public async Task<object?> ScalarAsync(string sql)
    {
        await using var connection = Connection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }

    /// <summary>An application's id as a literal of raw SQL: SQLite keeps it as upper-case text, PostgreSQL reads that as a uuid.</summary>
    public static string Key(Guid id) => id.ToString().ToUpperInvariant();

    private DbConnection Connection() => _postgres is null
        ? new SqliteConnection($"Data Source={DatabaseFile};Pooling=False")
        : new NpgsqlConnection(_postgres.ConnectionString);

    public static byte[] Pdf(string text = "hello") => Encoding.ASCII.GetBytes("%PDF-1.7\n1 0 obj << >> endobj\n% " + text + "\n%%EOF\n");

    public static byte[] Png() => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1];

    /// <summary>A zip holding the given entries (name → text): a docx, an odt, or something else.</summary>
    public static byte[] Zip(params (string Name, string Text)[] entries)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, text) in entries)
            {
                using var writer = new StreamWriter(zip.CreateEntry(name).Open());
                writer.Write(text);
            }
        }
        return buffer.ToArray();
    }

    public static byte[] Docx() => Zip(("[Content_Types].xml", "<Types/>"), ("word/document.xml", "<w:document/>"));

    public static byte[] Jpeg() => [0xFF, 0xD8, 0xFF, 0xE0, 0, 16, 0x4A, 0x46, 0x49, 0x46, 0, 1, 1, 0, 0, 1, 0, 1, 0, 0, 0xFF, 0xD9];

    /// <summary>A small file of <paramref name="format"/> (pdf, png, jpg, docx, xlsx, odt, ods), with the bytes that make it one.</summary>
    public static byte[] FileOf(string format, string text = "hello") => format switch
    {
        "pdf" => Pdf(text),
        "png" => Png(),
        "jpg" => Jpeg(),
        "docx" => Zip(("[Content_Types].xml", "<Types/>"), ("word/document.xml", "<w:document>" + text + "</w:document>")),
        "xlsx" => Zip(("[Content_Types].xml", "<Types/>"), ("xl/workbook.xml", "<workbook>" + text + "</workbook>")),
        "odt" => Zip(("mimetype", "application/vnd.oasis.opendocument.text"), ("content.xml", text)),
        "ods" => Zip(("mimetype", "application/vnd.oasis.opendocument.spreadsheet"), ("content.xml", text)),
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "no sample file of this format"),
    };

    public async ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        if (_postgres is not null)
            await _postgres.DisposeAsync();
        await Task.Yield();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still open on a slow machine: the temporary folder is left behind, nothing else.
        }
    }
}

/// <summary>A clock the test moves by hand (UTC is local time here).</summary>
internal sealed class TestClock(DateOnly today) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = new(today.ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero);

    public override DateTimeOffset GetUtcNow() => Now;

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    public void Set(DateOnly day) => Now = new DateTimeOffset(day.ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero);
}
