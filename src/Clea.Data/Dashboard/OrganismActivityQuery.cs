using Clea.Data.Evaluations;
using Microsoft.EntityFrameworkCore;

namespace Clea.Data.Dashboard;

/// <summary>
/// Computes <see cref="OrganismActivity"/> in the database for one organism or a batch of them, in two statements
/// whatever the number of organisms and the volume, both reading ledgers maintained with the facts: the counts and the
/// fees per month summed from the daily ledger (<see cref="ActivityDay"/>), and the certificates of the period by days
/// from prior evaluation to certificate with the success rate's cohort, from the monthly certificate ledgers for the
/// months the period covers whole and from the certificates themselves only for the partial months at its ends.
/// </summary>
public static class OrganismActivityQuery
{
    /// <summary>The activity of one organism.</summary>
    public static async Task<OrganismActivity> ComputeAsync(CleaDbContext db, int organismId, ActivityFilter filter, CancellationToken ct = default)
        => (await ComputeAsync(db, [organismId], filter, ct))[organismId];

    /// <summary>The activity of each organism of <paramref name="organismIds"/> under the same filter (an entry for every id).</summary>
    public static async Task<IReadOnlyDictionary<int, OrganismActivity>> ComputeAsync(CleaDbContext db, IReadOnlyCollection<int> organismIds,
        ActivityFilter filter, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(organismIds);
        var (first, last) = (filter.Period.From, filter.Period.To);
        var ids = organismIds.Distinct().ToList();

        // Counts and fees per month. Fee rows carry no site and count nothing else: under a site filter they are kept
        // beside the site's rows (fees are not per site), and the site's rows carry no fees.
        var days = db.ActivityDays.AsNoTracking().Where(d => ids.Contains(d.OrganismId) && d.Day >= first && d.Day <= last);
        if (filter.Certification is { } code)
        {
            var name = code.ToString();
            days = days.Where(d => d.Certification == name);
        }
        if (filter.SiteId is { } siteId) days = days.Where(d => d.SiteId == siteId || d.SiteId == ActivityDay.NoSite);
        var perMonth = (await days.GroupBy(d => new { d.OrganismId, d.Day.Year, d.Day.Month })
                .Select(g => new
                {
                    g.Key.OrganismId, g.Key.Year, g.Key.Month,
                    Registrations = g.Sum(d => d.Registrations), Priors = g.Sum(d => d.PriorEvaluations), Finals = g.Sum(d => d.FinalEvaluations),
                    Certified = g.Sum(d => d.Certified), FeeCents = g.Sum(d => d.FeesNotInvoicedCents),
                })
                .ToListAsync(ct))
            .ToDictionary(m => (m.OrganismId, new DateOnly(m.Year, m.Month, 1)));

        var delays = await CertificateDelays(db, ids, filter).ToListAsync(ct);
        var distributions = delays.ToLookup(d => d.OrganismId, d => (d.Days, d.Count));
        var cohortCertified = delays.GroupBy(d => d.OrganismId).ToDictionary(g => g.Key, g => g.Sum(d => d.Cohort));

        var months = filter.Period.Months;
        return ids.ToDictionary(id => id, id =>
        {
            var counts = months.Select(m => perMonth.GetValueOrDefault((id, m))).ToList();
            var monthly = months.Select((m, i) => counts[i] is { } c
                ? new MonthlyActivity(m, c.Registrations, c.Priors, c.Finals, c.Certified)
                : new MonthlyActivity(m, 0, 0, 0, 0)).ToList();
            return new OrganismActivity(id, filter,
                monthly.Sum(m => m.Registrations), monthly.Sum(m => m.PriorEvaluations), monthly.Sum(m => m.FinalEvaluations),
                monthly.Sum(m => m.Certified), cohortCertified.GetValueOrDefault(id), Median(distributions[id]),
                counts.Sum(c => c?.FeeCents ?? 0) / 100m, monthly);
        });
    }

    /// <summary>
    /// A count of certificates with a delay (days from prior evaluation to certificate) and how many of them are in the
    /// success rate's cohort. Members set by initializers, not a positional record: EF Core translates a set operation
    /// (<c>UNION ALL</c>) over member initializations only.
    /// </summary>
    private sealed class DelayCount
    {
        public int OrganismId { get; init; }
        public int Days { get; init; }
        public int Count { get; init; }
        public int Cohort { get; init; }
    }

