using System.CommandLine;

namespace EmploymentProcedures.Cli;

/// <summary>
/// <c>procedures</c>: lint, test, validate, render, compare and scaffold definitions; verify and back up a portal's data. Exit codes: 0 success, 1 findings
/// (errors in definitions or answers), 2 usage or I/O problems. Never prints a stack trace.
/// </summary>
internal static class ProceduresCommand
{
    public const int Success = 0;
    public const int Findings = 1;
    public const int UsageOrIo = 2;

    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        var root = new RootCommand("Lint, test, validate, render, compare and scaffold procedure definitions.");

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

        var renderDefinition = new Argument<string>("definition") { Description = "The definition file." };
        var renderAnswers = new Argument<string>("answers") { Description = "Answers as YAML or JSON (answers: and documents:, as for validate)." };
        var template = new Option<string>("--template") { Description = "The letter: receipt, decision-approved, decision-rejected, changes-requested, acknowledgement...", Required = true };
        var language = new Option<string>("--lang") { Description = "fr, ar or en (default: fr).", DefaultValueFactory = _ => "fr" };
        var outFile = new Option<string?>("--out") { Description = "Write the HTML to this file instead of standard output." };
        var reference = new Option<string?>("--reference") { Description = "The application reference to print (default: <prefix>-<year>-000001)." };
        var applicant = new Option<string?>("--applicant") { Description = "The applicant's name to print." };
        var comment = new Option<string?>("--comment") { Description = "The reviewer's comment or reason, for decision letters." };
        var date = new Option<DateOnly?>("--date") { Description = "The submission and decision day, YYYY-MM-DD (default: today)." };
        var render = new Command("render", "Render a letter (Scriban template) for a definition and answers, as HTML.") { renderDefinition, renderAnswers, template, language, outFile, reference, applicant, comment, date };
        render.SetAction(result => RenderCommand.Run(
            result.GetValue(renderDefinition)!,
            result.GetValue(renderAnswers)!,
            new RenderCommand.Options(result.GetValue(template)!, result.GetValue(language)!, result.GetValue(outFile), result.GetValue(reference), result.GetValue(applicant), result.GetValue(comment), result.GetValue(date)),
            output,
            error));
        root.Subcommands.Add(render);

        var published = new Argument<string>("published") { Description = "The published definition (a copy may have any file name)." };
        var draft = new Argument<string>("draft") { Description = "The draft of the same procedure." };
        var diffLanguage = new Option<string>("--lang") { Description = "The language of the reasons: fr, ar or en (default: fr).", DefaultValueFactory = _ => "fr" };
        var diff = new Command("diff", "List what a draft changes from the published definition, what would break applications already submitted, and what drafts lose; exit 0 no change, 1 changes.") { published, draft, diffLanguage };
        diff.SetAction(result => DiffCommand.Run(result.GetValue(published)!, result.GetValue(draft)!, result.GetValue(diffLanguage)!, output, error));
        root.Subcommands.Add(diff);

        var id = new Argument<string>("id") { Description = "The new procedure's kebab-case id (also its file name)." };
        var directory = new Option<string>("--directory") { Description = "Where to write it (default: procedures/).", DefaultValueFactory = _ => "procedures" };
        var create = new Command("new", "Write a minimal definition that lints clean, to start from.") { id, directory };
        create.SetAction(result => NewCommand.Run(result.GetValue(id)!, result.GetValue(directory)!, output, error));
        root.Subcommands.Add(create);

        var data = new Option<string>("--data") { Description = "The portal's data folder (default: data/).", DefaultValueFactory = _ => "data" };
        var database = new Option<string?>("--database") { Description = "The database file (default: procedures.db in the data folder)." };
        var postgres = new Option<string?>("--postgres") { Description = "The portal's PostgreSQL database (its Storage:Postgres connection string) instead of the SQLite file." };
        var seals = new Option<string?>("--seals") { Description = "A copy of the portal's /audit-seals.json saved earlier: its seals must be in the database as they were, and the audit chain must still end at each with its hash." };
        var verifyData = new Command("verify-data", "Check a portal's data while it runs: the database's integrity, the audit chain and its daily seals, every stored file against its hash.") { data, database, postgres, seals };
        verifyData.SetAction((result, cancellation) => DataCommands.VerifyAsync(result.GetValue(data)!, result.GetValue(database), result.GetValue(postgres), result.GetValue(seals), output, error, cancellation));
        root.Subcommands.Add(verifyData);

        var to = new Option<string>("--to") { Description = "The backup folder (another disk): each backup in a dated folder, the documents shared.", Required = true };
        var backup = new Command("backup", "Copy a portal's data while it runs (database snapshot, keys, new documents) and check the copy. SQLite only: PostgreSQL is backed up with pg_dump.") { data, database, to, postgres };
        backup.SetAction((result, cancellation) => DataCommands.BackupAsync(result.GetValue(data)!, result.GetValue(database), result.GetValue(to)!, result.GetValue(postgres), output, error, cancellation));
        root.Subcommands.Add(backup);

        var moveDocuments = new Command("documents-to-database", "Copy a portal's document files into its database (for Storage:Documents=database), checking each against its hash; safe while it runs, and to repeat.") { data, database, postgres };
        moveDocuments.SetAction((result, cancellation) => DataCommands.DocumentsToDatabaseAsync(result.GetValue(data)!, result.GetValue(database), result.GetValue(postgres), output, error, cancellation));
        root.Subcommands.Add(moveDocuments);

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
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Data.Common.DbException)
        {
            error.WriteLine($"procedures: {e.Message}");
            return UsageOrIo;
        }
    }
}
