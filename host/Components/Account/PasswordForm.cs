using EmploymentProcedures.Host.Localization;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace EmploymentProcedures.Host.Components.Account;

/// <summary>What a password form posts: the new password twice, and the current one where it is asked for.</summary>
public sealed class NewPassword
{
    public string? Current { get; set; }
    public string? Password { get; set; }
    public string? Confirm { get; set; }
}

/// <summary>
/// The state of a form choosing a password (from a link, or on the account page): its messages per field, for the error
/// summary, the fields' <c>aria-describedby</c> and their <see cref="Shared.FieldError"/>.
/// </summary>
public sealed class PasswordForm
{
    /// <summary>The form's fields in page order, with their inputs' ids (for the summary's links).</summary>
    public static readonly (string Field, string Id)[] Fields =
    [
        (nameof(NewPassword.Current), "current-password"),
        (nameof(NewPassword.Password), "password"),
        (nameof(NewPassword.Confirm), "confirm"),
    ];

    private readonly ValidationMessageStore _messages;

    public PasswordForm(NewPassword input)
    {
        Input = input;
        Context = new EditContext(input);
        _messages = new ValidationMessageStore(Context);
    }

    public NewPassword Input { get; }

    public EditContext Context { get; }

    public bool HasErrors => Context.GetValidationMessages().Any();

    public IEnumerable<string> Messages(string field) => Context.GetValidationMessages(Context.Field(field));

    /// <summary>The ids an input is described by: its hint, and its message when it has one.</summary>
    public string? Described(string field, string id, string? hint = null)
    {
        var joined = string.Join(' ', new[] { hint, Messages(field).Any() ? id + "-error" : null }.Where(i => i is not null));
        return joined.Length == 0 ? null : joined;
    }

    public void Refuse(string field, string message) => _messages.Add(Context.Field(field), message);

    /// <summary>Both new passwords typed, and the same; false (with the messages) otherwise.</summary>
    public bool CheckTyped(IStringLocalizer<Strings> strings)
    {
        ArgumentNullException.ThrowIfNull(strings);
        _messages.Clear();
        if (string.IsNullOrEmpty(Input.Password))
            Refuse(nameof(NewPassword.Password), strings["SignUp.PasswordRequired"]);
        else if (Input.Password != Input.Confirm)
            Refuse(nameof(NewPassword.Confirm), strings["SignUp.ConfirmMismatch"]);
        return !HasErrors;
    }

    /// <summary>Forgets what was typed, so that no password is ever written back into a page.</summary>
    public void ForgetTyped() => Input.Current = Input.Password = Input.Confirm = null;

    /// <summary>Identity's refusals of the new password, under it.</summary>
    public void Refuse(IdentityResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        foreach (var error in result.Errors)
            Refuse(nameof(NewPassword.Password), error.Description);
    }
}
