using EmploymentProcedures.Engine.Workflow;
using EmploymentProcedures.Host.Tests.MyApplications;

namespace EmploymentProcedures.Host.Tests.Reviewing;

/// <summary>
/// Files in review made for one test: their applicant's name carries a word of its own, so a search for it shows
/// exactly these files in the shared portal, whatever other tests filed.
/// </summary>
internal sealed record InboxFiles(string Word, IReadOnlyList<Application> InReview, Application ChangesRequested)
{
    public IEnumerable<Application> All => InReview.Append(ChangesRequested);

    /// <summary>The province of the files, and one whose reviewers must not see them.</summary>
    public string Province => ChangesRequested.Province!;

    public string OtherProvince => Province == "rabat" ? "casablanca" : "rabat";

    /// <summary><paramref name="inReview"/> files in review and one whose changes were requested, all of one applicant.</summary>
    public static async Task<InboxFiles> FileAsync(LivePortal portal, int inReview = 2)
    {
        var word = "zq" + Guid.NewGuid().ToString("N")[..8];
        var applicant = Actor.Applicant("applicant-" + word, "Salma Benali " + word);
        var filing = portal.Filing;
        var submitted = new List<Application>();
        for (var i = 0; i < inReview; i++)
            submitted.Add(await filing.SubmittedAsync(applicant));
        var changes = await filing.RequestChangesAsync(await filing.SubmittedAsync(applicant), "Précisez.", "article_count");
        return new InboxFiles(word, submitted, changes);
    }
}
