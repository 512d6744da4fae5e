using System.Security.Cryptography;
using EmploymentProcedures.Host.Accounts;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;

namespace EmploymentProcedures.Host.Api;

/// <summary>
/// The webhooks' signing secrets as the accounts database keeps them: encrypted with the portal's data-protection keys
/// (<see cref="Operations.KeyStorage"/>) under a purpose of their own, so a copy of the database alone signs nothing. The
/// portal must get the secret back to sign each push, so it is encrypted, not hashed like the API token. A stored value
/// says its form by its start: <see cref="StoredPrefix"/> for an encrypted one, <see cref="WebhookSigning.SecretPrefix"/>
/// for one written in clear before this (encrypted at the next start, <see cref="ProtectClearAsync"/>, and still read until then).
/// </summary>
public sealed class WebhookSecrets(IDataProtectionProvider protection)
{
    /// <summary>The data-protection purpose: a value protected for anything else (a cookie, a link's token) is not a secret here.</summary>
    public const string Purpose = "EmploymentProcedures.Host.Api.WebhookSecret.v1";

    /// <summary>How an encrypted secret starts in the database.</summary>
    public const string StoredPrefix = "dp1:";

    /// <summary>The longest stored value: the prefix and the data-protection payload of a secret, in base64url, with room to spare.</summary>
    public const int MaxStoredLength = 400;

    private readonly IDataProtector _protector = protection.CreateProtector(Purpose);

    /// <summary>What the database keeps of <paramref name="secret"/>.</summary>
    public string Protect(string secret)
    {
        ArgumentException.ThrowIfNullOrEmpty(secret);
        return StoredPrefix + _protector.Protect(secret);
    }

    /// <summary>
    /// The secret a stored value holds; null when there is none, or when it cannot be read (the keys that encrypted it
    /// were lost or replaced, or the value was damaged): the pushes are then not sent, and the administrator renews it.
    /// </summary>
    public string? Reveal(string? stored)
    {
        if (stored is null)
            return null;
        if (IsClear(stored))
            return stored;
        if (!stored.StartsWith(StoredPrefix, StringComparison.Ordinal))
            return null;
        try
        {
            var secret = _protector.Unprotect(stored[StoredPrefix.Length..]);
            return secret.StartsWith(WebhookSigning.SecretPrefix, StringComparison.Ordinal) ? secret : null;
        }
        catch (CryptographicException)
        {
            return null;
        }
    }

    /// <summary>Whether the client has a webhook whose signing secret the portal cannot read any more (to be renewed).</summary>
    public bool Unreadable(ApiClient client)
    {
        ArgumentNullException.ThrowIfNull(client);
        return client.WebhookSecret is not null && Reveal(client.WebhookSecret) is null;
    }

    /// <summary>Whether <paramref name="stored"/> is a secret written in clear (before secrets were encrypted).</summary>
    public static bool IsClear(string stored) => stored.StartsWith(WebhookSigning.SecretPrefix, StringComparison.Ordinal);

    /// <summary>
    /// Encrypts the secrets still in clear, at the start (an EF migration cannot reach the keys). Each row is changed only
    /// while it still holds the clear value it was read with, so instances starting together, or an administrator renewing
    /// the secret meanwhile, never see it overwritten; a second run finds nothing to do. Gives how many were encrypted.
    /// </summary>
    public async Task<int> ProtectClearAsync(AccountsDb db, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var clear = await db.ApiClients.AsNoTracking()
            .Where(c => c.WebhookSecret != null && c.WebhookSecret.StartsWith(WebhookSigning.SecretPrefix))
            .Select(c => new { c.Id, Secret = c.WebhookSecret! })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var protectedCount = 0;
        foreach (var row in clear)
        {
            var stored = Protect(row.Secret);
            protectedCount += await db.ApiClients.Where(c => c.Id == row.Id && c.WebhookSecret == row.Secret)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.WebhookSecret, stored), cancellationToken).ConfigureAwait(false);
        }
        return protectedCount;
    }
}
