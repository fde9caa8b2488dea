using Microsoft.EntityFrameworkCore;

namespace Clea.Data.Dashboard;

/// <summary>
/// Computes <see cref="OrganismActivity"/> in the database for one organism or a batch of them, in two statements
/// whatever the number of organisms and the volume: the counts and the fees per month summed from the daily ledger
/// (<see cref="ActivityDay"/>, a few rows per day and organism instead of the facts themselves), and the certificates of
/// the period grouped by days from prior evaluation to certificate (the median's distribution, and the success rate's
/// cohort, from one index-only range of <c>Certificates(OrganismId, IssuedOn, PriorEvaluatedOn, Certification)</c>).
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

        // Certificates issued in the period, by days from the prior evaluation. The success rate's cohort (prior evaluation
        // in the period, certified by its last day) is the part of them whose prior evaluation is on or after the first
        // day: a certificate is never issued before the prior evaluation (the jury follows the last evaluation).
        var certificates = db.Certificates.AsNoTracking().Where(x => ids.Contains(x.OrganismId) && x.IssuedOn >= first && x.IssuedOn <= last);
        if (filter.Certification is { } certification) certificates = certificates.Where(x => x.Certification == certification);
        // Only the site is not on the certificate: join the candidates for it alone.
        if (filter.SiteId is { } site)
            certificates = from x in certificates join c in db.Candidates on x.CandidateId equals c.Id where c.SiteId == site select x;
        var delays = await certificates
            .GroupBy(x => new { x.OrganismId, Days = x.IssuedOn.DayNumber - x.PriorEvaluatedOn.DayNumber })
            .Select(g => new { g.Key.OrganismId, g.Key.Days, Count = g.Count(), Cohort = g.Count(x => x.PriorEvaluatedOn >= first) })
            .ToListAsync(ct);
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
