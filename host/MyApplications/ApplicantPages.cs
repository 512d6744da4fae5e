using Microsoft.AspNetCore.Components;

namespace EmploymentProcedures.Host.MyApplications;

/// <summary>
/// The addresses of an application's pages, relative to the base href: the detail page served here, and the
/// form (a draft, or the answer to a request for changes) and the receipt served by the applying pages.
/// </summary>
internal static class ApplicantPages
{
    public static string DetailUrl(Guid id) => $"applications/{id}";

    public static string FormUrl(Guid id) => $"applications/{id}/form";

    public static string ReceiptUrl(Guid id) => $"applications/{id}/receipt";

    /// <summary>
    /// Sends a visitor who is not signed in to the sign-in page, and back here afterwards. A first request is
    /// already redirected by the pages' <c>[Authorize]</c>; this covers a navigation inside a running circuit.
    /// </summary>
    public static void SignIn(NavigationManager navigation)
    {
        ArgumentNullException.ThrowIfNull(navigation);
        var here = "/" + navigation.ToBaseRelativePath(navigation.Uri);
        navigation.NavigateTo("account/sign-in?returnUrl=" + Uri.EscapeDataString(here), forceLoad: true);
    }
}
