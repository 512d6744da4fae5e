namespace EmploymentProcedures.Engine.Validation;

/// <summary>
/// Reads and writes one answer inside the answer tree by the validator's paths: <c>start_date</c>,
/// <c>employer.address.province</c>, <c>employees[2].name</c>. Writing returns new answers (they are
/// immutable); an emptied record is removed rather than kept as an empty mapping. The form writes through it, and so
/// does a prefilled link (<see cref="PrefillLink"/>), which may name rows that do not exist yet.
/// </summary>
public static class AnswerPaths
{
    public static object? Get(Answers answers, string path)
    {
        ArgumentNullException.ThrowIfNull(answers);
        ArgumentNullException.ThrowIfNull(path);
        object? current = answers;
        foreach (var segment in Parse(path))
        {
            current = (segment.Name, current) switch
            {
                (not null, Answers record) => record[segment.Name],
                (null, IReadOnlyList<object?> rows) when segment.Index < rows.Count => rows[segment.Index],
                _ => null,
            };
            if (current is null)
                return null;
        }
        return current;
    }

    /// <summary>
    /// <paramref name="answers"/> with <paramref name="value"/> at <paramref name="path"/>. A row past the group's last is left
    /// alone (a change from a row since removed), unless <paramref name="addRows"/>: then empty rows are added up to it.
    /// </summary>
    public static Answers Set(Answers answers, string path, object? value, bool addRows = false)
    {
        ArgumentNullException.ThrowIfNull(answers);
        ArgumentNullException.ThrowIfNull(path);
        return Set(answers, Parse(path), 0, value, addRows);
    }

    private static Answers Set(Answers record, List<Segment> segments, int at, object? value, bool addRows)
    {
        var name = segments[at].Name ?? throw new ArgumentException("a path starts with a name", nameof(segments));
        if (at == segments.Count - 1)
            return record.With(name, value);
        if (segments[at + 1].Name is null)
        {
            var rows = record[name] as IReadOnlyList<object?> ?? [];
            var index = segments[at + 1].Index;
            if ((index >= rows.Count && !addRows) || at + 2 >= segments.Count)
                return record;
            var copy = rows.ToList();
            while (copy.Count <= index)
                copy.Add(Answers.Empty);
            copy[index] = Set(copy[index] as Answers ?? Answers.Empty, segments, at + 2, value, addRows);
            return record.With(name, copy);
        }
        var inner = Set(record[name] as Answers ?? Answers.Empty, segments, at + 1, value, addRows);
        return record.With(name, inner.Count == 0 ? null : inner);
    }

    private static List<Segment> Parse(string path)
    {
        var segments = new List<Segment>();
        foreach (var part in path.Split('.'))
        {
            var bracket = part.IndexOf('[', StringComparison.Ordinal);
            segments.Add(new Segment(bracket < 0 ? part : part[..bracket], 0));
            while (bracket >= 0)
            {
                var close = part.IndexOf(']', bracket);
                segments.Add(new Segment(null, int.Parse(part.AsSpan(bracket + 1, close - bracket - 1), System.Globalization.CultureInfo.InvariantCulture)));
                bracket = part.IndexOf('[', close);
            }
        }
        return segments;
    }

    /// <summary>A name, or (when <see cref="Name"/> is null) a row index.</summary>
    private readonly record struct Segment(string? Name, int Index);
}
