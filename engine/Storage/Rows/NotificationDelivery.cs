namespace EmploymentProcedures.Engine.Storage.Rows;

/// <summary>
/// One person's e-mail of one notification, accepted (by the SMTP server, or written to the pickup folder). A notification
/// names several people when it goes to a role; when one of their e-mails is refused, or the server goes down partway,
/// the notification is tried again, and these rows say who must not get it a second time. They stay after the
/// notification is sent or set aside: who got it.
/// </summary>
internal sealed class NotificationDelivery
{
    public long NotificationId { get; set; }

    /// <summary>The account the e-mail was written to.</summary>
    public required string AccountId { get; set; }

    public DateTime AcceptedAt { get; set; }
}
