using EmploymentProcedures.Engine.Expressions;

namespace EmploymentProcedures.Engine.Tests.Expressions;

public sealed class ValueTests
{
    [Fact]
    public void Value_Default_IsNull()
    {
        Assert.Equal(TypeKind.Null, default(Value).Kind);
        Assert.True(default(Value).IsNull);
        Assert.Equal(Value.Null, default);
        Assert.Equal(Value.Null, Value.From((string?)null));
        Assert.Equal(Value.Null, Value.From((decimal?)null));
        Assert.Equal(Value.Null, Value.Group(null));
    }

    [Fact]
    public void Value_Accessors_ReturnNullForAnotherKind()
    {
        var number = Value.From(3m);

        Assert.Equal(3m, number.AsNumber);
        Assert.Null(number.AsText);
        Assert.Null(number.AsDate);
        Assert.Null(number.AsBoolean);
        Assert.Null(number.AsList);
        Assert.Null(number.AsRecord);
        Assert.Null(number.AsRows);
        Assert.Equal(new DateOnly(2026, 1, 5), Value.From(new DateOnly(2026, 1, 5)).AsDate);
        Assert.Equal("x", Value.From("x").AsText);
    }

    [Fact]
    public void Value_IsTrue_OnlyForTheBooleanTrue()
    {
        Assert.True(Value.From(true).IsTrue);
        Assert.False(Value.From(false).IsTrue);
        Assert.False(Value.Null.IsTrue);
        Assert.False(Value.From(1m).IsTrue);
        Assert.False(Value.From("true").IsTrue);
    }

    [Fact]
    public void Value_Equality_IsByValueAcrossKinds()
    {
        Assert.Equal(Value.From(2m), Value.From(2.00m));
        Assert.Equal(Value.From(2m).GetHashCode(), Value.From(2.00m).GetHashCode());
        Assert.NotEqual(Value.From(1m), Value.From(true));
        Assert.NotEqual(Value.From("a"), Value.From("A"));
        Assert.Equal(Value.List(Value.From("a"), Value.From(1m)), Value.List(Value.From("a"), Value.From(1m)));
        Assert.NotEqual(Value.List(Value.From("a")), Value.List(Value.From("a"), Value.From("b")));
        Assert.Equal(
            Value.Record(new Dictionary<string, Value> { ["x"] = Value.From(1m), ["y"] = Value.Null }),
            Value.Record(new Dictionary<string, Value> { ["y"] = Value.Null, ["x"] = Value.From(1.0m) }));
        Assert.NotEqual(
            Value.Record(new Dictionary<string, Value> { ["x"] = Value.From(1m) }),
            Value.Record(new Dictionary<string, Value> { ["z"] = Value.From(1m) }));
    }

    [Fact]
    public void Value_List_CopiesItsItems()
    {
        var items = new List<Value> { Value.From(1m) };
        var list = Value.List(items);

        items.Add(Value.From(2m));

        Assert.Single(list.AsList!);
    }

    [Fact]
    public void Value_ToString_IsReadable()
    {
        Assert.Equal("null", Value.Null.ToString());
        Assert.Equal("2.5", Value.From(2.5m).ToString());
        Assert.Equal("\"x\"", Value.From("x").ToString());
        Assert.Equal("2026-01-05", Value.From(new DateOnly(2026, 1, 5)).ToString());
        Assert.Equal("[1, true]", Value.List(Value.From(1m), Value.From(true)).ToString());
        Assert.Equal("{ a: 1, b: \"x\" }", Value.Record(new Dictionary<string, Value> { ["b"] = Value.From("x"), ["a"] = Value.From(1m) }).ToString());
        Assert.Equal("group of 2 rows", Value.Group([new Answers(), new Answers()]).ToString());
    }
}
