namespace EmploymentProcedures.Engine.Expressions.Runtime;

internal enum GroupFunction
{
    Count,
    Any,
    All,
    Sum,
}
