using Clea.Auth.Demo;
using Clea.Data.Persistence;
using Clea.Testing;
using static Clea.Graph.Tests.Habilitations.LifeSupport;

namespace Clea.Graph.Tests.Audits;

/// <summary>
/// One scenario per branch of convention §V, over simulated months on both databases: audit, report, decision, formal
/// notice, justification or silence, and what the public registry and verifyHabilitation(on:) answer for past dates.
/// </summary>
public sealed class ConformityScenarioTests
{
    private static readonly DateOnly Opened = new(2026, 11, 24);       // demo "today", a Tuesday
    private static readonly DateOnly ReportOn = new(2026, 12, 1);
    private static readonly DateOnly ObservationsDue = new(2026, 12, 22); // 15 working days after 1 Dec 2026
    private static readonly DateOnly Meeting = new(2027, 1, 5);
    private static readonly DateOnly NoticeOn = new(2027, 1, 12);
    private static readonly DateOnly WithdrawalOn = new(2027, 3, 15);   // after the justification deadline (23 Feb 2027)

    private static async Task<(AuditWorld World, string AuditId)> ReportedAsync(DatabaseProvider provider, string opinion, params (string, string)[] anomalies)
    {
        var world = await AuditWorld.StartAsync(provider);
        var auditId = await world.ScheduleAsync();
        world.MoveTo(ReportOn);
        var report = await world.ReportAsync(auditId, opinion, anomalies);
        Assert.Equal(Date(ObservationsDue), report.GetProperty("observationsDueOn").GetString());
        world.MoveTo(NoticeOn);
        return (world, auditId);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task A_favourable_report_maintains_the_habilitation(DatabaseProvider provider)
    {
        var (world, auditId) = await ReportedAsync(provider, "FAVOURABLE");
        await using var _ = world;
        var decided = await world.DecideAsync(auditId, Meeting, NoticeOn, failings: false);
        Assert.Equal("MAINTAINED", decided.GetProperty("outcome").GetString());
        Assert.False(decided.GetProperty("decisionNotifiedLate").GetBoolean());
        await world.ExpectAsync((Opened, "ACTIVE"), (ReportOn, "ACTIVE"), (NoticeOn, "ACTIVE"), (NoticeOn.AddMonths(6), "ACTIVE"));
        Assert.Empty((await world.OkAsync(DemoAccounts.Organism, "{ conformityProcedures(first: 5) { nodes { id } } }", new { }, "conformityProcedures")).GetProperty("nodes").EnumerateArray());
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Reservations_then_a_justification_then_silence_deem_the_measures_sufficient(DatabaseProvider provider)
    {
        var (world, auditId) = await ReportedAsync(provider, "FAVOURABLE_WITH_RESERVATIONS", ("Émargement incomplet", "MINOR"));
        await using var _ = world;
        Assert.Equal("CONFORMITY_PROCEDURE", (await world.DecideAsync(auditId, Meeting, NoticeOn, failings: true, WithdrawalOn)).GetProperty("outcome").GetString());
        var procedure = await world.ProcedureAsync();
        Assert.Equal("AWAITING_JUSTIFICATION", procedure.GetProperty("stage").GetString());
        Assert.False(procedure.GetProperty("suspends").GetBoolean());

        world.MoveTo(new DateOnly(2027, 2, 1));
        var justified = await world.JustifyAsync(procedure.GetProperty("id").GetString()!);
        var answerDue = DateOnly.Parse(justified.GetProperty("notices")[0].GetProperty("answerDueOn").GetString()!);
        Assert.Equal(new DateOnly(2027, 3, 15), answerDue); // 30 working days after 1 Feb 2027

        world.MoveTo(answerDue);
        Assert.Equal(0, (await world.Api.SweepAsync()).ConformityProceduresClosed);
        world.MoveTo(answerDue.AddDays(1));
        Assert.Equal("DEEMED_SUFFICIENT", (await world.ProcedureAsync()).GetProperty("stage").GetString()); // by the dates, before the sweep
        Assert.Equal(1, (await world.Api.SweepAsync()).ConformityProceduresClosed);
        Assert.False((await world.Api.SweepAsync()).ChangedAnything);
        var closed = await world.ProcedureAsync();
        Assert.Equal(Date(answerDue.AddDays(1)), closed.GetProperty("closedOn").GetString());
        Assert.Equal(Date(answerDue.AddDays(1).AddMonths(12)), closed.GetProperty("watchUntil").GetString());
        Assert.Single(await world.EventKindsAsync(), k => k == "CORRECTIVE_MEASURES_DEEMED_SUFFICIENT");
        // Never suspended, and the notice's withdrawal date no longer applies once justified.
        await world.ExpectAsync((NoticeOn, "ACTIVE"), (WithdrawalOn, "ACTIVE"), (answerDue.AddDays(1), "ACTIVE"));
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task An_unfavourable_report_suspends_and_without_justification_withdraws_from_the_notice_date_with_nothing_to_click(DatabaseProvider provider)
    {
        var (world, auditId) = await ReportedAsync(provider, "UNFAVOURABLE", ("Évaluateur formateur du même candidat", "BLOCKING"));
        await using var _ = world;
        await world.DecideAsync(auditId, Meeting, NoticeOn, failings: true, WithdrawalOn, suspend: true);
        await world.ExpectAsync((NoticeOn.AddDays(-1), "ACTIVE"), (NoticeOn, "SUSPENDED"));

        // Suspended: activity stops (a new candidate is refused).
        var site = await Evaluations.EvaluationWorld.HeadOfficeAsync(world.Api, AuditWorld.Siren);
        var register = await world.Api.PostAsAsync(await world.TokenAsync(DemoAccounts.Organism), Evaluations.EvaluationWorld.Register,
            new { input = Evaluations.EvaluationWorld.Candidate(site, AuditWorld.Certification) });
        Assert.True(register.HasErrors, register.Body);

        // Past the withdrawal date, no sweep yet: the status already says so.
        world.MoveTo(WithdrawalOn.AddDays(5));
        await world.ExpectAsync((NoticeOn, "SUSPENDED"), (WithdrawalOn.AddDays(-1), "SUSPENDED"), (WithdrawalOn, "WITHDRAWN"), (WithdrawalOn.AddDays(5), "WITHDRAWN"));
        var procedure = await world.ProcedureAsync();
        Assert.Equal("WITHDRAWN", procedure.GetProperty("stage").GetString());
        await world.RefusedAsync(DemoAccounts.Organism, "mutation($id: ID!) { justifyCorrectiveMeasures(procedure: $id, justification: \"Trop tard\") { stage } }",
            new { id = procedure.GetProperty("id").GetString() }, "JUSTIFICATION_DEADLINE_PASSED");
        // The end, its case and rule, the procedure's closing and verifyHabilitation's dates show before the sweep too.
        Assert.Equal(Date(WithdrawalOn), procedure.GetProperty("closedOn").GetString());
        await ExpectEndAsync(world);

        // The sweep records it once; the history is unchanged.
        Assert.Equal(1, (await world.Api.SweepAsync()).ConformityProceduresClosed);
        Assert.False((await world.Api.SweepAsync()).ChangedAnything);
        await world.ExpectAsync((Opened, "ACTIVE"), (NoticeOn, "SUSPENDED"), (WithdrawalOn.AddDays(-1), "SUSPENDED"), (WithdrawalOn, "WITHDRAWN"));
        await ExpectEndAsync(world);
        Assert.Equal(Date(WithdrawalOn), (await world.ProcedureAsync()).GetProperty("closedOn").GetString());

        // The WITHDRAWN event names its case and rule, and so does its e-mail.
        var withdrawn = (await world.OkAsync(DemoAccounts.CertifPro, "query($siren: String) { notifications(siren: $siren, first: 50) { nodes { kind body } } }",
            new { siren = AuditWorld.Siren }, "notifications")).GetProperty("nodes").EnumerateArray().Single(n => n.GetProperty("kind").GetString() == "WITHDRAWN");
        Assert.Contains("Cas de retrait (convention, §V.3) : à l'issue d'une procédure de mise en conformité", withdrawn.GetProperty("body").GetString(), StringComparison.Ordinal);
        Assert.Contains("au jour indiqué dans la mise en demeure", withdrawn.GetProperty("body").GetString(), StringComparison.Ordinal);
        Assert.Contains("soit le 15 mars 2027", withdrawn.GetProperty("body").GetString(), StringComparison.Ordinal);
    }

    private static async Task ExpectEndAsync(AuditWorld world)
    {
        var habilitation = (await world.OkAsync(DemoAccounts.CertifPro, "query($siren: String!) { organism(siren: $siren) { habilitations { certification endedOn withdrawalCase withdrawalEffect } } }",
            new { siren = AuditWorld.Siren }, "organism")).GetProperty("habilitations").EnumerateArray().First(h => h.GetProperty("certification").GetString() == AuditWorld.Certification);
        Assert.Equal(Date(WithdrawalOn), habilitation.GetProperty("endedOn").GetString());
        Assert.Equal("CONFORMITY_PROCEDURE_END", habilitation.GetProperty("withdrawalCase").GetString());
        Assert.Equal("ON_NOTICE_DATE", habilitation.GetProperty("withdrawalEffect").GetString());
        var verified = await world.Api.VerifyAsync(AuditWorld.Siren, AuditWorld.Certification, WithdrawalOn.AddDays(2));
        Assert.Equal(Date(WithdrawalOn.AddDays(-1)), verified.GetProperty("validUntil").GetString());
        Assert.Contains(Date(WithdrawalOn), verified.GetProperty("reason").GetString(), StringComparison.Ordinal);
        // The day before, nothing of the end was known yet.
        Assert.NotEqual(Date(WithdrawalOn.AddDays(-1)), (await world.Api.VerifyAsync(AuditWorld.Siren, AuditWorld.Certification, WithdrawalOn.AddDays(-1))).GetProperty("validUntil").GetString());
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task A_justification_then_an_additional_period_then_a_withdrawal_effective_on_its_notification(DatabaseProvider provider)
    {
        var (world, auditId) = await ReportedAsync(provider, "UNFAVOURABLE", ("Jury non tracé", "BLOCKING"));
        await using var _ = world;
        await world.DecideAsync(auditId, Meeting, NoticeOn, failings: true, WithdrawalOn, suspend: true);
        var id = (await world.ProcedureAsync()).GetProperty("id").GetString()!;
        world.MoveTo(new DateOnly(2027, 2, 1));
        await world.JustifyAsync(id);
        world.MoveTo(new DateOnly(2027, 2, 15));
        var second = await world.OkAsync(DemoAccounts.CertifPro, """
            mutation($id: ID!) { grantAdditionalCompliancePeriod(procedure: $id, notice: { failings: "Traçabilité du jury", complianceUntil: "2027-04-15", withdrawalOn: "2027-06-30" }) { stage notices { number justificationDueOn } } }
            """, new { id }, "grantAdditionalCompliancePeriod");
        Assert.Equal("AWAITING_JUSTIFICATION", second.GetProperty("stage").GetString());
        world.MoveTo(new DateOnly(2027, 3, 1));
        await world.JustifyAsync(id);
        world.MoveTo(new DateOnly(2027, 3, 10));
        await world.OkAsync(DemoAccounts.CertifPro, "mutation($id: ID!) { withdrawAfterConformityProcedure(procedure: $id, reason: \"Mesures insuffisantes\") { stage } }", new { id }, "withdrawAfterConformityProcedure");
        // Suspended for the whole procedure (through both periods), withdrawn on the notification.
        await world.ExpectAsync((NoticeOn, "SUSPENDED"), (new DateOnly(2027, 2, 20), "SUSPENDED"), (new DateOnly(2027, 3, 9), "SUSPENDED"),
            (new DateOnly(2027, 3, 10), "WITHDRAWN"), (new DateOnly(2027, 7, 1), "WITHDRAWN"));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite, 11, "WITHDRAWN_FOR_NEW_FAILINGS")]
    [InlineData(DatabaseProvider.Postgres, 11, "WITHDRAWN_FOR_NEW_FAILINGS")]
    [InlineData(DatabaseProvider.Sqlite, 13, "CONFORMITY_PROCEDURE")]
    [InlineData(DatabaseProvider.Postgres, 13, "CONFORMITY_PROCEDURE")]
    public async Task New_failings_within_12_months_of_the_end_withdraw_on_notification_and_after_12_months_open_an_ordinary_procedure(DatabaseProvider provider, int months, string outcome)
    {
        var (world, auditId) = await ReportedAsync(provider, "FAVOURABLE_WITH_RESERVATIONS", ("Émargement incomplet", "MINOR"));
        await using var _ = world;
        await world.DecideAsync(auditId, Meeting, NoticeOn, failings: true, WithdrawalOn);
        world.MoveTo(new DateOnly(2027, 2, 1));
        await world.JustifyAsync((await world.ProcedureAsync()).GetProperty("id").GetString()!);
        var closedOn = new DateOnly(2027, 3, 16);
        world.MoveTo(closedOn);
        await world.Api.SweepAsync();

        // A second audit finds failings `months` after the end.
        var found = closedOn.AddMonths(months);
        world.MoveTo(found.AddDays(-10));
        var second = await world.ScheduleAsync();
        world.MoveTo(found);
        var report = await world.ReportAsync(second, "FAVOURABLE_WITH_RESERVATIONS", ("Émargement toujours incomplet", "MINOR"));
        var meeting = DateOnly.Parse(report.GetProperty("observationsDueOn").GetString()!).AddDays(1);
        var notified = meeting.AddDays(7);
        world.MoveTo(notified);
        var decided = await world.DecideAsync(second, meeting, notified, failings: true, notified.AddMonths(4));
        Assert.Equal(outcome, decided.GetProperty("outcome").GetString());
        if (months == 11)
            await world.ExpectAsync((notified.AddDays(-1), "ACTIVE"), (notified, "WITHDRAWN"));
        else
        {
            await world.ExpectAsync((notified, "ACTIVE"));
            Assert.Equal("AWAITING_JUSTIFICATION", (await world.ProcedureAsync()).GetProperty("stage").GetString());
        }
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite, true)]
    [InlineData(DatabaseProvider.Postgres, true)]
    [InlineData(DatabaseProvider.Sqlite, false)]
    [InlineData(DatabaseProvider.Postgres, false)]
    public async Task A_refused_audit_withdraws_from_the_receipt_of_the_written_refusal_or_from_the_day_the_Instance_notes_it(DatabaseProvider provider, bool inWriting)
    {
        await using var world = await AuditWorld.StartAsync(provider);
        var auditId = await world.ScheduleAsync();
        var refusedOn = Opened.AddDays(3);
        world.MoveTo(refusedOn);
        var audit = inWriting
            ? await world.OkAsync(DemoAccounts.Organism, "mutation($id: ID!) { refuseAudit(audit: $id, reason: \"Nous refusons l'audit\") { stage refusedInWriting } }", new { id = auditId }, "refuseAudit")
            : await world.OkAsync(DemoAccounts.CertifPro, "mutation($id: ID!) { noteAuditRefusal(audit: $id, reason: \"Auditeur éconduit sur site\") { stage refusedInWriting } }", new { id = auditId }, "noteAuditRefusal");
        Assert.Equal("REFUSED", audit.GetProperty("stage").GetString());
        Assert.Equal(inWriting, audit.GetProperty("refusedInWriting").GetBoolean());
        await world.ExpectAsync((refusedOn.AddDays(-1), "ACTIVE"), (refusedOn, "WITHDRAWN"));
        var habilitation = (await world.OkAsync(DemoAccounts.CertifPro, "query($siren: String!) { organism(siren: $siren) { habilitations { certification withdrawalCase withdrawalEffect } } }",
            new { siren = AuditWorld.Siren }, "organism")).GetProperty("habilitations").EnumerateArray().First(h => h.GetProperty("certification").GetString() == AuditWorld.Certification);
        Assert.Equal("AUDIT_REFUSAL", habilitation.GetProperty("withdrawalCase").GetString());
        Assert.Equal(inWriting ? "ON_REFUSAL_RECEIPT" : "ON_REFUSAL_NOTED", habilitation.GetProperty("withdrawalEffect").GetString());
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite, "WARNING", "ACTIVE")]
    [InlineData(DatabaseProvider.Postgres, "WARNING", "ACTIVE")]
    [InlineData(DatabaseProvider.Sqlite, "SUSPENSION", "SUSPENDED")]
    [InlineData(DatabaseProvider.Postgres, "SUSPENSION", "SUSPENDED")]
    [InlineData(DatabaseProvider.Sqlite, "WITHDRAWAL", "WITHDRAWN")]
    [InlineData(DatabaseProvider.Postgres, "WITHDRAWAL", "WITHDRAWN")]
    public async Task An_edof_alert_applies_the_level_the_Instance_chose_from_its_notification(DatabaseProvider provider, string level, string status)
    {
        await using var world = await AuditWorld.StartAsync(provider);
        var notifiedOn = Opened.AddDays(7);
        world.MoveTo(notifiedOn);
        var alert = await world.OkAsync(DemoAccounts.CertifPro, """
            mutation($input: RecordEdofAlertInput!) { recordEdofAlert(input: $input) { reference level notifiedOn } }
            """, new { input = new { habilitationId = world.HabilitationId, reference = "CDC-2026-4471", source = "CAISSE_DES_DEPOTS", level, receivedOn = Date(Opened), reason = "Intitulé EDOF non conforme" } }, "recordEdofAlert");
        Assert.Equal(level, alert.GetProperty("level").GetString());
        await world.ExpectAsync((notifiedOn.AddDays(-1), "ACTIVE"), (notifiedOn, status), (notifiedOn.AddMonths(2), status));
        Assert.Contains("EDOF_ALERT_RECORDED", await world.EventKindsAsync());

        // Recorded alerts with their level: the Instance (its scope) and the organism (its own) list them; another organism sees none, an auditor may not ask.
        const string Alerts = "query($siren: String) { edofAlerts(siren: $siren, first: 10) { totalCount nodes { reference source level notifiedOn organism { siren } habilitation { certification status } } } }";
        foreach (var reader in new[] { DemoAccounts.CertifPro, DemoAccounts.Organism })
        {
            var listed = await world.OkAsync(reader, Alerts, new { siren = AuditWorld.Siren }, "edofAlerts");
            var node = Assert.Single(listed.GetProperty("nodes").EnumerateArray());
            Assert.Equal(("CDC-2026-4471", level, AuditWorld.Siren), (node.GetProperty("reference").GetString(), node.GetProperty("level").GetString(),
                node.GetProperty("organism").GetProperty("siren").GetString()));
        }
        Assert.Equal(0, (await world.OkAsync(DemoAccounts.Organism2, Alerts, new { siren = (string?)null }, "edofAlerts")).GetProperty("totalCount").GetInt32());
        Assert.Equal(0, (await world.OkAsync(DemoAccounts.Cpne, Alerts, new { siren = AuditWorld.Siren }, "edofAlerts")).GetProperty("totalCount").GetInt32());
        Assert.True((await world.Api.PostAsAsync(await world.TokenAsync(DemoAccounts.Auditor), Alerts, new { siren = AuditWorld.Siren })).HasErrors);
    }
}
