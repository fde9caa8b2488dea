using System.Text.Json;
using Clea.Auth.Demo;
using Clea.Data.Persistence;
using Clea.Data.Referentials;
using Clea.Data.Seeding;
using Clea.Graph.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Clea.Graph.Tests.Habilitations.LifeSupport;

namespace Clea.Graph.Tests.Audits;

/// <summary>
/// A CléA Management habilitation of the demo organism (notified 16 Nov 2026, the demo "today" being 24 Nov 2026) walked
/// through §V over simulated months: each act as the person who does it, and what the public registry and
/// verifyHabilitation answer on past dates.
/// </summary>
internal sealed class AuditWorld : IAsyncDisposable
{
    public const string Siren = DemoFixtures.ActiveQualiopi;
    public const string Certification = "CLEA_MANAGEMENT";
    public static readonly DateOnly Notified = new(2026, 11, 16);

    private readonly Dictionary<string, string> _tokens = [];

    public CleaApi Api { get; }
    public string HabilitationId { get; }

    private AuditWorld(CleaApi api, string habilitationId) => (Api, HabilitationId) = (api, habilitationId);

    public static async Task<AuditWorld> StartAsync(DatabaseProvider provider)
    {
        // Tokens live by the host's clock, which moves months ahead: long-lived tokens spare a password grant per simulated day.
        var api = await CleaApi.StartAsync(provider, settings: new Dictionary<string, string?> { ["Identity:AccessTokenLifetime"] = "1000.00:00:00" });
        var id = await api.AcceptedHabilitationAsync(Siren, CertificationCode.CleaManagement, new DateOnly(2026, 9, 1), new DateOnly(2026, 11, 2), Notified);
        return new AuditWorld(api, GlobalIdOf(id));
    }

    /// <summary>
    /// The same world, but the habilitation comes from an application filed through the API (campaign opened 1 Sep 2026),
    /// accepted at the 2 Nov meeting and notified on 16 Nov: the audit's evidence then has a file as filed.
    /// </summary>
    public static async Task<(AuditWorld World, string ReceiptNumber)> StartFiledAsync(DatabaseProvider provider)
    {
        var api = await CleaApi.StartAsync(provider, settings: new Dictionary<string, string?> { ["Identity:AccessTokenLifetime"] = "1000.00:00:00" });
        var today = api.Today();
        api.MoveTo(new DateOnly(2026, 9, 1));
        var staff = await api.TokenForAsync(DemoAccounts.CertifPro);
        var organism = await api.TokenForAsync(DemoAccounts.Organism);
        await Applications.ApplicationApi.OkAsync(api, staff, Applications.ApplicationApi.CreateCampaign, new { input = new { certification = Certification, code = "CP-MGT-AUDIT",
            name = "Campagne Management", opensOn = "2026-09-01", closesOn = "2026-10-15", meetingDates = new[] { "2026-11-02" } } });
        var filed = (await Applications.ApplicationApi.OkAsync(api, organism, Applications.ApplicationApi.FileApplication,
            new { input = await Applications.ApplicationApi.FileInputAsync(api, "CP-MGT-AUDIT") })).GetProperty("fileApplication");
        var receipt = filed.GetProperty("receiptNumber").GetString()!;
        int habilitationId;
        await using (var scope = api.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<Clea.Data.CleaDbContext>();
            habilitationId = await db.Applications.Where(a => a.ReceiptNumber == receipt).SelectMany(a => a.Candidates).Select(c => c.HabilitationId).SingleAsync();
            var habilitation = await db.Habilitations.Include(h => h.Suspensions).Include(h => h.Instance).SingleAsync(h => h.Id == habilitationId);
            habilitation.Accept(new DateOnly(2026, 11, 2), Notified);
            await db.SaveChangesAsync();
        }
        api.MoveTo(today);
        return (new AuditWorld(api, GlobalIdOf(habilitationId)), receipt);
    }

    public async Task<string> TokenAsync(string email)
    {
        if (!_tokens.TryGetValue(email, out var token)) _tokens[email] = token = await Api.TokenForAsync(email);
        return token;
    }

    public void MoveTo(DateOnly day) => Api.MoveTo(day);

    /// <summary>Runs a request as a demo user; asserts it succeeded and returns the field.</summary>
    public async Task<JsonElement> OkAsync(string email, string query, object variables, string field)
    {
        var response = await Api.PostAsAsync(await TokenAsync(email), query, variables);
        Assert.False(response.HasErrors, response.Body);
        return response.Data.GetProperty(field);
    }

    /// <summary>Runs a request that must be refused with <paramref name="code"/>, and proves nothing changed.</summary>
    public async Task RefusedAsync(string email, string query, object variables, string code)
    {
        var before = await Api.CountRowsAsync();
        var response = await Api.PostAsAsync(await TokenAsync(email), query, variables);
        Assert.Contains(code, response.ErrorCodes);
        Assert.Equal(before, await Api.CountRowsAsync());
    }

