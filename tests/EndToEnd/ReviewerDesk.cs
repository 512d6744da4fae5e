using EmploymentProcedures.Designer.Forms;
using EmploymentProcedures.Engine.Deadlines;
using EmploymentProcedures.Engine.Definitions;
using EmploymentProcedures.Host.Localization;
using Microsoft.Playwright;

namespace EmploymentProcedures.EndToEnd;

/// <summary>
/// A reviewer signed in on a browser of their own, working on case pages (<c>/cases/{id}</c>) as a person would:
/// open the file, choose an action, fill the step's fields, record. Inputs are found by ids that do not depend on
/// the language: a step field's is <see cref="FieldIds"/>' with the decision panel's <c>step-</c> prefix.
/// </summary>
internal sealed record ReviewerDesk(IPage Page, string Name)
{
    public const string Password = "une phrase de passe 2026";

    /// <summary>A new account of <paramref name="role"/> covering <paramref name="province"/>, signed in on a fresh browser.</summary>
    public static async Task<ReviewerDesk> SignInAsync(PortalFixture portal, string role, string province, string? name = null, Language? language = null)
    {
        name ??= "Agent " + role + " " + Guid.NewGuid().ToString("N")[..6];
        var email = await portal.CreateAccountAsync(role, Password, language?.Code ?? "fr", name, [province]);
        var page = await portal.NewPageAsync(language);
        await Pages.SignInAsync(page, email, Password);
        return new ReviewerDesk(page, name);
    }

    /// <summary>Today in Rabat, as the portal's <c>today()</c> means it (step fields often may not be later).</summary>
    public static string Today => MoroccoTime.Today(MoroccoTime.Instance).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    public ILocator Panel => Page.Locator(".decision");

    public ILocator Decided => Panel.Locator("[role=status]");

    public ILocator Refused => Panel.Locator("[role=alert]").First;

    /// <summary>The actions offered, in order (the values of the decision radios).</summary>
    public ILocator Actions => Panel.Locator("input[name=decision-action]");

    /// <summary>Opens the file's case page and waits until its decision panel is live.</summary>
    public async Task OpenAsync(Guid id)
    {
        await Page.GotoAsync($"/cases/{id}");
        await Assertions.Expect(Panel).ToHaveAttributeAsync("data-live", "true");
    }

    /// <summary>The input of one of the current step's reviewer fields.</summary>
    public ILocator Field(string id) => Page.Locator("#step-" + FieldIds.For(id));

    /// <summary>One radio of a step field answered by radios (a boolean's <c>true</c>/<c>false</c>, a short choice's values).</summary>
    public ILocator Option(string id, string value) => Page.Locator($"input[name='step-{FieldIds.For(id)}'][value='{value}']");

    public Task ChooseAsync(StepAction action) => Panel.Locator($"input[name=decision-action][value={action}]").CheckAsync();

    public Task CommentAsync(string text) => Page.Locator("#decision-comment").FillAsync(text);

    public Task RecordAsync() => Panel.Locator("button[type=submit]").ClickAsync();

    /// <summary>Opens the file, takes <paramref name="action"/> with the step's <paramref name="fields"/> (typed into their inputs) and waits until it is recorded.</summary>
    public async Task DecideAsync(Guid id, StepAction action, string? comment = null, IReadOnlyDictionary<string, string>? fields = null)
    {
        await OpenAsync(id);
        await ChooseAsync(action);
        foreach (var (field, value) in fields ?? new Dictionary<string, string>())
            await Field(field).FillAsync(value);
        if (comment is not null)
            await CommentAsync(comment);
        await RecordAsync();
        await Assertions.Expect(Decided).ToBeVisibleAsync();
    }
}
