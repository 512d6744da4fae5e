namespace EmploymentProcedures.Engine.Workflow;

/// <summary>
/// A draft moved from the definition version it was started on to a newer one (<see cref="DraftCarry"/>): what the
/// applicant is told once, on their form, until they dismiss it or submit. Paths and document ids only, never an answer.
/// </summary>
/// <param name="FromVersion">The version the draft was on before (the first, when it moved twice before the applicant saw it).</param>
/// <param name="ToVersion">The version it is on now.</param>
/// <param name="PublishedAt">When the version it moved to was published (UTC): the day the applicant is told the form was updated.</param>
/// <param name="DroppedAnswers">The answers removed, by the old version's field path: a field gone, its type changed, or an option no longer offered.</param>
/// <param name="DroppedDocuments">The documents whose files were removed, by the old version's document id: no longer asked for, or in a format no longer accepted.</param>
/// <param name="RequiredFields">The fields the new version requires of this applicant that the old one did not, still unanswered, by path.</param>
/// <param name="RequiredDocuments">The documents the new version requires of this applicant that the old one did not, still missing, by id.</param>
public sealed record DraftMove(
    int FromVersion,
    int ToVersion,
    DateTime PublishedAt,
    IReadOnlyList<string> DroppedAnswers,
    IReadOnlyList<string> DroppedDocuments,
    IReadOnlyList<string> RequiredFields,
    IReadOnlyList<string> RequiredDocuments)
{
    /// <summary>
    /// This move followed by <paramref name="later"/> before the applicant saw it: one notice from the first version to the
    /// last, with everything either dropped or newly required.
    /// </summary>
    public DraftMove Then(DraftMove later)
    {
        ArgumentNullException.ThrowIfNull(later);
        return new DraftMove(
            FromVersion, later.ToVersion, later.PublishedAt,
            Union(DroppedAnswers, later.DroppedAnswers), Union(DroppedDocuments, later.DroppedDocuments),
            Union(RequiredFields, later.RequiredFields), Union(RequiredDocuments, later.RequiredDocuments));
    }

    private static List<string> Union(IReadOnlyList<string> first, IReadOnlyList<string> second) =>
        [.. first.Union(second, StringComparer.Ordinal)];
}
