using System.Globalization;

namespace EmploymentProcedures.Engine.Validation.Identifiers;

/// <summary>
/// Remainders modulo 97 of numbers too long for <see cref="long"/> (an IBAN becomes a number of up to
/// 68 digits), computed digit by digit so nothing overflows.
/// </summary>
internal static class Mod97
{
    /// <summary>
    /// The remainder of the number written by <paramref name="text"/>, continuing from
    /// <paramref name="carry"/> (the remainder of the digits before it). Letters count as the two digits
    /// A = 10 … Z = 35, as ISO 13616 requires; callers pass only ASCII digits and upper-case letters.
    /// </summary>
    public static int Remainder(ReadOnlySpan<char> text, int carry = 0)
    {
        var remainder = carry;
        foreach (var c in text)
        {
            remainder = c switch
            {
                >= '0' and <= '9' => ((remainder * 10) + (c - '0')) % 97,
                >= 'A' and <= 'Z' => ((remainder * 100) + (c - 'A' + 10)) % 97,
                _ => throw new ArgumentException($"'{c}' is neither an ASCII digit nor an upper-case letter.", nameof(text)),
            };
        }

        return remainder;
    }

    /// <summary>The two check digits (01–97) that make <paramref name="digits"/> followed by them divisible by 97.</summary>
    public static string CheckDigits(ReadOnlySpan<char> digits)
    {
        var check = 97 - (Remainder(digits) * 100 % 97);
        return check.ToString("D2", CultureInfo.InvariantCulture);
    }
}
