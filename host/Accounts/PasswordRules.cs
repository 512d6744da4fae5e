using EmploymentProcedures.Host.Localization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace EmploymentProcedures.Host.Accounts;

/// <summary>
/// The password rules of the portal, beyond Identity's length, digit and distinct-characters checks:
/// at least one letter of any script (so an Arabic passphrase counts; Identity's "lowercase" rule would
/// refuse it), and nothing made of the person's own e-mail or name.
/// </summary>
internal sealed class PasswordRules(IStringLocalizer<Strings> strings) : IPasswordValidator<Account>
{
    public const int MinimumLength = 12;

    public static void Apply(PasswordOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.RequiredLength = MinimumLength;
        options.RequiredUniqueChars = 5;
        options.RequireDigit = true;
        options.RequireLowercase = false;
        options.RequireUppercase = false;
        options.RequireNonAlphanumeric = false;
    }

    public Task<IdentityResult> ValidateAsync(UserManager<Account> manager, Account user, string? password)
    {
        ArgumentNullException.ThrowIfNull(user);
        var errors = new List<IdentityError>();
        if (string.IsNullOrEmpty(password) || !password.Any(char.IsLetter))
            errors.Add(new IdentityError { Code = "PasswordRequiresLetter", Description = strings["Password.RequiresLetter"] });
        if (!string.IsNullOrEmpty(password) && PersonalWords(user).Any(w => password.Contains(w, StringComparison.OrdinalIgnoreCase)))
            errors.Add(new IdentityError { Code = "PasswordContainsPersonalData", Description = strings["Password.ContainsPersonalData"] });
        return Task.FromResult(errors.Count == 0 ? IdentityResult.Success : IdentityResult.Failed([.. errors]));
    }

    private static IEnumerable<string> PersonalWords(Account user)
    {
        var email = user.Email ?? user.UserName ?? "";
        var local = email.Split('@')[0];
        return new[] { local, user.DisplayName }
            .SelectMany(w => w.Split([' ', '.', '-', '_'], StringSplitOptions.RemoveEmptyEntries))
            .Where(w => w.Length >= 4);
    }
}
