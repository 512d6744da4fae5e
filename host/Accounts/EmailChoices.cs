using EmploymentProcedures.Engine.Definitions;

namespace EmploymentProcedures.Host.Accounts;

/// <summary>
/// The e-mail choices (<see cref="EmailChoice"/>) a person is offered, by their names in forms and exports, and what
/// choosing one does to the daily summary's bookkeeping.
/// </summary>
internal static class EmailChoices
{
    private static readonly (EmailChoice Choice, string Name)[] Names =
    [
        (EmailChoice.EachNotification, "each"),
        (EmailChoice.DailySummary, "daily"),
        (EmailChoice.None, "none"),
    ];

    /// <summary><c>each</c>, <c>daily</c> or <c>none</c>: the form's values and <c>account.json</c>'s.</summary>
    public static string Name(EmailChoice choice) => Names.First(n => n.Choice == choice).Name;

    /// <summary>The choice a name stands for, or null for anything else (a forged form).</summary>
    public static EmailChoice? Parse(string? name) => Names.Where(n => n.Name == name).Select(n => (EmailChoice?)n.Choice).FirstOrDefault();

    /// <summary>
    /// Reviewers and staff choose among the three; an applicant's notifications are about their own file and must come at
    /// once, so they have each or none.
    /// </summary>
    public static bool MaySummarise(RoleKind? kind) => kind is RoleKind.Reviewer or RoleKind.Staff;

    /// <summary>
    /// Sets <paramref name="choice"/>. Choosing the summary (again) starts it after <paramref name="newest"/>, the newest
    /// notification now: those up to it are the per-notification dispatcher's, those after it the summaries'; so none is
    /// e-mailed twice or left out however the two run meanwhile.
    /// </summary>
    public static void Choose(Account account, EmailChoice choice, long newest)
    {
        ArgumentNullException.ThrowIfNull(account);
        if (choice == EmailChoice.DailySummary && account.Emails != EmailChoice.DailySummary)
            account.DigestFrom = newest;
        account.Emails = choice;
    }
}
