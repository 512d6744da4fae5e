using EmploymentProcedures.Engine.Diagnostics;

namespace EmploymentProcedures.Engine.Definitions;

/// <summary>One page of the applicant's form.</summary>
public sealed record SectionDefinition
{
    public required string Id { get; init; }
    public LocalizedText? Title { get; init; }
    public LocalizedText? Help { get; init; }
    public ExpressionSource? Visible { get; init; }

    /// <summary>The fragment this section includes; its fields are then named <c>section.field</c>.</summary>
    public string? Include { get; init; }

    /// <summary>
    /// <c>carry:</c> as written on the section: <c>none</c> when the included fragment describes someone other than the
    /// applicant here (a host enterprise, another company's establishment). Null when not written.
    /// </summary>
    public string? Carry { get; init; }

    /// <summary>
    /// Whether a new draft fills this section from the applicant's previous application: it includes a fragment with
    /// <c>carry: applicant</c> and does not say <c>carry: none</c>. Only the fragment's own fields are carried.
    /// </summary>
    public bool Carried { get; init; }

    public IReadOnlyList<FieldDefinition> Fields { get; init; } = [];
    public required SourceSpan Span { get; init; }
}
