using EmploymentProcedures.Engine.Storage.Rows;
using Microsoft.EntityFrameworkCore;

namespace EmploymentProcedures.Engine.Storage;

/// <summary>
/// The engine's database: published definitions, applications, the reviewers' pending work, reference
/// counters, attached documents, the audit chain, the notification outbox, issued letters and messages, the dashboard's
/// monthly figures, the designer's drafts, the retired procedures, the job leases and, with <c>Storage:Documents=database</c>, the documents'
/// content. The model is provider-neutral (text, integers, dates and the documents' bytes only, JSON as text, no provider
/// SQL) so either provider holds it; <see cref="SqliteStorage"/> configures SQLite, <c>PostgresStorage</c> (engine.Postgres)
/// PostgreSQL. Pages and the CLI never use it directly: they call
/// <see cref="Applications"/>, <see cref="DefinitionStore"/> and <see cref="AuditLog"/>.
/// </summary>
public sealed class ProceduresDb(DbContextOptions<ProceduresDb> options) : DbContext(options)
{
    internal DbSet<StoredDefinition> Definitions => Set<StoredDefinition>();
    internal DbSet<ApplicationRow> Applications => Set<ApplicationRow>();
    internal DbSet<PendingWork> PendingWork => Set<PendingWork>();
    internal DbSet<ApplicationLabel> ApplicationLabels => Set<ApplicationLabel>();
    internal DbSet<ReferenceCounter> ReferenceCounters => Set<ReferenceCounter>();
    internal DbSet<StoredDocument> Documents => Set<StoredDocument>();
    internal DbSet<AuditEntry> Audit => Set<AuditEntry>();
    internal DbSet<AuditHead> AuditHeads => Set<AuditHead>();
    internal DbSet<AuditSeal> AuditSeals => Set<AuditSeal>();
    internal DbSet<Notification> Notifications => Set<Notification>();
    internal DbSet<NotificationSeen> NotificationsSeen => Set<NotificationSeen>();
    internal DbSet<NotificationDelivery> NotificationDeliveries => Set<NotificationDelivery>();
    internal DbSet<MonthlyFigure> MonthlyFigures => Set<MonthlyFigure>();
    internal DbSet<ProcessingTime> ProcessingTimes => Set<ProcessingTime>();
    internal DbSet<DesignerDraft> DesignerDrafts => Set<DesignerDraft>();
    internal DbSet<RetiredProcedure> RetiredProcedures => Set<RetiredProcedure>();
    internal DbSet<LetterRow> Letters => Set<LetterRow>();
    internal DbSet<MessageRow> Messages => Set<MessageRow>();
    internal DbSet<MessageAttachmentRow> MessageAttachments => Set<MessageAttachmentRow>();
    internal DbSet<JobLease> JobLeases => Set<JobLease>();
    internal DbSet<PartnerEvent> PartnerEvents => Set<PartnerEvent>();
    internal DbSet<PartnerSubscription> PartnerSubscriptions => Set<PartnerSubscription>();
    internal DbSet<DocumentContent> DocumentContents => Set<DocumentContent>();
    internal DbSet<DocumentChunk> DocumentChunks => Set<DocumentChunk>();

