using EmploymentProcedures.Engine.Definitions;
using EmploymentProcedures.Engine.Diagnostics;

namespace EmploymentProcedures.Engine.Loading;

/// <summary>
/// The loader's own YAML tree: built from parser events with every limit checked on the way,
/// so nothing recursive ever runs on a tree deeper than <see cref="LoaderLimits.MaxDepth"/>.
/// </summary>
internal abstract record YamlNode(SourceSpan Span);

internal sealed record YamlScalar(SourceSpan Span, string Value, bool IsPlain) : YamlNode(Span)
{
    /// <summary>A plain <c>null</c>, <c>~</c> or empty scalar: YAML's null.</summary>
    public bool IsNull => IsPlain && Value is "" or "~" or "null" or "Null" or "NULL";

    /// <summary>For a block scalar (<c>|</c>, <c>&gt;</c>): where its lines are.</summary>
    public BlockText? Block { get; init; }

    /// <summary>Where the text of the scalar starts (after the opening quote of a quoted scalar, on the line after a block indicator).</summary>
    public SourceSpan TextStart => Block?.Start ?? (IsPlain ? Span : Span.Shift(1));

    /// <summary>The scalar as an expression, located character by character.</summary>
    public ExpressionSource ToExpression() => new(Value, TextStart) { LineLengths = Block?.LineLengths };
}

/// <summary>A block scalar's text in the file: its first character, and the length of each of its lines (all at the same indentation).</summary>
internal sealed record BlockText(SourceSpan Start, IReadOnlyList<int> LineLengths);

internal sealed record YamlSequence(SourceSpan Span, IReadOnlyList<YamlNode> Items) : YamlNode(Span);

internal sealed record YamlMapping(SourceSpan Span, IReadOnlyList<YamlEntry> Entries) : YamlNode(Span)
{
    public YamlEntry? Find(string key)
    {
        foreach (var entry in Entries)
        {
            if (entry.Key.Value == key)
                return entry;
        }
        return null;
    }

    public YamlNode? this[string key] => Find(key)?.Value;
}

internal sealed record YamlEntry(YamlScalar Key, YamlNode Value);
