using EmploymentProcedures.Host.Storage;

namespace EmploymentProcedures.Host.Operations;

/// <summary>
/// Where an instance keeps what several instances must share (section <c>Storage</c>): the data-protection keys
/// (<c>Storage:Keys</c>) and the uploaded documents (<c>Storage:Documents</c>), each <c>files</c> (the default: in the data
/// folder) or <c>database</c>. Several instances need both in the database, and the database to be one they all reach.
/// </summary>
internal sealed class SharedStorage
{
    public const string Section = "Storage";
    public const string Files = "files";
    public const string Database = "database";

    public string Keys { get; set; } = Files;

    public string Documents { get; set; } = Files;

    /// <summary>A PFX whose certificate encrypts the data-protection keys at rest (<c>Storage:KeysCertificate</c>); none by default.</summary>
    public string? KeysCertificate { get; set; }

    /// <summary>Its password, from the environment (<c>Storage__KeysCertificatePassword</c>), never from a file in the repository.</summary>
    public string? KeysCertificatePassword { get; set; }

    /// <summary>The certificate used before a rotation (<c>Storage:KeysPreviousCertificate</c>): it only decrypts the keys it protected.</summary>
    public string? KeysPreviousCertificate { get; set; }

    public string? KeysPreviousCertificatePassword { get; set; }

    public bool KeysInDatabase => Keys == Database;

    public bool DocumentsInDatabase => Documents == Database;

    /// <summary>The section's settings, refused with the setting and the values it takes when one is neither.</summary>
    public static SharedStorage From(IConfiguration configuration)
    {
        var storage = configuration.GetSection(Section).Get<SharedStorage>() ?? new SharedStorage();
        storage.Keys = Checked("Keys", storage.Keys);
        storage.Documents = Checked("Documents", storage.Documents);
        return storage;
    }

    private static string Checked(string setting, string? value)
    {
        var given = (value ?? Files).Trim().ToLowerInvariant();
        return given is Files or Database
            ? given
            : throw new PortalStartException($"{Section}:{setting} is '{value}': it must be '{Files}' (the default, in the data folder) or '{Database}' (shared by the instances on one database).");
    }
}
