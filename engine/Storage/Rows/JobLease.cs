namespace EmploymentProcedures.Engine.Storage.Rows;

/// <summary>
/// Which host instance runs a periodic job, and until when: one row per job, taken and renewed by
/// <see cref="JobLeases"/>. A holder that crashed stops renewing it and another takes it once <see cref="Until"/> passes.
/// </summary>
internal sealed class JobLease
{
    /// <summary>The job's name (<c>deadline-sweep</c>...).</summary>
    public required string Job { get; set; }

    /// <summary>The instance and process holding it (<c>web-2/4711</c>).</summary>
    public required string Holder { get; set; }

    /// <summary>When the holder took it (renewals keep it): how long that instance has run the job.</summary>
    public DateTime TakenAt { get; set; }

    /// <summary>UTC; past it, the lease is free for any instance to take.</summary>
    public DateTime Until { get; set; }
}
