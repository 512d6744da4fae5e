using EmploymentProcedures.Engine.Storage;
using EmploymentProcedures.Host.Tests.MyApplications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace EmploymentProcedures.Host.Tests.Sealing;

/// <summary>
/// A listening portal of its own (no background round) whose audit chain was sealed as it would be three days from now:
/// the day of its start with the definitions' publications, then two days without any entry.
/// </summary>
public sealed class SealedPortal : IAsyncLifetime
{
    private TempPortal? _portal;

    internal TempPortal Portal => _portal ?? throw new InvalidOperationException("not started");

    /// <summary>The seals written, oldest first.</summary>
    internal IReadOnlyList<PublishedSeal> Seals { get; private set; } = [];

    public async Task InitializeAsync()
    {
        _portal = await TempPortal.PrepareAsync(listen: true, "--Portal:SweepInterval=00:00:00");
        Seals = await Later(Portal, TimeSpan.FromDays(3)).SealAsync();
        Assert.Equal(3, Seals.Count);
    }

    /// <summary>The seals of <paramref name="portal"/>'s database as they would be written <paramref name="after"/> from now.</summary>
    internal static AuditSeals Later(TempPortal portal, TimeSpan after) =>
        new(portal.App.Services.GetRequiredService<IDbContextFactory<ProceduresDb>>(), new FakeTimeProvider(DateTimeOffset.UtcNow + after));

    /// <summary>An anonymous visitor's client whose browser chose <paramref name="language"/>.</summary>
    internal HttpClient In(string language) => LivePortal.In(Portal.BaseAddress!, language);

    public async Task DisposeAsync()
    {
        if (_portal is not null)
            await _portal.DisposeAsync();
    }
}
