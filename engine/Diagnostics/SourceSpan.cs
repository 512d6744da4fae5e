namespace EmploymentProcedures.Engine.Diagnostics;

/// <summary>A place in a definition file: 1-based line and column, as editors count them.</summary>
public readonly record struct SourceSpan(string File, int Line, int Column)
{
    public static SourceSpan None(string file) => new(file, 0, 0);

    /// <summary>The span <paramref name="offset"/> characters further on the same line.</summary>
    public SourceSpan Shift(int offset) => this with { Column = Column + offset };

    public override string ToString() => Line > 0 ? $"{File}({Line},{Column})" : File;
}
