using AngleSharp.Dom;
using EmploymentProcedures.Engine.Workflow;
using EmploymentProcedures.Host.Localization;
using EmploymentProcedures.Host.Tests.MyApplications;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace EmploymentProcedures.Host.Tests.Reviewing;

/// <summary>The reviewers' pages under bUnit: a context at an address (its query string is the page's filter), and their texts.</summary>
internal static class ReviewerPage
{
    public static PageContext At(LivePortal portal, Actor actor, string address, Language? language = null)
    {
        var context = new PageContext(portal, actor, language);
        context.Services.GetRequiredService<NavigationManager>().NavigateTo(address);
        return context;
    }

    /// <summary>An element's text with its white space collapsed (and the non-breaking spaces numbers use made plain).</summary>
    public static string Text(IElement element) =>
        string.Join(' ', element.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).Replace('\u202F', ' ').Replace('\u00A0', ' ');
}
