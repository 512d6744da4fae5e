namespace EmploymentProcedures.Engine.Deadlines;

/// <summary>Where an application stands against its deadline, for badges in the inbox and the timeline.</summary>
public enum DeadlineState
{
    /// <summary>The procedure or step has no deadline.</summary>
    None,

    /// <summary>More than the "due soon" threshold is left.</summary>
    OnTime,

    /// <summary>The due date is today or within the "due soon" threshold (2 business days by default).</summary>
    DueSoon,

    /// <summary>The due date has passed: today is after it.</summary>
    Overdue,

    /// <summary>Changes were requested and not yet resubmitted before the deadline ran out: the clock is stopped.</summary>
    Paused,
}
