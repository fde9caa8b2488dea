using System.Text.Json;
using Clea.Data.Persistence;
using Clea.Data.Registry;
using Clea.Data.Seeding;
using Clea.Graph.Tests.Support;
using Clea.Testing;

namespace Clea.Graph.Tests.Habilitations;

/// <summary>What CPF/EDOF integrators rely on: verifyHabilitation on the demo fixtures, for today and for past dates.</summary>
[Collection(ApiCollection.Name)]
public sealed class VerifyHabilitationTests(ApiFixture fixture)
{
    private const string Check = """
        query($siren: String, $siret: String, $certification: CertificationCode!, $on: Date) {
          verifyHabilitation(siren: $siren, siret: $siret, certification: $certification, on: $on) {
            habilitated status certification checkedOn validFrom validUntil scope qualiopi edofEligible reason professionalField
            organism { siren name } site { siret closedOn } instance { code kind } habilitation { renewed }
          }
        }
        """;

    private static readonly DateOnly Today = DateOnly.FromDateTime(FixedClock.Default.UtcDateTime);

    private async Task<JsonElement> VerifyAsync(DatabaseProvider provider, string? siren = null, string? siret = null,
        string certification = "CLEA_NUMERIQUE", DateOnly? on = null)
    {
        var api = await fixture.For(provider);
        var data = await api.QueryAsync(Check, new { siren, siret, certification, on = on?.ToString("yyyy-MM-dd") });
        return data.GetProperty("verifyHabilitation");
    }

