using System.Text.RegularExpressions;
using EmploymentProcedures.Engine.Authoring;

namespace EmploymentProcedures.Cli;

internal static partial class NewCommand
{
    public static int Run(string id, string directory, TextWriter output, TextWriter error)
    {
        if (!KebabId().IsMatch(id))
        {
            error.WriteLine($"procedures: '{id}' is not a valid id; use lowercase letters, digits and single dashes, e.g. 'night-work-derogation'");
            return ProceduresCommand.UsageOrIo;
        }
        if (!Directory.Exists(directory))
        {
            error.WriteLine($"procedures: no such folder: {directory}");
            return ProceduresCommand.UsageOrIo;
        }
        var file = Path.Combine(directory, id + ".yaml");
        if (File.Exists(file))
        {
            error.WriteLine($"procedures: {file} already exists; choose another id or edit that file");
            return ProceduresCommand.UsageOrIo;
        }
        File.WriteAllText(file, Scaffold.For(id));
        output.WriteLine($"wrote {file}; fill in the titles, fields and steps, then run 'procedures lint {file}'");
        return ProceduresCommand.Success;
    }

    [GeneratedRegex("^[a-z][a-z0-9]*(-[a-z0-9]+)*$")]
    private static partial Regex KebabId();
}