    /// <summary>
    /// The certificates issued in the period by days from the prior evaluation, with the success rate's cohort (prior
    /// evaluation held in the period, certified by its last day: the certificates of the period whose prior evaluation
    /// is on or after its first day, a certificate never preceding its prior evaluation), in one statement. The months
    /// the period covers whole come from the ledgers (<see cref="CertificateDelay"/>, <see cref="CertificatePriorMonth"/>);
    /// the certificates of the partial months at each end, and for the cohort those issued in the whole months whose
    /// prior evaluation falls in the partial first month, from <c>Certificates</c> through index ranges.
    /// </summary>
    private static IQueryable<DelayCount> CertificateDelays(CleaDbContext db, List<int> ids, ActivityFilter filter)
    {
        var (first, last) = (filter.Period.From, filter.Period.To);
        var certification = filter.Certification?.ToString();
        // Whole months: from the first 1st on or after the first day, to the month whose last day is on or before the last.
        var firstWhole = first.Day == 1 ? first : CertificateLedger.MonthOf(first).AddMonths(1);
        var afterWhole = CertificateLedger.MonthOf(last.AddDays(1)); // the day after the last whole month
        IQueryable<Certificate> Issued(DateOnly from, DateOnly to)
        {
            var certificates = db.Certificates.AsNoTracking().Where(x => ids.Contains(x.OrganismId) && x.IssuedOn >= from && x.IssuedOn <= to);
            if (filter.Certification is { } code) certificates = certificates.Where(x => x.Certification == code);
            // Only the site is not on the certificate: join the candidates for it alone.
            if (filter.SiteId is { } site)
                certificates = from x in certificates join c in db.Candidates on x.CandidateId equals c.Id where c.SiteId == site select x;
            return certificates;
        }
        IQueryable<DelayCount> Raw(DateOnly from, DateOnly to) => Issued(from, to).Select(x => new DelayCount
        {
            OrganismId = x.OrganismId, Days = x.IssuedOn.DayNumber - x.PriorEvaluatedOn.DayNumber, Count = 1, Cohort = x.PriorEvaluatedOn >= first ? 1 : 0,
        });

        if (firstWhole >= afterWhole) return Group(Raw(first, last)); // no whole month: the period's certificates themselves
        var delays = db.CertificateDelays.AsNoTracking().Where(d => ids.Contains(d.OrganismId) && d.IssuedMonth >= firstWhole && d.IssuedMonth < afterWhole);
        var priorMonths = db.CertificatePriorMonths.AsNoTracking()
            .Where(p => ids.Contains(p.OrganismId) && p.IssuedMonth >= firstWhole && p.IssuedMonth < afterWhole && p.PriorMonth >= firstWhole);
        if (certification is not null)
        {
            delays = delays.Where(d => d.Certification == certification);
            priorMonths = priorMonths.Where(p => p.Certification == certification);
        }
        if (filter.SiteId is { } siteId)
        {
            delays = delays.Where(d => d.SiteId == siteId);
            priorMonths = priorMonths.Where(p => p.SiteId == siteId);
        }
        var counts = delays.Select(d => new DelayCount { OrganismId = d.OrganismId, Days = d.Days, Count = d.Certified, Cohort = 0 })
            .Concat(priorMonths.Select(p => new DelayCount { OrganismId = p.OrganismId, Days = 0, Count = 0, Cohort = p.Certified }));
        if (first < firstWhole)
        {
            counts = counts.Concat(Raw(first, firstWhole.AddDays(-1)));
            // The cohort's partial prior month: certificates of the whole months whose prior evaluation is in [first, firstWhole).
            counts = counts.Concat(Issued(firstWhole, afterWhole.AddDays(-1))
                .Where(x => x.PriorEvaluatedOn >= first && x.PriorEvaluatedOn < firstWhole)
                .Select(x => new DelayCount { OrganismId = x.OrganismId, Days = 0, Count = 0, Cohort = 1 }));
        }
        if (afterWhole <= last) counts = counts.Concat(Raw(afterWhole, last));
        return Group(counts);
    }

    private static IQueryable<DelayCount> Group(IQueryable<DelayCount> counts) => counts
        .GroupBy(d => new { d.OrganismId, d.Days })
        .Select(g => new DelayCount { OrganismId = g.Key.OrganismId, Days = g.Key.Days, Count = g.Sum(d => d.Count), Cohort = g.Sum(d => d.Cohort) });

    /// <summary>The median of a distribution given as (value, how many times): the middle value, or the mean of the two middle ones.</summary>
    public static double? Median(IEnumerable<(int Value, int Count)> distribution)
    {
        var ordered = distribution.Where(d => d.Count > 0).OrderBy(d => d.Value).ToList();
        var total = ordered.Sum(d => d.Count);
        if (total == 0) return null;
        int ValueAt(int rank) // 0-based rank in the sorted multiset
        {
            foreach (var (value, count) in ordered)
            {
                if (rank < count) return value;
                rank -= count;
            }
            throw new InvalidOperationException("Rank beyond the distribution.");
        }
        return total % 2 == 1 ? ValueAt(total / 2) : (ValueAt(total / 2 - 1) + ValueAt(total / 2)) / 2.0;
    }
}