    private static string Date(DateOnly d) => d.ToString("yyyy-MM-dd");

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task An_active_qualiopi_organism_habilitated_to_train_and_evaluate_is_habilitated_and_edof_eligible(DatabaseProvider provider)
    {
        var check = await VerifyAsync(provider, siren: DemoFixtures.ActiveQualiopi);
        Assert.True(check.GetProperty("habilitated").GetBoolean());
        Assert.Equal("ACTIVE", check.GetProperty("status").GetString());
        Assert.Equal("TRAIN_AND_EVALUATE", check.GetProperty("scope").GetString());
        Assert.True(check.GetProperty("edofEligible").GetBoolean());
        Assert.Equal("CERTIF_PRO", check.GetProperty("instance").GetProperty("code").GetString());
        Assert.Equal(Date(Today), check.GetProperty("checkedOn").GetString());
        Assert.Equal(JsonValueKind.Null, check.GetProperty("reason").ValueKind);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task An_habilitation_that_expired_yesterday_is_not_habilitated_today_but_was_yesterday(DatabaseProvider provider)
    {
        var today = await VerifyAsync(provider, siren: DemoFixtures.ExpiredYesterday);
        Assert.False(today.GetProperty("habilitated").GetBoolean());
        Assert.Equal("EXPIRED", today.GetProperty("status").GetString());
        Assert.Equal(Date(Today.AddDays(-1)), today.GetProperty("validUntil").GetString());
        Assert.False(today.GetProperty("edofEligible").GetBoolean());
        Assert.Contains("expired", today.GetProperty("reason").GetString(), StringComparison.OrdinalIgnoreCase);

        var yesterday = await VerifyAsync(provider, siren: DemoFixtures.ExpiredYesterday, on: Today.AddDays(-1));
        Assert.True(yesterday.GetProperty("habilitated").GetBoolean());
        Assert.Equal("ACTIVE", yesterday.GetProperty("status").GetString());
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task An_habilitation_valid_until_today_is_habilitated_today_and_expired_tomorrow(DatabaseProvider provider)
    {
        var today = await VerifyAsync(provider, siren: DemoFixtures.ValidUntilToday);
        Assert.True(today.GetProperty("habilitated").GetBoolean());
        Assert.Equal(Date(Today), today.GetProperty("validUntil").GetString());

        var tomorrow = await VerifyAsync(provider, siren: DemoFixtures.ValidUntilToday, on: Today.AddDays(1));
        Assert.False(tomorrow.GetProperty("habilitated").GetBoolean());
        Assert.Equal("EXPIRED", tomorrow.GetProperty("status").GetString());
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite, DemoFixtures.Suspended, "SUSPENDED", "suspended")]
    [InlineData(DatabaseProvider.Postgres, DemoFixtures.Suspended, "SUSPENDED", "suspended")]
    [InlineData(DatabaseProvider.Sqlite, DemoFixtures.Withdrawn, "WITHDRAWN", "withdrawn")]
    [InlineData(DatabaseProvider.Postgres, DemoFixtures.Withdrawn, "WITHDRAWN", "withdrawn")]
    [InlineData(DatabaseProvider.Sqlite, DemoFixtures.Renounced, "RENOUNCED", "renounced")]
    [InlineData(DatabaseProvider.Postgres, DemoFixtures.Renounced, "RENOUNCED", "renounced")]
    [InlineData(DatabaseProvider.Sqlite, DemoFixtures.Refused, "REFUSED", "refused")]
    [InlineData(DatabaseProvider.Postgres, DemoFixtures.Refused, "REFUSED", "refused")]
    // An undecided application is confidential: to the public the organism holds no habilitation, and with nothing decided
    // the organism itself is not public yet (answered as an unknown SIREN).
    [InlineData(DatabaseProvider.Sqlite, DemoFixtures.Pending, null, "holds no habilitation")]
    [InlineData(DatabaseProvider.Postgres, DemoFixtures.Pending, null, "holds no habilitation")]
    public async Task An_organism_whose_habilitation_is_not_in_force_is_not_habilitated_and_the_reason_says_why(
        DatabaseProvider provider, string siren, string? status, string reason)
    {
        var check = await VerifyAsync(provider, siren: siren);
        Assert.False(check.GetProperty("habilitated").GetBoolean());
        Assert.False(check.GetProperty("edofEligible").GetBoolean());
        Assert.Equal(status, check.GetProperty("status").GetString());
        Assert.Contains(reason, check.GetProperty("reason").GetString(), StringComparison.OrdinalIgnoreCase);
        if (status is null) Assert.Equal(System.Text.Json.JsonValueKind.Null, check.GetProperty("organism").ValueKind);
        else Assert.Equal(siren, check.GetProperty("organism").GetProperty("siren").GetString());
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task A_withdrawn_habilitation_answers_as_it_was_on_its_first_day(DatabaseProvider provider)
    {
        var now = await VerifyAsync(provider, siren: DemoFixtures.Withdrawn);
        var firstDay = DateOnly.Parse(now.GetProperty("validFrom").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        var then = await VerifyAsync(provider, siren: DemoFixtures.Withdrawn, on: firstDay);
        Assert.True(then.GetProperty("habilitated").GetBoolean());
        var before = await VerifyAsync(provider, siren: DemoFixtures.Withdrawn, on: firstDay.AddDays(-1));
        Assert.False(before.GetProperty("habilitated").GetBoolean());
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task A_cpne_decision_states_its_instance_and_professional_field(DatabaseProvider provider)
    {
        var check = await VerifyAsync(provider, siren: DemoFixtures.CpneScoped);
        Assert.True(check.GetProperty("habilitated").GetBoolean());
        Assert.Equal("CPNE_METALLURGIE", check.GetProperty("instance").GetProperty("code").GetString());
        Assert.Equal("CPNE", check.GetProperty("instance").GetProperty("kind").GetString());
        Assert.Equal("Métallurgie", check.GetProperty("professionalField").GetString());
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Without_qualiopi_an_habilitated_organism_is_not_edof_eligible(DatabaseProvider provider)
    {
        var check = await VerifyAsync(provider, siren: DemoFixtures.NotQualiopi);
        Assert.True(check.GetProperty("habilitated").GetBoolean());
        Assert.False(check.GetProperty("qualiopi").GetBoolean());
        Assert.False(check.GetProperty("edofEligible").GetBoolean());
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task A_renewed_habilitation_says_so(DatabaseProvider provider)
    {
        var check = await VerifyAsync(provider, siren: DemoFixtures.Renewed);
        Assert.True(check.GetProperty("habilitated").GetBoolean());
        Assert.True(check.GetProperty("habilitation").GetProperty("renewed").GetBoolean());
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task An_organism_without_an_habilitation_for_that_certification_is_not_habilitated(DatabaseProvider provider)
    {
        var check = await VerifyAsync(provider, siren: DemoFixtures.ActiveQualiopi, certification: "CLEA_MANAGEMENT");
        Assert.False(check.GetProperty("habilitated").GetBoolean());
        Assert.Equal(JsonValueKind.Null, check.GetProperty("status").ValueKind);
        Assert.Contains("no habilitation", check.GetProperty("reason").GetString(), StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task An_unknown_but_well_formed_siren_is_not_habilitated_and_not_an_error(DatabaseProvider provider)
    {
        var unknown = "732829320"; // valid Luhn, not in the demo data (demo SIRENs start with 9)
        var check = await VerifyAsync(provider, siren: unknown);
        Assert.False(check.GetProperty("habilitated").GetBoolean());
        Assert.Equal(JsonValueKind.Null, check.GetProperty("organism").ValueKind);
        Assert.Contains(unknown, check.GetProperty("reason").GetString(), StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task The_open_site_of_an_habilitated_organism_is_habilitated_and_its_closed_site_is_not(DatabaseProvider provider)
    {
        var headOffice = Siret.Compose(Siren.Parse(DemoFixtures.ClosedSite), 1).Value;
        var open = await VerifyAsync(provider, siret: headOffice);
        Assert.True(open.GetProperty("habilitated").GetBoolean());
        Assert.Equal(headOffice, open.GetProperty("site").GetProperty("siret").GetString());
        Assert.Equal(DemoFixtures.ClosedSite, open.GetProperty("organism").GetProperty("siren").GetString());

        var closed = await VerifyAsync(provider, siret: DemoFixtures.ClosedSiteSiret);
        Assert.False(closed.GetProperty("habilitated").GetBoolean());
        Assert.Contains("closed", closed.GetProperty("reason").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{ verifyHabilitation(siret: \"9000000190001\", certification: CLEA_SOCLE) { habilitated } }", "INVALID_SIRET")]
    [InlineData("{ verifyHabilitation(siret: \"90000001900011\", certification: CLEA_SOCLE) { habilitated } }", "INVALID_SIRET")]
    [InlineData("{ verifyHabilitation(siren: \"900000018\", certification: CLEA_SOCLE) { habilitated } }", "INVALID_SIREN")]
    [InlineData("{ verifyHabilitation(siren: \"9000 0001\", certification: CLEA_SOCLE) { habilitated } }", "INVALID_SIREN")]
    [InlineData("{ verifyHabilitation(certification: CLEA_SOCLE) { habilitated } }", "INVALID_ARGUMENTS")]
    [InlineData("{ verifyHabilitation(siren: \"900000019\", siret: \"90000001900011\", certification: CLEA_SOCLE) { habilitated } }", "INVALID_ARGUMENTS")]
    public async Task A_malformed_identifier_is_a_validation_error_with_a_code_not_a_not_found(string query, string code)
    {
        foreach (var provider in new[] { DatabaseProvider.Sqlite, DatabaseProvider.Postgres })
        {
            var api = await fixture.For(provider);
            var response = await api.PostAsync(query);
            Assert.Equal(System.Net.HttpStatusCode.OK, response.Status);
            Assert.Equal([code], response.ErrorCodes);
            Assert.False(string.IsNullOrWhiteSpace(response.Errors[0].GetProperty("message").GetString()));
        }
    }
}
