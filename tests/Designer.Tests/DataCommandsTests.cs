using EmploymentProcedures.Cli;
using EmploymentProcedures.Engine.Storage;
using Microsoft.Data.Sqlite;

namespace EmploymentProcedures.Designer.Tests;

/// <summary><c>procedures verify-data</c>, <c>procedures backup</c> and <c>procedures documents-to-database</c> as an operator runs them: what they print and their exit codes.</summary>
public sealed class DataCommandsTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "ep-data-cli-" + Guid.NewGuid().ToString("N"));

    private string Data => Path.Combine(_root, "data");

    private string Database => Path.Combine(Data, DataCommands.DatabaseFileName);

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_root))
            Directory.Delete(_root, recursive: true);
    }

    private async Task CreateAsync()
    {
        Directory.CreateDirectory(Data);
        await SqliteStorage.OpenAsync(Database);
        SqliteConnection.ClearAllPools();
    }

    [Fact]
    public void Backup_OfAPostgresDatabase_IsRefusedPointingAtPgDump()
    {
        var (exit, _, error) = Run("backup", "--data", Data, "--to", Path.Combine(_root, "backup"), "--postgres", "Host=127.0.0.1;Database=procedures");

        Assert.Equal(ProceduresCommand.UsageOrIo, exit);
        Assert.Contains("back a PostgreSQL database up with pg_dump", error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(_root, "backup")));
    }

    [Fact]
    public void VerifyData_PostgresServerUnreachable_SaysSoAndExitsTwo()
    {
        // Port 1: nothing listens there.
        var (exit, _, error) = Run("verify-data", "--data", Data, "--postgres", "Host=127.0.0.1;Port=1;Database=procedures;Username=portal;Timeout=3");

        Assert.Equal(ProceduresCommand.UsageOrIo, exit);
        Assert.StartsWith("procedures: ", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task VerifyData_OnAWholeDatabase_SaysSoAndExitsZero()
    {
        await CreateAsync();

        var (exit, output, _) = Run("verify-data", "--data", Data);

        Assert.Equal(ProceduresCommand.Success, exit);
        Assert.Contains("database integrity: ok", output, StringComparison.Ordinal);
        Assert.Contains("audit chain: intact", output, StringComparison.Ordinal);
        Assert.EndsWith("the data is whole" + Environment.NewLine, output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task VerifyData_StoredFilesNothingRefersTo_CountsThemAndStillExitsZero()
    {
        await CreateAsync();
        foreach (var hash in new[] { new string('a', 64), new string('b', 64) })
        {
            var path = Path.Combine(Data, "documents", hash[..2], hash[2..4], hash);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await File.WriteAllBytesAsync(path, [1]);
        }
        // An upload still being written is not one of the store's files.
        Directory.CreateDirectory(Path.Combine(Data, "documents", "incoming"));
        await File.WriteAllBytesAsync(Path.Combine(Data, "documents", "incoming", Guid.NewGuid().ToString("N") + ".part"), [1]);

        var (exit, output, _) = Run("verify-data", "--data", Data);

        Assert.Equal(ProceduresCommand.Success, exit);
        Assert.Contains("stored files nothing refers to: 2 (information, not a fault)", output, StringComparison.Ordinal);
        Assert.EndsWith("the data is whole" + Environment.NewLine, output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task VerifyData_AuditEntriesRemovedFromTheEnd_SaysTheChainIsBrokenAndExitsOne()
    {
        await CreateAsync();
        await using (var connection = new SqliteConnection($"Data Source={Database};Pooling=False"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "UPDATE AuditHead SET Sequence = 3";
            Assert.Equal(1, await command.ExecuteNonQueryAsync());
        }

        var (exit, output, _) = Run("verify-data", "--data", Data);

        Assert.Equal(ProceduresCommand.Findings, exit);
        Assert.Contains("audit chain: BROKEN", output, StringComparison.Ordinal);
        Assert.Contains("the data is NOT whole", output, StringComparison.Ordinal);
    }

    [Fact]
    public void VerifyData_NoDatabase_ExitsTwoNamingIt()
    {
        var (exit, _, error) = Run("verify-data", "--data", Data);

        Assert.Equal(ProceduresCommand.UsageOrIo, exit);
        Assert.Equal($"procedures: no database at {Database}{Environment.NewLine}", error);
    }

    [Fact]
    public async Task VerifyData_DatabaseOfAnOlderVersion_ChecksOnlyItsIntegrity_AndSaysWhy()
    {
        await CreateAsync();
        await using (var connection = new SqliteConnection($"Data Source={Database};Pooling=False"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "DELETE FROM __EFMigrationsHistory WHERE MigrationId = (SELECT MAX(MigrationId) FROM __EFMigrationsHistory)";
            Assert.Equal(1, await command.ExecuteNonQueryAsync());
        }

        var (exit, output, _) = Run("verify-data", "--data", Data);

        Assert.Equal(ProceduresCommand.Success, exit);
        Assert.Contains("database integrity: ok", output, StringComparison.Ordinal);
        Assert.Contains("audit chain and stored files: not checked, the database predates this version (1 migration(s) to apply)", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Backup_ToAnotherFolder_WritesADatedCopyAndChecksIt()
    {
        await CreateAsync();
        var target = Path.Combine(_root, "backups");

        var (exit, output, _) = Run("backup", "--data", Data, "--to", target);

        Assert.Equal(ProceduresCommand.Success, exit);
        var folder = Assert.Single(Directory.GetDirectories(target), d => Path.GetFileName(d) != "documents");
        Assert.Matches(@"^\d{8}-\d{6}$", Path.GetFileName(folder));
        Assert.True(File.Exists(Path.Combine(folder, DataCommands.DatabaseFileName)));
        Assert.Contains("the backup is whole", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Backup_IntoTheDataFolder_IsRefused()
    {
        await CreateAsync();

        var (exit, _, error) = Run("backup", "--data", Data, "--to", Path.Combine(Data, "backups"));

        Assert.Equal(ProceduresCommand.UsageOrIo, exit);
        Assert.Contains("cannot go inside the data folder", error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(Data, "backups")));
    }

    [Fact]
    public async Task DocumentsToDatabase_FilesOfTheStore_CopiesTheWholeOnesOnceAndReportsTheDamagedOne()
    {
        await CreateAsync();
        var whole = new[] { "%PDF-1.7 contrat"u8.ToArray(), "%PDF-1.7 passeport"u8.ToArray() };
        foreach (var bytes in whole)
            await PlaceAsync(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes)), bytes);
        var damaged = new string('c', 64);
        await PlaceAsync(damaged, [1, 2, 3]);

        var (exit, output, _) = Run("documents-to-database", "--data", Data);
        var (again, repeated, _) = Run("documents-to-database", "--data", Data);

        Assert.Equal((ProceduresCommand.Findings, ProceduresCommand.Findings), (exit, again));
        Assert.Contains("documents: 2 copied into the database, 0 already there, 1 damaged", output, StringComparison.Ordinal);
        Assert.Contains("damaged, not copied: " + damaged, output, StringComparison.Ordinal);
        Assert.Contains("documents: 0 copied into the database, 2 already there, 1 damaged", repeated, StringComparison.Ordinal);
        var store = new DatabaseDocumentStore(SqliteStorage.Create(Database), Data);
        foreach (var bytes in whole)
        {
            await using var content = store.OpenRead(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes)))!;
            using var read = new MemoryStream();
            await content.CopyToAsync(read);
            Assert.Equal(bytes, read.ToArray());
        }
        Assert.Null(store.OpenRead(damaged));
    }

    [Fact]
    public async Task DocumentsToDatabase_EveryFileWhole_ExitsZeroAndSaysWhatToDoNext()
    {
        await CreateAsync();
        var bytes = "%PDF-1.7 contrat"u8.ToArray();
        await PlaceAsync(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes)), bytes);

        var (exit, output, _) = Run("documents-to-database", "--data", Data);

        Assert.Equal(ProceduresCommand.Success, exit);
        Assert.Contains("set Storage:Documents=database", output, StringComparison.Ordinal);
    }

    private async Task PlaceAsync(string hash, byte[] bytes)
    {
        var path = Path.Combine(Data, "documents", hash[..2], hash[2..4], hash);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllBytesAsync(path, bytes);
    }

    /// <summary>Seals the database's days as the portal does at <paramref name="at"/>, and gives the file of seals a visitor would download then.</summary>
    private async Task<string> SealAndSaveAsync(DateTimeOffset at, string name = "audit-seals.json")
    {
        var seals = new AuditSeals(SqliteStorage.Create(Database), new FixedClock(at));
        Assert.NotEmpty(await seals.SealAsync());
        var file = Path.Combine(_root, name);
        await using (var output = File.Create(file))
            await AuditSealFiles.WriteJsonAsync(await seals.ListAsync(), output);
        SqliteConnection.ClearAllPools();
        return file;
    }

    [Fact]
    public async Task VerifyData_SealsSavedEarlierStillMatch_SaysSoAndExitsZero()
    {
        await CreateAsync();
        var saved = await SealAndSaveAsync(new DateTimeOffset(2026, 3, 2, 1, 0, 0, TimeSpan.Zero));

        var (exit, output, _) = Run("verify-data", "--data", Data, "--seals", saved);

        Assert.Equal(ProceduresCommand.Success, exit);
        Assert.Contains("daily seals: 1, the last of 2026-03-01, each matching the chain", output, StringComparison.Ordinal);
        Assert.Contains("saved seals: 1, the same in the database, and the chain ends at each one's entry with its hash", output, StringComparison.Ordinal);
        Assert.EndsWith("the data is whole" + Environment.NewLine, output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task VerifyData_SealsRewrittenSinceTheSavedCopy_NamesTheSealAndExitsOne()
    {
        await CreateAsync();
        var sealedAt = new DateTimeOffset(2026, 3, 2, 1, 0, 0, TimeSpan.Zero);
        var saved = await SealAndSaveAsync(sealedAt);
        // Whoever rewrites the seals table writes seals that hold together, but not the ones already published.
        await using (var connection = new SqliteConnection($"Data Source={Database};Pooling=False"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "DELETE FROM \"AuditSeals\"";
            await command.ExecuteNonQueryAsync();
        }
        await SealAndSaveAsync(sealedAt.AddHours(1), "rewritten.json");

        var (alone, _, _) = Run("verify-data", "--data", Data);
        var (exit, output, _) = Run("verify-data", "--data", Data, "--seals", saved);

        Assert.Equal(ProceduresCommand.Success, alone);
        Assert.Equal(ProceduresCommand.Findings, exit);
        Assert.Contains("daily seals: 1, 1 problem(s)", output, StringComparison.Ordinal);
        Assert.Contains("seal problem: the database's seal of 2026-03-01 differs from the saved one", output, StringComparison.Ordinal);
        Assert.EndsWith("the data is NOT whole" + Environment.NewLine, output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"format\":\"statistics\"}", "is not a file of seals the portal published: not a file of audit seals")]
    [InlineData("day,head_sequence", "is not a file of seals the portal published: not JSON")]
    public async Task VerifyData_SealsFileNotSeals_SaysWhyAndExitsTwo(string content, string message)
    {
        await CreateAsync();
        var file = Path.Combine(_root, "seals.json");
        await File.WriteAllTextAsync(file, content);

        var (exit, output, error) = Run("verify-data", "--data", Data, "--seals", file);

        Assert.Equal(ProceduresCommand.UsageOrIo, exit);
        Assert.Contains(message, error, StringComparison.Ordinal);
        Assert.Equal("", output);
    }

    [Fact]
    public async Task VerifyData_SealsFileMissing_SaysWhereItLookedAndExitsTwo()
    {
        await CreateAsync();
        var file = Path.Combine(_root, "nowhere.json");

        var (exit, _, error) = Run("verify-data", "--data", Data, "--seals", file);

        Assert.Equal(ProceduresCommand.UsageOrIo, exit);
        Assert.Contains($"procedures: no file of seals at {file}", error, StringComparison.Ordinal);
    }

    /// <summary>A clock standing at one instant, in UTC.</summary>
    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;

        public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;
    }

    private static (int Exit, string Output, string Error) Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = ProceduresCommand.Run(args, output, error);
        return (exit, output.ToString(), error.ToString());
    }
}
