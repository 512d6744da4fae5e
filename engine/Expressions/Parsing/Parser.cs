using System.Globalization;
using EmploymentProcedures.Engine.Diagnostics;
using EmploymentProcedures.Engine.Expressions.Syntax;

namespace EmploymentProcedures.Engine.Expressions.Parsing;

/// <summary>
/// Recursive descent over the tokens, one method per precedence level (low to high):
/// or, and, not, comparisons and in (non-associative), + -, * /, unary -, primary.
/// Stops at the first error; nesting is bounded by <see cref="ExpressionLimits.MaxDepth"/>.
/// </summary>
internal sealed class Parser
{
    private readonly List<Token> _tokens;
    private readonly SourceMap _map;
    private readonly ICollection<Diagnostic> _diagnostics;
    private int _position;
    private int _depth;
    private bool _failed;

    private Parser(List<Token> tokens, SourceMap map, ICollection<Diagnostic> diagnostics)
    {
        _tokens = tokens;
        _map = map;
        _diagnostics = diagnostics;
    }

    private Token Current => _tokens[_position];

    /// <summary>The syntax tree, or null after reporting an error.</summary>
    public static ExpressionSyntax? Parse(string text, SourceMap map, ICollection<Diagnostic> diagnostics)
    {
        var tokens = Lexer.Tokenize(text, map, diagnostics);
        if (tokens is null)
            return null;

        var parser = new Parser(tokens, map, diagnostics);
        var expression = parser.ParseOr();
        if (!parser._failed && parser.Current.Kind != TokenKind.End)
            parser.Fail("an operator or the end of the expression", Hint(parser.Current));
        return parser._failed ? null : expression;
    }

    private static string Hint(Token token) => token.Kind switch
    {
        TokenKind.Identifier or TokenKind.Number or TokenKind.Text or TokenKind.Date =>
            "; join conditions with 'and' or 'or', and separate arguments with ','",
        _ => "",
    };

    private ExpressionSyntax ParseOr()
    {
        var left = ParseAnd();
        while (!_failed && Current.Kind == TokenKind.Or)
        {
            var op = Advance();
            left = new BinarySyntax(op, left, ParseAnd());
        }
        return left;
    }

    private ExpressionSyntax ParseAnd()
    {
        var left = ParseNot();
        while (!_failed && Current.Kind == TokenKind.And)
        {
            var op = Advance();
            left = new BinarySyntax(op, left, ParseNot());
        }
        return left;
    }

    private ExpressionSyntax ParseNot()
    {
        if (Current.Kind != TokenKind.Not)
            return ParseComparison();

        var op = Advance();
        if (!Enter())
            return Error(op);
        var operand = ParseNot();
        _depth--;
        return new UnarySyntax(TokenKind.Not, operand, op.Start, operand.End);
    }

    private ExpressionSyntax ParseComparison()
    {
        var left = ParseAdditive();
        if (_failed || !IsComparison(Current.Kind))
            return left;

        var op = Advance();
        var comparison = new BinarySyntax(op, left, ParseAdditive());
        if (!_failed && IsComparison(Current.Kind))
            Fail("'and' or 'or' between two comparisons", "; comparisons cannot be chained, write 'a < b and b < c'");
        return comparison;
    }

    private static bool IsComparison(TokenKind kind) => kind is TokenKind.Equal or TokenKind.NotEqual or TokenKind.Less
        or TokenKind.LessOrEqual or TokenKind.Greater or TokenKind.GreaterOrEqual or TokenKind.In;

    private ExpressionSyntax ParseAdditive()
    {
        var left = ParseMultiplicative();
        while (!_failed && Current.Kind is TokenKind.Plus or TokenKind.Minus)
        {
            var op = Advance();
            left = new BinarySyntax(op, left, ParseMultiplicative());
        }
        return left;
    }

    private ExpressionSyntax ParseMultiplicative()
    {
        var left = ParseUnary();
        while (!_failed && Current.Kind is TokenKind.Star or TokenKind.Slash)
        {
            var op = Advance();
            left = new BinarySyntax(op, left, ParseUnary());
        }
        return left;
    }

    private ExpressionSyntax ParseUnary()
    {
        if (Current.Kind != TokenKind.Minus)
            return ParsePrimary();

        var op = Advance();
        if (!Enter())
            return Error(op);
        var operand = ParseUnary();
        _depth--;
        return new UnarySyntax(TokenKind.Minus, operand, op.Start, operand.End);
    }

