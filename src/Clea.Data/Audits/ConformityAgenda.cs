using Clea.Data.Access;
using Clea.Data.Common;
using Clea.Data.Instances;
using Microsoft.EntityFrameworkCore;

namespace Clea.Data.Audits;

/// <summary>What an Instance has to do or watch, and by when.</summary>
public enum AgendaItemKind
{
    /// <summary>The organism's observations on a report are awaited until this day; the Instance may decide after it.</summary>
    ObservationsAwaited,
    /// <summary>The observations are in or their deadline is over: the Instance decides at a meeting and notifies within 15 working days.</summary>
    DecisionAwaited,
    /// <summary>The organism's justification is due by this day; without it the habilitation is withdrawn on the notice's date.</summary>
    JustificationDue,
    /// <summary>The Instance must answer a justification by this day; the day after, the measures are deemed sufficient.</summary>
    AnswerDue,
    /// <summary>The 12-month watch after a procedure ends on this day.</summary>
    WatchEnds,
}

public sealed record AgendaItem(AgendaItemKind Kind, DateOnly DueOn, bool Overdue, int HabilitationId, int OrganismId, int? AuditId, int? ProcedureId);

/// <summary>
/// Use case: the Instance staff's work queue (issue 12, item 7): what is due or overdue by a date, within the habilitations
/// the caller may act on (null: all), dates computed by the French working-day calendar, soonest first.
/// </summary>
public sealed class ConformityAgenda(CleaDbContext db, TimeProvider time)
{
    public async Task<IReadOnlyList<AgendaItem>> DueAsync(DateOnly dueBefore, ICurrentCaller caller, CancellationToken ct)
    {
        var today = time.Today();
        var habilitationScope = await ActionableHabilitationIdsAsync(caller, ct);
        var audits = db.Audits.AsNoTracking().Where(a => a.Stage == AuditStage.Reported && a.ObservationsDueOn <= dueBefore);
        // Running procedures, and those deemed sufficient whose 12-month watch may not have ended (a small set).
        var watchFrom = today.AddMonths(-13);
        var procedures = db.ConformityProcedures.AsNoTracking().Include(p => p.Notices)
            .Where(p => p.Stage == ProcedureStage.AwaitingJustification || p.Stage == ProcedureStage.AwaitingAnswer
                || (p.Stage == ProcedureStage.DeemedSufficient && p.ClosedOn >= watchFrom));
        if (habilitationScope is not null)
        {
            audits = audits.Where(a => habilitationScope.Contains(a.HabilitationId));
            procedures = procedures.Where(p => habilitationScope.Contains(p.HabilitationId));
        }
        var items = new List<AgendaItem>();
        foreach (var a in await audits.ToListAsync(ct))
        {
            var due = a.ObservationsDueOn!.Value;
            var kind = a.ObservationsOn is null && today <= due ? AgendaItemKind.ObservationsAwaited : AgendaItemKind.DecisionAwaited;
            items.Add(new(kind, due, kind == AgendaItemKind.DecisionAwaited || due < today, a.HabilitationId, a.OrganismId, a.Id, null));
        }
        foreach (var p in await procedures.ToListAsync(ct))
        {
            var notice = p.CurrentNotice;
            (AgendaItemKind Kind, DateOnly Due)? item = p.StageOn(today) switch
            {
                ProcedureStage.AwaitingJustification => (AgendaItemKind.JustificationDue, notice.JustificationDueOn),
                ProcedureStage.AwaitingAnswer => (AgendaItemKind.AnswerDue, notice.AnswerDueOn!.Value),
                // Deemed sufficient (recorded, or by the dates before the sweep): the watch runs 12 months from the day after the answer deadline.
                ProcedureStage.DeemedSufficient => (AgendaItemKind.WatchEnds, Calendar.Deadlines.NewFailingsWindow.After(notice.AnswerDueOn!.Value.AddDays(1))),
                _ => null,
            };
            if (item is not { } i || i.Due > dueBefore || (i.Kind == AgendaItemKind.WatchEnds && i.Due < today)) continue;
            items.Add(new(i.Kind, i.Due, i.Due < today, p.HabilitationId, p.OrganismId, p.AuditId, p.Id));
        }
        return [.. items.OrderBy(i => i.DueOn).ThenBy(i => i.Kind).ThenBy(i => i.AuditId).ThenBy(i => i.ProcedureId)];
    }

    /// <summary>The habilitations the caller's Instance may act on (null: all; none for anyone but Instance staff).</summary>
    private async Task<IQueryable<int>?> ActionableHabilitationIdsAsync(ICurrentCaller caller, CancellationToken ct)
    {
        var instance = (await OrganismScope.OfAsync(caller, ct)).Instance;
        if (instance is null) return db.Habilitations.Where(_ => false).Select(h => h.Id);
        if (instance.Kind == InstanceKind.CertifPro) return null;
        var instanceId = instance.Id;
        return db.Habilitations.Where(h => h.InstanceId == instanceId).Select(h => h.Id);
    }
}
