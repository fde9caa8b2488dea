using Clea.Auth.Demo;
using Clea.Data.Persistence;
using Clea.Graph.Tests.Audits;
using Clea.Testing;
using static Clea.Graph.Tests.Habilitations.LifeSupport;

namespace Clea.Graph.Tests.Notifications;

/// <summary>The acts of an audit and its conformity procedure each write their French e-mail, with its working-day deadline.</summary>
public sealed class ConformityNotificationTests
{
    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Schedule_report_decision_and_formal_notice_each_notify_the_organism_with_their_deadline(DatabaseProvider provider)
    {
        await using var world = await AuditWorld.StartAsync(provider);
        var auditId = await world.ScheduleAsync();
        world.MoveTo(new DateOnly(2026, 12, 1));
        await world.ReportAsync(auditId, "FAVOURABLE_WITH_RESERVATIONS", ("Émargement incomplet", "MINOR"));
        world.MoveTo(new DateOnly(2027, 1, 12));
        await world.DecideAsync(auditId, new DateOnly(2027, 1, 5), new DateOnly(2027, 1, 12), failings: true, new DateOnly(2027, 3, 15));
        // Reading the evidence is an access log, not an act: it writes nothing.
        var nodes = (await world.OkAsync(DemoAccounts.CertifPro, "query($siren: String) { notifications(siren: $siren, first: 50) { nodes { kind subject body } } }",
            new { siren = AuditWorld.Siren }, "notifications")).GetProperty("nodes").EnumerateArray()
            .ToDictionary(n => n.GetProperty("kind").GetString()!, n => (Subject: n.GetProperty("subject").GetString()!, Body: n.GetProperty("body").GetString()!));

        Assert.Equal("CléA — Programmation d'un audit", nodes["AUDIT_SCHEDULED"].Subject);
        Assert.Equal("CléA — Rapport d'audit", nodes["AUDIT_REPORT_FILED"].Subject);
        Assert.Contains("15 jours ouvrés, soit au plus tard le 22 décembre 2026", nodes["AUDIT_REPORT_FILED"].Body, StringComparison.Ordinal);
        Assert.Equal("CléA — Décision à l'issue de l'audit", nodes["AUDIT_DECIDED"].Subject);
        Assert.Equal("CléA — Mise en demeure", nodes["FORMAL_NOTICE_NOTIFIED"].Subject);
        var notice = nodes["FORMAL_NOTICE_NOTIFIED"].Body;
        Assert.Contains("30 jours ouvrés, soit au plus tard le 23 février 2027", notice, StringComparison.Ordinal);
        Assert.Contains("Émargements manquants", notice, StringComparison.Ordinal);
        Assert.Contains("2027-03-15", notice, StringComparison.Ordinal); // the withdrawal date of the notice
        Assert.DoesNotContain("AUDIT_EVIDENCE_READ", nodes.Keys);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task A_suspending_notice_says_so_and_silence_after_a_justification_is_notified_as_measures_deemed_sufficient(DatabaseProvider provider)
    {
        await using var world = await AuditWorld.StartAsync(provider);
        var auditId = await world.ScheduleAsync();
        world.MoveTo(new DateOnly(2026, 12, 1));
        await world.ReportAsync(auditId, "UNFAVOURABLE", ("Évaluateur formateur du même candidat", "BLOCKING"));
        world.MoveTo(new DateOnly(2027, 1, 12));
        await world.DecideAsync(auditId, new DateOnly(2027, 1, 5), new DateOnly(2027, 1, 12), failings: true, new DateOnly(2027, 3, 15), suspend: true);
        var procedureId = (await world.ProcedureAsync()).GetProperty("id").GetString()!;
        world.MoveTo(new DateOnly(2027, 2, 1));
        var answerDue = DateOnly.Parse((await world.JustifyAsync(procedureId)).GetProperty("notices")[0].GetProperty("answerDueOn").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        // The Instance stays silent: the day after its 30 working days, the sweep records the measures deemed sufficient (the system acts).
        world.MoveTo(answerDue.AddDays(1));
        Assert.Equal(1, (await world.Api.SweepAsync()).ConformityProceduresClosed);

        var nodes = (await world.OkAsync(DemoAccounts.CertifPro, "query($siren: String) { notifications(siren: $siren, first: 50) { nodes { kind subject body } } }",
            new { siren = AuditWorld.Siren }, "notifications")).GetProperty("nodes").EnumerateArray()
            .GroupBy(n => n.GetProperty("kind").GetString()!).ToDictionary(g => g.Key, g => g.ToList());
        var notice = Assert.Single(nodes["FORMAL_NOTICE_NOTIFIED"]).GetProperty("body").GetString()!;
        Assert.Contains("votre habilitation est suspendue à compter du 12 janvier 2027 et pendant toute la durée de la procédure", notice, StringComparison.Ordinal);
        Assert.Contains("cesser toute activité", notice, StringComparison.Ordinal);
        var deemed = Assert.Single(nodes["CORRECTIVE_MEASURES_DEEMED_SUFFICIENT"]);
        Assert.Equal("CléA — Mesures correctives réputées suffisantes", deemed.GetProperty("subject").GetString());
        Assert.Contains("La suspension de l'habilitation prononcée pour la durée de la procédure prend fin le ", deemed.GetProperty("body").GetString(), StringComparison.Ordinal);
        Assert.Equal("ACTIVE", await world.Api.StatusAsync(AuditWorld.Siren, AuditWorld.Certification, answerDue.AddDays(1)));
        Assert.Contains("12 mois suivant la fin de la procédure", deemed.GetProperty("body").GetString(), StringComparison.Ordinal);
    }
}
