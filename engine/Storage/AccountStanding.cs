using EmploymentProcedures.Engine.Workflow;

namespace EmploymentProcedures.Engine.Storage;

/// <summary>
/// Whether the person an <see cref="Actor"/> stands for may still act: the accounts are the host's, so the host answers
/// (closed, deactivated). <see cref="Applications"/> asks it at the time of each command a person sends, not when their page
/// or session began: a page left open after the account was closed or deactivated, in another tab or by an administrator,
/// changes nothing more. Never asked for <see cref="Actor.System"/>.
/// </summary>
public interface IAccountStanding
{
    /// <summary>True while the account behind <paramref name="actor"/> exists and is neither closed nor deactivated.</summary>
    Task<bool> IsActiveAsync(Actor actor, CancellationToken cancellationToken = default);
}
