using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;

namespace EmploymentProcedures.Engine.Templates;

/// <summary>
/// The code printed on every issued letter, with which anyone holding the letter checks it on the portal's verification
/// page: 100 random bits in Crockford's base32, 20 characters shown in five groups of four (<c>7KQM-3XPA-9D2F-H6RT-0BCW</c>).
/// Crockford's alphabet leaves out I, L, O and U, so what a person reads from paper and types back is folded: case, spaces
/// and dashes do not count, O is read as 0 and I or L as 1. <see cref="Value"/> is the canonical form, without dashes,
/// stored (uniquely) with the letter.
/// </summary>
public readonly record struct VerificationCode
{
    /// <summary>Characters of a code; 5 bits each.</summary>
    public const int Length = 20;

    /// <summary>Random bits in a code: guessing one among even a billion issued letters takes ~10^18 tries.</summary>
    public const int Bits = Length * 5;

    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    private VerificationCode(string value) => Value = value;

    /// <summary>The 20 characters, upper case, without dashes.</summary>
    public string Value { get; }

    /// <summary>A new code, from the operating system's cryptographic random generator.</summary>
    public static VerificationCode Draw()
    {
        var chars = new char[Length];
        for (var i = 0; i < Length; i++)
            chars[i] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        return new VerificationCode(new string(chars));
    }

    /// <summary>
    /// Reads a code as a person typed it: spaces, dashes and case ignored, O read as 0, I and L as 1, Arabic-Indic digits as
    /// digits. False for anything else (a wrong length, U, punctuation): such a text is no letter's code.
    /// </summary>
    public static bool TryParse([NotNullWhen(true)] string? typed, out VerificationCode code)
    {
        code = default;
        if (typed is null || typed.Length > 4 * Length)
            return false;
        var folded = new StringBuilder(Length);
        foreach (var c in typed)
        {
            if (char.IsWhiteSpace(c) || c is '-' or '‐' or '‑' or '–' or '—' or '_' or '.')
                continue;
            var read = Fold(c);
            if (read is null || folded.Length == Length)
                return false;
            folded.Append(read.Value);
        }
        if (folded.Length != Length)
            return false;
        code = new VerificationCode(folded.ToString());
        return true;
    }

    /// <summary>A stored code back into its value (the database holds only codes this type made).</summary>
    internal static VerificationCode FromStored(string value) => new(value);

    /// <summary>The code in groups of four, as printed: <c>7KQM-3XPA-9D2F-H6RT-0BCW</c>.</summary>
    public override string ToString()
    {
        if (Value is null)
            return "";
        var grouped = new StringBuilder(Length + Length / 4);
        for (var i = 0; i < Value.Length; i += 4)
        {
            if (i > 0)
                grouped.Append('-');
            grouped.Append(Value, i, 4);
        }
        return grouped.ToString();
    }

    /// <summary>One typed character as a character of the alphabet, or null.</summary>
    private static char? Fold(char c)
    {
        if (c is >= '٠' and <= '٩' or >= '۰' and <= '۹')
            return (char)('0' + (int)char.GetNumericValue(c));
        var upper = char.ToUpperInvariant(c);
        var read = upper switch
        {
            'O' => '0',
            'I' or 'L' => '1',
            _ => upper,
        };
        return Alphabet.Contains(read, StringComparison.Ordinal) ? read : null;
    }
}
