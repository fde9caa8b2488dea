using System.Net;
using System.Net.Http.Headers;
using Clea.Auth.Demo;
using Clea.Data;
using Clea.Data.Evaluations;
using Clea.Data.Persistence;
using Clea.Data.Registry;
using Clea.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Clea.Graph.Tests.Audits;

/// <summary>
/// The auditor's journey: access opens with the audit and ends with the final report; a reproducible, paged sample of the
/// audited files; the CSV download with the auditor's token; every read logged for the Instance; others refused.
/// </summary>
public sealed class AuditorJourneyTests
{
    private const string Evidence = """
        query($audit: ID!, $sample: Int!, $seed: Int!, $first: Int, $after: String) {
          auditEvidence(audit: $audit, sample: $sample, seed: $seed, first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } nodes { reference lastName evaluations { kind } } }
        }
        """;

    private static async Task SeedCandidatesAsync(AuditWorld world, int count)
    {
        using var scope = world.Api.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<CleaDbContext>();
        var organism = await db.Organisms.Include(o => o.Sites).SingleAsync(o => o.Siren == Siren.Parse(AuditWorld.Siren));
        var habilitations = await db.Habilitations.Include(h => h.Suspensions).Where(h => h.OrganismId == organism.Id).ToListAsync();
        for (var i = 0; i < count; i++)
            db.Candidates.Add(Candidate.Register(organism, organism.Sites.First(s => s.IsOpenOn(AuditWorld.Notified)), Clea.Data.Referentials.CertificationCode.CleaManagement,
                AuditWorld.Notified.AddDays(i % 5), new CandidateIdentity("Léa", $"Candidate{i}", new DateOnly(1990, 4, 12), null, null, FundingScheme.Cpf), habilitations));
        await db.SaveChangesAsync();
    }

    private static async Task<(HttpStatusCode Status, string Body)> DownloadAsync(AuditWorld world, string auditId, string? email, string format = "csv")
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/audits/{auditId}/evidence.{format}?sample=4&seed=42");
        if (email is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await world.TokenAsync(email));
        using var response = await world.Api.Client.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task The_auditor_reads_a_reproducible_sample_only_while_the_audit_is_open_and_every_read_is_logged(DatabaseProvider provider)
    {
        await using var world = await AuditWorld.StartAsync(provider);
        await SeedCandidatesAsync(world, 10);
        var audited = "{ me { auditedSirens } }";
        Assert.DoesNotContain(AuditWorld.Siren, (await world.OkAsync(DemoAccounts.Auditor, audited, new { }, "me")).GetProperty("auditedSirens").EnumerateArray().Select(s => s.GetString()));

        var auditId = await world.ScheduleAsync();
        Assert.Contains(AuditWorld.Siren, (await world.OkAsync(DemoAccounts.Auditor, audited, new { }, "me")).GetProperty("auditedSirens").EnumerateArray().Select(s => s.GetString()));

        // A sample of 4 out of 10, in pages of 3; the same seed draws the same files.
        var first = await world.OkAsync(DemoAccounts.Auditor, Evidence, new { audit = auditId, sample = 4, seed = 42, first = 3 }, "auditEvidence");
        Assert.Equal(4, first.GetProperty("totalCount").GetInt32());
        Assert.True(first.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean());
        var rest = await world.OkAsync(DemoAccounts.Auditor, Evidence,
            new { audit = auditId, sample = 4, seed = 42, first = 3, after = first.GetProperty("pageInfo").GetProperty("endCursor").GetString() }, "auditEvidence");
        Assert.False(rest.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean());
        var drawn = first.GetProperty("nodes").EnumerateArray().Concat(rest.GetProperty("nodes").EnumerateArray()).Select(n => n.GetProperty("reference").GetString()!).ToList();
        Assert.Equal(4, drawn.Distinct().Count());
        var again = await world.OkAsync(DemoAccounts.Auditor, Evidence, new { audit = auditId, sample = 4, seed = 42, first = 10 }, "auditEvidence");
        Assert.Equal(drawn, again.GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("reference").GetString()!));

