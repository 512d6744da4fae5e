using EmploymentProcedures.Host;
using EmploymentProcedures.Host.Accounts;
using EmploymentProcedures.Host.Storage;

try
{
    if (args is [FirstAdministrator.Command, .. var rest])
        return await FirstAdministrator.RunAsync(rest, Console.Out, Console.Error, settings => new WebApplicationOptions { Args = settings });

    var app = Portal.Build(new WebApplicationOptions { Args = args });
    await Portal.PrepareAsync(app);
    await app.RunAsync();
    return 0;
}
catch (PortalStartException e)
{
    // A setting to correct: the message says which and how; a stack trace would only hide it.
    await Console.Error.WriteLineAsync(e.Message);
    return 2;
}
