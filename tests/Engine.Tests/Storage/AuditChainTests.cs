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
        var owners = new Dictionary<Guid, Actor>();
        var submitted = new List<Guid>();

        for (var i = 0; i < 150; i++)
        {
            var id = owners.Count == 0 || random.Next(6) == 0 ? Guid.Empty : owners.Keys.ElementAt(random.Next(owners.Count));
            // Mostly the owner, sometimes someone else trying their luck.
            var applicant = id != Guid.Empty && random.Next(6) != 0 ? owners[id] : applicants[random.Next(applicants.Count)];
            var agent = agents[random.Next(agents.Length)];
            if (id == Guid.Empty)
            {
                var started = await store.Applications.StartAsync("store-visa", applicant);
                owners.Add(started.Application!.Id, applicant);
                continue;
            }
            switch (random.Next(5))
            {
                case 0:
                    await store.Applications.SaveAnswersAsync(id, applicant, TestStore.ValidAnswers(random.Next(2) == 0 ? "casablanca" : "rabat"));
                    break;
                case 1:
                    await store.Applications.AttachDocumentAsync(id, applicant, "passport", $"p{i}.pdf", new MemoryStream(TestStore.Pdf(i.ToString(System.Globalization.CultureInfo.InvariantCulture))));
                    break;
                case 2:
                    if ((await store.Applications.SubmitAsync(id, applicant)).Succeeded)
                        submitted.Add(id);
                    break;
                case 3:
                    await store.Applications.DecideAsync(submitted.Count > 0 ? submitted[random.Next(submitted.Count)] : id, agent, new WorkflowCommand.Decide("reception", random.Next(3) switch
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
        var audit = await store.AuditAsync();
        Assert.Equal(audit.Count, verification.Entries);
        var kinds = audit.Select(a => a.Kind).ToHashSet();
        Assert.True(
            kinds.IsSupersetOf([StorageEvents.Started, WorkflowEvents.Saved, WorkflowEvents.Submitted, WorkflowEvents.Refused, WorkflowEvents.StepApproved]),
            string.Join(", ", kinds));
    }

    public static TheoryData<string, string> Tampering => new()
    {
        { "edit a comment", "UPDATE \"Audit\" SET \"Comment\" = 'rien à signaler' WHERE \"Sequence\" = 5" },
        { "edit who acted", "UPDATE \"Audit\" SET \"ActorName\" = 'Someone Else' WHERE \"Sequence\" = 6" },
        { "delete an entry", "DELETE FROM \"Audit\" WHERE \"Sequence\" = 4" },
        { "delete the last entry", "DELETE FROM \"Audit\" WHERE \"Sequence\" = (SELECT MAX(\"Sequence\") FROM \"Audit\")" },
        { "swap two entries", "UPDATE \"Audit\" SET \"Sequence\" = -4 WHERE \"Sequence\" = 4; UPDATE \"Audit\" SET \"Sequence\" = 4 WHERE \"Sequence\" = 5; UPDATE \"Audit\" SET \"Sequence\" = 5 WHERE \"Sequence\" = -4" },
        { "rewrite an entry and its hash", "UPDATE \"Audit\" SET \"Kind\" = 'decided', \"Hash\" = \"PreviousHash\" WHERE \"Sequence\" = 7" },
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
        // Format 1 encodes the texts themselves (format 2 encodes the digests of the personal ones).
        Format = 1,
    };
}
