namespace EmploymentProcedures.Engine.Expressions;

/// <summary>The kinds of values an expression works with.</summary>
/// <remarks><see cref="Any"/> stands for "unknown": it is compatible with everything, so one error does not cascade.</remarks>
public enum TypeKind
{
    Any,
    Null,
    Boolean,
    Number,
    Text,
    Date,
    List,
    Record,
    Group,
}
