using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace EmploymentProcedures.Engine.Storage;

/// <summary>A <see cref="DateTime"/> of the model: a local time is converted, a time of unknown kind taken as UTC.</summary>
internal sealed class UtcTimes() : ValueConverter<DateTime, DateTime>(
    v => v.Kind == DateTimeKind.Local ? v.ToUniversalTime() : DateTime.SpecifyKind(v, DateTimeKind.Utc),
    v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
