using Scriban.Runtime;

namespace EmploymentProcedures.Engine.Templates;

/// <summary>What a name in a template holds, for the load-time check of member paths (EP0502).</summary>
internal abstract record Shape
{
    /// <summary>A text, number or boolean: Scriban gives texts and lists a <c>size</c>, nothing else.</summary>
    public static readonly Shape Scalar = new ScalarShape();

    /// <summary>Anything: a value the checker cannot follow (a function's result); its members are not checked.</summary>
    public static readonly Shape Any = new AnyShape();

    public static Shape Of(object? value) => value switch
    {
        ScriptArray array => new ListShape(array.Count > 0 ? Of(array[0]) : Any),
        ScriptObject members => new RecordShape(members.ToDictionary(p => p.Key, p => Of(p.Value), StringComparer.Ordinal)),
        _ => Scalar,
    };
}

internal sealed record ScalarShape : Shape;

internal sealed record AnyShape : Shape;

internal sealed record ListShape(Shape Element) : Shape;

internal sealed record RecordShape(IReadOnlyDictionary<string, Shape> Members) : Shape;
