using System.Text;
using EmploymentProcedures.Engine.Diagnostics;

namespace EmploymentProcedures.Engine.Expressions.Parsing;

/// <summary>Splits an expression into tokens; stops at the first malformed one.</summary>
internal static class Lexer
{
    private static readonly Dictionary<string, TokenKind> Keywords = new(StringComparer.Ordinal)
    {
        ["and"] = TokenKind.And,
        ["or"] = TokenKind.Or,
        ["not"] = TokenKind.Not,
        ["in"] = TokenKind.In,
        ["true"] = TokenKind.True,
        ["false"] = TokenKind.False,
        ["null"] = TokenKind.Null,
    };

    /// <summary>The tokens, ending with <see cref="TokenKind.End"/>; null after reporting an error.</summary>
    public static List<Token>? Tokenize(string text, SourceMap map, ICollection<Diagnostic> diagnostics)
    {
        var tokens = new List<Token>();
        var i = 0;
        while (true)
        {
            while (i < text.Length && char.IsWhiteSpace(text[i]))
                i++;
            if (i >= text.Length)
            {
                tokens.Add(new Token(TokenKind.End, text.Length, 0, ""));
                return tokens;
            }

            var c = text[i];
            LexError? error = null;
            var token = char.IsAsciiDigit(c) ? LexNumberOrDate(text, ref i)
                : char.IsAsciiLetter(c) || c == '_' ? LexName(text, ref i, out error)
                : c is '"' or '\'' ? LexText(text, ref i, out error)
                : LexSymbol(text, ref i, out error);

            if (token is not { } found)
            {
                var (offset, expected, actual) = error ?? new LexError(i, "an operator, a value or a name", $"'{c}'");
                diagnostics.Add(DiagnosticCodes.ExpressionSyntax.At(map.At(offset), expected, actual, ""));
                return null;
            }
            tokens.Add(found);
        }
    }

    private static Token LexNumberOrDate(string text, ref int i)
    {
        var start = i;
        SkipDigits(text, ref i);
        // digits-dash-digits-dash-digits is a date literal; the parser checks it is a real YYYY-MM-DD day.
        var afterFirst = i;
        if (IsDashDigits(text, i))
        {
            i++;
            SkipDigits(text, ref i);
            if (IsDashDigits(text, i))
            {
                i++;
                SkipDigits(text, ref i);
                return new Token(TokenKind.Date, start, i - start, text[start..i]);
            }
            i = afterFirst;
        }
        if (i + 1 < text.Length && text[i] == '.' && char.IsAsciiDigit(text[i + 1]))
        {
            i++;
            SkipDigits(text, ref i);
        }
        return new Token(TokenKind.Number, start, i - start, text[start..i]);
    }

    private static bool IsDashDigits(string text, int i) =>
        i + 1 < text.Length && text[i] == '-' && char.IsAsciiDigit(text[i + 1]);

    private static void SkipDigits(string text, ref int i)
    {
        while (i < text.Length && char.IsAsciiDigit(text[i]))
            i++;
    }

    private readonly record struct LexError(int Offset, string Expected, string Found);

    private static Token? LexName(string text, ref int i, out LexError? error)
    {
        var start = i;
        while (i < text.Length && (char.IsAsciiLetterOrDigit(text[i]) || text[i] == '_'))
            i++;
        var name = text[start..i];
        error = null;
        if (name.Any(char.IsAsciiLetterUpper))
        {
            error = new LexError(start, $"a lowercase name such as '{name.ToLowerInvariant()}'", $"'{name}'");
            return null;
        }
        var kind = Keywords.GetValueOrDefault(name, TokenKind.Identifier);
        return new Token(kind, start, i - start, name);
    }

    private static Token? LexText(string text, ref int i, out LexError? error)
    {
        var start = i;
        var quote = text[i++];
        var value = new StringBuilder();
        while (i < text.Length && text[i] != quote)
        {
            if (text[i] == '\\')
            {
                if (i + 1 < text.Length && text[i + 1] is '"' or '\'' or '\\')
                {
                    value.Append(text[i + 1]);
                    i += 2;
                    continue;
                }
                var escape = i + 1 < text.Length ? $"'\\{text[i + 1]}'" : "'\\' at the end";
                error = new LexError(i, "one of the escapes \\\", \\' or \\\\", escape);
                return null;
            }
            value.Append(text[i++]);
        }
        if (i >= text.Length)
        {
            error = new LexError(start, $"a closing {quote} for this text", "the end of the expression");
            return null;
        }
        i++;
        error = null;
        return new Token(TokenKind.Text, start, i - start, value.ToString());
    }

    private static Token? LexSymbol(string text, ref int i, out LexError? error)
    {
        var start = i;
        var next = i + 1 < text.Length ? text[i + 1] : '\0';
        error = null;
        (TokenKind Kind, int Length)? symbol = (text[i], next) switch
        {
            ('=', '=') => (TokenKind.Equal, 2),
            ('!', '=') => (TokenKind.NotEqual, 2),
            ('<', '=') => (TokenKind.LessOrEqual, 2),
            ('>', '=') => (TokenKind.GreaterOrEqual, 2),
            ('<', _) => (TokenKind.Less, 1),
            ('>', _) => (TokenKind.Greater, 1),
            ('(', _) => (TokenKind.OpenParen, 1),
            (')', _) => (TokenKind.CloseParen, 1),
            ('[', _) => (TokenKind.OpenBracket, 1),
            (']', _) => (TokenKind.CloseBracket, 1),
            (',', _) => (TokenKind.Comma, 1),
            ('.', _) => (TokenKind.Dot, 1),
            ('+', _) => (TokenKind.Plus, 1),
            ('-', _) => (TokenKind.Minus, 1),
            ('*', _) => (TokenKind.Star, 1),
            ('/', _) => (TokenKind.Slash, 1),
            _ => null,
        };
        if (symbol is not { } found)
        {
            var expected = (text[i], next) switch
            {
                ('=', _) => "'==' to compare",
                ('&', '&') => "'and'",
                ('|', '|') => "'or'",
                ('!', _) => "'not' or '!='",
                _ => "an operator, a value or a name",
            };
            var length = (text[i], next) is ('&', '&') or ('|', '|') ? 2 : 1;
            error = new LexError(start, expected, $"'{text.Substring(start, length)}'");
            return null;
        }
        i += found.Length;
        return new Token(found.Kind, start, found.Length, text[start..i]);
    }
}
