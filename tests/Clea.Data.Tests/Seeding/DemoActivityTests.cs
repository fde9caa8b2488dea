using Clea.Data.Calendar;
using Clea.Data.Evaluations;
using Clea.Data.Fees;
using Clea.Data.Habilitations;
using Clea.Data.Persistence;
using Clea.Data.Referentials;
using Clea.Data.Registry;
using Clea.Data.Seeding;
using Clea.Testing;
using Microsoft.EntityFrameworkCore;

namespace Clea.Data.Tests.Seeding;

/// <summary>The demo candidates and their paths, as saved, obey the evaluation rules (annexe 3) and accrue their fees.</summary>
[Collection(SeededDatabaseCollection.Name)]
public sealed class DemoActivityTests(SeededDatabases databases)
{
    private static readonly DateOnly Today = SeededDatabases.Today;

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Demo_candidates_paths_obey_the_evaluation_rules(DatabaseProvider provider)
    {
        await using var db = (await databases.For(provider)).NewContext();
        var candidates = await db.Candidates.AsNoTracking().Include(c => c.Evaluations).ThenInclude(e => e.Results)
            .Include(c => c.TrainingPath).ThenInclude(p => p!.Trainers).Include(c => c.JuryDecisions).Include(c => c.Certificate)
            .AsSplitQuery().ToListAsync();
        var habilitations = await db.Habilitations.AsNoTracking().Include(h => h.Suspensions).ToDictionaryAsync(h => h.Id);
        var intervenants = await db.Intervenants.AsNoTracking().ToDictionaryAsync(i => i.Id);
        var sites = await db.Sites.AsNoTracking().ToDictionaryAsync(s => s.Id);
        var referentials = await db.Certifications.AsNoTracking().Include(c => c.Domains).ThenInclude(d => d.SubDomains).ToDictionaryAsync(c => c.Code);

        Assert.InRange(candidates.Sum(c => c.Evaluations.Count), 1500, 6000);
        Assert.Equal(3, candidates.Select(c => c.Certification).Distinct().Count());
        Assert.All(candidates, c =>
        {
            // Registered while the organism was habilitated for that certification, at one of its open sites.
            var habilitation = habilitations[c.HabilitationId];
            Assert.Equal(c.OrganismId, habilitation.OrganismId);
            Assert.Equal(c.Certification, habilitation.Certification);
            Assert.Equal(HabilitationStatus.Active, habilitation.StatusOn(c.RegisteredOn));
            Assert.Equal(c.OrganismId, sites[c.SiteId].OrganismId);
            Assert.True(sites[c.SiteId].IsOpenOn(c.RegisteredOn));
            Assert.True(c.RegisteredOn <= Today);

            // A trainer is never the candidate's evaluator; evaluators and trainers are the organism's, in their role.
            var trainers = c.TrainingPath?.Trainers.Select(t => t.IntervenantId).ToHashSet() ?? [];
            var evaluators = c.Evaluations.SelectMany(e => e.EvaluatorIds).ToHashSet();
            Assert.Empty(trainers.Intersect(evaluators));
            Assert.All(evaluators, id => Assert.True(intervenants[id].Evaluator && intervenants[id].OrganismId == c.OrganismId));
            Assert.All(trainers, id => Assert.True(intervenants[id].Trainer && intervenants[id].OrganismId == c.OrganismId));

            // One prior evaluation on every sub-competence; finals after the training path, only on what was not acquired.
            var referential = referentials[c.Certification];
            var prior = c.Evaluations.SingleOrDefault(e => e.Kind == EvaluationKind.Prior);
            if (prior is null)
            {
                // Registered, not evaluated yet (or the rules stopped the path): nothing else may have happened.
                Assert.Empty(c.Evaluations);
                Assert.Null(c.TrainingPath);
                Assert.Empty(c.JuryDecisions);
                return;
            }
            Assert.Equal(referential.Domains.Sum(d => d.SubDomains.Count), prior.Results.Count);
            var acquired = prior.Results.Where(r => r.Acquired).Select(r => r.SubDomainId).ToHashSet();
            foreach (var final in c.Evaluations.Where(e => e.Kind == EvaluationKind.Final).OrderBy(e => e.HeldOn))
            {
                Assert.NotNull(c.TrainingPath);
                Assert.True(final.HeldOn >= c.TrainingPath.StartedOn);
                Assert.All(final.Results, r => Assert.DoesNotContain(r.SubDomainId, acquired));
                if (c.Certification == CertificationCode.CleaSocle) Assert.True(final.HeldOn <= Deadlines.SocleCandidatePath.After(prior.HeldOn));
                acquired.UnionWith(final.Results.Where(r => r.Acquired).Select(r => r.SubDomainId));
            }
            Assert.All(c.Evaluations, e => Assert.True(e.HeldOn >= c.RegisteredOn && e.HeldOn <= Today));

            // A certificate only when every domain is validated, after a validating jury.
            var allValidated = referential.Domains.SelectMany(d => d.SubDomains).All(s => acquired.Contains(s.Id));
            if (c.Certificate is { } certificate)
            {
                Assert.True(allValidated);
                Assert.Contains(c.JuryDecisions, d => d.Validated && d.DecidedOn == certificate.IssuedOn);
                Assert.Equal(c.OrganismId, certificate.OrganismId);
                Assert.True(certificate.IssuedOn >= c.Evaluations.Max(e => e.HeldOn));
            }
            Assert.DoesNotContain(c.JuryDecisions, d => d.Validated && !allValidated);
        });
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Every_certificate_and_socle_prior_evaluation_accrued_its_fee_once(DatabaseProvider provider)
    {
        await using var db = (await databases.For(provider)).NewContext();
        var certificates = await db.Certificates.AsNoTracking().ToListAsync();
        var socleCandidates = await db.Candidates.AsNoTracking().Where(c => c.Certification == CertificationCode.CleaSocle
            && c.Evaluations.Any(e => e.Kind == EvaluationKind.Prior)).Select(c => new { c.Reference, c.OrganismId }).ToListAsync();
        var fees = await db.FeeLines.AsNoTracking().ToDictionaryAsync(f => f.SourceKey);
        var schedule = new FeeSchedule(await db.FeeTariffs.AsNoTracking().ToListAsync());

        Assert.NotEmpty(certificates);
        Assert.NotEmpty(socleCandidates);
        Assert.All(certificates, x =>
        {
            var fee = fees[$"certificate:{x.Number}"];
            Assert.Equal((FeeKind.Certificate, x.Certification, x.OrganismId, x.IssuedOn), (fee.Kind, fee.Certification, fee.OrganismId, fee.AccruedOn));
            Assert.Equal(schedule.AmountFor(FeeKind.Certificate, x.Certification, x.IssuedOn), fee.Amount);
        });
        Assert.All(socleCandidates, c =>
        {
            var fee = fees[$"prior-evaluation:{c.Reference:N}"];
            Assert.Equal((FeeKind.PriorEvaluation, CertificationCode.CleaSocle, c.OrganismId), (fee.Kind, fee.Certification, fee.OrganismId));
        });
        Assert.Equal(certificates.Count + socleCandidates.Count, fees.Values.Count(f => f.Kind is FeeKind.Certificate or FeeKind.PriorEvaluation));
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task The_named_certificate_is_verifiable_by_its_number_and_its_holders_last_name(DatabaseProvider provider)
    {
        await using var db = (await databases.For(provider)).NewContext();
        // The shape of a certificate number (CLEA, four groups of four Crockford characters, a check character).
        Assert.Matches("^CLEA(-[0-9A-HJKMNP-TV-Z]{4}){4}-[0-9A-HJKMNP-TV-Z*~$=U]$", DemoFixtures.CertificateNumber);
        var certificate = await db.Certificates.AsNoTracking().SingleAsync(c => c.Number == DemoFixtures.CertificateNumber);
        var organism = await db.Organisms.AsNoTracking().SingleAsync(o => o.Id == certificate.OrganismId);
        var holder = await db.Candidates.AsNoTracking().SingleAsync(c => c.Id == certificate.CandidateId);

        Assert.Equal(DemoFixtures.RichDashboard, organism.Siren.Value);
        Assert.Equal(CertificationCode.CleaNumerique, certificate.Certification);
        Assert.Equal(Today.AddDays(-108), certificate.IssuedOn);
        Assert.True(certificate.IsHeldBy(DemoFixtures.CertificateHolderLastName));
        Assert.True(certificate.IsHeldBy("LEFEVRE"));
        Assert.False(certificate.IsHeldBy("Martin"));
        Assert.Equal(DemoFixtures.CertificateHolderLastName, holder.LastName);
        Assert.True(await db.FeeLines.AnyAsync(f => f.SourceKey == $"certificate:{DemoFixtures.CertificateNumber}"));
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Only_the_rich_dashboard_fixture_and_random_organisms_have_candidates(DatabaseProvider provider)
    {
        await using var db = (await databases.For(provider)).NewContext();
        var withCandidates = await db.Candidates.Select(c => c.OrganismId).Distinct().ToListAsync();
        var fixtures = DemoFixtures.All.Select(Siren.Parse).ToList();
        var fixtureIds = await db.Organisms.Where(o => fixtures.Contains(o.Siren)).ToDictionaryAsync(o => o.Siren.Value, o => o.Id);

        Assert.Contains(fixtureIds[DemoFixtures.RichDashboard], withCandidates);
        Assert.All(DemoFixtures.All.Where(s => s != DemoFixtures.RichDashboard), s => Assert.DoesNotContain(fixtureIds[s], withCandidates));
        Assert.True(withCandidates.Count > 50, $"{withCandidates.Count} organisms with candidates");
        Assert.Empty(await db.Intervenants.Where(i => fixtureIds.Values.Contains(i.OrganismId) && i.OrganismId != fixtureIds[DemoFixtures.RichDashboard]).ToListAsync());
    }
}