    public async Task<string> AuditorIdAsync() => (await OkAsync(DemoAccounts.Auditor, "{ me { subject } }", new { }, "me")).GetProperty("subject").GetString()!;

    public async Task<string> ScheduleAsync()
        => (await OkAsync(DemoAccounts.CertifPro, """
            mutation($input: ScheduleAuditInput!) { scheduleAudit(input: $input) { id stage } }
            """, new
        {
            input = new
            {
                habilitationId = HabilitationId, mode = "ON_SITE", periodFrom = Date(Notified), periodTo = Date(Api.Today().AddDays(-1)),
                auditorId = await AuditorIdAsync(), auditorAffiliation = "CONTRACTED_PROVIDER",
                plannedFrom = Date(Api.Today().AddDays(1)), plannedTo = Date(Api.Today().AddDays(2)),
            },
        }, "scheduleAudit")).GetProperty("id").GetString()!;

    public const string FileReport = """
        mutation($input: FileAuditReportInput!) { fileAuditReport(input: $input) { stage opinion observationsDueOn } }
        """;

    public Task<JsonElement> ReportAsync(string auditId, string opinion, params (string Description, string Severity)[] anomalies)
        => OkAsync(DemoAccounts.Auditor, FileReport, new
        {
            input = new { auditId, findings = "Dossiers contrôlés sur échantillon", opinion, anomalies = anomalies.Select(a => new { description = a.Description, severity = a.Severity }).ToArray() },
        }, "fileAuditReport");

    public const string Decide = """
        mutation($input: DecideOnAuditInput!) { decideOnAudit(input: $input) { stage outcome decisionNotifiedLate decisionNotificationDueOn } }
        """;

    public Task<JsonElement> DecideAsync(string auditId, DateOnly meetingOn, DateOnly notifiedOn, bool failings, DateOnly? withdrawalOn = null, bool suspend = false)
        => OkAsync(DemoAccounts.CertifPro, Decide, new
        {
            input = new
            {
                auditId, meetingOn = Date(meetingOn), notifiedOn = Date(notifiedOn), failingsFound = failings, suspend,
                notice = withdrawalOn is null ? null : new { failings = "Émargements manquants", complianceUntil = Date(notifiedOn.AddMonths(1)), withdrawalOn = Date(withdrawalOn.Value) },
                reason = "Décision de la réunion",
            },
        }, "decideOnAudit");

    /// <summary>The organism's latest conformity procedure, as the organism sees it.</summary>
    public async Task<JsonElement> ProcedureAsync()
        => (await OkAsync(DemoAccounts.Organism, """
            query($siren: String) { conformityProcedures(siren: $siren, first: 1) { nodes { id stage suspends closedOn watchUntil notices { number notifiedOn withdrawalOn justificationDueOn justifiedOn answerDueOn } } } }
            """, new { siren = Siren }, "conformityProcedures")).GetProperty("nodes")[0];

    public async Task<JsonElement> JustifyAsync(string procedureId)
        => await OkAsync(DemoAccounts.Organism, "mutation($id: ID!) { justifyCorrectiveMeasures(procedure: $id, justification: \"Plan d'action et preuves jointes\") { stage notices { answerDueOn } } }",
            new { id = procedureId }, "justifyCorrectiveMeasures");

    /// <summary>The status on each day, as verifyHabilitation and the public registry's periods answer it (anonymously).</summary>
    public async Task ExpectAsync(params (DateOnly Day, string Status)[] expectations)
    {
        var registry = (await Api.QueryAsync("query($siren: String!) { organism(siren: $siren) { habilitations { certification periods { status from until } } } }", new { siren = Siren }))
            .GetProperty("organism").GetProperty("habilitations").EnumerateArray().First(h => h.GetProperty("certification").GetString() == Certification);
        var periods = Periods(registry);
        foreach (var (day, status) in expectations)
        {
            Assert.True(status == await Api.StatusAsync(Siren, Certification, day), $"verifyHabilitation on {day:yyyy-MM-dd}: expected {status}, got {await Api.StatusAsync(Siren, Certification, day)}");
            var period = periods.Single(p => DateOnly.Parse(p.From) <= day && (p.Until is null || DateOnly.Parse(p.Until) >= day));
            // The registry shows a renewed period as RENEWED; otherwise the same status.
            Assert.True(status == period.Status, $"registry on {day:yyyy-MM-dd}: expected {status}, periods {string.Join(", ", periods)}");
        }
    }

    public async Task<IReadOnlyList<string>> EventKindsAsync()
        => [.. (await OkAsync(DemoAccounts.CertifPro, "query($siren: String) { lifecycleEvents(siren: $siren, first: 100) { nodes { kind } } }", new { siren = Siren }, "lifecycleEvents"))
            .GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("kind").GetString()!)];

    public ValueTask DisposeAsync() => Api.DisposeAsync();
}
