using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace EmploymentProcedures.Host.Api;

/// <summary>
/// The API's bearer tokens: <c>epk_&lt;client id&gt;_&lt;secret&gt;</c>, the secret 32 random bytes (256 bits) in
/// base64url. The fixed prefix lets a leaked token be found by a search in logs or by a code scanner, and the client id
/// tells the administrators whose it is without the secret. Only SHA-256 of the whole token is stored. A slow password
/// hash (PBKDF2, bcrypt) is for secrets people choose, which are guessable: trying 2^256 secrets is out of reach at any
/// hash speed, so a fast hash loses nothing, and it keeps each API request from costing the server a deliberate
/// hundred milliseconds of CPU (which an attacker sending bad tokens would turn into a denial of service).
/// </summary>
public static partial class ApiTokens
{
    public const string Prefix = "epk_";

    /// <summary>A new client id: 16 lowercase hexadecimal characters (64 random bits).</summary>
    public static string NewClientId() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));

    /// <summary>A new token for <paramref name="clientId"/>: shown once to the administrator, never stored.</summary>
    public static string New(string clientId) =>
        Prefix + clientId + "_" + Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    /// <summary>SHA-256 of <paramref name="token"/>, hexadecimal: what the database keeps.</summary>
    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    /// <summary>The client id a token names, or null when it is not shaped like one of ours.</summary>
    public static string? ClientIdOf(string token) => Shape().Match(token) is { Success: true } match ? match.Groups["id"].Value : null;

    /// <summary>Whether <paramref name="token"/> hashes to <paramref name="storedHash"/>, compared in constant time.</summary>
    public static bool Matches(string token, string storedHash)
    {
        if (storedHash.Length != 64 || !storedHash.All(char.IsAsciiHexDigit))
            return false;
        return CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(token)), Convert.FromHexString(storedHash));
    }

    [GeneratedRegex("^epk_(?<id>[0-9a-f]{16})_[A-Za-z0-9_-]{43}$", RegexOptions.CultureInvariant)]
    private static partial Regex Shape();
}
