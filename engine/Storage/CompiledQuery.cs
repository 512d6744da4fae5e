using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore.Metadata;

namespace EmploymentProcedures.Engine.Storage;

/// <summary>
/// A compiled query for each model it meets: EF Core binds a compiled query to the first model it runs against, and
/// SQLite's and PostgreSQL's models differ, so a process that opens both (a copy from one to the other, the tests) needs
/// one of each. Looking the model up costs a dictionary read.
/// </summary>
internal sealed class CompiledQuery<TQuery>(Func<TQuery> compile)
    where TQuery : class
{
    private readonly ConditionalWeakTable<IModel, TQuery> _compiled = [];

    public TQuery For(ProceduresDb db) => _compiled.GetValue(db.Model, _ => compile());
}
