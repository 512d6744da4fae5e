using EmploymentProcedures.Engine.Diagnostics;
using EmploymentProcedures.Engine.Expressions.Parsing;
using EmploymentProcedures.Engine.Expressions.Runtime;
using EmploymentProcedures.Engine.Expressions.Syntax;

namespace EmploymentProcedures.Engine.Expressions.Binding;

/// <summary>
/// Type-checks a syntax tree against a scope and builds the evaluation tree. Reports every error it finds;
/// an expression with an error gets type <see cref="ExprType.Any"/> so that it does not cause more errors.
/// </summary>
internal sealed partial class Binder(string text, SourceMap map, IExpressionScope scope, ICollection<Diagnostic> diagnostics)
{
    private static readonly Node NullNode = new ConstantNode(Value.Null);

    /// <summary>Row scopes of the group functions being bound, innermost last; null for a group of unknown type.</summary>
    private readonly List<IReadOnlyDictionary<string, ExprType>?> _rows = [];
    private readonly List<IReadOnlyList<string>> _references = [];

    public bool HasErrors { get; private set; }

    /// <summary>Outer-scope field paths read by the expression, each once, in order of appearance.</summary>
    public IReadOnlyList<IReadOnlyList<string>> References => _references;

    public Bound Bind(ExpressionSyntax syntax) => syntax switch
    {
        LiteralSyntax literal => new Bound(TypeOf(literal.Value), new ConstantNode(literal.Value)),
        ReferenceSyntax reference => BindReference(reference),
        UnarySyntax unary => BindUnary(unary),
        BinarySyntax binary => BindBinary(binary),
        CallSyntax call => BindCall(call),
        ListSyntax list => BindList(list),
        _ => throw new InvalidOperationException($"No binding for {syntax.GetType().Name}."),
    };

    private static ExprType TypeOf(Value value) => value.Kind switch
    {
        TypeKind.Boolean => ExprType.Boolean,
        TypeKind.Number => ExprType.Number,
        TypeKind.Text => ExprType.Text,
        TypeKind.Date => ExprType.Date,
        _ => ExprType.Null,
    };

    private Bound BindReference(ReferenceSyntax reference)
    {
        var name = reference.Segments[0];
        if (Resolve(name) is not { } resolved)
        {
            Report(DiagnosticCodes.ExpressionUnknownField, reference.Start, name, Suggestions.DidYouMean(name, VisibleNames()));
            return Unknown();
        }

        var (type, distance) = resolved;
        for (var i = 1; i < reference.Segments.Count && type.Kind != TypeKind.Any; i++)
        {
            var path = string.Join('.', reference.Segments.Take(i));
            var member = reference.Segments[i];
            if (type.Kind != TypeKind.Record)
            {
                var fix = type.Kind == TypeKind.Group
                    ? $" of rows; use count({path}), sum({path}, ...), any({path}, ...) or all({path}, ...) to read its rows"
                    : "; only records have members";
                Report(DiagnosticCodes.ExpressionNoMembers, reference.Starts[i], path, type.ToString(), fix);
                return Unknown();
            }
            if (!type.Members.TryGetValue(member, out var memberType))
            {
                var hint = Suggestions.DidYouMean(member, type.Members.Keys);
                if (hint.Length == 0)
                    hint = $"; its members are {string.Join(", ", type.Members.Keys.Order(StringComparer.Ordinal))}";
                Report(DiagnosticCodes.ExpressionUnknownMember, reference.Starts[i], path, member, hint);
                return Unknown();
            }
            type = memberType;
        }

        if (distance == _rows.Count)
            AddReference(reference.Segments);
        return new Bound(type, new FieldNode(distance, name, reference.Segments.Skip(1).ToArray()));
    }

    /// <summary>
    /// The type of a name and how many frames out it lives at run time: 0 for the innermost row,
    /// and the number of open row scopes for an outer field.
    /// </summary>
    private (ExprType Type, int Distance)? Resolve(string name)
    {
        for (var i = _rows.Count - 1; i >= 0; i--)
        {
            var distance = _rows.Count - 1 - i;
            if (_rows[i] is not { } members)
                return (ExprType.Any, distance);
            if (members.TryGetValue(name, out var member))
                return (member, distance);
        }
        return scope.Lookup(name) is { } type ? (type, _rows.Count) : null;
    }

    private IEnumerable<string> VisibleNames() =>
        _rows.Where(row => row is not null).SelectMany(row => row!.Keys).Concat(scope.Names);

    private void AddReference(IReadOnlyList<string> path)
    {
        if (!_references.Any(existing => existing.SequenceEqual(path, StringComparer.Ordinal)))
            _references.Add(path.ToArray());
    }

    private Bound BindUnary(UnarySyntax unary)
    {
        var operand = Bind(unary.Operand);
        if (unary.Operator == TokenKind.Not)
        {
            RequireOperand("not", operand.Type, TypeKind.Boolean, "a true/false value", unary.Operand);
            return new Bound(ExprType.Boolean, new NotNode(operand.Node));
        }
        RequireOperand("-", operand.Type, TypeKind.Number, "a number", unary.Operand);
        return new Bound(ExprType.Number, new NegateNode(operand.Node));
    }

