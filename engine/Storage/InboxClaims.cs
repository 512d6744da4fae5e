using EmploymentProcedures.Engine.Storage.Rows;

namespace EmploymentProcedures.Engine.Storage;

/// <summary>
/// The inbox's claim filter over the pending work's "claimed by" user id, and which of the filter panel's claim
/// values a claimer is for a given reviewer.
/// </summary>
internal static class InboxClaims
{
    public const int Unclaimed = 0;
    public const int Mine = 1;
    public const int Others = 2;

    public static IQueryable<PendingWork> Where(IQueryable<PendingWork> rows, ClaimFilter filter, string userId) => filter switch
    {
        ClaimFilter.Mine => rows.Where(p => p.ClaimedBy == userId),
        ClaimFilter.Unclaimed => rows.Where(p => p.ClaimedBy == null),
        ClaimFilter.Any => rows,
        _ => throw new ArgumentOutOfRangeException(nameof(filter), filter, $"no such claim filter (user {userId})"),
    };

    /// <summary>Whose claim <paramref name="claimedBy"/> is, seen by <paramref name="userId"/>.</summary>
    public static int Of(string? claimedBy, string userId) =>
        claimedBy is null ? Unclaimed : string.Equals(claimedBy, userId, StringComparison.Ordinal) ? Mine : Others;
}
