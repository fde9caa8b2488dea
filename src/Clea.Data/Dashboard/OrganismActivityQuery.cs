using Clea.Data.Evaluations;
using Microsoft.EntityFrameworkCore;

namespace Clea.Data.Dashboard;

/// <summary>
/// Computes <see cref="OrganismActivity"/> in the database for one organism or a batch of them: counts grouped by
/// organism and month (GROUP BY), a grouped count for the success rate, a grouped SUM for the fees, and the median from
/// the grouped distribution of day differences (GROUP BY organism, days: a few hundred rows per organism at most, never
/// the certificates themselves). Seven statements whatever the number of organisms and the volume, each served by an
/// index on (organism or candidate, date).
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
        var candidates = Candidates(db, ids, filter);

        var registrations = await PerMonthAsync(candidates.Where(c => c.RegisteredOn >= first && c.RegisteredOn <= last)
            .Select(c => new Dated { OrganismId = c.OrganismId, On = c.RegisteredOn }), ct);
        var priors = await PerMonthAsync(Evaluations(db, candidates, EvaluationKind.Prior, filter.Period), ct);
        var finals = await PerMonthAsync(Evaluations(db, candidates, EvaluationKind.Final, filter.Period), ct);
        var certificates = db.Certificates.AsNoTracking().Where(x => ids.Contains(x.OrganismId) && x.IssuedOn >= first && x.IssuedOn <= last);
        if (filter.Certification is { } code) certificates = certificates.Where(x => x.Certification == code);
        // Only the site is not on the certificate: join the candidates for it alone.
        if (filter.SiteId is not null) certificates = from x in certificates join c in candidates on x.CandidateId equals c.Id select x;
        var certified = await PerMonthAsync(certificates.Select(x => new Dated { OrganismId = x.OrganismId, On = x.IssuedOn }), ct);

        // The success rate's cohort: candidates prior-evaluated in the period, and of those the ones certified by its last day.
        var cohortCertified = await (
                from e in db.Evaluations
                where e.Kind == EvaluationKind.Prior && e.HeldOn >= first && e.HeldOn <= last
                join c in candidates on e.CandidateId equals c.Id
                join x in db.Certificates on c.Id equals x.CandidateId
                where x.IssuedOn <= last
                group c by c.OrganismId into g
                select new { OrganismId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.OrganismId, g => g.Count, ct);

        // Days from the prior evaluation to the certificate, as a distribution: (organism, days, how many certificates).
        var distributions = (await (
                from x in certificates
                join e in db.Evaluations on x.CandidateId equals e.CandidateId
                where e.Kind == EvaluationKind.Prior
                group x by new { x.OrganismId, Days = x.IssuedOn.DayNumber - e.HeldOn.DayNumber } into g
                select new { g.Key.OrganismId, g.Key.Days, Count = g.Count() })
            .ToListAsync(ct))
            .ToLookup(d => d.OrganismId, d => (d.Days, d.Count));

        var fees = db.FeeLines.Where(l => ids.Contains(l.OrganismId) && l.InvoiceId == null && l.AccruedOn >= first && l.AccruedOn <= last);
        if (filter.Certification is { } certification) fees = fees.Where(l => l.Certification == certification);
        var feesNotInvoiced = await fees.GroupBy(l => l.OrganismId).Select(g => new { OrganismId = g.Key, Amount = g.Sum(l => l.Amount) })
            .ToDictionaryAsync(g => g.OrganismId, g => g.Amount, ct);

        var months = filter.Period.Months;
        return ids.ToDictionary(id => id, id =>
        {
            int Of(Dictionary<(int, DateOnly), int> perMonth, DateOnly month) => perMonth.GetValueOrDefault((id, month));
            var monthly = months.Select(m => new MonthlyActivity(m, Of(registrations, m), Of(priors, m), Of(finals, m), Of(certified, m))).ToList();
            return new OrganismActivity(id, filter,
                monthly.Sum(m => m.Registrations), monthly.Sum(m => m.PriorEvaluations), monthly.Sum(m => m.FinalEvaluations),
                monthly.Sum(m => m.Certified), cohortCertified.GetValueOrDefault(id), Median(distributions[id]),
                feesNotInvoiced.GetValueOrDefault(id), monthly);
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

    private static IQueryable<Candidate> Candidates(CleaDbContext db, List<int> ids, ActivityFilter filter)
    {
        var candidates = db.Candidates.AsNoTracking().Where(c => ids.Contains(c.OrganismId));
        if (filter.Certification is { } certification) candidates = candidates.Where(c => c.Certification == certification);
        if (filter.SiteId is { } siteId) candidates = candidates.Where(c => c.SiteId == siteId);
        return candidates;
    }

    private static IQueryable<Dated> Evaluations(CleaDbContext db, IQueryable<Candidate> candidates, EvaluationKind kind, ActivityPeriod period)
        => from e in db.Evaluations
           where e.Kind == kind && e.HeldOn >= period.From && e.HeldOn <= period.To
           join c in candidates on e.CandidateId equals c.Id
           select new Dated { OrganismId = c.OrganismId, On = e.HeldOn };

    /// <summary>Counts per organism and calendar month, in SQL (GROUP BY organism, year, month).</summary>
    private static async Task<Dictionary<(int, DateOnly), int>> PerMonthAsync(IQueryable<Dated> facts, CancellationToken ct)
        => (await facts.GroupBy(f => new { f.OrganismId, f.On.Year, f.On.Month })
                .Select(g => new { g.Key.OrganismId, g.Key.Year, g.Key.Month, Count = g.Count() }).ToListAsync(ct))
            .ToDictionary(g => (g.OrganismId, new DateOnly(g.Year, g.Month, 1)), g => g.Count);

    /// <summary>A dated fact of an organism (member-initialised so EF Core can translate grouping on it).</summary>
    private sealed class Dated
    {
        public int OrganismId { get; init; }
        public DateOnly On { get; init; }
    }
}
