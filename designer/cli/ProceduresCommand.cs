using System.CommandLine;

namespace EmploymentProcedures.Cli;

/// <summary>
/// <c>procedures</c>: lint, test, validate and scaffold definitions. Exit codes: 0 success, 1 findings
/// (errors in definitions or answers), 2 usage or I/O problems. Never prints a stack trace.
/// </summary>
internal static class ProceduresCommand
{
    public const int Success = 0;
    public const int Findings = 1;
    public const int UsageOrIo = 2;

    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        var root = new RootCommand("Lint, test, validate and scaffold procedure definitions.");

        var lintPaths = new Argument<string[]>("paths") { Description = "Definition files or folders (default: procedures/).", Arity = ArgumentArity.ZeroOrMore };
        var lint = new Command("lint", "Check definitions and print every diagnostic as file(line,col): severity CODE: message.") { lintPaths };
        lint.SetAction(result => LintCommand.Run(result.GetValue(lintPaths) ?? [], output, error));
        root.Subcommands.Add(lint);

        var testPaths = new Argument<string[]>("paths") { Description = "Definition files or folders (default: procedures/).", Arity = ArgumentArity.ZeroOrMore };
        var test = new Command("test", "Run the scenarios of tests: against the workflow; one line per scenario, then 'N passed, N failed'.") { testPaths };
        test.SetAction(result => TestCommand.Run(result.GetValue(testPaths) ?? [], output, error));
        root.Subcommands.Add(test);

        var definition = new Argument<string>("definition") { Description = "The definition file." };
        var answers = new Argument<string>("answers") { Description = "Answers as YAML or JSON." };
        var today = new Option<string?>("--today") { Description = "The day today() returns, YYYY-MM-DD (default: the real date), as a scenario's today: does." };
        var validate = new Command("validate", "Validate a submission's answers against a definition; prints each error with its field path.") { definition, answers, today };
        validate.SetAction(result => ValidateCommand.Run(result.GetValue(definition)!, result.GetValue(answers)!, result.GetValue(today), output, error));
        root.Subcommands.Add(validate);

        var id = new Argument<string>("id") { Description = "The new procedure's kebab-case id (also its file name)." };
        var directory = new Option<string>("--directory") { Description = "Where to write it (default: procedures/).", DefaultValueFactory = _ => "procedures" };
        var create = new Command("new", "Write a minimal definition that lints clean, to start from.") { id, directory };
        create.SetAction(result => NewCommand.Run(result.GetValue(id)!, result.GetValue(directory)!, output, error));
        root.Subcommands.Add(create);

        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var parseError in parsed.Errors)
                error.WriteLine($"procedures: {parseError.Message}");
            error.WriteLine("Run 'procedures --help' for usage.");
            return UsageOrIo;
        }

        try
        {
            return parsed.Invoke(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false });
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"procedures: {e.Message}");
            return UsageOrIo;
        }
    }
}