    private ExpressionSyntax ParsePrimary()
    {
        var token = Current;
        switch (token.Kind)
        {
            case TokenKind.Number:
                Advance();
                if (decimal.TryParse(token.Text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
                    return new LiteralSyntax(Value.From(number), token.Start, token.End);
                return InvalidLiteral(token, "number", "it is too large");
            case TokenKind.Date:
                Advance();
                if (token.Length == 10 && DateOnly.TryParseExact(token.Text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                    return new LiteralSyntax(Value.From(date), token.Start, token.End);
                return InvalidLiteral(token, "date", "write dates as YYYY-MM-DD, with a month and day that exist");
            case TokenKind.Text:
                Advance();
                return new LiteralSyntax(Value.From(token.Text), token.Start, token.End);
            case TokenKind.True or TokenKind.False:
                Advance();
                return new LiteralSyntax(Value.From(token.Kind == TokenKind.True), token.Start, token.End);
            case TokenKind.Null:
                Advance();
                return new LiteralSyntax(Value.Null, token.Start, token.End);
            case TokenKind.Identifier:
                return ParseName();
            case TokenKind.OpenParen:
                Advance();
                if (!Enter())
                    return Error(token);
                var inner = ParseOr();
                _depth--;
                var close = Current;
                Expect(TokenKind.CloseParen, "')' to close the '(' opened earlier");
                return inner with { Start = token.Start, End = close.End };
            case TokenKind.OpenBracket:
                Advance();
                if (!Enter())
                    return Error(token);
                var items = ParseList(TokenKind.CloseBracket, "']' to close the list");
                _depth--;
                return new ListSyntax(items, token.Start, _tokens[_position - 1].End);
            default:
                Fail("a value, a field name or '('", "");
                return Error(token);
        }
    }

    private ExpressionSyntax ParseName()
    {
        var first = Advance();
        if (Current.Kind == TokenKind.OpenParen)
        {
            Advance();
            if (!Enter())
                return Error(first);
            var arguments = ParseList(TokenKind.CloseParen, $"',' or ')' to close the call to '{first.Text}'");
            _depth--;
            return new CallSyntax(first.Text, arguments, first.Start, _tokens[_position - 1].End);
        }

        var segments = new List<string> { first.Text };
        var starts = new List<int> { first.Start };
        while (!_failed && Current.Kind == TokenKind.Dot)
        {
            Advance();
            var member = Current;
            if (!Expect(TokenKind.Identifier, "a member name after '.'"))
                break;
            segments.Add(member.Text);
            starts.Add(member.Start);
        }
        return new ReferenceSyntax(segments, starts, first.Start, _tokens[_position - 1].End);
    }

    /// <summary>Comma-separated expressions up to <paramref name="close"/>, which is consumed.</summary>
    private List<ExpressionSyntax> ParseList(TokenKind close, string expected)
    {
        var items = new List<ExpressionSyntax>();
        if (Current.Kind == close)
        {
            Advance();
            return items;
        }
        while (!_failed)
        {
            items.Add(ParseOr());
            if (_failed)
                break;
            if (Current.Kind == TokenKind.Comma)
            {
                Advance();
                continue;
            }
            Expect(close, expected);
            break;
        }
        return items;
    }

    private bool Enter()
    {
        if (++_depth <= ExpressionLimits.MaxDepth)
            return true;
        if (!_failed)
        {
            _failed = true;
            _diagnostics.Add(DiagnosticCodes.ExpressionTooComplex.At(
                _map.At(_tokens[_position - 1].Start), "deeply nested", $"{ExpressionLimits.MaxDepth} levels of parentheses, calls, lists and prefix operators"));
        }
        return false;
    }

    private LiteralSyntax InvalidLiteral(Token token, string kind, string reason)
    {
        _failed = true;
        _diagnostics.Add(DiagnosticCodes.ExpressionInvalidLiteral.At(_map.At(token.Start), kind, token.Text, reason));
        return Error(token);
    }

    private static LiteralSyntax Error(Token token) => new(Value.Null, token.Start, token.End);

    private Token Advance()
    {
        var token = Current;
        if (_position < _tokens.Count - 1)
            _position++;
        return token;
    }

    private bool Expect(TokenKind kind, string expected)
    {
        if (!_failed && Current.Kind == kind)
        {
            Advance();
            return true;
        }
        Fail(expected, "");
        return false;
    }

    private void Fail(string expected, string hint)
    {
        if (_failed)
            return;
        _failed = true;
        _diagnostics.Add(DiagnosticCodes.ExpressionSyntax.At(_map.At(Current.Start), expected, Current.Describe(), hint));
    }
}
