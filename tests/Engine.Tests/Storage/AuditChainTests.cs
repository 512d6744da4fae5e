using EmploymentProcedures.Engine.Definitions;
using EmploymentProcedures.Engine.Storage;
using EmploymentProcedures.Engine.Storage.Rows;
using EmploymentProcedures.Engine.Workflow;

namespace EmploymentProcedures.Engine.Tests.Storage;

/// <summary>The audit chain verifies after any mix of operations and finds any entry edited, removed or reordered in the database.</summary>
public sealed class AuditChainTests
{
    [Fact]
    public async Task Verify_AfterARandomSequenceOfOperations_IsIntact()
    {
        await using var store = await TestStore.CreateAsync();
        var random = new Random(20260302);
        var applicants = Enumerable.Range(0, 4).Select(i => TestStore.Applicant($"applicant-{i}")).ToList();
        var agents = new[] { TestStore.DeskAgent("karim", "casablanca"), TestStore.DeskAgent("rachid", "rabat") };
        var ids = new List<Guid>();

        for (var i = 0; i < 120; i++)
        {
            var applicant = applicants[random.Next(applicants.Count)];
            var agent = agents[random.Next(agents.Length)];
            var id = ids.Count == 0 || random.Next(5) == 0 ? Guid.Empty : ids[random.Next(ids.Count)];
            switch (random.Next(6))
            {
                case 0 or _ when id == Guid.Empty:
                    var started = await store.Applications.StartAsync("store-visa", applicant);
                    ids.Add(started.Application!.Id);
                    break;
                case 1:
                    await store.Applications.SaveAnswersAsync(id, applicant, TestStore.ValidAnswers(random.Next(2) == 0 ? "casablanca" : "rabat"));
                    break;
                case 2:
                    await store.Applications.AttachDocumentAsync(id, applicant, "passport", $"p{i}.pdf", new MemoryStream(TestStore.Pdf(i.ToString(System.Globalization.CultureInfo.InvariantCulture))));
                    break;
                case 3:
                    await store.Applications.SubmitAsync(id, applicant);
                    break;
                case 4:
                    await store.Applications.DecideAsync(id, agent, new WorkflowCommand.Decide("reception", random.Next(3) switch
                    {
                        0 => StepAction.Approve,
                        1 => StepAction.Reject,
                        _ => StepAction.RequestChanges,
                    }, "motif", ["company_name"]));
                    break;
                default:
                    await store.Applications.GetAsync(id, random.Next(2) == 0 ? applicant : agent);
                    break;
            }
        }

        var verification = await store.Audit.VerifyAsync();

        Assert.True(verification.Intact, verification.Problem);
        Assert.Equal((await store.AuditAsync()).Count, verification.Entries);
        Assert.True(verification.Entries > 120);
    }

    public static TheoryData<string, string> Tampering => new()
    {
        { "edit a comment", "UPDATE Audit SET Comment = 'rien à signaler' WHERE Sequence = 5" },
        { "edit who acted", "UPDATE Audit SET ActorName = 'Someone Else' WHERE Sequence = 6" },
        { "delete an entry", "DELETE FROM Audit WHERE Sequence = 4" },
        { "delete the last entry", "DELETE FROM Audit WHERE Sequence = (SELECT MAX(Sequence) FROM Audit)" },
        { "swap two entries", "UPDATE Audit SET Sequence = CASE Sequence WHEN 4 THEN 5 WHEN 5 THEN 4 END WHERE Sequence IN (4, 5)" },
        { "rewrite an entry and its hash", "UPDATE Audit SET Kind = 'decided', Hash = PreviousHash WHERE Sequence = 7" },
    };

    [Theory]
    [MemberData(nameof(Tampering))]
    public async Task Verify_AfterTamperingWithTheTable_FindsWhere(string tampering, string sql)
    {
        await using var store = await TestStore.CreateAsync();
        var amina = TestStore.Applicant("amina");
        var app = await store.SubmittedAsync(amina);
        await store.Applications.DecideAsync(app.Id, TestStore.DeskAgent(), new WorkflowCommand.Decide("reception", StepAction.Approve, "RAS"));
        Assert.True((await store.Audit.VerifyAsync()).Intact);

        await store.SqlAsync(sql);
        var verification = await store.Audit.VerifyAsync();

        Assert.False(verification.Intact, tampering);
        Assert.NotNull(verification.BrokenAt);
        Assert.NotNull(verification.Problem);
    }

    [Fact]
    public void Canonical_TextsThatWouldRunTogether_EncodeDifferently()
    {
        var a = Entry(comment: "a;b", detail: "c");
        var b = Entry(comment: "a", detail: "b;c");

        Assert.NotEqual(AuditLog.Canonical(a), AuditLog.Canonical(b));
        Assert.NotEqual(AuditLog.HashOf(AuditHead.Genesis, a), AuditLog.HashOf(AuditHead.Genesis, b));
    }

    private static AuditEntry Entry(string comment, string detail) => new()
    {
        Sequence = 1,
        At = new DateTime(2026, 3, 2, 9, 0, 0, DateTimeKind.Utc),
        ActorId = "amina",
        ActorName = "Amina",
        ActorRole = "employer",
        Kind = WorkflowEvents.Saved,
        Comment = comment,
        Detail = detail,
        PreviousHash = "",
        Hash = "",
    };
}
