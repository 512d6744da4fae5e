using EmploymentProcedures.Engine.Deadlines;
using EmploymentProcedures.Engine.Storage;
using EmploymentProcedures.Host.Localization;
using Microsoft.Extensions.Localization;

namespace EmploymentProcedures.Host.Catalog;

/// <summary>What a retired procedure's page and its "apply" page say: closed to new applications since the day, in Morocco, it was retired.</summary>
public static class RetiredText
{
    public static string Of(Retirement retirement, TimeProvider clock, Language language, IStringLocalizer strings)
    {
        ArgumentNullException.ThrowIfNull(retirement);
        ArgumentNullException.ThrowIfNull(language);
        ArgumentNullException.ThrowIfNull(strings);
        return string.Format(language.Culture, strings["Procedure.Retired"].Value, MoroccoTime.Local(clock, retirement.RetiredAt).ToString("D", language.Culture));
    }
}
