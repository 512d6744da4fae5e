using EmploymentProcedures.Engine.Definitions;

namespace EmploymentProcedures.Engine.Validation;

/// <summary>
/// When a section or field is shown and when it is required: one definition of both, used by the
/// validator, the form's live state and the pruning of hidden answers, so they can never disagree.
/// A condition holds only when it evaluates to <c>true</c>; null (an unanswered field) counts as false.
/// </summary>
internal static class Visibility
{
    public static bool Shows(SectionDefinition section, AnswerValues values) =>
        section.Visible is null || values.Evaluate(section.Visible).IsTrue;

    public static bool Shows(FieldDefinition field, AnswerValues values) =>
        field.Visible is null || values.Evaluate(field.Visible).IsTrue;

    public static bool Holds(Condition condition, AnswerValues values) =>
        condition.Expression is { } expression ? values.Evaluate(expression).IsTrue : condition.Constant;
}
