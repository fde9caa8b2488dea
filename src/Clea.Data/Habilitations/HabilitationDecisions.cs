using Clea.Data.Access;
using Clea.Data.Common;
using Microsoft.EntityFrameworkCore;

namespace Clea.Data.Habilitations;

/// <summary>
/// The life of an habilitation after its decision: suspension, lifting, withdrawal and renewal by the Instance (Certif Pro
/// on any, a CPNE on those it decided), renunciation and activity declarations by the organism. Rules are the domain's
/// (<see cref="Habilitation"/>); each operation loads, checks the caller, applies the rule and saves once.
/// </summary>
public sealed class HabilitationDecisions(CleaDbContext db, TimeProvider time)
{
    public Task<Habilitation> SuspendAsync(int id, DateOnly? from, string? reason, ICurrentCaller caller, CancellationToken ct)
        => ByInstanceAsync(id, "suspendHabilitation", reason, reasonRequired: true, caller, ct, (h, today, r) => h.Suspend(from ?? today, r, today));

    public Task<Habilitation> LiftSuspensionAsync(int id, DateOnly? resumedOn, string? reason, ICurrentCaller caller, CancellationToken ct)
        => ByInstanceAsync(id, "liftSuspension", reason, reasonRequired: false, caller, ct, (h, today, r) => h.LiftSuspension(resumedOn ?? today, r, today));

    /// <summary>A withdrawal names its case of §V.3 and the rule of its date (default: on the noting for an audit refusal, on notification otherwise).</summary>
    public Task<Habilitation> WithdrawAsync(int id, DateOnly? effectiveOn, WithdrawalCase withdrawalCase, WithdrawalEffect? effect, string? reason, ICurrentCaller caller, CancellationToken ct)
        => ByInstanceAsync(id, "withdrawHabilitation", reason, reasonRequired: true, caller, ct, (h, today, r) => h.Withdraw(effectiveOn ?? today, withdrawalCase,
            effect ?? (withdrawalCase == WithdrawalCase.AuditRefusal ? WithdrawalEffect.OnRefusalNoted : WithdrawalEffect.OnNotification), r, today));

    /// <summary>The automatic renewal applied now (the sweep applies it on the last day of the initial period).</summary>
    public Task<Habilitation> RenewAsync(int id, string? reason, ICurrentCaller caller, CancellationToken ct)
        => ByInstanceAsync(id, "renewHabilitation", reason, reasonRequired: false, caller, ct, (h, today, _) => h.RenewAutomatically(today));

    /// <summary>A correction of a recorded fact, recorded today with its reason (a visible act, <see cref="Habilitation.Correct"/>).</summary>
    public Task<Habilitation> CorrectAsync(int id, CorrectionKind kind, DateOnly? date, string? reason, ICurrentCaller caller, CancellationToken ct)
        => ByInstanceAsync(id, "correctHabilitation", reason, reasonRequired: true, caller, ct, (h, today, r) => h.Correct(kind, date, r!, today));

    /// <summary>Written notice of renunciation by the organism (received on <paramref name="noticeGivenOn"/>, default today).</summary>
    public async Task<Habilitation> RenounceAsync(int id, DateOnly? noticeGivenOn, string? reason, ICurrentCaller caller, CancellationToken ct)
    {
        var habilitation = await OwnAsync(id, caller, ct);
        habilitation.Renounce(noticeGivenOn ?? time.Today(), reason);
        await db.SaveChangesAsync(ct);
        return habilitation;
    }

    /// <summary>The activity figures of a period under one of the organism's habilitations.</summary>
    public async Task<Habilitation> DeclareActivityAsync(int id, DateOnly periodFrom, DateOnly periodTo, ActivityFigures figures,
        ICurrentCaller caller, CancellationToken ct)
    {
        var habilitation = await OwnAsync(id, caller, ct);
        habilitation.DeclareActivity(time.Today(), periodFrom, periodTo, figures);
        await db.SaveChangesAsync(ct);
        return habilitation;
    }

    private async Task<Habilitation> ByInstanceAsync(int id, string decision, string? reason, bool reasonRequired, ICurrentCaller caller,
        CancellationToken ct, Action<Habilitation, DateOnly, string?> apply)
    {
        var habilitation = await LoadTrackedAsync(id, ct);
        (await OrganismScope.OfAsync(caller, ct)).EnsureMayDecideOn(habilitation);
        if (reasonRequired && string.IsNullOrWhiteSpace(reason))
            throw new DomainRuleException(InputErrors.ReasonRequired, $"{decision} records the grounds of the decision: give a reason.");
        apply(habilitation, time.Today(), reason?.Trim());
        await db.SaveChangesAsync(ct);
        return habilitation;
    }

    private async Task<Habilitation> LoadTrackedAsync(int id, CancellationToken ct)
        => await db.Habilitations.Include(h => h.Suspensions).Include(h => h.Organism).SingleOrDefaultAsync(h => h.Id == id, ct)
           ?? throw new DomainRuleException(HabilitationErrors.NotFound, "No habilitation has this id.");

    /// <summary>An habilitation of the caller's own organism; another organism's answers as not found.</summary>
    private async Task<Habilitation> OwnAsync(int id, ICurrentCaller caller, CancellationToken ct)
    {
        var habilitation = await LoadTrackedAsync(id, ct);
        if (caller.Siren is not { } siren || habilitation.Organism.Siren != siren)
            throw new DomainRuleException(HabilitationErrors.NotFound, "No habilitation of your organism has this id.");
        return habilitation;
    }
}
