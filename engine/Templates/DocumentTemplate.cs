using Scriban;

namespace EmploymentProcedures.Engine.Templates;

/// <summary>One language version of a letter, parsed once; <paramref name="HasErrors"/> templates are never rendered.</summary>
internal sealed record DocumentTemplate(string Name, string Language, string Path, Template Parsed, bool HasErrors);
