using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace EmploymentProcedures.Host.Api;

/// <summary>
/// The Standard Webhooks signature (https://www.standardwebhooks.com): the secret is <c>whsec_</c> and base64 of 32 random
/// bytes; each push carries <c>webhook-id</c>, <c>webhook-timestamp</c> (Unix seconds) and <c>webhook-signature</c>,
/// <c>v1,</c> and base64 of HMAC-SHA256, keyed with the secret's bytes, over <c>id.timestamp.body</c>. A partner checks it
/// with any Standard Webhooks library, or these few lines, and refuses a timestamp far from its own clock (a replay).
/// </summary>
internal static class WebhookSigning
{
    public const string SecretPrefix = "whsec_";

    public static string NewSecret() => SecretPrefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    /// <summary>The <c>webhook-signature</c> header's value for the push <paramref name="id"/> at <paramref name="timestamp"/> of <paramref name="body"/>.</summary>
    public static string Sign(string secret, string id, long timestamp, string body)
    {
        ArgumentException.ThrowIfNullOrEmpty(secret);
        var key = Convert.FromBase64String(secret.StartsWith(SecretPrefix, StringComparison.Ordinal) ? secret[SecretPrefix.Length..] : secret);
        var signed = Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{id}.{timestamp}.{body}"));
        return "v1," + Convert.ToBase64String(HMACSHA256.HashData(key, signed));
    }
}
