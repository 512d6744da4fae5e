using System.Globalization;

namespace EmploymentProcedures.Engine.Pdf;

/// <summary>
/// The part of the Unicode bidirectional algorithm (UAX #9) that letters need, on one paragraph's text where isolates
/// (<c>&lt;bdi&gt;</c>, an element with <c>dir</c>) are marked by LRI, RLI, FSI and PDI (U+2066 to U+2069): the
/// paragraph's level from its direction, the isolates' levels (X5a to X6a, FSI by its first strong character), the weak
/// types (W1 to W7: numbers with their separators and terminators, Arabic digits), the neutrals between runs (N1, N2),
/// the implicit levels (I1, I2), trailing spaces at a line's end (L1) and the reordering of a line (L2). Not covered:
/// explicit embeddings and overrides (LRE, RLE, LRO, RLO, PDF: no letter uses them), bracket pairs (N0: a parenthesis
/// takes its neighbours' direction by N1 instead), and mirroring, which HarfBuzz does when it shapes a right-to-left run.
/// </summary>
internal static class Bidi
{
    public const char Lri = '\u2066';
    public const char Rli = '\u2067';
    public const char Fsi = '\u2068';
    public const char Pdi = '\u2069';

    private enum T : byte { L, R, AL, EN, ES, ET, AN, CS, NSM, B, S, WS, ON, LRI, RLI, FSI, PDI }

    public static bool IsMarker(char c) => c is >= Lri and <= Pdi;

    /// <summary>The embedding level of each character of <paramref name="text"/> in a paragraph of <paramref name="paragraphLevel"/> (0 left to right, 1 right to left).</summary>
    public static byte[] Levels(string text, int paragraphLevel)
    {
        var types = new T[text.Length];
        for (var i = 0; i < text.Length; i++)
            types[i] = Classify(text[i]);
        var levels = new byte[text.Length];
        var matching = MatchIsolates(types);
        Resolve(text, types, levels, matching, start: 0, end: text.Length, (byte)paragraphLevel);
        return levels;
    }

    /// <summary>The level of a paragraph whose direction is "auto": that of its first strong character outside isolates, else left to right.</summary>
    public static int FirstStrongLevel(string text, int start = 0, int end = -1)
    {
        var depth = 0;
        for (var i = start; i < (end < 0 ? text.Length : end); i++)
        {
            var t = Classify(text[i]);
            if (t is T.LRI or T.RLI or T.FSI)
                depth++;
            else if (t == T.PDI)
            {
                if (depth == 0)
                    break;
                depth--;
            }
            else if (depth == 0 && t == T.L)
                return 0;
            else if (depth == 0 && t is T.R or T.AL)
                return 1;
        }
        return 0;
    }

    /// <summary>For each isolate initiator, the index of its PDI (the text's end when it has none).</summary>
    private static int[] MatchIsolates(T[] types)
    {
        var matching = new int[types.Length];
        var open = new Stack<int>();
        for (var i = 0; i < types.Length; i++)
        {
            if (types[i] is T.LRI or T.RLI or T.FSI)
                open.Push(i);
            else if (types[i] == T.PDI && open.Count > 0)
                matching[open.Pop()] = i;
        }
        while (open.Count > 0)
            matching[open.Pop()] = types.Length;
        return matching;
    }

    /// <summary>
    /// Resolves the isolating run sequence made of the characters of [start, end) outside the isolates it holds (each
    /// isolate's initiator and PDI stay in it, as neutrals), at <paramref name="level"/>, then each isolate at its own level.
    /// </summary>
    private static void Resolve(string text, T[] original, byte[] levels, int[] matching, int start, int end, byte level)
    {
        var sequence = new List<int>();
        var isolates = new List<(int Open, int Close, byte Level)>();
        for (var i = start; i < end; i++)
        {
            sequence.Add(i);
            if (original[i] is T.LRI or T.RLI or T.FSI)
            {
                var close = matching[i];
                var rtl = original[i] == T.RLI || (original[i] == T.FSI && FirstStrongLevel(text, i + 1, close) == 1);
                var inner = (byte)(rtl ? (level + 1) | 1 : (level + 2) & ~1);
                isolates.Add((i, close, inner));
                if (close < end)
                    sequence.Add(close);
                i = close;
            }
        }

        var types = sequence.Select(i => original[i]).ToArray();
        var embedding = (level & 1) == 0 ? T.L : T.R;
        ResolveWeak(types, embedding);
        ResolveNeutral(types, embedding);
        for (var k = 0; k < sequence.Count; k++)
        {
            levels[sequence[k]] = (level & 1) == 0
                ? (byte)(types[k] == T.R ? level + 1 : types[k] is T.AN or T.EN ? level + 2 : level)
                : (byte)(types[k] is T.L or T.EN or T.AN ? level + 1 : level);
        }
        foreach (var (open, close, inner) in isolates)
            Resolve(text, original, levels, matching, open + 1, close, inner);
    }

