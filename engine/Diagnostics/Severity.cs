namespace EmploymentProcedures.Engine.Diagnostics;

public enum Severity
{
    Warning,
    Error,
}
