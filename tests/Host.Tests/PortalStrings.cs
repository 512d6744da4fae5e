using System.Globalization;
using EmploymentProcedures.Host.Localization;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace EmploymentProcedures.Host.Tests;

/// <summary>The portal's real resource strings, in a chosen language.</summary>
internal static class PortalStrings
{
    private static readonly ResourceManagerStringLocalizerFactory Factory =
        new(Options.Create(new LocalizationOptions { ResourcesPath = "Resources" }), NullLoggerFactory.Instance);

    public static IStringLocalizer In(Language language) => new Fixed(Factory.Create(typeof(Strings)), language.Culture);

    /// <summary>Reads every string in one culture, whatever the test thread's culture.</summary>
    private sealed class Fixed(IStringLocalizer inner, CultureInfo culture) : IStringLocalizer
    {
        public LocalizedString this[string name] => With(() => inner[name]);

        public LocalizedString this[string name, params object[] arguments] => With(() => inner[name, arguments]);

        public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => With(() => inner.GetAllStrings(includeParentCultures).ToList());

        private T With<T>(Func<T> read)
        {
            var previous = CultureInfo.CurrentUICulture;
            CultureInfo.CurrentUICulture = culture;
            try
            {
                return read();
            }
            finally
            {
                CultureInfo.CurrentUICulture = previous;
            }
        }
    }
}
