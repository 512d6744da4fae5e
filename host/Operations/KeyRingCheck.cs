using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace EmploymentProcedures.Host.Operations;

/// <summary>
/// The data-protection keys are protected at rest: with <c>Storage:Keys=database</c> and no <c>Storage:KeysCertificate</c>
/// they are rows in clear in the database, next to the webhook signing secrets and the links' tokens they protect, so a
/// copy of the database (a backup, a replica) gives both. Degraded, not unhealthy: the portal serves as before, and the
/// operator is told what to set (the start logs the same warning). Keys in the data folder's files are the single
/// instance's case, protected by the folder's permissions like the database file beside them.
/// </summary>
internal sealed class KeyRingCheck(SharedStorage storage) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(KeyStorage.InClear(storage) is { } warning ? HealthCheckResult.Degraded(warning) : HealthCheckResult.Healthy());
}
