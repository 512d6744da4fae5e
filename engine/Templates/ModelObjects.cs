using Scriban.Runtime;

namespace EmploymentProcedures.Engine.Templates;

/// <summary>
/// A <see cref="DocumentModel"/> as templates see it: plain <c>ScriptObject</c>s, arrays, texts,
/// numbers and booleans with snake_case names, never .NET objects with methods. The member names
/// checked at load (EP0502) are read from the same projection (<see cref="Shape"/>), so they cannot drift.
/// </summary>
internal static class ModelObjects
{
    public static ScriptObject From(DocumentModel model, Verbatim stylesheet, Verbatim letterhead)
    {
        var root = new ScriptObject
        {
            ["lang"] = model.Language,
            ["dir"] = model.Direction,
            ["stylesheet"] = stylesheet,
            ["letterhead"] = letterhead,
            ["procedure"] = new ScriptObject
            {
                ["id"] = model.Procedure.Id,
                ["title"] = model.Procedure.Title,
                ["legal_basis"] = Array(model.Procedure.LegalBasis),
                ["deadline_days"] = model.Procedure.DeadlineDays,
                ["deadline"] = model.Procedure.Deadline,
            },
            ["application"] = new ScriptObject
            {
                ["reference"] = model.Application.Reference,
                ["submitted_on"] = model.Application.SubmittedOn,
                ["applicant"] = model.Application.Applicant,
                ["status"] = model.Application.Status,
                ["due_on"] = model.Application.DueOn,
            },
            ["decision"] = model.Decision is { } decision
                ? new ScriptObject
                {
                    ["step"] = decision.Step,
                    ["action"] = decision.Action,
                    ["comment"] = decision.Comment,
                    ["decided_on"] = decision.DecidedOn,
                    ["decider"] = decision.Decider,
                }
                : null,
            ["changes"] = model.Changes is { } changes
                ? new ScriptObject { ["items"] = Array(changes.Items), ["message"] = changes.Message }
                : null,
            ["sections"] = Array(model.Sections.Select(s => new ScriptObject
            {
                ["title"] = s.Title,
                ["rows"] = Array(s.Rows.Select(r => new ScriptObject { ["label"] = r.Label, ["value"] = r.Value })),
            })),
            ["documents"] = Array(model.Documents.Select(d => new ScriptObject { ["label"] = d.Label, ["provided"] = d.Provided })),
        };
        return root;
    }

    /// <summary>The shape of the model: every name a template may read, from a model where every optional part is present.</summary>
    public static Shape Shape { get; } = Templates.Shape.Of(From(Sample, Verbatim.Empty, Verbatim.Empty));

    private static ScriptArray Array<T>(IEnumerable<T> items)
    {
        var array = new ScriptArray();
        foreach (var item in items)
            array.Add(item);
        return array;
    }

    private static DocumentModel Sample => new()
    {
        Language = "fr",
        Procedure = new DocumentProcedure("id", "title", ["basis"], 1, "deadline"),
        Application = new DocumentApplication("reference", "submitted", "applicant", "status", "due"),
        Decision = new DocumentDecision("step", "action", "comment", "decided", "decider"),
        Changes = new DocumentChanges(["item"], "message"),
        Sections = [new AnswerSection("title", [new AnswerRow("label", "value")])],
        Documents = [new DocumentLine("label", true)],
    };
}
