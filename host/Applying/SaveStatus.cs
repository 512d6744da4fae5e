using EmploymentProcedures.Engine.Workflow;

namespace EmploymentProcedures.Host.Applying;

/// <summary>Where the autosave of a draft stands, for the form's discreet status line.</summary>
internal enum SaveState
{
    /// <summary>Nothing changed since the draft was opened.</summary>
    Idle,

    /// <summary>A change waits for the pause that ends the typing (or for its turn).</summary>
    Pending,

    /// <summary>A change is being written.</summary>
    Saving,

    /// <summary>Everything shown is stored (committed): it survives a dropped connection, a closed tab and a restart.</summary>
    Saved,

    /// <summary>The last change is not stored yet (the service was busy or failed); it is tried again by itself.</summary>
    Failed,

    /// <summary>The draft was changed elsewhere (another tab or device): it was read again, the change made here was not stored.</summary>
    Reloaded,
}

/// <param name="SavedAt">When the draft was last stored from this page, in Morocco's time.</param>
/// <param name="Refusal">Why the last change was not stored (<see cref="SaveState.Failed"/>, <see cref="SaveState.Reloaded"/>); null for an unexpected failure.</param>
internal sealed record SaveStatus(SaveState State, DateTimeOffset? SavedAt = null, Refusal? Refusal = null)
{
    public static readonly SaveStatus Idle = new(SaveState.Idle);
}
