using EmploymentProcedures.Engine.Workflow;

namespace EmploymentProcedures.Engine.Storage;

/// <summary>What a query gives: the value, or the refusal that explains why not. Never an exception.</summary>
public sealed record Outcome<T>(T? Value, Refusal? Refusal) where T : class
{
    public bool Succeeded => Refusal is null && Value is not null;
}

public static class Outcome
{
    public static Outcome<T> Of<T>(T value) where T : class => new(value, null);

    public static Outcome<T> Refused<T>(Refusal refusal) where T : class => new(null, refusal);
}
