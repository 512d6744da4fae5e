using EmploymentProcedures.Host;

var app = Portal.Build(new WebApplicationOptions { Args = args });
await Portal.PrepareAsync(app);
await app.RunAsync();
