using Clea.Data.Habilitations;
using Clea.Data.Instances;
using Clea.Data.Referentials;
using Clea.Data.Registry;

namespace Clea.Data.Tests.Habilitations;

public sealed class HabilitationVerificationTests
{
    private static readonly Instance CertifPro = new("CERTIF_PRO", "Certif Pro", InstanceKind.CertifPro, null);
    private static readonly Siren Siren = Siren.Parse("732829320");
    private static readonly DateOnly Today = new(2026, 11, 24);

    private static (Organism, Habilitation) Habilitated(HabilitationScope scope, bool qualiopi, DateOnly notified)
    {
        var organism = Organism.Register(Siren, "Atelier", qualiopi);
        var h = organism.File(new Habilitation(organism, CertificationCode.CleaNumerique, CertifPro, scope, notified.AddMonths(-6)));
        h.Accept(notified.AddDays(-10), notified);
        return (organism, h);
    }

    [Fact]
    public void A_qualiopi_organism_habilitated_to_train_and_evaluate_is_edof_eligible()
    {
        var (organism, h) = Habilitated(HabilitationScope.TrainAndEvaluate, qualiopi: true, Today.AddYears(-1));
        var check = HabilitationVerification.Check(CertificationCode.CleaNumerique, Today, organism, null, [h], "unknown");
        Assert.True(check.Habilitated);
        Assert.True(check.EdofEligible);
        Assert.Null(check.Reason);
    }

    [Theory]
    [InlineData(HabilitationScope.Evaluate, true, "train and evaluate")]
    [InlineData(HabilitationScope.TrainAndEvaluate, false, "Qualiopi")]
    public void Edof_needs_both_the_train_and_evaluate_scope_and_qualiopi(HabilitationScope scope, bool qualiopi, string reason)
    {
        var (organism, h) = Habilitated(scope, qualiopi, Today.AddYears(-1));
        var check = HabilitationVerification.Check(CertificationCode.CleaNumerique, Today, organism, null, [h], "unknown");
        Assert.True(check.Habilitated);
        Assert.False(check.EdofEligible);
        Assert.Contains(reason, check.EdofReason, StringComparison.Ordinal);
    }

    [Fact]
    public void Valid_until_today_is_habilitated_and_expired_yesterday_is_not()
    {
        // Notified three years ago tomorrow: its last day is today.
        var (organism, lastDay) = Habilitated(HabilitationScope.TrainAndEvaluate, true, Today.AddYears(-3).AddDays(1));
        Assert.True(HabilitationVerification.Check(CertificationCode.CleaNumerique, Today, organism, null, [lastDay], "").Habilitated);

        var (organism2, expired) = Habilitated(HabilitationScope.TrainAndEvaluate, true, Today.AddYears(-3));
        var check = HabilitationVerification.Check(CertificationCode.CleaNumerique, Today, organism2, null, [expired], "");
        Assert.False(check.Habilitated);
        Assert.Equal(HabilitationStatus.Expired, check.Status);
        Assert.Contains(Today.AddDays(-1).ToString("yyyy-MM-dd"), check.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_site_is_habilitated_only_while_it_is_open()
    {
        var (organism, h) = Habilitated(HabilitationScope.TrainAndEvaluate, true, Today.AddYears(-1));
        var site = organism.AddSite(Siret.Compose(Siren, 2), "Annexe", Address.Create(null, "69001", "Lyon", "69"), Today.AddYears(-2));
        Assert.True(HabilitationVerification.Check(CertificationCode.CleaNumerique, Today, organism, site, [h], "").Habilitated);
        site.Close(Today);
        var check = HabilitationVerification.Check(CertificationCode.CleaNumerique, Today, organism, site, [h], "");
        Assert.False(check.Habilitated);
        Assert.Contains("closed", check.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void An_active_habilitation_answers_before_an_older_expired_one()
    {
        var (organism, old) = Habilitated(HabilitationScope.TrainAndEvaluate, true, Today.AddYears(-5));
        var current = organism.File(new Habilitation(organism, CertificationCode.CleaNumerique, CertifPro, HabilitationScope.TrainAndEvaluate, Today.AddYears(-2)));
        current.Accept(Today.AddYears(-2).AddMonths(3), Today.AddYears(-2).AddMonths(3));
        Assert.Same(current, HabilitationVerification.MostRelevant([old, current], Today));
        Assert.Same(old, HabilitationVerification.MostRelevant([old, current], Today.AddYears(-4)));
    }

    [Fact]
    public void An_unknown_organism_is_not_habilitated_and_says_why()
    {
        var check = HabilitationVerification.Check(CertificationCode.CleaSocle, Today, null, null, [], "No organism with SIREN x");
        Assert.False(check.Habilitated);
        Assert.Null(check.Status);
        Assert.Equal("No organism with SIREN x", check.Reason);
    }
}
