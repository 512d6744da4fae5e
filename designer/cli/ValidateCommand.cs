using EmploymentProcedures.Engine.Expressions;
using EmploymentProcedures.Engine.Loading;
using EmploymentProcedures.Engine.Validation;

namespace EmploymentProcedures.Cli;

internal static class ValidateCommand
{
    public static int Run(string definitionFile, string answersFile, string? todayText, TextWriter output, TextWriter error)
    {
        var today = DateOnly.FromDateTime(DateTime.Today);
        if (todayText is not null && !DateOnly.TryParseExact(todayText, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out today))
        {
            error.WriteLine($"procedures: --today must be a date written YYYY-MM-DD, not '{todayText}'");
            return ProceduresCommand.UsageOrIo;
        }
        foreach (var file in new[] { definitionFile, answersFile })
        {
            if (!File.Exists(file))
            {
                error.WriteLine($"procedures: no such file: {file}");
                return ProceduresCommand.UsageOrIo;
            }
        }
        var root = ProcedureCatalog.FindRoot(definitionFile);
        if (root is null)
        {
            error.WriteLine($"procedures: {definitionFile} is not inside a procedures folder (no roles.yaml found above it)");
            return ProceduresCommand.UsageOrIo;
        }

        var loaded = new ProcedureLoader(ProcedureLibrary.Load(root)).LoadFile(definitionFile);
        if (loaded.HasErrors)
        {
            foreach (var diagnostic in loaded.Diagnostics)
                error.WriteLine(diagnostic);
            error.WriteLine($"procedures: {definitionFile} has errors; fix them before validating answers (run 'procedures lint')");
            return ProceduresCommand.UsageOrIo;
        }

        var (submission, diagnostics) = SubmissionFile.Load(answersFile);
        if (submission is null)
        {
            foreach (var diagnostic in diagnostics)
                error.WriteLine(diagnostic);
            return ProceduresCommand.UsageOrIo;
        }

        var report = SubmissionValidator.Validate(loaded.Definition!, submission, new EvaluationContext(today));
        foreach (var problem in report.Errors)
            output.WriteLine($"{problem.Path}: {problem.Code}: {problem.Message.Get("fr")} / {problem.Message.Get("ar")}");
        output.WriteLine(report.IsValid ? "valid" : $"{report.Errors.Count} error(s)");
        return report.IsValid ? ProceduresCommand.Success : ProceduresCommand.Findings;
    }
}
