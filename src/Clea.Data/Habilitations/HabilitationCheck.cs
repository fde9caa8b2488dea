using Clea.Data.Referentials;
using Clea.Data.Registry;

namespace Clea.Data.Habilitations;

/// <summary>The answer to "is this organism (or site) habilitated for this certification on this date?".</summary>
public sealed record HabilitationCheck(
    CertificationCode Certification,
    DateOnly CheckedOn,
    Organism? Organism,
    Site? Site,
    Habilitation? Habilitation,
    HabilitationStatus? Status,
    bool Habilitated,
    bool EdofEligible,
    string? Reason,
    string? EdofReason)
{
    /// <summary>Why this item of a bulk verification could not be checked; null when it was (always null for a single check).</summary>
    public VerificationError? Error { get; init; }
}

/// <summary>A per-item problem of a bulk verification: a stable error code (e.g. INVALID_SIRET) and words to fix it.</summary>
public sealed record VerificationError(string Code, string Message);

/// <summary>
/// The verification rules integrators rely on (CPF/EDOF): which habilitation answers, whether a site is covered, and
/// EDOF eligibility — an habilitation to train AND evaluate, plus Qualiopi (convention numérique §IV "Mon compte
/// formation").
/// </summary>
public static class HabilitationVerification
{
    public static HabilitationCheck Check(CertificationCode certification, DateOnly on, Organism? organism, Site? site,
        IEnumerable<Habilitation> habilitations, string unknownReason)
    {
        if (organism is null)
            return new HabilitationCheck(certification, on, null, null, null, null, false, false, unknownReason, null);

        var habilitation = MostRelevant(habilitations, certification, on);
        var status = habilitation?.StatusOn(on);
        var habilitated = status == HabilitationStatus.Active;
        var reason = habilitation is null || status is null
            ? $"{organism.Name} holds no habilitation for this certification on {on:yyyy-MM-dd}."
            : ReasonFor(habilitation, status.Value, on);

        if (habilitated && site is not null && !site.IsOpenOn(on))
        {
            habilitated = false;
            reason = site.OpenedOn > on
                ? $"Site {site.Siret} was not open yet on {on:yyyy-MM-dd} (opened {site.OpenedOn:yyyy-MM-dd})."
                : $"Site {site.Siret} was closed on {site.ClosedOn:yyyy-MM-dd}.";
        }

        string? edofReason = null;
        if (!habilitated) edofReason = "Not habilitated on that date.";
        else if (habilitation!.Scope != HabilitationScope.TrainAndEvaluate) edofReason = "EDOF requires an habilitation to train and evaluate; this one covers " + ScopeWords(habilitation.Scope) + " only.";
        else if (!organism.HoldsQualiopiOn(on))
            edofReason = organism.QualiopiLostOn is { } lost
                ? $"EDOF requires the Qualiopi certification, which this organism lost on {lost:yyyy-MM-dd} (declared change of situation)."
                : "EDOF requires the Qualiopi certification, which this organism does not hold.";

        return new HabilitationCheck(certification, on, organism, site, habilitation, status, habilitated, edofReason is null,
            habilitated ? null : reason, edofReason);
    }

    /// <summary>
    /// The answer for a request that could not be checked (a malformed identifier): not habilitated, with the error,
    /// so that one bad item of a batch does not fail the others.
    /// </summary>
    public static HabilitationCheck Rejected(CertificationCode certification, DateOnly on, VerificationError error)
        => new(certification, on, null, null, null, null, false, false, error.Message, "Not verified: " + error.Message) { Error = error };

    /// <summary>The habilitation that answers on a date: one in force first, then the latest filed.</summary>
    public static Habilitation? MostRelevant(IEnumerable<Habilitation> habilitations, DateOnly on) => MostRelevant(habilitations, null, on);

    // One pass, each status computed once, nothing allocated: a bulk verification runs this for each of its 500 items.
    // Order: in force, then suspended, then any other status; then the latest (valid from, decided, filed); then the latest id.
    private static Habilitation? MostRelevant(IEnumerable<Habilitation> habilitations, CertificationCode? certification, DateOnly on)
    {
        Habilitation? best = null;
        var (bestRank, bestDate) = (int.MaxValue, DateOnly.MinValue);
        foreach (var h in habilitations)
        {
            if ((certification is { } code && h.Certification != code) || h.StatusOn(on) is not { } status) continue;
            var rank = status switch
            {
                HabilitationStatus.Active => 0,
                HabilitationStatus.Suspended => 1,
                _ => 2,
            };
            var date = h.ValidFrom ?? h.DecidedOn ?? h.FiledOn;
            if (best is null || rank < bestRank || (rank == bestRank && (date > bestDate || (date == bestDate && h.Id > best.Id))))
                (best, bestRank, bestDate) = (h, rank, date);
        }
        return best;
    }

    private static string ReasonFor(Habilitation h, HabilitationStatus status, DateOnly on) => status switch
    {
        HabilitationStatus.Active => "Habilitated.",
        HabilitationStatus.Pending => $"Application filed on {h.FiledOn:yyyy-MM-dd} is not decided (or not notified) yet on {on:yyyy-MM-dd}.",
        HabilitationStatus.Refused => $"The application was refused on {h.DecidedOn:yyyy-MM-dd}.",
        HabilitationStatus.Suspended => $"The habilitation is suspended since {h.Suspensions.Where(s => s.Covers(on)).Min(s => s.From):yyyy-MM-dd}: all activity under it must stop.",
        HabilitationStatus.Withdrawn => $"The habilitation was withdrawn on {h.EndedOnAsOf(on):yyyy-MM-dd}.",
        HabilitationStatus.Renounced => $"The organism renounced the habilitation; it ended on {h.EndedOn:yyyy-MM-dd}.",
        HabilitationStatus.Expired => $"The habilitation expired: it was valid until {h.ValidUntil:yyyy-MM-dd}.",
        _ => status.ToString(),
    };

    private static string ScopeWords(HabilitationScope scope) => scope switch
    {
        HabilitationScope.Train => "training",
        HabilitationScope.Evaluate => "evaluation",
        _ => "training and evaluation",
    };
}