    private Bound BindBinary(BinarySyntax binary)
    {
        var left = Bind(binary.Left);
        var right = Bind(binary.Right);
        var op = binary.Operator;
        switch (op.Kind)
        {
            case TokenKind.And or TokenKind.Or:
                RequireOperand(op.Text, left.Type, TypeKind.Boolean, "true/false values", binary.Left);
                RequireOperand(op.Text, right.Type, TypeKind.Boolean, "true/false values", binary.Right);
                return new Bound(ExprType.Boolean, new LogicalNode(op.Kind == TokenKind.And, left.Node, right.Node));

            case TokenKind.Plus or TokenKind.Minus or TokenKind.Star or TokenKind.Slash:
                var needs = left.Type.Kind == TypeKind.Date || right.Type.Kind == TypeKind.Date
                    ? "numbers (for dates use add_days, add_months or days_between)"
                    : "numbers";
                if (RequireOperand(op.Text, left.Type, TypeKind.Number, needs, binary.Left))
                    RequireOperand(op.Text, right.Type, TypeKind.Number, needs, binary.Right);
                return new Bound(ExprType.Number, new ArithmeticNode(op.Kind, left.Node, right.Node));

            case TokenKind.Equal or TokenKind.NotEqual:
                if (!left.Type.IsCompatibleWith(right.Type))
                    ReportComparison(binary, left.Type, right.Type, "; both sides must have the same type");
                return new Bound(ExprType.Boolean, new ComparisonNode(op.Kind, left.Node, right.Node));

            case TokenKind.In:
                return BindIn(binary, left, right);

            default:
                if (!IsOrdered(left.Type, right.Type))
                {
                    var hint = (left.Type.Kind, right.Type.Kind) is (TypeKind.Date, TypeKind.Number) or (TypeKind.Number, TypeKind.Date)
                        ? "; compare a date with a date (such as 2026-01-05 or add_days(today(), 30)), or turn it into a number with age, year or days_between"
                        : $"; '{op.Text}' compares two numbers or two dates";
                    ReportComparison(binary, left.Type, right.Type, hint);
                }
                return new Bound(ExprType.Boolean, new ComparisonNode(op.Kind, left.Node, right.Node));
        }
    }

    private static bool IsOrdered(ExprType left, ExprType right)
    {
        static bool Orderable(TypeKind kind) => kind is TypeKind.Number or TypeKind.Date or TypeKind.Null or TypeKind.Any;
        return Orderable(left.Kind) && Orderable(right.Kind) && left.IsCompatibleWith(right);
    }

    private Bound BindIn(BinarySyntax binary, Bound left, Bound right)
    {
        var node = new Bound(ExprType.Boolean, new InNode(left.Node, right.Node));
        if (right.Type.Kind is TypeKind.Any or TypeKind.Null)
            return node;
        if (right.Type.Kind != TypeKind.List)
        {
            Report(DiagnosticCodes.ExpressionOperandType, binary.Right.Start, "in", "a list on its right, such as [\"a\", \"b\"] or a multiple-choice field",
                Describe(binary.Right), WithArticle(right.Type));
            return node;
        }
        if (!left.Type.IsCompatibleWith(right.Type.Element!))
            ReportComparison(binary, left.Type, right.Type, $"; the value must have the type of the list's items ({right.Type.Element})");
        return node;
    }

    private Bound BindList(ListSyntax list)
    {
        var nodes = new Node[list.Items.Count];
        ExprType? element = null;
        for (var i = 0; i < nodes.Length; i++)
        {
            var item = Bind(list.Items[i]);
            nodes[i] = item.Node;
            if (item.Type.Kind is TypeKind.Null or TypeKind.Any)
                continue;
            if (element is null)
                element = item.Type;
            else if (!item.Type.IsCompatibleWith(element))
                Report(DiagnosticCodes.ExpressionListElementType, list.Items[i].Start, Describe(list.Items[i]), WithArticle(item.Type), WithArticle(element));
        }
        return new Bound(ExprType.ListOf(element ?? ExprType.Any), new ListNode(nodes));
    }

    /// <summary>Reports an operand whose type is not <paramref name="kind"/> (null and unknown are accepted).</summary>
    private bool RequireOperand(string op, ExprType actual, TypeKind kind, string needs, ExpressionSyntax operand)
    {
        if (actual.Kind == kind || actual.Kind is TypeKind.Null or TypeKind.Any)
            return true;
        Report(DiagnosticCodes.ExpressionOperandType, operand.Start, op, needs, Describe(operand), WithArticle(actual));
        return false;
    }

    private void ReportComparison(BinarySyntax binary, ExprType left, ExprType right, string hint) =>
        Report(DiagnosticCodes.ExpressionComparisonMismatch, binary.Operator.Start,
            $"{left} {Describe(binary.Left)}", $"{right} {Describe(binary.Right)}", binary.Operator.Text, hint);

    /// <summary>How an operand is named in a message: a literal as written, anything else quoted.</summary>
    private string Describe(ExpressionSyntax syntax)
    {
        var source = text[syntax.Start..syntax.End];
        return syntax is LiteralSyntax ? source : $"'{source}'";
    }

    private static string WithArticle(ExprType type) => type.WithArticle();

    private static Bound Unknown() => new(ExprType.Any, NullNode);

    private void Report(DiagnosticDescriptor descriptor, int offset, params object?[] args)
    {
        HasErrors = true;
        diagnostics.Add(descriptor.At(map.At(offset), args));
    }
}