    /// <summary>
    /// Every date and time stored is UTC, said once here rather than at each call: written as UTC (PostgreSQL's
    /// <c>timestamptz</c> refuses a time of unknown kind) and read back as UTC (SQLite's text carries no kind).
    /// </summary>
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcTimes>();
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);

        modelBuilder.Entity<StoredDefinition>(e =>
        {
            e.ToTable("Definitions");
            e.Property(d => d.ProcedureId).HasMaxLength(100);
            e.Property(d => d.ContentHash).HasMaxLength(64);
            e.HasIndex(d => new { d.ProcedureId, d.Version }).IsUnique();
        });

        modelBuilder.Entity<ApplicationRow>(e =>
        {
            e.ToTable("Applications");
            e.Property(a => a.Id).ValueGeneratedNever();
            e.Property(a => a.ProcedureId).HasMaxLength(100);
            e.Property(a => a.DefinitionHash).HasMaxLength(64);
            e.Property(a => a.OwnerId).HasMaxLength(100);
            e.Property(a => a.ApplicantName).HasMaxLength(300);
            e.Property(a => a.Language).HasMaxLength(5).HasDefaultValue("fr");
            e.Property(a => a.Status).HasMaxLength(30);
            e.Property(a => a.Step).HasMaxLength(100);
            e.Property(a => a.Reference).HasMaxLength(60);
            e.Property(a => a.Province).HasMaxLength(100);
            // SQLite has no row version: the application increments this itself on every update (R1).
            e.Property(a => a.Version).IsConcurrencyToken();
            e.HasIndex(a => a.Reference).IsUnique();
            e.HasIndex(a => new { a.OwnerId, a.UpdatedAt });
            e.HasIndex(a => new { a.Status, a.DueOn });
            // The dashboard's backlog per province and step is counted from this index alone.
            e.HasIndex(a => new { a.Status, a.Province, a.ProcedureId, a.Step, a.DueOn });
            e.Property(a => a.ErasedBecause).HasMaxLength(30);
            // The erasure sweep reads the closed applications not yet erased, oldest closed first, per definition version.
            e.HasIndex(a => new { a.ErasedAt, a.ProcedureId, a.DefinitionVersion, a.ClosedAt });
            // The partners' API's list (Applications.PartnerPageAsync): each procedure's applications in the order they changed.
            e.HasIndex(a => new { a.ProcedureId, a.UpdatedAt, a.Id });
        });

        modelBuilder.Entity<PendingWork>(e =>
        {
            e.ToTable("PendingWork");
            e.Property(p => p.Role).HasMaxLength(100);
            e.Property(p => p.Territory).HasMaxLength(100);
            e.Property(p => p.ProcedureId).HasMaxLength(100);
            e.Property(p => p.Step).HasMaxLength(100);
            e.Property(p => p.Reference).HasMaxLength(60);
            e.Property(p => p.ApplicantName).HasMaxLength(300);
            e.Property(p => p.Status).HasMaxLength(30).HasDefaultValue(Rows.PendingWork.InReview);
            e.Property(p => p.Province).HasMaxLength(100).HasDefaultValue(Rows.PendingWork.Everywhere);
            e.Property(p => p.Search).HasMaxLength(SearchKeys.MaxLength).HasDefaultValue("");
            e.Property(p => p.ClaimedBy).HasMaxLength(100);
            e.Property(p => p.ClaimedByName).HasMaxLength(300);
            e.HasIndex(p => new { p.Role, p.Territory, p.DueOn });
            // The inbox sorted by submission date: each territory's range already in that order.
            e.HasIndex(p => new { p.Role, p.Territory, p.SubmittedOn });
            // The filter panel's counts, read from this index alone and grouped in its order.
            e.HasIndex(p => new { p.Role, p.Territory, p.ProcedureId, p.Step, p.Status, p.Province, p.ClaimedBy, p.AwaitingReply, p.DueOn });
            e.HasIndex(p => p.ApplicationId);
            e.HasOne<ApplicationRow>().WithMany().HasForeignKey(p => p.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<ApplicationLabel>(e =>
        {
            e.ToTable("ApplicationLabels");
            // The key serves the inbox's label filter (does this file carry one of these labels?) and the case page.
            e.HasKey(l => new { l.ApplicationId, l.Label });
            e.Property(l => l.Label).HasMaxLength(100);
            e.Property(l => l.SetBy).HasMaxLength(100);
            // Which files carry a label: the filter panel's counts start from the reviewer's rows, this serves the other way.
            e.HasIndex(l => new { l.Label, l.ApplicationId });
            e.HasOne<ApplicationRow>().WithMany().HasForeignKey(l => l.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<ReferenceCounter>(e =>
        {
            e.ToTable("ReferenceCounters");
            e.HasKey(c => new { c.Prefix, c.Year });
            e.Property(c => c.Prefix).HasMaxLength(100);
            e.Property(c => c.Last).IsConcurrencyToken();
        });

        modelBuilder.Entity<StoredDocument>(e =>
        {
            e.ToTable("Documents");
            e.Property(d => d.DocumentId).HasMaxLength(100);
            e.Property(d => d.FileName).HasMaxLength(255);
            e.Property(d => d.Hash).HasMaxLength(64);
            e.Property(d => d.Format).HasMaxLength(10);
            e.Property(d => d.UploadedBy).HasMaxLength(100);
            e.HasIndex(d => new { d.ApplicationId, d.DocumentId });
            // An erasure asks whether anything else still refers to a file's content: a seek, not a scan.
            e.HasIndex(d => d.Hash);
            e.HasOne<ApplicationRow>().WithMany().HasForeignKey(d => d.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<AuditEntry>(e =>
        {
            e.ToTable("Audit");
            e.HasKey(a => a.Sequence);
            e.Property(a => a.Sequence).ValueGeneratedNever();
            e.Property(a => a.Kind).HasMaxLength(40);
            e.Property(a => a.PreviousHash).HasMaxLength(64);
            e.Property(a => a.Hash).HasMaxLength(64);
            // Rows written before format 2 are format 1: the hash covers their texts as they are.
            e.Property(a => a.Format).HasDefaultValue(1);
            e.Property(a => a.Salt).HasMaxLength(32);
            e.Property(a => a.ActorNameDigest).HasMaxLength(64);
            e.Property(a => a.CommentDigest).HasMaxLength(64);
            e.Property(a => a.DetailDigest).HasMaxLength(64);
            e.Ignore(a => a.ActorIsPerson);
            e.Ignore(a => a.DetailIsPersonal);
            // No foreign key to Applications: the audit outlives what it describes, and refusals may name no application.
            e.HasIndex(a => new { a.ApplicationId, a.Sequence });
        });

        modelBuilder.Entity<AuditHead>(e =>
        {
            e.ToTable("AuditHead");
            e.Property(h => h.Id).ValueGeneratedNever();
            e.Property(h => h.Sequence).IsConcurrencyToken();
            e.Property(h => h.Hash).HasMaxLength(64);
            e.HasData(new AuditHead { Id = 1, Sequence = 0, Hash = AuditHead.Genesis });
        });

        modelBuilder.Entity<AuditSeal>(e =>
        {
            e.ToTable("AuditSeals");
            e.HasKey(s => s.Day);
            e.Property(s => s.HeadHash).HasMaxLength(64);
            e.Property(s => s.PreviousHash).HasMaxLength(64);
            e.Property(s => s.Hash).HasMaxLength(64);
        });

        modelBuilder.Entity<Notification>(e =>
        {
            e.ToTable("Notifications");
            e.Property(n => n.Recipient).HasMaxLength(110);
            e.Property(n => n.Territory).HasMaxLength(100);
            e.Property(n => n.Kind).HasMaxLength(40);
            e.Property(n => n.Status).HasMaxLength(30);
            // A person's notifications are the ranges (their user id), (role, each territory they see): each read
            // newest first, or counted past their "seen up to" marker, from this index alone.
            e.HasIndex(n => new { n.Recipient, n.Territory, n.Id });
            e.HasIndex(n => new { n.ApplicationId, n.Kind });
            // The dispatcher's batch: the unsent ones in order, read from this index without a sort.
            e.HasIndex(n => new { n.SentAt, n.Id });
            e.Property(n => n.LastError).HasMaxLength(Outbox.ErrorLength);
            e.Property(n => n.ClaimedBy).HasMaxLength(40);
            // The operators' health check counts the ones set aside lately, from this index rather than the whole table.
            e.HasIndex(n => n.SetAsideAt);
            e.HasOne<ApplicationRow>().WithMany().HasForeignKey(n => n.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<NotificationDelivery>(e =>
        {
            e.ToTable("NotificationDeliveries");
            // A notification's accepted e-mails, read for a batch's notifications from the key alone.
            e.HasKey(d => new { d.NotificationId, d.AccountId });
            e.Property(d => d.AccountId).HasMaxLength(110);
            e.HasOne<Notification>().WithMany().HasForeignKey(d => d.NotificationId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<NotificationSeen>(e =>
        {
            e.ToTable("NotificationsSeen");
            e.HasKey(s => s.UserId);
            e.Property(s => s.UserId).HasMaxLength(110);
        });

        modelBuilder.Entity<MonthlyFigure>(e =>
        {
            e.ToTable("MonthlyFigures");
            // Province first: a territorial dashboard seeks its provinces, the national one the "all provinces" rows.
            e.HasKey(f => new { f.Province, f.Month, f.ProcedureId });
            e.Property(f => f.ProcedureId).HasMaxLength(100);
            e.Property(f => f.Province).HasMaxLength(100);
        });

        modelBuilder.Entity<ProcessingTime>(e =>
        {
            e.ToTable("ProcessingTimes");
            e.HasKey(t => new { t.Province, t.Month, t.ProcedureId, t.Calendar, t.Days });
            e.Property(t => t.ProcedureId).HasMaxLength(100);
            e.Property(t => t.Calendar).HasConversion<string>().HasMaxLength(10);
            e.Property(t => t.Province).HasMaxLength(100);
        });

        modelBuilder.Entity<DesignerDraft>(e =>
        {
            e.ToTable("DesignerDrafts");
            e.HasKey(d => d.ProcedureId);
            e.Property(d => d.ProcedureId).HasMaxLength(100);
            e.Property(d => d.CreatedBy).HasMaxLength(300);
            e.Property(d => d.UpdatedBy).HasMaxLength(300);
        });

        modelBuilder.Entity<RetiredProcedure>(e =>
        {
            e.ToTable("RetiredProcedures");
            e.HasKey(r => r.ProcedureId);
            e.Property(r => r.ProcedureId).HasMaxLength(100);
            e.Property(r => r.RetiredBy).HasMaxLength(100);
            e.Property(r => r.RetiredByName).HasMaxLength(300);
            e.Property(r => r.Reason).HasMaxLength(DefinitionStore.MaxReasonLength);
        });

        modelBuilder.Entity<LetterRow>(e =>
        {
            e.ToTable("Letters");
            e.Property(l => l.Kind).HasMaxLength(30);
            e.Property(l => l.Template).HasMaxLength(100);
            e.Property(l => l.Language).HasMaxLength(5);
            e.Property(l => l.FileName).HasMaxLength(255);
            e.Property(l => l.Hash).HasMaxLength(64);
            e.Property(l => l.VerificationCode).HasMaxLength(Templates.VerificationCode.Length);
            e.HasIndex(l => new { l.ApplicationId, l.AuditSequence });
            e.HasIndex(l => l.Hash);
            // The verification page's one question; unique, so a code (100 random bits) can never name two letters.
            e.HasIndex(l => l.VerificationCode).IsUnique();
            e.HasOne<ApplicationRow>().WithMany().HasForeignKey(l => l.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<MessageRow>(e =>
        {
            e.ToTable("Messages");
            e.Property(m => m.Id).ValueGeneratedNever();
            e.Property(m => m.AuthorId).HasMaxLength(100);
            e.Property(m => m.AuthorName).HasMaxLength(300);
            e.Property(m => m.AuthorRole).HasMaxLength(100);
            e.Property(m => m.Text).HasMaxLength(Storage.Applications.MessageMaxLength);
            e.HasIndex(m => new { m.ApplicationId, m.AuditSequence });
            e.HasOne<ApplicationRow>().WithMany().HasForeignKey(m => m.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<MessageAttachmentRow>(e =>
        {
            e.ToTable("MessageAttachments");
            e.Property(a => a.FileName).HasMaxLength(255);
            e.Property(a => a.Hash).HasMaxLength(64);
            e.Property(a => a.Format).HasMaxLength(10);
            e.HasIndex(a => a.MessageId);
            e.HasIndex(a => a.ApplicationId);
            e.HasIndex(a => a.Hash);
            e.HasOne<MessageRow>().WithMany().HasForeignKey(a => a.MessageId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<JobLease>(e =>
        {
            e.ToTable("JobLeases");
            e.HasKey(l => l.Job);
            e.Property(l => l.Job).HasMaxLength(Storage.JobLeases.NameLength);
            e.Property(l => l.Holder).HasMaxLength(Storage.JobLeases.HolderLength);
        });

        modelBuilder.Entity<PartnerEvent>(e =>
        {
            e.ToTable("PartnerEvents");
            e.Property(p => p.ClientId).HasMaxLength(40);
            e.Property(p => p.Reference).HasMaxLength(40);
            e.Property(p => p.Status).HasMaxLength(30);
            e.Property(p => p.LastError).HasMaxLength(Storage.PartnerEvents.ErrorLength);
            e.Property(p => p.ClaimedBy).HasMaxLength(40);
            // The dispatcher's batch: the ones still to deliver, in order.
            e.HasIndex(p => new { p.DeliveredAt, p.GivenUpAt, p.Id });
            // A client's page: its last deliveries, newest first.
            e.HasIndex(p => new { p.ClientId, p.Id });
        });

        modelBuilder.Entity<PartnerSubscription>(e =>
        {
            e.ToTable("PartnerSubscriptions");
            e.HasKey(p => p.ClientId);
            e.Property(p => p.ClientId).HasMaxLength(40);
        });

        modelBuilder.Entity<DocumentContent>(e =>
        {
            e.ToTable("DocumentContents");
            e.HasKey(d => d.Hash);
            e.Property(d => d.Hash).HasMaxLength(64);
            // The unreferenced-content sweep reads the contents stored before a time.
            e.HasIndex(d => d.StoredAt);
        });

        modelBuilder.Entity<DocumentChunk>(e =>
        {
            e.ToTable("DocumentChunks");
            e.HasKey(c => new { c.Hash, c.Index });
            e.Property(c => c.Hash).HasMaxLength(64);
            e.HasOne<DocumentContent>().WithMany().HasForeignKey(c => c.Hash).OnDelete(DeleteBehavior.Cascade);
        });
    }
}
