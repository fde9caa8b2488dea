using Clea.Auth.Demo;
using Clea.Data.Persistence;
using Clea.Data.Seeding;
using Clea.Graph.Tests.Support;
using Clea.Testing;

namespace Clea.Graph.Tests.Habilitations;

/// <summary>Suspension, lifting, withdrawal, renewal, renunciation and activity declarations: who may, and refusals that change nothing.</summary>
public sealed class LifecycleMutationTests
{
    private const string Suspend = "mutation($id: ID!, $reason: String!) { suspendHabilitation(id: $id, reason: $reason) { status } }";

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Instance_decisions_are_taken_by_certif_pro_or_by_a_cpne_within_its_field_and_refusals_change_nothing(DatabaseProvider provider)
    {
        await using var api = await CleaApi.StartAsync(provider);
        var certifProHabilitation = await api.HabilitationIdAsync(DemoFixtures.ActiveQualiopi);
        var cpneHabilitation = await api.HabilitationIdAsync(DemoFixtures.CpneScoped);
        var cpne = await api.TokenForAsync(DemoAccounts.Cpne);
        var certifPro = await api.TokenForAsync(DemoAccounts.CertifPro);
        var before = await api.CountRowsAsync();

        var outside = await api.PostAsAsync(cpne, Suspend, new { id = certifProHabilitation, reason = "Audit" });
        Assert.Equal(["OUTSIDE_INSTANCE_FIELD"], outside.ErrorCodes);
        var organism = await api.AsAsync(DemoAccounts.Organism, Suspend, new { id = certifProHabilitation, reason = "Audit" });
        Assert.Equal(["AUTH_NOT_AUTHORIZED"], organism.ErrorCodes);
        var admin = await api.AsAsync(DemoAccounts.Admin, Suspend, new { id = certifProHabilitation, reason = "Audit" });
        Assert.Equal(["AUTH_NOT_AUTHORIZED"], admin.ErrorCodes);
        var anonymous = await api.PostAsync(Suspend, new { id = certifProHabilitation, reason = "Audit" });
        Assert.Equal(["AUTH_NOT_AUTHENTICATED"], anonymous.ErrorCodes);
        var noReason = await api.PostAsAsync(certifPro, Suspend, new { id = certifProHabilitation, reason = "  " });
        Assert.Equal(["REASON_REQUIRED"], noReason.ErrorCodes);
        var badId = await api.PostAsAsync(certifPro, Suspend, new { id = "nope", reason = "Audit" });
        Assert.Equal(["INVALID_ID"], badId.ErrorCodes);
        var notSuspended = await api.PostAsAsync(certifPro, "mutation($id: ID!) { liftSuspension(id: $id) { status } }", new { id = certifProHabilitation });
        Assert.Equal(["HABILITATION_NOT_SUSPENDED"], notSuspended.ErrorCodes);
        var expired = await api.PostAsAsync(certifPro, Suspend, new { id = await api.HabilitationIdAsync(DemoFixtures.ExpiredYesterday), reason = "Audit" });
        Assert.Equal(["HABILITATION_NOT_ACTIVE"], expired.ErrorCodes);
        var notUsed = await api.PostAsAsync(certifPro, "mutation($id: ID!) { renewHabilitation(id: $id) { validUntil } }", new { id = await api.HabilitationIdAsync(DemoFixtures.ValidUntilToday) });
        Assert.Contains(notUsed.ErrorCodes.Single(), new[] { "RENEWAL_NOT_ALLOWED", "RENEWAL_NOT_DUE" });
        Assert.Equal(before, await api.CountRowsAsync());
        Assert.Equal("ACTIVE", await api.StatusAsync(DemoFixtures.ActiveQualiopi, "CLEA_NUMERIQUE"));

        var own = await api.PostAsAsync(cpne, Suspend, new { id = cpneHabilitation, reason = "Unfavourable audit" });
        Assert.False(own.HasErrors, own.Body);
        Assert.Equal("SUSPENDED", own.Data.GetProperty("suspendHabilitation").GetProperty("status").GetString());
        var twice = await api.PostAsAsync(cpne, Suspend, new { id = cpneHabilitation, reason = "Again" });
        Assert.Equal(["HABILITATION_NOT_ACTIVE"], twice.ErrorCodes);
        var early = await api.PostAsAsync(cpne, """mutation($id: ID!) { liftSuspension(id: $id, resumedOn: "2026-11-24") { status } }""", new { id = cpneHabilitation });
        Assert.Equal(["LIFT_BEFORE_SUSPENSION"], early.ErrorCodes);
        var byCertifPro = await api.PostAsAsync(certifPro, """mutation($id: ID!) { withdrawHabilitation(id: $id, case: CONFORMITY_PROCEDURE_END, reason: "Serious breach") { status } }""", new { id = cpneHabilitation });
        Assert.Equal("WITHDRAWN", byCertifPro.Data.GetProperty("withdrawHabilitation").GetProperty("status").GetString());
        var again = await api.PostAsAsync(cpne, """mutation($id: ID!) { withdrawHabilitation(id: $id, case: CONFORMITY_PROCEDURE_END, reason: "Again") { status } }""", new { id = cpneHabilitation });
        Assert.Equal(["HABILITATION_WITHDRAWN"], again.ErrorCodes);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task An_organism_renounces_and_declares_activity_only_for_its_own_habilitations(DatabaseProvider provider)
    {
        await using var api = await CleaApi.StartAsync(provider);
        var own = await api.HabilitationIdAsync(DemoFixtures.ActiveQualiopi);
        var other = await api.HabilitationIdAsync(DemoFixtures.NotQualiopi);
        var token = await api.TokenForAsync(DemoAccounts.Organism);
        const string Declare = """
            mutation($id: ID!, $to: Date!, $certified: Int!) { declareActivity(input: { habilitationId: $id, periodFrom: "2026-01-01", periodTo: $to, registered: 10, priorEvaluations: 8, finalEvaluations: 5, certified: $certified }) { status } }
            """;
        const string Renounce = "mutation($id: ID!) { renounceHabilitation(id: $id) { endedOn } }";
        var before = await api.CountRowsAsync();

        Assert.Equal(["HABILITATION_NOT_FOUND"], (await api.PostAsAsync(token, Renounce, new { id = other })).ErrorCodes);
        Assert.Equal(["HABILITATION_NOT_FOUND"], (await api.PostAsAsync(token, Declare, new { id = other, to = "2026-06-30", certified = 4 })).ErrorCodes);
        Assert.Equal(["AUTH_NOT_AUTHORIZED"], (await api.AsAsync(DemoAccounts.CertifPro, Renounce, new { id = own })).ErrorCodes);
        Assert.Equal(["INVALID_ACTIVITY_PERIOD"], (await api.PostAsAsync(token, Declare, new { id = own, to = "2026-11-25", certified = 4 })).ErrorCodes);
        Assert.Equal(["INVALID_ACTIVITY_FIGURES"], (await api.PostAsAsync(token, Declare, new { id = own, to = "2026-06-30", certified = 40 })).ErrorCodes);
        Assert.Equal(before, await api.CountRowsAsync());

        var declared = await api.PostAsAsync(token, Declare, new { id = own, to = "2026-06-30", certified = 4 });
        Assert.False(declared.HasErrors, declared.Body);
        var renounced = await api.PostAsAsync(token, Renounce, new { id = own });
        Assert.Equal("2027-02-24", renounced.Data.GetProperty("renounceHabilitation").GetProperty("endedOn").GetString());
        var afterRenouncing = await api.CountRowsAsync();
        Assert.Equal(["ALREADY_RENOUNCED"], (await api.PostAsAsync(token, Renounce, new { id = own })).ErrorCodes);
        Assert.Equal(afterRenouncing, await api.CountRowsAsync());
    }
}
