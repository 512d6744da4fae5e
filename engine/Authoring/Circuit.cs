using EmploymentProcedures.Engine.Definitions;
using EmploymentProcedures.Engine.Workflow;

namespace EmploymentProcedures.Engine.Authoring;

public enum CircuitNodeKind
{
    /// <summary>The submission, where the circuit and the legal clock start.</summary>
    Start,

    /// <summary>A step's <c>when:</c>: the step runs when it holds, and is skipped otherwise.</summary>
    Condition,

    Step,

    /// <summary>An end state: approved or acknowledged, rejected, or the outcome of silence at the legal deadline.</summary>
    End,
}

public enum CircuitEdgeKind
{
    /// <summary>Submitting, or closing a step (approve, acknowledge, a parallel step's quorum): on to what comes next.</summary>
    Next,

    /// <summary>From a condition to its step.</summary>
    Holds,

    /// <summary>From a condition past its step.</summary>
    Skipped,

    Reject,

    /// <summary>A request for changes: back to the applicant, then to the same step.</summary>
    ChangesRequested,

    /// <summary>Back to an earlier step (the one before, unless the reviewer picks another).</summary>
    Return,

    /// <summary>The legal deadline passing without a decision, when the procedure says what silence means.</summary>
    Deadline,
}

/// <summary>
/// One place of the circuit, its texts already in the diagram's language. Ids: <c>start</c>,
/// <c>when.&lt;step&gt;</c>, <c>steps.&lt;step&gt;</c>, <c>end.approved</c> (or <c>end.acknowledged</c>,
/// <c>end.approved-or-acknowledged</c>), <c>end.rejected</c>, <c>end.deadline</c>.
/// </summary>
public sealed record CircuitNode
{
    public required string Id { get; init; }
    public required CircuitNodeKind Kind { get; init; }

    /// <summary>The step's title (its id when it has none), the condition, or the start or end state in words.</summary>
    public required string Label { get; init; }

    public string? StepId { get; init; }

    /// <summary>The roles that act on a step (several for a parallel step).</summary>
    public IReadOnlyList<string> Roles { get; init; } = [];

    /// <summary>"Rôle : Agent du guichet", or the parallel roles and how many approvals close the step.</summary>
    public string? RoleText { get; init; }

    public int? Quorum { get; init; }

    /// <summary>The step's <c>when:</c> as written (on the condition and on its step).</summary>
    public string? Expression { get; init; }

    /// <summary>The step's deadline in words, or for the start the legal deadline.</summary>
    public string? DeadlineText { get; init; }

    public IReadOnlyList<StepAction> Actions { get; init; } = [];
    public string? ActionsText { get; init; }

    /// <summary>For an end: the statuses an application ends with there.</summary>
    public IReadOnlyList<ApplicationStatus> Outcomes { get; init; } = [];
}

/// <summary>A way from one node to another, with its label in the diagram's language.</summary>
public sealed record CircuitEdge(string From, string To, CircuitEdgeKind Kind, string Label);

/// <summary>
/// The approval circuit of a definition's <c>steps:</c> as nodes and edges, in one language: what the SVG
/// draws and what the designer lists for screen readers.
/// </summary>
/// <param name="Summary">The circuit in one or two sentences (the SVG's description).</param>
public sealed record Circuit(string ProcedureId, string Language, string Title, string Summary, IReadOnlyList<CircuitNode> Nodes, IReadOnlyList<CircuitEdge> Edges)
{
    /// <summary>The circuit of <paramref name="definition"/>, from its <c>steps:</c>, its legal deadline and <c>on_deadline</c>.</summary>
    /// <param name="roles">The library's roles (<c>roles.yaml</c>), for their labels; a role it lacks shows its id.</param>
    /// <param name="language"><c>fr</c>, <c>ar</c> or <c>en</c> (French for any other).</param>
    public static Circuit Of(ProcedureDefinition definition, IReadOnlyDictionary<string, RoleDefinition> roles, string language)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(roles);
        ArgumentNullException.ThrowIfNull(language);
        return CircuitBuilder.Build(definition, roles, language);
    }

    /// <summary>The circuit drawn as SVG: accessible (<c>role="img"</c>, title, description), mirrored for Arabic, deterministic.</summary>
    public string ToSvg() => CircuitSvg.Render(this);

    public bool RightToLeft => Language == "ar";

    public CircuitNode Node(string id) => Nodes.First(n => n.Id == id);

    public IEnumerable<CircuitEdge> From(string id) => Edges.Where(e => e.From == id);
}
