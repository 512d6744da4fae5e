using EmploymentProcedures.Engine.Storage.Rows;

namespace EmploymentProcedures.Engine.Storage;

/// <summary>
/// The inbox's claim filter. Claims are a nullable "claimed by" user id on the pending work (added with claims
/// themselves); until that column exists nobody has claimed anything, so "mine" is empty and "unclaimed" is
/// everything. With it, <see cref="Where"/> becomes <c>p.ClaimedBy == userId</c> / <c>p.ClaimedBy == null</c> and
/// <see cref="InboxQuery"/>'s count groups add <c>p.ClaimedBy == null ? 0 : p.ClaimedBy == userId ? 1 : 2</c>.
/// </summary>
internal static class InboxClaims
{
    public const int Unclaimed = 0;
    public const int Mine = 1;
    public const int Others = 2;

    public static IQueryable<PendingWork> Where(IQueryable<PendingWork> rows, ClaimFilter filter, string userId) => filter switch
    {
        ClaimFilter.Mine => rows.Where(p => false),
        ClaimFilter.Unclaimed or ClaimFilter.Any => rows,
        _ => throw new ArgumentOutOfRangeException(nameof(filter), filter, $"no such claim filter (user {userId})"),
    };
}
