using EmploymentProcedures.Engine.Deadlines;
using EmploymentProcedures.Engine.Storage;
using EmploymentProcedures.Engine.Workflow;
using EmploymentProcedures.Host.Accounts;
using EmploymentProcedures.Host.Localization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace EmploymentProcedures.Host.Notifying;

/// <summary>
/// An account e-mail given up, as <c>/admin/mail</c> shows it: when (Morocco's time), what it was in words, to which
/// address, when it was asked, the attempts, the last error cut to a line or two; and whether it can be sent again
/// (<see cref="Blocked"/> says why not: a sign-up whose password was erased and that no account waits for any more).
/// </summary>
public sealed record GivenUpAccountLine(
    SetAsideKey Key, DateTimeOffset GivenUpAt, string What, string Address, DateTimeOffset AskedAt, int Attempts, string Error, string? Blocked);

/// <summary>A page of the account e-mails given up, how many in all, and how many in the last 24 hours and 7 days.</summary>
public sealed record GivenUpAccountPage(IReadOnlyList<GivenUpAccountLine> Lines, int Total, int Page, int LastDay, int LastWeek);

/// <summary>
/// What a "send again" or a "remove" did: the requests done, those no longer given up as the page showed them (sent
/// again by another administrator, or removed), and the sign-ups that could not be sent again.
/// </summary>
public sealed record AccountMailRetry(int Done, int NoLongerGivenUp, int Blocked);

/// <summary>
/// The administrators' view of the account e-mails given up (<see cref="AccountMailRequest.GivenUpAt"/>), their "send
/// again" and, for a sign-up that can no longer be completed, their "remove". Every method takes the administrator who
/// asks and does nothing for anyone else. Each change is one conditional update on the given-up time the page showed, so
/// two administrators pressing at once give one retry, and is recorded in <c>StaffChanges</c> in the same transaction
/// (the accounts database's history of what administrators did; the audit chain of the applications is for files).
/// </summary>
internal sealed class GivenUpAccountMail(AccountsDb db, UserManager<Account> users, PasswordMailQueue queue, IStringLocalizer<Strings> strings, TimeProvider clock)
{
    public const int PageSize = 50;

    /// <summary>The kind of <see cref="StaffChange"/> a "send again" records (its field: the e-mail's kind; from: the address).</summary>
    public const string Resent = "mail_resent";

    /// <summary>The kind of <see cref="StaffChange"/> a "remove" records.</summary>
    public const string Removed = "mail_removed";

    private static IQueryable<AccountMailRequest> GivenUp(AccountsDb db) => db.AccountMails.AsNoTracking().Where(r => r.GivenUpAt != null);

    /// <summary>One page, the most recently given up first, in the page's language; null for anyone but an administrator.</summary>
    public async Task<GivenUpAccountPage?> ListAsync(Actor? by, int page, CancellationToken cancellationToken = default)
    {
        if (!GivenUpMail.MaySee(by))
            return null;
        page = Math.Max(0, page);
        var now = clock.GetUtcNow().UtcDateTime;
        var total = await GivenUp(db).CountAsync(cancellationToken).ConfigureAwait(false);
        var lastDay = await PasswordMailQueue.GivenUpSinceAsync(db, now.AddDays(-1), cancellationToken).ConfigureAwait(false);
        var lastWeek = await PasswordMailQueue.GivenUpSinceAsync(db, now.AddDays(-7), cancellationToken).ConfigureAwait(false);
        var rows = await GivenUp(db).OrderByDescending(r => r.GivenUpAt).ThenByDescending(r => r.Id).Skip(page * PageSize).Take(PageSize)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var accounts = await AccountsOfAsync(rows, cancellationToken).ConfigureAwait(false);
        var lines = rows.Select(r =>
        {
            var givenUpAt = DateTime.SpecifyKind(r.GivenUpAt!.Value, DateTimeKind.Utc);
            var account = AccountOf(accounts, r);
            return new GivenUpAccountLine(
                new SetAsideKey(r.Id, givenUpAt),
                MoroccoTime.Local(clock, givenUpAt),
                strings["GivenUp.Accounts.Kind." + r.Kind] is { ResourceNotFound: false } kind ? kind.Value : r.Kind,
                AddressOf(r, account) ?? "—",
                MoroccoTime.Local(clock, DateTime.SpecifyKind(r.AskedAt, DateTimeKind.Utc)),
                r.Attempts,
                GivenUpMail.Shown(r.LastError ?? ""),
                Blocked(r, account));
        }).ToList();
        return new GivenUpAccountPage(lines, total, page, lastDay, lastWeek);
    }

    /// <summary>
    /// Puts back in the queue, for <paramref name="by"/>, the requests still given up as <paramref name="chosen"/> say: their
    /// mark, attempts and claim cleared, due at once, so the queue's next round counts their attempts afresh. A sign-up
    /// that can no longer be completed is left alone and counted in <see cref="AccountMailRetry.Blocked"/>. Null for anyone
    /// but an administrator.
    /// </summary>
    public Task<AccountMailRetry?> RetryAsync(Actor? by, IReadOnlyCollection<SetAsideKey> chosen, CancellationToken cancellationToken = default) =>
        ChangeAsync(by, chosen, remove: false, cancellationToken);

    /// <summary>Removes, for <paramref name="by"/>, the requests still given up as <paramref name="chosen"/> say; null for anyone else.</summary>
    public Task<AccountMailRetry?> RemoveAsync(Actor? by, IReadOnlyCollection<SetAsideKey> chosen, CancellationToken cancellationToken = default) =>
        ChangeAsync(by, chosen, remove: true, cancellationToken);

