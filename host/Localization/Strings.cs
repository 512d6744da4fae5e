namespace EmploymentProcedures.Host.Localization;

/// <summary>
/// The portal's own texts: <c>Resources/Localization/Strings.resx</c> (French, the neutral culture),
/// <c>Strings.ar.resx</c> and <c>Strings.en.resx</c>, read through <c>IStringLocalizer&lt;Strings&gt;</c>.
/// Procedure texts are not here: they come from the definitions' <c>LocalizedText</c>.
/// </summary>
public sealed class Strings;
