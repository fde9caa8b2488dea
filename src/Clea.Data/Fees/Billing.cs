using Clea.Data.Common;
using Clea.Data.Events;
using Clea.Data.Habilitations;
using Clea.Data.Referentials;
using Microsoft.EntityFrameworkCore;

namespace Clea.Data.Fees;

/// <summary>One amount of a year's fee grid, as an administrator sets it.</summary>
public sealed record FeeAmount(FeeKind Kind, CertificationCode? Certification, decimal Amount);

/// <summary>
/// The fee ledger's operations (annexe 2): the yearly site fees, quarterly invoices and the yearly grid. Each is
/// idempotent — a fact is charged once (<see cref="FeeLine.SourceKey"/>), a quarter invoiced once per organism — so the
/// sweep and the staff may run them as often as they like. They add to the context; the caller saves.
/// </summary>
public static class Billing
{
    /// <summary>The fee grid, loaded once per operation: every accrual reads it from here.</summary>
    public static async Task<FeeSchedule> ScheduleAsync(CleaDbContext db, CancellationToken ct = default)
        => new(await db.FeeTariffs.AsNoTracking().ToListAsync(ct));

    public static string SiteFeeKey(int siteId, CertificationCode certification, int year) => $"site:{siteId}:{certification}:{year}";

    /// <summary>
    /// Accrues the yearly fee of every site of every organism with an habilitation in force in <paramref name="year"/>
    /// (one line per site, certification and year), dated the first day both were in force that year, up to
    /// <paramref name="today"/>. Returns the lines added.
    /// </summary>
    public static async Task<IReadOnlyList<FeeLine>> AccrueSiteFeesAsync(CleaDbContext db, int year, DateOnly today, CancellationToken ct = default)
    {
        var first = new DateOnly(year, 1, 1);
        var last = new DateOnly(year, 12, 31) < today ? new DateOnly(year, 12, 31) : today;
        if (last < first) return [];
        var habilitations = await db.Habilitations.Include(h => h.Suspensions)
            .Where(h => h.Outcome == DecisionOutcome.Accepted && h.ValidFrom <= last && (h.RenewedUntil ?? h.InitialUntil) >= first
                && (h.EndedOn == null || h.EndedOn > first))
            .ToListAsync(ct);
        if (habilitations.Count == 0) return [];
        var organismIds = habilitations.Select(h => h.OrganismId).Distinct().ToList();
        var organisms = await db.Organisms.Include(o => o.Sites).Where(o => organismIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, ct);

        var due = new Dictionary<string, (Habilitation Habilitation, Clea.Data.Registry.Site Site, DateOnly On)>();
        foreach (var h in habilitations)
        {
            var inForce = FirstDayInForce(h, first, last);
            if (inForce is null) continue;
            foreach (var site in organisms[h.OrganismId].Sites)
            {
                var on = site.OpenedOn > inForce.Value ? site.OpenedOn : inForce.Value;
                if (on > last || !site.IsOpenOn(on)) continue;
                var key = SiteFeeKey(site.Id, h.Certification, year);
                if (!due.TryGetValue(key, out var known) || on < known.On) due[key] = (h, site, on);
            }
        }
        var keys = due.Keys.ToList();
        var existing = new HashSet<string>();
        foreach (var chunk in keys.Chunk(500))
            existing.UnionWith(await db.FeeLines.Where(l => chunk.Contains(l.SourceKey)).Select(l => l.SourceKey).ToListAsync(ct));

        var schedule = await ScheduleAsync(db, ct);
        var added = due.Where(d => !existing.Contains(d.Key))
            .Select(d => new FeeLine(organisms[d.Value.Habilitation.OrganismId], FeeKind.SiteYearly, d.Value.Habilitation.Certification, d.Value.On, schedule, d.Key))
            .ToList();
        db.FeeLines.AddRange(added);
        return added;
    }

