using EmploymentProcedures.Engine.Definitions;

namespace EmploymentProcedures.Engine.Validation;

/// <summary>
/// What a prefilled link gives a new draft (<see cref="PrefillLink.Read"/>): the answers, the paths of those the link
/// filled (the form marks them), and every value of the link it did not take, each with its reason.
/// </summary>
/// <param name="Answers">The answers the draft starts with: those it already had, with the link's values laid over them.</param>
/// <param name="Fields">The validator's paths the link filled (<c>duration</c>, <c>employer.ice</c>, <c>parties[1].party_name</c>).</param>
/// <param name="Ignored">The link's values not taken, in the order the link gave them.</param>
/// <param name="Refusal">Why nothing at all was taken (a link with too many values); null when the link was read.</param>
public sealed record PrefillResult(Answers Answers, IReadOnlyList<string> Fields, IReadOnlyList<IgnoredValue> Ignored, LocalizedText? Refusal = null)
{
    /// <summary>Whether the link filled anything or left anything aside, so the applicant has something to be told.</summary>
    public bool IsEmpty => Fields.Count == 0 && Ignored.Count == 0 && Refusal is null;
}

/// <summary>One value of a prefilled link that was not taken.</summary>
/// <param name="Key">The name the link gave it, without <c>f.</c> (<c>employer.ice</c>, <c>parties.2.side</c>).</param>
/// <param name="Code">Why, as a stable code: one of <see cref="PrefillLink"/>'s own or the validator's (<c>ice.checksum</c>, <c>choice.unknown</c>).</param>
/// <param name="Reason">The same in French, Arabic and English, for the applicant.</param>
public sealed record IgnoredValue(string Key, string Code, LocalizedText Reason);