        // The CSV of the same sample, with the auditor's token; nobody else.
        var (status, csv) = await DownloadAsync(world, auditId, DemoAccounts.Auditor);
        Assert.Equal(HttpStatusCode.OK, status);
        var lines = csv.Split("\r\n\r\n")[0].Split("\r\n", StringSplitOptions.RemoveEmptyEntries); // the first of the three tables: the sample
        Assert.StartsWith("Draw,CandidateReference,LastName", lines[0]);
        Assert.Equal(drawn.ToHashSet(), lines.Skip(1).Select(l => l.Split(',')[1]).ToHashSet());
        var (jsonStatus, json) = await DownloadAsync(world, auditId, DemoAccounts.Auditor, "json");
        Assert.Equal(HttpStatusCode.OK, jsonStatus);
        Assert.Contains(drawn[0], json);
        Assert.Equal(HttpStatusCode.Unauthorized, (await DownloadAsync(world, auditId, null)).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await DownloadAsync(world, auditId, DemoAccounts.Organism)).Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await DownloadAsync(world, "not-an-id", DemoAccounts.Auditor)).Status);

        // Others may not read the evidence: the Instance is refused by the schema, a wrong sample by the rule.
        var instance = await world.Api.PostAsAsync(await world.TokenAsync(DemoAccounts.CertifPro), Evidence, new { audit = auditId, sample = 4, seed = 42 });
        Assert.True(instance.HasErrors);
        await world.RefusedAsync(DemoAccounts.Auditor, Evidence, new { audit = auditId, sample = 0, seed = 42 }, "INVALID_SAMPLE");

        // Every read is in the log the Instance (and the organism) sees: 3 GraphQL pages, the CSV and the JSON.
        var readEvents = (await world.OkAsync(DemoAccounts.CertifPro, "query($siren: String) { lifecycleEvents(siren: $siren, kinds: [AUDIT_EVIDENCE_READ], first: 20) { nodes { reason actorRole actorName } } }",
            new { siren = AuditWorld.Siren }, "lifecycleEvents")).GetProperty("nodes").EnumerateArray().ToList();
        Assert.All(readEvents, e => Assert.Equal("auditor", e.GetProperty("actorRole").GetString()));
        var reads = readEvents.Select(n => n.GetProperty("reason").GetString()!).ToList();
        Assert.Equal(5, reads.Count);
        Assert.All(drawn, d => Assert.Contains(reads, r => r.Contains(d, StringComparison.Ordinal)));

        // The final report closes the auditor's access.
        world.MoveTo(AuditWorld.Notified.AddDays(15));
        await world.ReportAsync(auditId, "FAVOURABLE");
        await world.RefusedAsync(DemoAccounts.Auditor, Evidence, new { audit = auditId, sample = 4, seed = 42 }, "AUDIT_NOT_OPEN_FOR_CALLER");
        Assert.DoesNotContain(AuditWorld.Siren, (await world.OkAsync(DemoAccounts.Auditor, audited, new { }, "me")).GetProperty("auditedSirens").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal(HttpStatusCode.Forbidden, (await DownloadAsync(world, auditId, DemoAccounts.Auditor)).Status);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task The_evidence_carries_the_file_as_filed_and_the_intervenants_qualifications_on_every_page_and_in_both_exports(DatabaseProvider provider)
    {
        var (world, receipt) = await AuditWorld.StartFiledAsync(provider);
        await using var _ = world;
        await world.OkAsync(DemoAccounts.Organism, """
            mutation { declareIntervenant(input: { firstName: "Jeanne", lastName: "Évaluatrice", evaluator: true, trainer: false, qualifications: ["Master FLE", "Habilitée CléA"], remoteEvaluation: true }) { id } }
            """, new { }, "declareIntervenant");
        await SeedCandidatesAsync(world, 3);
        var auditId = await world.ScheduleAsync();

        var page = await world.OkAsync(DemoAccounts.Auditor, """
            query($audit: ID!) { auditEvidence(audit: $audit, sample: 2, seed: 7, first: 1) { totalCount nodes { reference }
              applicationFile { receiptNumber filedOn campaign certification scope administrative { candidates { siren name } intervenants { lastName qualifications } }
                technical { modalities { subCompetence modality } evaluationProcess } }
              intervenants { firstName lastName evaluator trainer qualifications } } }
            """, new { audit = auditId }, "auditEvidence");
        var file = page.GetProperty("applicationFile");
        Assert.Equal(receipt, file.GetProperty("receiptNumber").GetString());
        Assert.Equal(("CP-MGT-AUDIT", AuditWorld.Certification), (file.GetProperty("campaign").GetString(), file.GetProperty("certification").GetString()));
        Assert.Equal([AuditWorld.Siren], file.GetProperty("administrative").GetProperty("candidates").EnumerateArray().Select(c => c.GetProperty("siren").GetString()));
        Assert.Contains(file.GetProperty("administrative").GetProperty("intervenants").EnumerateArray(), i => i.GetProperty("lastName").GetString() == "Martin");
        Assert.NotEmpty(file.GetProperty("technical").GetProperty("modalities").EnumerateArray());
        var jeanne = page.GetProperty("intervenants").EnumerateArray().Single(i => i.GetProperty("lastName").GetString() == "Évaluatrice");
        Assert.Equal(["Master FLE", "Habilitée CléA"], jeanne.GetProperty("qualifications").EnumerateArray().Select(q => q.GetString()));

        // Both exports carry them too: the CSV as three tables (sample, intervenants, file), the JSON as three members.
        var (status, csv) = await DownloadAsync(world, auditId, DemoAccounts.Auditor);
        Assert.Equal(HttpStatusCode.OK, status);
        var tables = csv.Split("\r\n\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, tables.Length);
        Assert.StartsWith("Draw,CandidateReference,LastName", tables[0]);
        Assert.StartsWith("Id,FirstName,LastName,Evaluator,Trainer,RemoteEvaluation,Qualifications,DeclaredOn,WithdrawnOn", tables[1]);
        Assert.Contains("Jeanne,Évaluatrice,true,false,true,Master FLE; Habilitée CléA", tables[1], StringComparison.Ordinal);
        Assert.StartsWith("ApplicationFileField,Value", tables[2]);
        Assert.Contains($"ReceiptNumber,{receipt}", tables[2], StringComparison.Ordinal);
        Assert.Contains("Modality ", tables[2], StringComparison.Ordinal);
        var (jsonStatus, json) = await DownloadAsync(world, auditId, DemoAccounts.Auditor, "json");
        Assert.Equal(HttpStatusCode.OK, jsonStatus);
        using var document = System.Text.Json.JsonDocument.Parse(json);
        Assert.Equal(3, document.RootElement.GetProperty("sample").EnumerateArray().Select(r => r.GetProperty("draw").GetInt32()).Distinct().Count()); // all 3 files in scope
        Assert.Contains(document.RootElement.GetProperty("intervenants").EnumerateArray(), i => i.GetProperty("qualifications").GetString() == "Master FLE; Habilitée CléA");
        Assert.Contains(document.RootElement.GetProperty("applicationFile").EnumerateArray(), f => f.GetProperty("value").GetString() == receipt);

        // Each read names the file and the intervenants in the log.
        var reads = (await world.OkAsync(DemoAccounts.CertifPro, "query($siren: String) { lifecycleEvents(siren: $siren, kinds: [AUDIT_EVIDENCE_READ], first: 20) { nodes { reason } } }",
            new { siren = AuditWorld.Siren }, "lifecycleEvents")).GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("reason").GetString()!).ToList();
        Assert.Equal(3, reads.Count);
        Assert.All(reads, r => Assert.Contains($"application file {receipt}", r, StringComparison.Ordinal));
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task The_organism_sees_its_own_audit_the_public_sees_none_and_a_cpne_none_outside_its_field(DatabaseProvider provider)
    {
        await using var world = await AuditWorld.StartAsync(provider);
        var auditId = await world.ScheduleAsync();
        const string Read = "query($id: ID!) { audit(id: $id) { stage auditorName } }";
        Assert.Equal("SCHEDULED", (await world.OkAsync(DemoAccounts.Organism, Read, new { id = auditId }, "audit")).GetProperty("stage").GetString());
        Assert.True((await world.Api.PostAsync(Read, new { id = auditId })).HasErrors);
        var other = await world.Api.PostAsAsync(await world.TokenAsync(DemoAccounts.Organism2), Read, new { id = auditId });
        Assert.Contains("AUDIT_NOT_FOUND", other.ErrorCodes);
        var cpne = await world.Api.PostAsAsync(await world.TokenAsync(DemoAccounts.Cpne), Read, new { id = auditId });
        Assert.Contains("AUDIT_NOT_FOUND", cpne.ErrorCodes);
        // A CPNE may not schedule on Certif Pro's habilitation; nothing is created.
        await world.RefusedAsync(DemoAccounts.Cpne, """
            mutation($input: ScheduleAuditInput!) { scheduleAudit(input: $input) { id } }
            """, new { input = new { habilitationId = world.HabilitationId, mode = "ON_DOCUMENTS", periodFrom = "2026-11-16", periodTo = "2026-11-20", auditorId = await world.AuditorIdAsync(),
                auditorAffiliation = "CPNE", plannedFrom = "2026-11-25", plannedTo = "2026-11-25" } }, "OUTSIDE_INSTANCE_FIELD");
        // Observations after 15 working days are refused and change nothing.
        world.MoveTo(new DateOnly(2026, 12, 1));
        await world.ReportAsync(auditId, "FAVOURABLE_WITH_RESERVATIONS", ("Émargement incomplet", "MINOR"));
        world.MoveTo(new DateOnly(2026, 12, 23));
        await world.RefusedAsync(DemoAccounts.Organism, "mutation($id: ID!) { submitAuditObservations(audit: $id, observations: \"Trop tard\") { stage } }", new { id = auditId }, "OBSERVATIONS_DEADLINE_PASSED");
        // The Instance's work queue: the decision is awaited.
        var agenda = await world.OkAsync(DemoAccounts.CertifPro, "{ conformityAgenda(dueBefore: \"2027-01-31\") { nodes { kind dueOn overdue } } }", new { }, "conformityAgenda");
        Assert.Contains(agenda.GetProperty("nodes").EnumerateArray(), i => i.GetProperty("kind").GetString() == "DECISION_AWAITED" && i.GetProperty("dueOn").GetString() == "2026-12-22");
    }
}
