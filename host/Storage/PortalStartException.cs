namespace EmploymentProcedures.Host.Storage;

/// <summary>
/// A setting the portal cannot start with (a storage provider it does not know, a database it cannot reach): the start
/// stops and <c>Program</c> prints the message alone, without a stack trace, since the fix is in the configuration.
/// </summary>
public sealed class PortalStartException(string message) : Exception(message);
