using System.Runtime.CompilerServices;
using Bunit;

namespace EmploymentProcedures.Designer.Tests;

/// <summary>
/// bUnit's waits (`WaitForAssertion`, `WaitForState`) give up after one second by default: on two cores shared with other
/// builds, a component's first render after its data arrives (a chart's first drawing loads SkiaSharp and the fonts) took
/// longer, and a test failed that passes alone. A wait that succeeds returns as soon as it does, so a longer limit costs
/// nothing to a passing test; it only lets a slow machine finish.
/// </summary>
internal static class ComponentWaits
{
#pragma warning disable CA2255 // The test assembly's own setting, before any test runs: what module initializers are for.
    [ModuleInitializer]
    internal static void Lengthen() => BunitContext.DefaultWaitTimeout = TimeSpan.FromSeconds(15);
#pragma warning restore CA2255
}
