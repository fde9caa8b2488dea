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
    /// while an habilitation for it is still in force (active or suspended) on <paramref name="on"/>.
    /// </summary>
    public static CandidateDataErasure Order(Organism organism, CertificationCode certification, DateOnly on,
        IEnumerable<Habilitation> habilitations, IEnumerable<Candidate> candidates, string? reason)
    {
        var inForce = habilitations.Where(h => h.OrganismId == organism.Id && h.Certification == certification)
            .Select(h => h.StatusOn(on)).FirstOrDefault(s => s is HabilitationStatus.Active or HabilitationStatus.Suspended);
        if (inForce is not null)
            throw new DomainRuleException(EvaluationErrors.ErasureWhileHabilitated,
                $"On {on:yyyy-MM-dd} the organism still holds an habilitation for {certification} ({inForce.Value.ToString().ToLowerInvariant()}): " +
                "its candidates' data is erased only once the habilitation has ended.");
        var erased = 0;
        foreach (var candidate in candidates.Where(c => c.OrganismId == organism.Id && c.Certification == certification && c.PersonalDataErasedOn is null))
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
