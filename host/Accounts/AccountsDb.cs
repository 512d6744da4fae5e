using EmploymentProcedures.Engine.Storage;
using EmploymentProcedures.Host.Api;
using EmploymentProcedures.Host.Notifying;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace EmploymentProcedures.Host.Accounts;

/// <summary>
/// The accounts (ASP.NET Core Identity) in the same SQLite file as the engine's storage, with a
/// migrations history table of their own (<see cref="HistoryTable"/>) so the two contexts' migrations
/// never see each other's rows.
/// </summary>
public class AccountsDb : IdentityDbContext<Account>, IDataProtectionKeyContext
{
    public AccountsDb(DbContextOptions<AccountsDb> options)
        : base(options)
    {
    }

    /// <summary>For <see cref="PostgresAccountsDb"/>: the same model under a context type of its own, whose migrations are PostgreSQL's.</summary>
    protected AccountsDb(DbContextOptions options)
        : base(options)
    {
    }

    public const string HistoryTable = "__HostMigrationsHistory";

    /// <summary>What administrators changed on the accounts (<see cref="StaffChange"/>).</summary>
    public DbSet<StaffChange> StaffChanges => Set<StaffChange>();

    /// <summary>The partners' systems that read the API (<see cref="ApiClient"/>), and what administrators changed on them.</summary>
    public DbSet<ApiClient> ApiClients => Set<ApiClient>();

    public DbSet<ApiClientChange> ApiClientChanges => Set<ApiClientChange>();

    /// <summary>The account e-mails asked for and not sent yet, or given up (<see cref="AccountMailRequest"/>).</summary>
    public DbSet<AccountMailRequest> AccountMails => Set<AccountMailRequest>();

    /// <summary>How far each account's daily summary has gone (<see cref="MailDigest"/>).</summary>
    public DbSet<MailDigest> MailDigests => Set<MailDigest>();

    /// <summary>The data-protection keys when <c>Storage:Keys=database</c> (Operations/KeyStorage.cs); empty otherwise.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    /// <summary>Points <paramref name="builder"/> at <paramref name="databaseFile"/>.</summary>
    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder builder, string databaseFile)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var connection = new SqliteConnectionStringBuilder
        {
            DataSource = databaseFile,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            // A locked database (the storage writing) waits a few seconds, not the driver's 30.
            DefaultTimeout = 5,
        };
        // The engine's settings: a closed account's name and address are zeroed in the file, not left in its free space.
        return builder.UseSqlite(connection.ToString(), sqlite => sqlite.MigrationsHistoryTable(HistoryTable))
            .AddInterceptors(SqliteStorage.ConnectionSettings);
    }

    /// <summary>Saves, each account added or changed with its search key as its name and e-mail are now.</summary>
    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        KeepSearchKeys();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    /// <inheritdoc cref="SaveChanges(bool)"/>
    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        KeepSearchKeys();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    /// <summary>
    /// Here rather than in each page that changes a name or an e-mail (sign-up, invitation, the staff page, the account
    /// page, the demo accounts, Identity's own e-mail change): no path can save an account with a stale key.
    /// </summary>
    private void KeepSearchKeys()
    {
        foreach (var entry in ChangeTracker.Entries<Account>())
        {
            if (entry.State is EntityState.Added or EntityState.Modified)
                entry.Entity.SearchKey = AccountSearch.Key(entry.Entity);
        }
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.Entity<Account>(account =>
        {
            account.Property(a => a.DisplayName).HasMaxLength(200);
            account.Property(a => a.Role).HasMaxLength(100);
            account.Property(a => a.PreferredLanguage).HasMaxLength(5);
            account.PrimitiveCollection(a => a.Provinces);
            account.Property(a => a.SearchKey).HasMaxLength(AccountSearch.MaxLength);
            // By name (EachNotification, DailySummary, None): readable in the table, and a new choice cannot shift the others.
            account.Property(a => a.Emails).HasConversion<string>().HasMaxLength(20);
        });
        builder.Entity<MailDigest>(digest =>
        {
            digest.HasKey(d => d.AccountId);
            digest.Property(d => d.AccountId).HasMaxLength(450);
        });
        // A key's name (key-<id>) once: two instances importing the same key files (Operations/KeyStorage.cs) cannot both add it.
        builder.Entity<DataProtectionKey>(key => key.HasIndex(k => k.FriendlyName).IsUnique());
        builder.Entity<StaffChange>(change =>
        {
            change.HasIndex(c => new { c.AccountId, c.Id });
            change.Property(c => c.AccountId).HasMaxLength(450);
            change.Property(c => c.Kind).HasMaxLength(32);
            change.Property(c => c.Field).HasMaxLength(32);
            change.Property(c => c.ById).HasMaxLength(450);
            change.Property(c => c.ByName).HasMaxLength(200);
        });
        builder.Entity<ApiClient>(client =>
        {
            client.Property(c => c.Id).HasMaxLength(16);
            client.Property(c => c.Name).HasMaxLength(Api.ApiClients.MaxTextLength);
            client.Property(c => c.Organisation).HasMaxLength(Api.ApiClients.MaxTextLength);
            client.Property(c => c.ContactEmail).HasMaxLength(256);
            client.PrimitiveCollection(c => c.Procedures);
            client.PrimitiveCollection(c => c.Provinces);
            client.Property(c => c.SecretHash).HasMaxLength(64);
            client.Property(c => c.WebhookUrl).HasMaxLength(Api.WebhookAddresses.MaxLength);
            client.Property(c => c.WebhookSecret).HasMaxLength(Api.WebhookSecrets.MaxStoredLength);
        });
        builder.Entity<ApiClientChange>(change =>
        {
            change.HasIndex(c => new { c.ClientId, c.Id });
            change.Property(c => c.ClientId).HasMaxLength(16);
            change.Property(c => c.Kind).HasMaxLength(32);
            change.Property(c => c.Field).HasMaxLength(32);
            change.Property(c => c.ById).HasMaxLength(450);
            change.Property(c => c.ByName).HasMaxLength(200);
        });
        builder.Entity<AccountMailRequest>(request =>
        {
            request.ToTable("AccountMails");
            request.HasIndex(r => new { r.GivenUpAt, r.NextAttemptAt });
            request.Property(r => r.Kind).HasMaxLength(16);
            request.Property(r => r.Email).HasMaxLength(256);
            request.Property(r => r.ReturnUrl).HasMaxLength(PortalEndpoints.MaximumReturnAddress);
            request.Property(r => r.AccountId).HasMaxLength(450);
            request.Property(r => r.DisplayName).HasMaxLength(200);
            request.Property(r => r.Role).HasMaxLength(100);
            request.Property(r => r.Language).HasMaxLength(5);
            request.Property(r => r.ClaimedBy).HasMaxLength(64);
        });
    }
}
