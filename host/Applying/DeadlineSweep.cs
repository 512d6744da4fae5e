using EmploymentProcedures.Engine.Deadlines;
using EmploymentProcedures.Engine.Storage;
using EmploymentProcedures.Host.Operations;
using Microsoft.Extensions.Options;

namespace EmploymentProcedures.Host.Applying;

/// <summary>
/// Runs the engine's sweeps soon after the start, then every <see cref="PortalOptions.SweepInterval"/>: lapsed deadlines
/// get their <c>on_deadline</c> outcome and reviewers are told of files due soon (<see cref="Applications.SweepAsync"/>);
/// closed applications whose retention ended are erased (<see cref="Applications.EraseExpiredAsync(CancellationToken)"/>);
/// drafts untouched for <see cref="PortalOptions.DraftRetention"/> are announced, then deleted
/// (<see cref="Applications.SweepDraftsAsync"/>); once a day (<see cref="StoreSweepInterval"/>: it lists the whole store,
/// and only a crash leaves such files) the document store's files nothing refers to any more are deleted
/// (<see cref="Applications.DeleteUnreferencedFilesAsync"/>). Each is idempotent, so a restart does no harm; with several
/// instances the round runs on the one holding the job's lease (<see cref="LeasedJob"/>): on every instance the sweeps would
/// each read the due and closed applications and list the whole store again, and race each other's updates, for nothing.
/// A failed round is logged and the next one tries again. Each round's outcome goes to <see cref="SweepRecord"/> for
/// <c>/health/ready</c>, and what it did to the log.
/// </summary>
internal sealed partial class DeadlineSweep(
    Applications applications, TimeProvider clock, IOptions<PortalOptions> options, SweepRecord record, InstanceLeases leases, ILogger<DeadlineSweep> logger)
    : LeasedJob(leases, clock)
{
    /// <summary>The lease's name.</summary>
    public const string Name = "deadline-sweep";

    /// <summary>How often the store's files nothing refers to are looked for.</summary>
    internal static readonly TimeSpan StoreSweepInterval = TimeSpan.FromDays(1);

    /// <summary>When this instance last looked for them; null before its first round.</summary>
    private DateTimeOffset? _storeSweptAt;

    public override string Job => Name;

    protected override TimeSpan Period => options.Value.SweepInterval;

    protected override void RoundFailed(Exception exception)
    {
        SweepFailed(exception);
        record.Failed();
    }

    protected override void HeldElsewhere() => record.HeldElsewhere(Clock.GetUtcNow());

    /// <summary>One round of the sweeps, in turn (the store's only once a day); recorded as succeeded with its counts when all did.</summary>
    protected internal override async Task RoundAsync(CancellationToken cancellationToken)
    {
        var deadlines = await applications.SweepAsync(MoroccoTime.Today(Clock), cancellationToken).ConfigureAwait(false);
        Swept(deadlines.Lapsed, deadlines.Warned);
        var erased = await applications.EraseExpiredAsync(cancellationToken).ConfigureAwait(false);
        var settings = options.Value;
        var drafts = await applications.SweepDraftsAsync(settings.DraftRetention, settings.DraftRetentionWarning, cancellationToken).ConfigureAwait(false);
        Kept(erased, drafts.Announced, drafts.Deleted);
        var unreferenced = 0;
        var now = Clock.GetUtcNow();
        if (_storeSweptAt is not { } last || now - last >= StoreSweepInterval)
        {
            unreferenced = await applications.DeleteUnreferencedFilesAsync(cancellationToken).ConfigureAwait(false);
            _storeSweptAt = now;
            if (unreferenced > 0)
                Collected(unreferenced);
        }
        record.Succeeded(Clock.GetUtcNow(), new SweepCounts(erased, drafts.Announced, drafts.Deleted, unreferenced));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Deadline sweep: {Lapsed} application(s) decided by their deadline, {Warned} due soon")]
    private partial void Swept(int lapsed, int warned);

    [LoggerMessage(Level = LogLevel.Information, Message = "Retention sweep: {Erased} closed application(s) erased at the end of their retention, {Announced} abandoned draft(s) announced, {Deleted} deleted")]
    private partial void Kept(int erased, int announced, int deleted);

    [LoggerMessage(Level = LogLevel.Information, Message = "Store sweep: {Deleted} stored file(s) nothing referred to deleted (left by a crash after an erasure, or by an upload that never committed)")]
    private partial void Collected(int deleted);

    [LoggerMessage(Level = LogLevel.Error, Message = "The sweep failed; it runs again at the next interval")]
    private partial void SweepFailed(Exception exception);
}
