using System.Text.RegularExpressions;

namespace EmploymentProcedures.Engine.Expressions.Runtime;

/// <summary><c>matches(text, "pattern")</c> with a regex compiled once; a timeout counts as no match.</summary>
internal sealed class MatchesNode(Node text, Regex regex) : Node
{
    public override Value Evaluate(Frame frame)
    {
        if (text.Evaluate(frame).AsText is not { } value)
            return Value.False;
        try
        {
            return Value.From(regex.IsMatch(value));
        }
        catch (RegexMatchTimeoutException)
        {
            return Value.False;
        }
    }
}
