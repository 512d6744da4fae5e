namespace EmploymentProcedures.Engine.Expressions.Parsing;

/// <param name="Start">Offset of the first character in the expression text.</param>
/// <param name="Text">The source text of the token; for a text literal, the value without quotes or escapes.</param>
internal readonly record struct Token(TokenKind Kind, int Start, int Length, string Text)
{
    public int End => Start + Length;

    /// <summary>How the token is named in "expected … but found …".</summary>
    public string Describe() => Kind switch
    {
        TokenKind.End => "the end of the expression",
        TokenKind.Identifier => $"'{Text}'",
        TokenKind.Number => $"number {Text}",
        TokenKind.Text => $"text \"{Text}\"",
        TokenKind.Date => $"date {Text}",
        _ => $"'{Text}'",
    };
}
