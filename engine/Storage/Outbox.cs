using EmploymentProcedures.Engine.Storage.Rows;
using Microsoft.EntityFrameworkCore;

namespace EmploymentProcedures.Engine.Storage;

/// <summary>
/// The notifications written with each transition, for the applicant's in-app messages and for a dispatcher
/// (e-mail, SMS) that takes the unsent ones, sends them and marks them sent: at least once, so a
/// dispatcher must tolerate sending one again after a crash.
/// </summary>
public sealed class Outbox(IDbContextFactory<ProceduresDb> databases)
{
    /// <summary>The oldest notifications not yet sent.</summary>
    public async Task<IReadOnlyList<OutboxMessage>> UnsentAsync(int max = 100, CancellationToken cancellationToken = default)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var rows = await db.Notifications.AsNoTracking()
            .Where(n => n.SentAt == null)
            .OrderBy(n => n.Id)
            .Take(max)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return rows.Select(OutboxMessage.From).ToList();
    }

    /// <summary>The notifications addressed to <paramref name="userId"/>, newest first.</summary>
    public async Task<IReadOnlyList<OutboxMessage>> ForUserAsync(string userId, int max = 50, CancellationToken cancellationToken = default)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var rows = await db.Notifications.AsNoTracking()
            .Where(n => n.Recipient == userId)
            .OrderByDescending(n => n.CreatedAt)
            .ThenByDescending(n => n.Id)
            .Take(max)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return rows.Select(OutboxMessage.From).ToList();
    }

    public async Task MarkSentAsync(IEnumerable<long> ids, DateTime sentAt, CancellationToken cancellationToken = default)
    {
        var list = ids.ToList();
        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await db.Notifications.Where(n => list.Contains(n.Id) && n.SentAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.SentAt, sentAt), cancellationToken).ConfigureAwait(false);
    }
}

/// <summary>One notification: to a user id, or to the reviewers of a role (<c>role:desk-agent</c>, in <paramref name="Territory"/> when set).</summary>
public sealed record OutboxMessage(long Id, Guid ApplicationId, string Recipient, string Territory, string Kind, string? Step, string Status, string? Comment, DateTime CreatedAt, DateTime? SentAt)
{
    internal static OutboxMessage From(Notification n) =>
        new(n.Id, n.ApplicationId, n.Recipient, n.Territory, n.Kind, n.Step, n.Status, n.Comment, DateTime.SpecifyKind(n.CreatedAt, DateTimeKind.Utc), n.SentAt);
}
