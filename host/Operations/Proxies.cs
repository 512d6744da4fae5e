using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace EmploymentProcedures.Host.Operations;

/// <summary>
/// The reverse proxy in front of the portal (<see cref="PortalOptions.TrustedProxies"/>): from those addresses only, the
/// portal believes <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c>, so that the sign-in limits count the person's
/// address rather than the proxy's, and the cookies are <c>Secure</c> when the person reached the proxy over HTTPS.
/// From anyone else these headers are ignored: a client cannot pose as another address or as HTTPS.
/// </summary>
internal static class Proxies
{
    public static void Configure(ForwardedHeadersOptions options, IReadOnlyCollection<string> trusted)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(trusted);
        options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
        // One proxy: the last address it appends is the person's; anything before it was written by the client.
        options.ForwardLimit = 1;
        options.KnownProxies.Clear();
        options.KnownIPNetworks.Clear();
        foreach (var entry in trusted)
        {
            if (IPAddress.TryParse(entry, out var address))
                options.KnownProxies.Add(address);
            else if (System.Net.IPNetwork.TryParse(entry, out var network))
                options.KnownIPNetworks.Add(network);
            else
                throw new InvalidOperationException($"Portal:TrustedProxies: '{entry}' is neither an IP address (10.0.0.5) nor a network (10.0.0.0/24)");
        }
    }
}
