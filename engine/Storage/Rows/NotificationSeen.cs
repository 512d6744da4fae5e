namespace EmploymentProcedures.Engine.Storage.Rows;

/// <summary>
/// How far one person has read their notifications: every notification they see with an id up to
/// <see cref="SeenUpTo"/> is seen. Kept per person, not per notification, so a notification to a role is new
/// for each of its reviewers until that reviewer has seen it, and reading costs one row per person.
/// </summary>
internal sealed class NotificationSeen
{
    public required string UserId { get; set; }
    public long SeenUpTo { get; set; }
}
