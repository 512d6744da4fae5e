using EmploymentProcedures.Cli;

return ProceduresCommand.Run(args, Console.Out, Console.Error);
