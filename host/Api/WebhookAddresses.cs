using System.Net;
using System.Net.Sockets;

namespace EmploymentProcedures.Host.Api;

/// <summary>
/// Which webhook addresses the portal pushes to. Only an administrator sets one, but the portal still refuses what would
/// turn it against the ministry's own network or leak a secret: anything but <c>https://</c> (plain <c>http://</c> only to
/// <c>localhost</c>, and only with <c>Portal:ApiWebhooksAllowHttp</c>, for tests and development), user info, a fragment,
/// and a name that resolves to a loopback, link-local, private, shared or multicast address (unless that switch is on).
/// The addresses are checked again at each connection (<see cref="ConnectAsync"/>): a name may resolve elsewhere later.
/// </summary>
internal static class WebhookAddresses
{
    public const int MaxLength = 500;

    /// <summary>The address trimmed (null: no webhook), or the code of why it is refused.</summary>
    public static async Task<(string? Url, string? Error)> CheckAsync(string? text, bool allowHttp, CancellationToken cancellationToken)
    {
        var trimmed = (text ?? "").Trim();
        if (trimmed.Length == 0)
            return (null, null);
        if (trimmed.Length > MaxLength)
            return (null, "too_long");
        if (!Uri.TryCreate(trimmed, UriKind.Absolute, out var url) || url.HostNameType is UriHostNameType.Unknown || string.IsNullOrEmpty(url.Host))
            return (null, "webhook_url");
        var local = url.IsLoopback;
        if (!(url.Scheme == Uri.UriSchemeHttps || (url.Scheme == Uri.UriSchemeHttp && allowHttp && local)))
            return (null, "webhook_https");
        if (url.UserInfo.Length > 0)
            return (null, "webhook_userinfo");
        if (url.Fragment.Length > 0 || trimmed.Contains('#', StringComparison.Ordinal))
            return (null, "webhook_fragment");
        if (!allowHttp)
        {
            IPAddress[] addresses;
            try
            {
                addresses = await ResolveAsync(url.IdnHost, cancellationToken);
            }
            catch (SocketException)
            {
                return (null, "webhook_unresolved");
            }
            if (addresses.Length == 0)
                return (null, "webhook_unresolved");
            if (addresses.Any(a => !IsPublic(a)))
                return (null, "webhook_private");
        }
        return (url.AbsoluteUri, null);
    }

    private static Task<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken) =>
        IPAddress.TryParse(host.Trim('[', ']'), out var literal) ? Task.FromResult(new[] { literal }) : Dns.GetHostAddressesAsync(host, cancellationToken);

    /// <summary>Whether <paramref name="address"/> is on the public internet: not loopback, link-local, private (RFC 1918, ULA), shared (RFC 6598), unspecified or multicast.</summary>
    public static bool IsPublic(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.IsIPv4MappedToIPv6)
            address = address.MapToIPv4();
        if (IPAddress.IsLoopback(address) || address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any) || address.Equals(IPAddress.Broadcast))
            return false;
        if (address.AddressFamily == AddressFamily.InterNetworkV6)
            return !(address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6Multicast || address.IsIPv6UniqueLocal);
        var b = address.GetAddressBytes();
        return !(b[0] == 0 || b[0] == 10 || b[0] == 127 || b[0] >= 224
            || (b[0] == 169 && b[1] == 254)
            || (b[0] == 172 && b[1] >= 16 && b[1] <= 31)
            || (b[0] == 192 && b[1] == 168)
            || (b[0] == 100 && b[1] >= 64 && b[1] <= 127));
    }

    /// <summary>
    /// The connection of a push: the name resolved now, and refused when it points anywhere but the public internet (unless
    /// <paramref name="allowPrivate"/>), so a name changed after the check cannot reach the ministry's network either.
    /// </summary>
    public static async ValueTask<Stream> ConnectAsync(DnsEndPoint endPoint, bool allowPrivate, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(endPoint);
        var addresses = await ResolveAsync(endPoint.Host, cancellationToken);
        var allowed = addresses.Where(a => allowPrivate || IsPublic(a)).ToList();
        if (allowed.Count == 0)
            throw new HttpRequestException(addresses.Length == 0 ? "the address does not resolve" : "the address resolves to a non-public network: refused");
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync([.. allowed], endPoint.Port, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