    /// <summary>
    /// Issues the invoices of a quarter on <paramref name="issuedOn"/>: one per organism with unbilled lines accrued by
    /// the quarter's end, unless that organism already has this quarter's invoice. Returns the invoices added.
    /// </summary>
    public static async Task<IReadOnlyList<Invoice>> IssueQuarterAsync(CleaDbContext db, int year, int quarter, DateOnly issuedOn, CancellationToken ct = default)
    {
        var end = Invoice.QuarterEnd(year, quarter);
        if (issuedOn <= end)
            throw new DomainRuleException(FeeErrors.QuarterNotEnded,
                $"A quarter is invoiced once it has ended: {year} Q{quarter} ends on {end:yyyy-MM-dd}, so not on {issuedOn:yyyy-MM-dd}.");
        var lines = await db.FeeLines
            .Where(l => l.InvoiceId == null && l.AccruedOn <= end
                && !db.Invoices.Any(i => i.OrganismId == l.OrganismId && i.Year == year && i.Quarter == quarter))
            .OrderBy(l => l.Id)
            .ToListAsync(ct);
        if (lines.Count == 0) return [];
        var organismIds = lines.Select(l => l.OrganismId).Distinct().ToList();
        var organisms = await db.Organisms.Where(o => organismIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, ct);
        var invoices = lines.GroupBy(l => l.OrganismId)
            .Select(g => Invoice.Issue(organisms[g.Key], year, quarter, issuedOn, g.ToList()))
            .ToList();
        db.Invoices.AddRange(invoices);
        return invoices;
    }

    /// <summary>Sets the grid in force from <paramref name="year"/> (the board may change it every year); lines already accrued keep their amount.</summary>
    public static async Task<IReadOnlyList<FeeTariff>> SetGridAsync(CleaDbContext db, int year, IReadOnlyCollection<FeeAmount> amounts, CancellationToken ct = default)
    {
        if (year is < 2000 or > 2100)
            throw new DomainRuleException(FeeErrors.InvalidTariff, $"A fee grid is set for a year between 2000 and 2100; {year} was given.");
        if (amounts.Count == 0)
            throw new DomainRuleException(FeeErrors.InvalidTariff, "Give at least one amount.");
        foreach (var a in amounts) Validate(a);
        if (amounts.GroupBy(a => (a.Kind, a.Certification)).Any(g => g.Count() > 1))
            throw new DomainRuleException(FeeErrors.InvalidTariff, "Each fee (kind and certification) is given once.");

        var rows = await db.FeeTariffs.Where(t => t.FromYear == year).ToListAsync(ct);
        var result = new List<FeeTariff>();
        foreach (var a in amounts)
        {
            var row = rows.SingleOrDefault(t => t.Kind == a.Kind && t.Certification == a.Certification);
            if (row is null) db.FeeTariffs.Add(row = new FeeTariff(a.Kind, a.Certification, year, a.Amount));
            else row.Change(a.Amount);
            result.Add(row);
        }
        // The grid is no entity's event: stamped here as the context stamps raised ones.
        var set = new LifecycleEvent(LifecycleEventKind.FeeTariffSet, new DateOnly(year, 1, 1), organism: null,
            string.Join("; ", amounts.Select(a => $"{a.Kind} {a.Certification?.ToString() ?? "any"}: {a.Amount:0.00} €")), reference: year.ToString(System.Globalization.CultureInfo.InvariantCulture));
        set.Stamp(db.Clock.GetUtcNow(), db.Actor);
        db.LifecycleEvents.Add(set);
        return result;
    }

    private static void Validate(FeeAmount a)
    {
        if (a.Amount < 0 || a.Amount > 100_000 || decimal.Round(a.Amount, 2) != a.Amount)
            throw new DomainRuleException(FeeErrors.InvalidTariff, $"A fee is an amount in euros between 0 and 100,000 with at most 2 decimals; {a.Amount} was given.");
        if (a.Kind == FeeKind.Application && a.Certification is not null)
            throw new DomainRuleException(FeeErrors.InvalidTariff, "The application fee is the same for every certification: give it without one.");
        if (a.Kind != FeeKind.Application && a.Certification is null)
            throw new DomainRuleException(FeeErrors.InvalidTariff, $"The {a.Kind} fee depends on the certification: name it.");
        if (a.Kind == FeeKind.PriorEvaluation && a.Certification != CertificationCode.CleaSocle)
            throw new DomainRuleException(FeeErrors.InvalidTariff, "Prior evaluations are charged for CléA Socle only.");
    }

    private static DateOnly? FirstDayInForce(Habilitation h, DateOnly first, DateOnly last)
        => h.Periods()
            .Where(p => p.Status is HabilitationPeriodStatus.Active or HabilitationPeriodStatus.Renewed && p.From <= last && (p.Until is null || p.Until >= first))
            .Select(p => p.From < first ? first : p.From)
            .Cast<DateOnly?>()
            .FirstOrDefault();
}
