using System.Globalization;

namespace EmploymentProcedures.Host.Components.Shared;

/// <summary>
/// The <c>?page=</c> of a listing, counted from 1 as people count pages. Taken as text: anything that is not a whole
/// number from 1 up (a word, a negative, a number too big to be one) opens the first page rather than failing the request,
/// as a typed <c>int?</c> query parameter would.
/// </summary>
internal static class PageQuery
{
    /// <summary>
    /// Beyond any listing's last page, and low enough that its offset (at most 1,000 rows a page) never overflows an
    /// <c>int</c> into a negative one, which SQLite reads as none: the first page's rows under a page number far away.
    /// </summary>
    public const int MaxIndex = 1_000_000;

    /// <summary>The page's index from 0, at most <see cref="MaxIndex"/>.</summary>
    public static int Index(string? value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var page) && page > 1 ? Math.Min(page - 1, MaxIndex) : 0;

    /// <summary>
    /// <paramref name="page"/> kept where <c>page * pageSize</c> rows can still be skipped: a larger one would overflow
    /// into a negative offset, which SQLite reads as none (the first page's rows under a page number far away).
    /// </summary>
    public static int Clamp(int page, int pageSize) => Math.Clamp(page, 0, int.MaxValue / pageSize);
}