    private static void ResolveWeak(T[] t, T sos)
    {
        // W1: a combining mark takes the type before it (a neutral after an isolate's edge).
        for (var i = 0; i < t.Length; i++)
        {
            if (t[i] == T.NSM)
                t[i] = i == 0 ? sos : t[i - 1] is T.LRI or T.RLI or T.FSI or T.PDI ? T.ON : t[i - 1];
        }
        // W2: European digits after Arabic letters are Arabic numbers; W3: Arabic letters are right to left.
        var lastStrong = sos;
        for (var i = 0; i < t.Length; i++)
        {
            if (t[i] is T.L or T.R or T.AL)
                lastStrong = t[i];
            else if (t[i] == T.EN && lastStrong == T.AL)
                t[i] = T.AN;
        }
        for (var i = 0; i < t.Length; i++)
        {
            if (t[i] == T.AL)
                t[i] = T.R;
        }
        // W4: one separator between two numbers of a kind joins them (2026-000042, 1.234,50).
        for (var i = 1; i < t.Length - 1; i++)
        {
            if (t[i] == T.ES && t[i - 1] == T.EN && t[i + 1] == T.EN)
                t[i] = T.EN;
            else if (t[i] == T.CS && t[i - 1] == t[i + 1] && t[i - 1] is T.EN or T.AN)
                t[i] = t[i - 1];
        }
        // W5: terminators next to European digits (%, currency signs) are digits too.
        for (var i = 0; i < t.Length; i++)
        {
            if (t[i] != T.ET)
                continue;
            var j = i;
            while (j < t.Length && t[j] == T.ET)
                j++;
            if ((i > 0 && t[i - 1] == T.EN) || (j < t.Length && t[j] == T.EN))
                Array.Fill(t, T.EN, i, j - i);
            i = j - 1;
        }
        // W6: the remaining separators and terminators are neutral; W7: digits after a left-to-right letter are left to right.
        for (var i = 0; i < t.Length; i++)
        {
            if (t[i] is T.ES or T.ET or T.CS)
                t[i] = T.ON;
        }
        lastStrong = sos;
        for (var i = 0; i < t.Length; i++)
        {
            if (t[i] is T.L or T.R)
                lastStrong = t[i];
            else if (t[i] == T.EN && lastStrong == T.L)
                t[i] = T.L;
        }
    }

    private static void ResolveNeutral(T[] t, T embedding)
    {
        // N1: neutrals between two runs of one direction take it (numbers count as right to left); N2: else the embedding's.
        for (var i = 0; i < t.Length; i++)
        {
            if (!IsNeutral(t[i]))
                continue;
            var j = i;
            while (j < t.Length && IsNeutral(t[j]))
                j++;
            var before = i == 0 ? embedding : Strong(t[i - 1]);
            var after = j == t.Length ? embedding : Strong(t[j]);
            Array.Fill(t, before == after ? before : embedding, i, j - i);
            i = j - 1;
        }
    }

    private static bool IsNeutral(T t) => t is T.B or T.S or T.WS or T.ON or T.LRI or T.RLI or T.FSI or T.PDI;

    private static T Strong(T t) => t is T.EN or T.AN ? T.R : t;

    /// <summary>
    /// L2: the visual order of a line's runs, given each run's level (runs in logical order): from the highest level down
    /// to the lowest odd one, every stretch at that level or above is reversed.
    /// </summary>
    public static int[] VisualOrder(IReadOnlyList<byte> runLevels)
    {
        var order = Enumerable.Range(0, runLevels.Count).ToArray();
        if (order.Length == 0)
            return order;
        var highest = runLevels.Max();
        var lowestOdd = runLevels.Where(l => (l & 1) == 1).DefaultIfEmpty((byte)(highest + 1)).Min();
        for (var level = highest; level >= lowestOdd && level > 0; level--)
        {
            for (var i = 0; i < order.Length; i++)
            {
                if (runLevels[order[i]] < level)
                    continue;
                var j = i;
                while (j < order.Length && runLevels[order[j]] >= level)
                    j++;
                Array.Reverse(order, i, j - i);
                i = j;
            }
        }
        return order;
    }

    private static T Classify(char c) => c switch
    {
        Lri => T.LRI,
        Rli => T.RLI,
        Fsi => T.FSI,
        Pdi => T.PDI,
        '\u200E' => T.L,
        '\u200F' => T.R,
        '\u061C' => T.AL,
        >= '0' and <= '9' => T.EN,
        >= '\u06F0' and <= '\u06F9' => T.EN,
        >= '\u0660' and <= '\u0669' or '\u066B' or '\u066C' => T.AN,
        >= '\u0600' and <= '\u0605' or '\u08E2' => T.AN,
        '+' or '-' or '\u2212' => T.ES,
        '#' or '$' or '%' or '\u00B0' or '\u00B1' or '\u2030' or '\u2031' or '\u066A' or '\u0609' or '\u060A' or '\u20AC' => T.ET,
        >= '\u00A2' and <= '\u00A5' => T.ET,
        >= '\u20A0' and <= '\u20CF' => T.ET,
        ',' or '.' or '/' or ':' or '\u00A0' or '\u060C' or '\u202F' or '\u2044' => T.CS,
        '\n' or '\r' or '\u2029' or '\u001C' or '\u001D' or '\u001E' or '\u0085' => T.B,
        '\t' or '\u000B' or '\u001F' => T.S,
        ' ' or '\u000C' or '\u1680' or '\u2028' or '\u205F' or '\u3000' => T.WS,
        >= '\u2000' and <= '\u200A' => T.WS,
        >= '\u0590' and <= '\u05FF' => CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark ? T.NSM : T.R,
        >= '\u0600' and <= '\u08FF' or >= '\uFB50' and <= '\uFDFF' or >= '\uFE70' and <= '\uFEFE' =>
            CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark ? T.NSM : T.AL,
        _ => CharUnicodeInfo.GetUnicodeCategory(c) switch
        {
            UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark or UnicodeCategory.Format => T.NSM,
            UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter or UnicodeCategory.ModifierLetter
                or UnicodeCategory.OtherLetter or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.LetterNumber
                or UnicodeCategory.Surrogate or UnicodeCategory.PrivateUse => T.L,
            UnicodeCategory.DecimalDigitNumber => T.L,
            _ => T.ON,
        },
    };
}
