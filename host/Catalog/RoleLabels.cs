using EmploymentProcedures.Engine.Loading;
using EmploymentProcedures.Host.Localization;

namespace EmploymentProcedures.Host.Catalog;

/// <summary>A role of <c>roles.yaml</c> by its label in a language ("Employeur", "مشغل"); its id when it has none.</summary>
public static class RoleLabels
{
    public static string Of(ProcedureLibrary library, string role, Language language)
    {
        ArgumentNullException.ThrowIfNull(library);
        ArgumentNullException.ThrowIfNull(language);
        return library.Roles.TryGetValue(role, out var definition) ? definition.Label?.Get(language.Code) ?? role : role;
    }
}
