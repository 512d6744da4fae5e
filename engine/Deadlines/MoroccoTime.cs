namespace EmploymentProcedures.Engine.Deadlines;

/// <summary>
/// The clock of the ministry: the system's instant, with "today" and local times in Morocco's zone
/// (<c>Africa/Casablanca</c>, which follows the government's changes of offset, including the one of
/// Ramadan). Where the zone database is missing, a fixed UTC+1, Morocco's legal time since 2018.
/// </summary>
public sealed class MoroccoTime : TimeProvider
{
    public const string ZoneId = "Africa/Casablanca";

    public static readonly MoroccoTime Instance = new();

    private static readonly TimeZoneInfo Zone = FindZone();

    private MoroccoTime()
    {
    }

    public override TimeZoneInfo LocalTimeZone => Zone;

    /// <summary>The day it is, in the zone of <paramref name="clock"/> (Morocco's for <see cref="Instance"/>).</summary>
    public static DateOnly Today(TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        return DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
    }

    /// <summary>A stored UTC time (its kind unspecified or UTC) in the zone of <paramref name="clock"/>.</summary>
    public static DateTimeOffset Local(TimeProvider clock, DateTime utc)
    {
        ArgumentNullException.ThrowIfNull(clock);
        return TimeZoneInfo.ConvertTime(new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)), clock.LocalTimeZone);
    }

    private static TimeZoneInfo FindZone()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(ZoneId);
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            return TimeZoneInfo.CreateCustomTimeZone(ZoneId, TimeSpan.FromHours(1), "Maroc (UTC+1)", "Maroc (UTC+1)");
        }
    }
}
