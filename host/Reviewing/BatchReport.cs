using EmploymentProcedures.Engine.Definitions;
using EmploymentProcedures.Engine.Storage;

namespace EmploymentProcedures.Host.Reviewing;

/// <summary>
/// What the inbox tells after a batch: the engine's result, and for adding or removing a label, the label's title as the
/// reviewer chose it (the engine's result names files, not the label).
/// </summary>
public sealed record BatchReport(BatchResult Result, LocalizedText? Label = null);
