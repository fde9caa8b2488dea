using Clea.Data.Fees;
using Microsoft.EntityFrameworkCore;

namespace Clea.Data.Habilitations;

/// <summary>
/// What one run of the sweep did. <c>RenewalsOverdue</c>: habilitations whose automatic renewal was due but not recorded
/// by the day it took effect (the sweep did not run); never back-dated, they stay expired unless the Instance renews
/// them by a visible correction (MISSED_RENEWAL).
/// </summary>
public sealed record SweepResult(int Renewed, int SiteFeesAccrued, int InvoicesIssued, int ConformityProceduresClosed = 0, int RenewalsOverdue = 0)
{
    public bool ChangedAnything => Renewed + SiteFeesAccrued + InvoicesIssued + ConformityProceduresClosed > 0;
}

/// <summary>
/// The time-based effects of the lifecycle, applied as of a date: the automatic renewal of habilitations whose initial
/// period ends (used, never suspended or withdrawn; on its last day or the next, never back-dated), the yearly site fees of the year (and of the previous year, should
/// a run have been missed), and the previous quarter's invoices. Expiry and the end of a renunciation notice need no
/// write: status is computed from dated facts; so are the time-based outcomes of conformity procedures, which the sweep
/// then records (<see cref="Audits.ConformitySweep"/>). Every step is idempotent: a second run on the same day changes nothing.
/// </summary>
public static class HabilitationSweep
{
    public static async Task<SweepResult> RunAsync(CleaDbContext db, DateOnly today, CancellationToken ct = default)
    {
        // Candidates in SQL (accepted, not renewed, not ended, never suspended, used, initial period ending by today);
        // the domain has the last word.
        var candidates = await db.Habilitations.Include(h => h.Suspensions)
            .Where(h => h.Outcome == DecisionOutcome.Accepted && h.RenewedUntil == null && h.EndKind == null
                && h.LastUsedOn != null && h.InitialUntil <= today && !h.Suspensions.Any())
            .OrderBy(h => h.Id)
            .ToListAsync(ct);
        var renewed = 0;
        // The renewal takes effect the day after the initial period: from the day after that, it would be back-dated.
        var overdue = candidates.Count(h => h.IsRenewalOverdue(today));
        foreach (var h in candidates.Where(h => h.IsDueForRenewal(today)))
        {
            h.RenewAutomatically(today);
            renewed++;
        }
        await db.SaveChangesAsync(ct);

        var fees = (await Billing.AccrueSiteFeesAsync(db, today.Year - 1, today, ct)).Count;
        fees += (await Billing.AccrueSiteFeesAsync(db, today.Year, today, ct)).Count;
        await db.SaveChangesAsync(ct);

        var (year, quarter) = Invoice.PreviousQuarter(today);
        var invoices = (await Billing.IssueQuarterAsync(db, year, quarter, today, ct)).Count;
        await db.SaveChangesAsync(ct);

        // Conformity procedures closed by time (withdrawn at the notice's date, deemed sufficient after silence).
        var closed = await Audits.ConformitySweep.RunAsync(db, today, ct);
        return new SweepResult(renewed, fees, invoices, closed, overdue);
    }
}
