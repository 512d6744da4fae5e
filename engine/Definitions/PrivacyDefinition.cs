using EmploymentProcedures.Engine.Diagnostics;

namespace EmploymentProcedures.Engine.Definitions;

/// <summary>
/// A procedure's <c>privacy:</c> block: what law 09-08 asks a processing of personal data to declare and to tell
/// the person when their data is collected. The linter requires the purpose and a retention of 1 to 50 years, so on a
/// definition without errors <see cref="Purpose"/> and <see cref="Retention"/> are set.
/// </summary>
public sealed record PrivacyDefinition
{
    /// <summary>What the data is used for (instructing the request, issuing the decision, the ministry's statistics...).</summary>
    public LocalizedText? Purpose { get; init; }

    /// <summary>Which services and authorities receive the data.</summary>
    public LocalizedText? Recipients { get; init; }

    /// <summary>How long a closed application (decided, withdrawn or otherwise finished) is kept before its personal data is erased.</summary>
    public RetentionPeriod? Retention { get; init; }

    /// <summary>The retention as written, kept to name it when it does not parse.</summary>
    public string? RetentionText { get; init; }

    /// <summary>Where the retention's text is written (the block itself when it is absent).</summary>
    public SourceSpan RetentionSpan { get; init; }

    /// <summary>The reference of the processing's declaration or authorisation with the CNDP, once there is one.</summary>
    public string? Cndp { get; init; }

    public required SourceSpan Span { get; init; }
}
