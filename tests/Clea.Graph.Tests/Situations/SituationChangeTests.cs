using Clea.Auth.Demo;
using Clea.Data.Persistence;
using Clea.Data.Seeding;
using Clea.Graph.Tests.Habilitations;
using Clea.Graph.Tests.Support;
using Clea.Testing;

namespace Clea.Graph.Tests.Situations;

/// <summary>Changes of situation: declared by the organism, flagged late after 30 days, listed by Instance staff within their field.</summary>
public sealed class SituationChangeTests
{
    private const string Declare = "mutation($kind: SituationChangeKind!, $on: Date!) { declareSituationChange(kind: $kind, occurredOn: $on, description: \"As declared\") { kind occurredOn declaredOn declarationDueOn late } }";
    private const string List = "query($late: Boolean) { situationChanges(late: $late, first: 10) { totalCount nodes { kind late organism { siren } } } }";

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task A_declaration_is_late_after_thirty_days_and_instance_staff_list_those_of_their_field(DatabaseProvider provider)
    {
        await using var api = await CleaApi.StartAsync(provider);
        var token = await api.TokenForAsync(DemoAccounts.Organism);
        var before = await api.CountRowsAsync();
        Assert.Equal(["CHANGE_IN_FUTURE"], (await api.PostAsAsync(token, Declare, new { kind = "NAME", on = "2026-11-25" })).ErrorCodes);
        Assert.Equal(["AUTH_NOT_AUTHORIZED"], (await api.AsAsync(DemoAccounts.CertifPro, Declare, new { kind = "NAME", on = "2026-11-01" })).ErrorCodes);
        Assert.Equal(before, await api.CountRowsAsync());

        var timely = await api.PostAsAsync(token, Declare, new { kind = "MANAGERS", on = "2026-10-25" });
        Assert.False(timely.HasErrors, timely.Body);
        Assert.False(timely.Data.GetProperty("declareSituationChange").GetProperty("late").GetBoolean());
        Assert.Equal("2026-11-24", timely.Data.GetProperty("declareSituationChange").GetProperty("declarationDueOn").GetString());
        var late = await api.PostAsAsync(token, Declare, new { kind = "HEAD_OFFICE_ADDRESS", on = "2026-10-24" });
        Assert.True(late.Data.GetProperty("declareSituationChange").GetProperty("late").GetBoolean());

        var all = (await api.AsAsync(DemoAccounts.CertifPro, List, new { late = (bool?)null })).Data.GetProperty("situationChanges");
        Assert.Equal(2, all.GetProperty("totalCount").GetInt32());
        var lateOnly = (await api.AsAsync(DemoAccounts.CertifPro, List, new { late = true })).Data.GetProperty("situationChanges");
        Assert.Equal("HEAD_OFFICE_ADDRESS", Assert.Single(lateOnly.GetProperty("nodes").EnumerateArray()).GetProperty("kind").GetString());
        var cpne = (await api.AsAsync(DemoAccounts.Cpne, List, new { late = (bool?)null })).Data.GetProperty("situationChanges");
        Assert.Equal(0, cpne.GetProperty("totalCount").GetInt32());
        Assert.Equal(["AUTH_NOT_AUTHORIZED"], (await api.AsAsync(DemoAccounts.Organism, List, new { late = (bool?)null })).ErrorCodes);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task A_declared_loss_of_qualiopi_makes_the_organism_not_edof_eligible_from_the_day_it_occurred(DatabaseProvider provider)
    {
        await using var api = await CleaApi.StartAsync(provider);
        Assert.True((await api.VerifyAsync(DemoFixtures.ActiveQualiopi, "CLEA_NUMERIQUE")).GetProperty("edofEligible").GetBoolean());
        var declared = await api.AsAsync(DemoAccounts.Organism, Declare, new { kind = "QUALIOPI_LOSS", on = "2026-11-20" });
        Assert.False(declared.HasErrors, declared.Body);

        var today = await api.VerifyAsync(DemoFixtures.ActiveQualiopi, "CLEA_NUMERIQUE");
        Assert.True(today.GetProperty("habilitated").GetBoolean());
        Assert.False(today.GetProperty("edofEligible").GetBoolean());
        Assert.False(today.GetProperty("qualiopi").GetBoolean());
        Assert.Contains("lost on 2026-11-20", today.GetProperty("edofReason").GetString(), StringComparison.Ordinal);
        Assert.False((await api.VerifyAsync(DemoFixtures.ActiveQualiopi, "CLEA_NUMERIQUE", new DateOnly(2026, 11, 20))).GetProperty("edofEligible").GetBoolean());
        Assert.True((await api.VerifyAsync(DemoFixtures.ActiveQualiopi, "CLEA_NUMERIQUE", new DateOnly(2026, 11, 19))).GetProperty("edofEligible").GetBoolean());
    }
}
