namespace EmploymentProcedures.Engine.Loading;

/// <summary>Bounds on anything an analyst (or an attacker) can write, checked before any tree is built.</summary>
public sealed record LoaderLimits
{
    public static readonly LoaderLimits Default = new();

    /// <summary>Largest definition file, in bytes. Defaults to 512 KiB; the largest real definition is far below.</summary>
    public int MaxBytes { get; init; } = 512 * 1024;

    /// <summary>Deepest nesting of mappings and sequences. Defaults to 32; definitions need about 10.</summary>
    public int MaxDepth { get; init; } = 32;

    /// <summary>Most YAML nodes in one file. Defaults to 100,000.</summary>
    public int MaxNodes { get; init; } = 100_000;
}
