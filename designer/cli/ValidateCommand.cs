namespace EmploymentProcedures.Cli;

internal static class ValidateCommand
{
    public static int Run(string definition, string answers, TextWriter output, TextWriter error)
    {
        error.WriteLine($"procedures: validate is not available yet ({definition}, {answers})");
        return ProceduresCommand.UsageOrIo;
    }
}
