using System.Security.Cryptography;
using System.Text;
using Microsoft.JSInterop;

namespace EmploymentProcedures.Host.Components.Shared;

/// <summary>
/// The keys under which <c>js/keep.js</c> keeps a long text being written (<c>textarea data-keep="..."</c>) in the
/// tab's storage until it is sent, so that a lost connection and a reload lose none of it.
/// </summary>
internal static class KeptText
{
    /// <summary>
    /// The key of one text: its purpose, the application and the writer (a hash of their id, so that another person in
    /// the same tab never gets it back, and no id is written in the page).
    /// </summary>
    public static string Key(string purpose, Guid applicationId, string userId) =>
        $"{purpose}:{applicationId:N}:{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(userId)))[..16]}";

    /// <summary>Forgets a text once it was sent. A circuit already gone has nothing to forget in.</summary>
    public static async Task ForgetAsync(IJSRuntime js, string key)
    {
        try
        {
            await js.InvokeVoidAsync("keep.forget", key);
        }
        catch (Exception e) when (e is JSDisconnectedException or JSException or TaskCanceledException or InvalidOperationException)
        {
            // Nothing to do: the next page's textarea is empty, and the kept text goes when it is sent or the tab closes.
        }
    }
}
