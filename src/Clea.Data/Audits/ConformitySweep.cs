using Microsoft.EntityFrameworkCore;

namespace Clea.Data.Audits;

/// <summary>
/// Records what time decided in conformity procedures, as of a date: withdrawals at the notice's date without a
/// justification, and measures deemed sufficient after 30 working days of silence. Status already reflects both before
/// this runs (dated facts); the sweep writes the closing facts and events. Idempotent.
/// </summary>
public static class ConformitySweep
{
    public static async Task<int> RunAsync(CleaDbContext db, DateOnly today, CancellationToken ct = default)
    {
        var running = await db.ConformityProcedures
            .Include(p => p.Notices).Include(p => p.Habilitation).ThenInclude(h => h.Suspensions)
            .Where(p => p.Stage == ProcedureStage.AwaitingJustification || p.Stage == ProcedureStage.AwaitingAnswer)
            .OrderBy(p => p.Id)
            .ToListAsync(ct);
        var changed = running.Count(p => p.ApplyTime(today));
        await db.SaveChangesAsync(ct);
        return changed;
    }
}
