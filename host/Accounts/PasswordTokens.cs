using EmploymentProcedures.Engine.Loading;
using EmploymentProcedures.Host.Localization;
using EmploymentProcedures.Host.Notifying;
using EmploymentProcedures.Host.Operations;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace EmploymentProcedures.Host.Accounts;

/// <summary>
/// The tokens of the links to choose a password: Identity's data-protected tokens, one provider per purpose so that each
/// has its own lifetime and its own protector (a reset token is no invitation, and the reverse). A token carries the
/// account's security stamp, which setting the password changes: a link works once.
/// </summary>
internal static class PasswordTokens
{
    public const string ResetProvider = "PasswordReset";
    public const string InvitationProvider = "Invitation";
    public const string ConfirmationProvider = "AddressConfirmation";
    public const string EmailChangeProvider = "EmailChange";

    /// <summary>The purpose written into a token confirming a new account's address.</summary>
    public const string ConfirmationPurpose = "confirm-address";

    public static string Provider(PasswordLinkPurpose purpose) => purpose == PasswordLinkPurpose.Invitation ? InvitationProvider : ResetProvider;

    /// <summary>The purpose written into the token, checked again when it is used.</summary>
    public static string Purpose(PasswordLinkPurpose purpose) => purpose == PasswordLinkPurpose.Invitation ? "choose-password:invitation" : "choose-password:reset";

    /// <summary>
    /// The password side of accounts and the confirmation of new accounts' addresses: the three providers and their lifetimes, how often other sessions check the security
    /// stamp, the links (<see cref="PasswordLinks"/>, scoped), their e-mails and the queue that sends them after the answer.
    /// </summary>
    public static IServiceCollection AddPasswords(this IServiceCollection services, PortalOptions settings)
    {
        services.AddSingleton(services => new PasswordMail(
            services.GetRequiredService<IStringLocalizer<Strings>>(), services.GetRequiredService<TimeProvider>(),
            services.GetRequiredService<NotificationMail>(), settings));
        services.AddScoped(services => new PasswordLinks(
            services.GetRequiredService<UserManager<Account>>(), services.GetRequiredService<IMailDelivery>(), services.GetRequiredService<PasswordMail>(),
            services.GetRequiredService<ProcedureCatalog>().Library, services.GetRequiredService<AccountThrottle>(), services.GetRequiredService<ILogger<PasswordLinks>>()));
        services.AddScoped(services => new ConfirmationLinks(
            services.GetRequiredService<UserManager<Account>>(), services.GetRequiredService<IMailDelivery>(), services.GetRequiredService<PasswordMail>(),
            services.GetRequiredService<TimeProvider>(), services.GetRequiredService<ILogger<ConfirmationLinks>>()));
        services.AddScoped(services => new AccountChanges(
            services.GetRequiredService<UserManager<Account>>(), services.GetRequiredService<AccountsDb>(), services.GetRequiredService<IMailDelivery>(),
            services.GetRequiredService<PasswordMail>(), services.GetRequiredService<PasswordMailQueue>(), services.GetRequiredService<TimeProvider>(),
            services.GetRequiredService<ILogger<AccountChanges>>()));
        services.AddScoped<AccountClosure>();
        services.AddHostedService(services => new UnconfirmedAccountSweep(
            services.GetRequiredService<IServiceScopeFactory>(), services.GetRequiredService<TimeProvider>(), settings,
            services.GetRequiredService<InstanceLeases>(), services.GetRequiredService<ILogger<UnconfirmedAccountSweep>>()));
        services.AddSingleton<PasswordMailQueue>();
        services.AddHostedService(services => services.GetRequiredService<PasswordMailQueue>());
        new IdentityBuilder(typeof(Account), services)
            .AddTokenProvider<ResetTokens>(ResetProvider)
            .AddTokenProvider<InvitationTokens>(InvitationProvider)
            .AddTokenProvider<ConfirmationTokens>(ConfirmationProvider)
            .AddTokenProvider<EmailChangeTokens>(EmailChangeProvider);
        services.Configure<ResetTokenOptions>(o => o.TokenLifespan = settings.ResetLinkLifetime);
        services.Configure<InvitationTokenOptions>(o => o.TokenLifespan = settings.InvitationLifetime);
        services.Configure<ConfirmationTokenOptions>(o => o.TokenLifespan = settings.ConfirmationLinkLifetime);
        // A link moving an account to a new address proves that address as a sign-up's does: the same lifetime.
        services.Configure<EmailChangeTokenOptions>(o => o.TokenLifespan = settings.ConfirmationLinkLifetime);
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = settings.SessionCheck);
        return services;
    }
}

internal sealed class ResetTokenOptions : DataProtectionTokenProviderOptions
{
    public ResetTokenOptions()
    {
        Name = PasswordTokens.ResetProvider;
        TokenLifespan = TimeSpan.FromHours(2);
    }
}

internal sealed class InvitationTokenOptions : DataProtectionTokenProviderOptions
{
    public InvitationTokenOptions()
    {
        Name = PasswordTokens.InvitationProvider;
        TokenLifespan = TimeSpan.FromDays(7);
    }
}

internal sealed class ConfirmationTokenOptions : DataProtectionTokenProviderOptions
{
    public ConfirmationTokenOptions()
    {
        Name = PasswordTokens.ConfirmationProvider;
        TokenLifespan = TimeSpan.FromHours(48);
    }
}

internal sealed class EmailChangeTokenOptions : DataProtectionTokenProviderOptions
{
    public EmailChangeTokenOptions()
    {
        Name = PasswordTokens.EmailChangeProvider;
        TokenLifespan = TimeSpan.FromHours(48);
    }
}

internal sealed class EmailChangeTokens(IDataProtectionProvider protection, IOptions<EmailChangeTokenOptions> options, ILogger<DataProtectorTokenProvider<Account>> logger)
    : DataProtectorTokenProvider<Account>(protection, options, logger);

internal sealed class ConfirmationTokens(IDataProtectionProvider protection, IOptions<ConfirmationTokenOptions> options, ILogger<DataProtectorTokenProvider<Account>> logger)
    : DataProtectorTokenProvider<Account>(protection, options, logger);

internal sealed class ResetTokens(IDataProtectionProvider protection, IOptions<ResetTokenOptions> options, ILogger<DataProtectorTokenProvider<Account>> logger)
    : DataProtectorTokenProvider<Account>(protection, options, logger);

internal sealed class InvitationTokens(IDataProtectionProvider protection, IOptions<InvitationTokenOptions> options, ILogger<DataProtectorTokenProvider<Account>> logger)
    : DataProtectorTokenProvider<Account>(protection, options, logger);
