using System.Globalization;
using EmploymentProcedures.Engine.Deadlines;
using EmploymentProcedures.Engine.Loading;
using EmploymentProcedures.Host.Api;
using EmploymentProcedures.Host.Components.Pages.Staff;
using EmploymentProcedures.Host.Localization;
using Microsoft.Extensions.Localization;

namespace EmploymentProcedures.Host.Components.Pages.Admin;

/// <summary>What the API clients' pages say, in the page's language.</summary>
internal static class ApiClientLabels
{
    public const string ListPath = "admin/api-clients";

    public static string ClientPath(string id) => ListPath + "/" + Uri.EscapeDataString(id);

    /// <summary>The resource key of a form field's label.</summary>
    public static string FieldKey(string field) => field switch
    {
        "Name" or "name" => "ApiClients.Name",
        "Organisation" or "organisation" => "ApiClients.Organisation",
        "ContactEmail" or "contact" => "ApiClients.Contact",
        "Procedures" or "procedures" => "ApiClients.Procedures",
        "Provinces" or "provinces" => "ApiClients.Provinces",
        "WebhookUrl" or "webhook" => "ApiClients.WebhookUrl",
        _ => "ApiClients.ExpiresOn",
    };

    /// <summary>The id of the input of a form field (the error summary links to it).</summary>
    public static string InputId(string field) => field switch
    {
        "Name" => "api-client-name",
        "Organisation" => "api-client-organisation",
        "ContactEmail" => "api-client-contact",
        "Procedures" => "api-client-procedures",
        "Provinces" => "api-client-provinces",
        "WebhookUrl" => "api-client-webhook",
        _ => "api-client-expires",
    };

    public static string Error(IStringLocalizer strings, ApiClientError error) =>
        string.Format(Languages.Current.Culture, strings["ApiClients.Error." + error.Code].Value, error.Field.Length == 0 ? "" : strings[FieldKey(error.Field)].Value);

    /// <summary>Active, revoked, or past its last day (Morocco's today).</summary>
    public static string StateKey(ApiClient client, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(client);
        return client.RevokedAt is not null ? "ApiClients.StateRevoked"
            : client.ExpiresOn is { } last && last < MoroccoTime.Today(clock) ? "ApiClients.StateExpired"
            : "ApiClients.StateActive";
    }

    public static string Day(DateOnly day) => day.ToString("d", Languages.Current.Culture);

    /// <summary>A UTC time in Morocco's, in the page's language.</summary>
    public static string Time(DateTime utc, TimeProvider clock) =>
        MoroccoTime.Local(clock, DateTime.SpecifyKind(utc, DateTimeKind.Utc)).ToString("g", Languages.Current.Culture);

    public static string Procedures(ProcedureCatalog catalog, IEnumerable<string> ids)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        var language = Languages.Current.Code;
        return string.Join(", ", ids.Select(id => catalog.Definitions.TryGetValue(id, out var definition) ? definition.Title.Get(language) : id));
    }

    public static string Provinces(IStringLocalizer strings, ProcedureCatalog catalog, IReadOnlyCollection<string> ids)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        return ids.Count == 0 ? strings["ApiClients.AllProvinces"] : StaffLabels.Provinces(catalog.Library, ids);
    }

    /// <summary>A creation's line: its grants as <see cref="ApiClients"/> records them (<c>procedures; provinces or *; last day or -</c>).</summary>
    private static string Created(IStringLocalizer strings, ProcedureCatalog catalog, ApiClientChange change)
    {
        var parts = (change.To ?? "").Split("; ");
        string Part(int i) => parts.Length > i ? parts[i] : "";
        var provinces = Part(1) is "*" or "" ? strings["ApiClients.AllProvinces"].Value : StaffLabels.Provinces(catalog.Library, Part(1).Split(','));
        var last = DateOnly.TryParseExact(Part(2), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? Day(day) : strings["ApiClients.NoExpiry"].Value;
        return string.Format(Languages.Current.Culture, strings["ApiClients.Change.Created"].Value, change.ByName, Procedures(catalog, Part(0).Split(',')), provinces, last);
    }

    /// <summary>One line of a client's history.</summary>
    public static string Describe(IStringLocalizer strings, ProcedureCatalog catalog, ApiClientChange change)
    {
        ArgumentNullException.ThrowIfNull(strings);
        ArgumentNullException.ThrowIfNull(change);
        var culture = Languages.Current.Culture;
        string Value(string? value) => change.Field switch
        {
            _ when string.IsNullOrEmpty(value) => "—",
            "procedures" => Procedures(catalog, value!.Split(',')),
            "provinces" => StaffLabels.Provinces(catalog.Library, value!.Split(',')),
            "expires" => DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? Day(day) : value!,
            _ => value!,
        };
        return change.Kind switch
        {
            ApiClientChangeKinds.Created => Created(strings, catalog, change),
            ApiClientChangeKinds.Changed => string.Format(culture, strings["ApiClients.Change.Changed"].Value, change.ByName, strings[FieldKey(change.Field ?? "")].Value, Value(change.From), Value(change.To)),
            ApiClientChangeKinds.Renewed => string.Format(culture, strings["ApiClients.Change.Renewed"].Value, change.ByName),
            ApiClientChangeKinds.WebhookSecretRenewed => string.Format(culture, strings["ApiClients.Change.WebhookSecretRenewed"].Value, change.ByName),
            _ => string.Format(culture, strings["ApiClients.Change.Revoked"].Value, change.ByName),
        };
    }
}

/// <summary>The API client form as it is being filled (the page binds its inputs to it).</summary>
public sealed class ApiClientDraft
{
    public string Name { get; set; } = "";
    public string Organisation { get; set; } = "";
    public string ContactEmail { get; set; } = "";
    public HashSet<string> Procedures { get; } = new(StringComparer.Ordinal);
    public HashSet<string> Provinces { get; } = new(StringComparer.Ordinal);
    public DateOnly? ExpiresOn { get; set; }

    public static ApiClientDraft Of(ApiClient client)
    {
        ArgumentNullException.ThrowIfNull(client);
        var draft = new ApiClientDraft { Name = client.Name, Organisation = client.Organisation, ContactEmail = client.ContactEmail, ExpiresOn = client.ExpiresOn };
        draft.Procedures.UnionWith(client.Procedures);
        draft.Provinces.UnionWith(client.Provinces);
        return draft;
    }

    public ApiClientForm ToForm() => new(Name, Organisation, ContactEmail, [.. Procedures], [.. Provinces], ExpiresOn);
}
