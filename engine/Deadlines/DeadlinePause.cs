namespace EmploymentProcedures.Engine.Deadlines;

/// <summary>
/// A time the deadline clock stands still: from the day changes are requested (<see cref="From"/>) to the day
/// the applicant resubmits (<see cref="To"/>), both included; the clock resumes the day after
/// <see cref="To"/>. <see cref="To"/> is null while the application still waits for the changes.
/// </summary>
public sealed record DeadlinePause(DateOnly From, DateOnly? To)
{
    /// <summary>Waiting for the applicant now.</summary>
    public bool IsOpen => To is null;
}
