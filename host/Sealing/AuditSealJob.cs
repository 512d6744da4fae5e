using EmploymentProcedures.Engine.Storage;
using EmploymentProcedures.Host.Operations;
using Microsoft.Extensions.Options;

namespace EmploymentProcedures.Host.Sealing;

/// <summary>
/// Seals the audit chain's days (<see cref="AuditSeals.SealAsync"/>) soon after the start, then every
/// <see cref="PortalOptions.SweepInterval"/>: a day is sealed at the first round once it has been over for
/// <see cref="AuditSeals.Grace"/>, and a portal that was down seals the days it missed at its first round back. With
/// several instances it runs on the one holding its lease (<see cref="LeasedJob"/>), so one writes each seal; the table's key
/// on the day refuses a second anyway. A failed round is logged and the next one tries again; <c>/health/ready</c> says when
/// a seal is overdue (<see cref="SealCheck"/>).
/// </summary>
internal sealed partial class AuditSealJob(AuditSeals seals, TimeProvider clock, IOptions<PortalOptions> options, InstanceLeases leases, ILogger<AuditSealJob> logger)
    : LeasedJob(leases, clock)
{
    /// <summary>The lease's name.</summary>
    public const string Name = "audit-seals";

    public override string Job => Name;

    protected override TimeSpan Period => options.Value.SweepInterval;

    protected internal override async Task RoundAsync(CancellationToken cancellationToken)
    {
        var written = await seals.SealAsync(cancellationToken).ConfigureAwait(false);
        if (written.Count > 0)
            Sealed(written.Count, written[0].Day, written[^1].Day, written[^1].HeadSequence, written[^1].Hash);
    }

    protected override void RoundFailed(Exception exception) => Failed(exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Audit seals: {Count} day(s) sealed, {First} to {Last}; the chain's head entry {Head}, the last seal's hash {Hash}")]
    private partial void Sealed(int count, DateOnly first, DateOnly last, long head, string hash);

    [LoggerMessage(Level = LogLevel.Error, Message = "Sealing the audit chain's days failed; the next round tries again")]
    private partial void Failed(Exception exception);
}
