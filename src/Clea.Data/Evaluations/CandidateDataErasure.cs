using Clea.Data.Common;
using Clea.Data.Events;
using Clea.Data.Habilitations;
using Clea.Data.Referentials;
using Clea.Data.Registry;

namespace Clea.Data.Evaluations;

/// <summary>
/// The Instance's order to erase the personal data of an organism's candidates for one certification once its
/// habilitation has ended (withdrawal, expiry, renunciation). Certificates stay verifiable: they keep their own salted
/// hash of the holder's last name. Raises <see cref="LifecycleEventKind.CandidateDataErased"/>.
/// </summary>
public sealed class CandidateDataErasure : EventSource
{
    public const int ReasonMaxLength = 1000;

    public int Id { get; private set; }
    public int OrganismId { get; private set; }
    public CertificationCode Certification { get; private set; }
    public DateOnly OrderedOn { get; private set; }
    public int CandidatesErased { get; private set; }
    public string? Reason { get; private set; }

    private CandidateDataErasure() { }

    /// <summary>
    /// Erases every not-yet-erased candidate of <paramref name="organism"/> for <paramref name="certification"/>; refused
    /// while one of <paramref name="habilitations"/> (the organism's) for it is still in force (active or suspended) on <paramref name="on"/>,
    /// or while candidates registered before a renunciation's notice day are still followed (not yet certified).
    /// </summary>
    public static CandidateDataErasure Order(Organism organism, CertificationCode certification, DateOnly on,
        IEnumerable<Habilitation> habilitations, IEnumerable<Candidate> candidates, string? reason)
    {
        var inForce = habilitations.Where(h => h.Certification == certification)
            .Select(h => h.StatusOn(on)).FirstOrDefault(s => s is HabilitationStatus.Active or HabilitationStatus.Suspended);
        if (inForce is not null)
            throw new DomainRuleException(EvaluationErrors.ErasureWhileHabilitated,
                $"On {on:yyyy-MM-dd} the organism still holds an habilitation for {certification} ({inForce.Value.ToString().ToLowerInvariant()}): " +
                "its candidates' data is erased only once the habilitation has ended.");
        // Convention §III.6: candidates registered by a renunciation's notice day are still evaluated and certified;
        // erasing their data would make that impossible (CANDIDATE_DATA_ALREADY_ERASED on their certificate).
        var relevant = habilitations.Where(h => h.Certification == certification).ToList();
        var followed = candidates.Count(c => c.Certification == certification && c.PersonalDataErasedOn is null && c.Certificate is null
            && relevant.Any(h => h.AllowsFollowUpOf(c.RegisteredOn, on)));
        if (followed > 0)
            throw new DomainRuleException(EvaluationErrors.ErasureWhileCandidatesFollowed,
                $"On {on:yyyy-MM-dd} {followed} candidate(s) registered before the renunciation notice are still followed for {certification}: " +
                "their data is erased once they are certified or their path has ended.");
        var erased = 0;
        foreach (var candidate in candidates.Where(c => c.Certification == certification && c.PersonalDataErasedOn is null))
        {
            candidate.ErasePersonalData(on);
            erased++;
        }
        var erasure = new CandidateDataErasure
        {
            OrganismId = organism.Id,
            Certification = certification,
            OrderedOn = on,
            CandidatesErased = erased,
            Reason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim()[..Math.Min(reason.Trim().Length, ReasonMaxLength)],
        };
        erasure.Raise(new LifecycleEvent(LifecycleEventKind.CandidateDataErased, on, organism, erasure.Reason,
            reference: $"{certification}:{erased}"));
        return erasure;
    }
}