    private async Task<AccountMailRetry?> ChangeAsync(Actor? by, IReadOnlyCollection<SetAsideKey> chosen, bool remove, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(chosen);
        if (!GivenUpMail.MaySee(by))
            return null;
        var asked = chosen.DistinctBy(k => k.Id).ToList();
        var ids = asked.Select(k => k.Id).ToList();
        var now = clock.GetUtcNow().UtcDateTime;
        // SQLite starts it as the writer (BEGIN IMMEDIATE): a second administrator's waits for the first's, then reads after it.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var rows = await GivenUp(db).Where(r => ids.Contains(r.Id)).ToDictionaryAsync(r => r.Id, cancellationToken).ConfigureAwait(false);
        var accounts = await AccountsOfAsync(rows.Values, cancellationToken).ConfigureAwait(false);
        int done = 0, blocked = 0;
        foreach (var key in asked)
        {
            if (!rows.TryGetValue(key.Id, out var row))
                continue;
            var account = AccountOf(accounts, row);
            if (!remove && !CanBeSentAgain(row, account))
            {
                blocked++;
                continue;
            }
            // The row's own state decides: only while it is still given up as the page showed it.
            var seen = DateTime.SpecifyKind(key.SetAsideAt, DateTimeKind.Unspecified);
            var mine = db.AccountMails.Where(r => r.Id == key.Id && r.GivenUpAt == seen);
            var changed = remove
                ? await mine.ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false)
                : await mine.ExecuteUpdateAsync(s => s
                    .SetProperty(r => r.GivenUpAt, (DateTime?)null)
                    .SetProperty(r => r.Attempts, 0)
                    .SetProperty(r => r.NextAttemptAt, now)
                    .SetProperty(r => r.ClaimedBy, (string?)null)
                    .SetProperty(r => r.ClaimedUntil, (DateTime?)null), cancellationToken).ConfigureAwait(false);
            if (changed == 0)
                continue;
            done++;
            db.StaffChanges.Add(new StaffChange
            {
                AccountId = account?.Id ?? "",
                Kind = remove ? Removed : Resent,
                Field = row.Kind,
                From = AddressOf(row, account),
                To = row.Attempts.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ById = by!.UserId,
                ByName = by.Name,
                At = now,
            });
        }
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        if (done > 0 && !remove)
            queue.Wake();
        return new AccountMailRetry(done, asked.Count - done - blocked, blocked);
    }

    /// <summary>
    /// A sign-up given up has lost its password hash: sent again, it can only send a new confirmation link to the account
    /// it made, so it can be sent again only while that account waits for its confirmation. A closed account's last e-mail
    /// given up has lost its address: it cannot be sent again at all. Any other request can.
    /// </summary>
    private static bool CanBeSentAgain(AccountMailRequest request, Account? account) =>
        request is not { Kind: AccountMailKinds.Closed, Email: null }
        && (request is not { Kind: AccountMailKinds.SignUp, PasswordHash: null } || account is not null && ConfirmationLinks.AwaitsConfirmation(account));

    /// <summary>Why the row cannot be sent again, in the page's language; null when it can.</summary>
    private string? Blocked(AccountMailRequest request, Account? account) =>
        CanBeSentAgain(request, account) ? null
        // A closed account's last e-mail forgets its address when it is given up: there is nowhere to send it.
        : request.Kind == AccountMailKinds.Closed ? strings["GivenUp.Accounts.ClosedLost"].Value
        // The address has an account that waits for nothing (confirmed through another link, or one that was there
        // before): sent again, the request would send nothing, so removing it loses nothing.
        : account is not null ? strings["GivenUp.Accounts.SignUpDone"].Value
        : strings["GivenUp.Accounts.SignUpLost"].Value;

    private sealed record Known(Dictionary<string, Account> ById, Dictionary<string, Account> ByEmail);

    /// <summary>The accounts these requests are about, by id (a changed password) and by normalised address (the others).</summary>
    private async Task<Known> AccountsOfAsync(IEnumerable<AccountMailRequest> requests, CancellationToken cancellationToken)
    {
        var list = requests.ToList();
        var ids = list.Where(r => r.AccountId is not null).Select(r => r.AccountId!).Distinct(StringComparer.Ordinal).ToList();
        var emails = list.Where(r => r.Email is not null).Select(r => users.NormalizeEmail(r.Email)).Distinct(StringComparer.Ordinal).ToList();
        var found = await db.Users.AsNoTracking().Where(a => ids.Contains(a.Id) || emails.Contains(a.NormalizedEmail!))
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return new Known(
            found.ToDictionary(a => a.Id, StringComparer.Ordinal),
            found.Where(a => a.NormalizedEmail is not null).DistinctBy(a => a.NormalizedEmail).ToDictionary(a => a.NormalizedEmail!, StringComparer.Ordinal));
    }

    /// <summary>
    /// Where the e-mail goes: the account's address, except for a change of address, whose link goes to the new address and
    /// whose notice to the old one (the request's own).
    /// </summary>
    private static string? AddressOf(AccountMailRequest request, Account? account) =>
        request.Kind is AccountMailKinds.EmailChange or AccountMailKinds.EmailChanged ? request.Email : account?.Email ?? request.Email;

    private Account? AccountOf(Known known, AccountMailRequest request) =>
        request.AccountId is { } id ? known.ById.GetValueOrDefault(id)
        : request.Email is { } email ? known.ByEmail.GetValueOrDefault(users.NormalizeEmail(email))
        : null;
}
