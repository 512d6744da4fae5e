using EmploymentProcedures.Engine.Storage;
using Microsoft.EntityFrameworkCore;

namespace EmploymentProcedures.Host.Accounts;

/// <summary>
/// What <c>/staff</c> finds an account by: its name and e-mail folded as the inbox folds what it searches
/// (<see cref="SearchFolding"/>: case, Latin accents, Arabic hamza carriers, alef variants, ta marbuta, alef maqsura,
/// tatweel and harakat), kept on the account (its <c>SearchKey</c>) by <see cref="AccountsDb"/> each time an
/// account is saved, so "hakimi" finds "Ḥakimi", "elodie" finds "Élodie", "احمد" finds "أحمد", and "benali emploi" finds
/// karima.benali@emploi.gov.ma. A query matches an account when each of its folded words is in the key.
/// </summary>
internal static class AccountSearch
{
    /// <summary>The column's size: a name (200) and an e-mail (256) folded, with room to spare; a longer key is cut.</summary>
    public const int MaxLength = 500;

    /// <summary>The most words of a query that count: a pasted paragraph does not make a query of hundreds of conditions.</summary>
    public const int MaxWords = 8;

    public static string Key(Account account)
    {
        ArgumentNullException.ThrowIfNull(account);
        var key = string.Join(' ', new[] { SearchFolding.Fold(account.DisplayName), SearchFolding.Fold(account.Email) }.Where(k => k.Length > 0));
        return key.Length <= MaxLength ? key : key[..MaxLength];
    }

    /// <summary>
    /// The accounts whose key holds every folded word of <paramref name="query"/>; none when the query has text but no
    /// letter or digit (a lone <c>%</c>), all when it is blank.
    /// </summary>
    public static IQueryable<Account> Matching(IQueryable<Account> accounts, string query)
    {
        if (string.IsNullOrWhiteSpace(query))
            return accounts;
        var words = SearchFolding.Words(query, MaxWords);
        if (words.Count == 0)
            return accounts.Where(a => false);
        foreach (var word in words)
            accounts = accounts.Where(a => a.SearchKey!.Contains(word));
        return accounts;
    }

    /// <summary>Gives the accounts saved before the key existed (or by an older portal) their key: run at start, after the migrations.</summary>
    public static async Task FillAsync(AccountsDb db, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        while (true)
        {
            // The context computes the key of every account it saves; a batch at a time, so a large table is not held at once.
            var batch = await db.Users.Where(a => a.SearchKey == null).OrderBy(a => a.Id).Take(500).ToListAsync(cancellationToken).ConfigureAwait(false);
            if (batch.Count == 0)
                return;
            foreach (var account in batch)
                db.Entry(account).Property(a => a.SearchKey).IsModified = true;
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            db.ChangeTracker.Clear();
        }
    }
}
