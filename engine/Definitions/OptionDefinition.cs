using EmploymentProcedures.Engine.Diagnostics;

namespace EmploymentProcedures.Engine.Definitions;

/// <param name="Parent">For hierarchical lists (a province's region).</param>
public sealed record OptionDefinition(string Value, LocalizedText Label, LocalizedText? Help, string? Parent, SourceSpan Span);
