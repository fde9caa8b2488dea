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

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Periods_starting_or_ending_inside_a_month_and_the_cohort_boundaries_match_a_brute_force_count(DatabaseProvider provider)
    {
        await using var db = (await databases.For(provider)).NewContext();
        var candidates = await db.Candidates.AsNoTracking().Include(c => c.Evaluations).Include(c => c.Certificate).AsSplitQuery().ToListAsync();
        var fees = await db.FeeLines.AsNoTracking().ToListAsync();
        var rich = await db.Organisms.SingleAsync(o => o.Siren == Siren.Parse(DemoFixtures.RichDashboard));
        var organisms = candidates.Where(c => c.Certificate is not null).GroupBy(c => c.OrganismId).OrderByDescending(g => g.Count()).ThenBy(g => g.Key)
            .Select(g => g.Key).Where(id => id != rich.Id).Take(3).Prepend(rich.Id).ToList();
        var certificates = candidates.Where(c => c.OrganismId == rich.Id && c.Certificate is not null).Select(c => c.Certificate!).OrderBy(x => x.Id).ToList();
        // A holder evaluated mid-month and certified two months later or more; one evaluated on a 1st, certified a month later or more.
        var mid = certificates.First(x => x.PriorEvaluatedOn.Day is > 1 and < 28 && x.IssuedOn >= MonthOf(x.PriorEvaluatedOn).AddMonths(2));
        var onFirst = certificates.First(x => x.PriorEvaluatedOn.Day == 1 && x.IssuedOn >= x.PriorEvaluatedOn.AddMonths(1));
        var month = MonthOf(Today).AddMonths(-6);
        var periods = new (string Name, DateOnly From, DateOnly To)[]
        {
            ("exactly one month", month, month.AddMonths(1).AddDays(-1)),
            ("within one month", month.AddDays(4), month.AddDays(19)),
            ("one day", month.AddDays(9), month.AddDays(9)),
            ("two partial months, no whole one", month.AddDays(19), month.AddMonths(1).AddDays(9)),
            ("mid-month to a month's end", month.AddDays(9), month.AddMonths(3).AddDays(-1)),
            ("a 1st to mid-month", month, month.AddMonths(2).AddDays(14)),
            ("mid-month to mid-month", month.AddDays(14), month.AddMonths(4).AddDays(14)),
            ("a month's last day to the 1st after next", month.AddDays(-1), month.AddMonths(2)),
            ("three years ending today", Today.AddYears(-3).AddDays(1), Today),
            ("prior evaluation on the first day", mid.PriorEvaluatedOn, Today),
            ("prior evaluation the day before the first day", mid.PriorEvaluatedOn.AddDays(1), Today),
            ("certified on the last day", mid.PriorEvaluatedOn, mid.IssuedOn),
            ("certified the day after the last day", mid.PriorEvaluatedOn, mid.IssuedOn.AddDays(-1)),
            ("prior evaluation on a 1st, the first day", onFirst.PriorEvaluatedOn, onFirst.IssuedOn),
            ("prior evaluation on a 1st, the day before the first day", onFirst.PriorEvaluatedOn.AddDays(1), onFirst.IssuedOn),
            ("prior evaluation on the last day of the month before the first day", onFirst.PriorEvaluatedOn.AddDays(-1), onFirst.IssuedOn),
        };
        foreach (var (name, from, to) in periods)
        {
            var period = ActivityPeriod.Create(from, to);
            var batch = await OrganismActivityQuery.ComputeAsync(db, organisms, new ActivityFilter(period));
            foreach (var organismId in organisms)
                AssertSame(Expected(organismId, new ActivityFilter(period), candidates, fees), batch[organismId], name);
            foreach (var siteId in candidates.Where(c => c.OrganismId == rich.Id).Select(c => c.SiteId).Distinct().Order())
            {
                var filter = new ActivityFilter(period, SiteId: siteId);
                AssertSame(Expected(rich.Id, filter, candidates, fees), await OrganismActivityQuery.ComputeAsync(db, rich.Id, filter), name);
            }
            var certification = new ActivityFilter(period, mid.Certification);
            AssertSame(Expected(rich.Id, certification, candidates, fees), await OrganismActivityQuery.ComputeAsync(db, rich.Id, certification), name);
        }

        // The boundaries are met: moving the first day past a prior evaluation, or the last day before a certificate, changes the cohort.
        int Cohort(DateOnly from, DateOnly to) => Expected(rich.Id, new ActivityFilter(ActivityPeriod.Create(from, to)), candidates, fees).PriorEvaluatedAndCertified;
        Assert.True(Cohort(mid.PriorEvaluatedOn, Today) > Cohort(mid.PriorEvaluatedOn.AddDays(1), Today));
        Assert.True(Cohort(mid.PriorEvaluatedOn, mid.IssuedOn) > Cohort(mid.PriorEvaluatedOn, mid.IssuedOn.AddDays(-1)));
        Assert.True(Cohort(onFirst.PriorEvaluatedOn, onFirst.IssuedOn) > Cohort(onFirst.PriorEvaluatedOn.AddDays(1), onFirst.IssuedOn));
        Assert.True(Expected(rich.Id, new ActivityFilter(ActivityPeriod.Create(month.AddDays(14), month.AddMonths(4).AddDays(14))), candidates, fees).Certified > 20);
    }

    private static DateOnly MonthOf(DateOnly day) => new(day.Year, day.Month, 1);

    internal static void AssertSame(OrganismActivity expected, OrganismActivity actual, string? when = null)
    {
        Assert.Equal(expected.OrganismId, actual.OrganismId);
        Assert.Equal(expected.Filter, actual.Filter);
        Assert.Equal(expected.Monthly, actual.Monthly);
        Assert.True(expected with { Monthly = actual.Monthly } == actual, $"{when}: expected {expected with { Monthly = [] }}, got {actual with { Monthly = [] }}");
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
