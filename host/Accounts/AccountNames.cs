using EmploymentProcedures.Engine.Storage;

namespace EmploymentProcedures.Host.Accounts;

/// <summary>
/// The rule for the name a person gives their account, at sign-up and on the account page: something typed, at most
/// <see cref="MaxLength"/> characters, and no control or formatting character (a line break would forge a line of an
/// e-mail or of the staff's history, a right-to-left override would turn the name around in every page that shows it).
/// </summary>
internal static class AccountNames
{
    public const int MaxLength = 200;

    /// <summary>The key of the text refusing <paramref name="name"/> (already trimmed), or null when it may be kept.</summary>
    public static string? RefusalKey(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (name.Length == 0)
            return "SignUp.NameRequired";
        if (name.Length > MaxLength)
            return "SignUp.NameTooLong";
        return name.Any(FileNames.Hides) ? "SignUp.NameCharacters" : null;
    }
}
