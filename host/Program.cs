using EmploymentProcedures.Host;
using EmploymentProcedures.Host.Accounts;

if (args is [FirstAdministrator.Command, .. var rest])
    return await FirstAdministrator.RunAsync(rest, Console.Out, Console.Error, settings => new WebApplicationOptions { Args = settings });

var app = Portal.Build(new WebApplicationOptions { Args = args });
await Portal.PrepareAsync(app);
await app.RunAsync();
return 0;
