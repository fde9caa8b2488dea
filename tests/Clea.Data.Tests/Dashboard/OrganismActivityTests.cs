using Clea.Data.Dashboard;
using Clea.Data.Evaluations;
using Clea.Data.Fees;
using Clea.Data.Persistence;
using Clea.Data.Registry;
using Clea.Data.Seeding;
using Clea.Data.Tests.Seeding;
using Clea.Testing;
using Microsoft.EntityFrameworkCore;

namespace Clea.Data.Tests.Dashboard;

/// <summary>
/// The dashboard's SQL aggregates agree with a brute-force count in memory (LINQ to Objects over the same generated
/// demo rows) for several organisms, periods, certifications and sites, on both providers, alone and in a batch.
/// </summary>
[Collection(SeededDatabaseCollection.Name)]
public sealed class OrganismActivityTests(SeededDatabases databases)
{
    private static readonly DateOnly Today = SeededDatabases.Today;

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task The_figures_computed_in_the_database_match_a_brute_force_count_of_the_same_rows(DatabaseProvider provider)
    {
        await using var db = (await databases.For(provider)).NewContext();
        var candidates = await db.Candidates.AsNoTracking().Include(c => c.Evaluations).Include(c => c.Certificate).AsSplitQuery().ToListAsync();
        var fees = await db.FeeLines.AsNoTracking().ToListAsync();
        var rich = await db.Organisms.SingleAsync(o => o.Siren == Siren.Parse(DemoFixtures.RichDashboard));
        // The rich fixture, and the random organisms with most candidates on several sites and certifications.
        var organisms = candidates.GroupBy(c => c.OrganismId).OrderByDescending(g => g.Select(c => c.SiteId).Distinct().Count())
            .ThenByDescending(g => g.Select(c => c.Certification).Distinct().Count()).ThenBy(g => g.Key)
            .Select(g => g.Key).Where(id => id != rich.Id).Take(4).Prepend(rich.Id).ToList();
        Assert.Equal(5, organisms.Count);

        var periods = new[]
        {
            ActivityPeriod.Create(new DateOnly(2020, 1, 1), Today),
            ActivityPeriod.Create(Today.AddDays(-400), Today.AddDays(-35)),
            ActivityPeriod.Create(new DateOnly(Today.Year, Today.Month, 1), Today),
        };
        var compared = 0;
        foreach (var period in periods)
        {
            // One batch for all organisms, as a page of organisms asks for it.
            var batch = await OrganismActivityQuery.ComputeAsync(db, organisms, new ActivityFilter(period));
            foreach (var organismId in organisms)
            {
                AssertSame(Expected(organismId, new ActivityFilter(period), candidates, fees), batch[organismId]);
                compared++;
                var mine = candidates.Where(c => c.OrganismId == organismId).ToList();
                foreach (var certification in mine.Select(c => c.Certification).Distinct().Order())
                {
                    var filter = new ActivityFilter(period, certification);
                    AssertSame(Expected(organismId, filter, candidates, fees), await OrganismActivityQuery.ComputeAsync(db, organismId, filter));
                    compared++;
                }
                foreach (var siteId in mine.Select(c => c.SiteId).Distinct().Order())
                {
                    var filter = new ActivityFilter(period, SiteId: siteId);
                    AssertSame(Expected(organismId, filter, candidates, fees), await OrganismActivityQuery.ComputeAsync(db, organismId, filter));
                    compared++;
                }
            }
        }
        Assert.True(compared > 30, $"only {compared} comparisons");

        // The comparison is not vacuous: the rich organism has every kind of fact in the long period.
        var whole = await OrganismActivityQuery.ComputeAsync(db, rich.Id, new ActivityFilter(periods[0]));
        Assert.True(whole.Registrations > 500 && whole.PriorEvaluations > 500 && whole.FinalEvaluations > 300 && whole.Certified > 200, whole.ToString());
        Assert.NotNull(whole.MedianDaysToCertificate);
        Assert.InRange(whole.SuccessRate!.Value, 0.2, 0.95);
        Assert.True(whole.FeesNotInvoiced > 0);
    }

    internal static void AssertSame(OrganismActivity expected, OrganismActivity actual)
    {
        Assert.Equal(expected.OrganismId, actual.OrganismId);
        Assert.Equal(expected.Filter, actual.Filter);
        Assert.Equal(expected.Monthly, actual.Monthly);
        Assert.Equal(expected with { Monthly = actual.Monthly }, actual);
    }

    /// <summary>The definitions, applied by brute force to every row in memory.</summary>
    internal static OrganismActivity Expected(int organismId, ActivityFilter filter, List<Candidate> all, List<FeeLine> allFees)
    {
        var period = filter.Period;
        var candidates = all.Where(c => c.OrganismId == organismId
            && (filter.Certification is null || c.Certification == filter.Certification)
            && (filter.SiteId is null || c.SiteId == filter.SiteId)).ToList();
        var registered = candidates.Where(c => period.Contains(c.RegisteredOn)).Select(c => c.RegisteredOn).ToList();
        var priors = candidates.SelectMany(c => c.Evaluations).Where(e => e.Kind == EvaluationKind.Prior && period.Contains(e.HeldOn)).Select(e => e.HeldOn).ToList();
        var finals = candidates.SelectMany(c => c.Evaluations).Where(e => e.Kind == EvaluationKind.Final && period.Contains(e.HeldOn)).Select(e => e.HeldOn).ToList();
        var certified = candidates.Where(c => c.Certificate is not null && period.Contains(c.Certificate.IssuedOn)).ToList();
        var cohort = candidates.Count(c => c.PriorEvaluation is { } p && period.Contains(p.HeldOn) && c.Certificate?.IssuedOn <= period.To);
        var days = certified.Select(c => c.Certificate!.IssuedOn.DayNumber - c.PriorEvaluation!.HeldOn.DayNumber).Order().ToList();
        double? median = days.Count == 0 ? null : days.Count % 2 == 1 ? days[days.Count / 2] : (days[days.Count / 2 - 1] + days[days.Count / 2]) / 2.0;
        var fees = allFees.Where(l => l.OrganismId == organismId && l.InvoiceId is null && period.Contains(l.AccruedOn)
            && (filter.Certification is null || l.Certification == filter.Certification)).Sum(l => l.Amount);
        static int In(List<DateOnly> dates, DateOnly month) => dates.Count(d => d.Year == month.Year && d.Month == month.Month);
        var monthly = period.Months.Select(m => new MonthlyActivity(m, In(registered, m), In(priors, m), In(finals, m),
            In(certified.Select(c => c.Certificate!.IssuedOn).ToList(), m))).ToList();
        return new OrganismActivity(organismId, filter, registered.Count, priors.Count, finals.Count, certified.Count, cohort, median, fees, monthly);
    }
}
