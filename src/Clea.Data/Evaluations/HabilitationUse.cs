using Clea.Data.Common;
using Clea.Data.Habilitations;
using Clea.Data.Referentials;

namespace Clea.Data.Evaluations;

/// <summary>
/// Which of an organism's habilitations covers a candidate's registration, evaluations and certificate on a given date.
/// </summary>
public static class HabilitationUse
{
    /// <summary>
    /// Registration needs an habilitation for the certification in force on the registration day (annexe 3: candidates
    /// go to an organism habilitated on the day they register).
    /// </summary>
    public static Habilitation ForRegistration(IEnumerable<Habilitation> habilitations, CertificationCode certification, DateOnly on)
    {
        var candidates = habilitations.Where(h => h.Certification == certification).ToList();
        return candidates.FirstOrDefault(h => h.StatusOn(on) == HabilitationStatus.Active)
            ?? throw NotHabilitated(candidates, certification, on, "register candidates");
    }

    /// <summary>
    /// Evaluating or certifying a registered candidate on <paramref name="on"/>: an habilitation in force that day, or one
    /// renounced after the candidate registered (<see cref="AllowsFollowUpAfterRenunciation"/>). Evaluating also needs
    /// an habilitation whose scope includes evaluation.
    /// </summary>
    public static Habilitation ForFollowUp(IEnumerable<Habilitation> habilitations, CertificationCode certification,
        DateOnly registeredOn, DateOnly on, bool evaluating, string action)
    {
        var candidates = habilitations.Where(h => h.Certification == certification).ToList();
        var allowed = candidates.Where(h => h.StatusOn(on) == HabilitationStatus.Active
            || AllowsFollowUpAfterRenunciation(h, registeredOn, on)).ToList();
        if (allowed.Count == 0) throw NotHabilitated(candidates, certification, on, action);
        if (!evaluating) return allowed[0];
        return allowed.FirstOrDefault(h => h.Scope is HabilitationScope.Evaluate or HabilitationScope.TrainAndEvaluate)
            ?? throw new DomainRuleException(EvaluationErrors.ScopeExcludesEvaluation,
                $"The organism's habilitation for {certification} allows training only: it cannot {action}.");
    }

    /// <summary>
    /// After a renunciation, candidates registered before it took effect may still be evaluated and certified, within the
    /// habilitation's validity period. (The <c>life</c> branch adds <c>Habilitation.AllowsFollowUpOf</c>; this is the same
    /// rule, to be switched over when both meet.)
    /// </summary>
    public static bool AllowsFollowUpAfterRenunciation(Habilitation habilitation, DateOnly registeredOn, DateOnly on)
        => habilitation.EndKind == EndKind.Renounced
            && habilitation.EndedOn is { } endedOn
            && registeredOn < endedOn
            && habilitation.StatusOn(registeredOn) == HabilitationStatus.Active
            && habilitation.StatusOn(on) == HabilitationStatus.Renounced
            && on <= habilitation.ValidUntil;

    /// <summary>An evaluation or a certificate is a use of the habilitation (automatic-renewal condition), when it is in force.</summary>
    public static void RecordUse(Habilitation habilitation, DateOnly on)
    {
        if (habilitation.StatusOn(on) == HabilitationStatus.Active) habilitation.RecordUse(on);
    }

    private static DomainRuleException NotHabilitated(IReadOnlyList<Habilitation> habilitations, CertificationCode certification, DateOnly on, string action)
    {
        var statuses = habilitations.Select(h => h.StatusOn(on)).Where(s => s is not null)
            .Select(s => s!.Value.ToString().ToLowerInvariant()).Distinct().ToList();
        var state = statuses.Count == 0 ? "has no habilitation" : $"has an habilitation that is {string.Join(" / ", statuses)}";
        return new DomainRuleException(EvaluationErrors.OrganismNotHabilitated,
            $"On {on:yyyy-MM-dd} the organism {state} for {certification}: it cannot {action}.");
    }
}
