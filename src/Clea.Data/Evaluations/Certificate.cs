using Clea.Data.Referentials;

namespace Clea.Data.Evaluations;

/// <summary>The jury's decision on a candidate's file (the organism's jury decides in the certifier's name).</summary>
public sealed class JuryDecision
{
    public const int MinutesReferenceMaxLength = 100;

    private readonly List<JuryMember> _members = [];

    public int Id { get; private set; }
    public int CandidateId { get; private set; }
    /// <summary>The jury's date: the date of the results, from which the candidate's appeal month runs.</summary>
    public DateOnly DecidedOn { get; private set; }
    public bool Validated { get; private set; }
    public string? MinutesReference { get; private set; }
    public int HabilitationId { get; private set; }
    /// <summary>Who sat on the jury (name, quality, link to the organism); empty for decisions recorded before members were.</summary>
    public IReadOnlyList<JuryMember> Members => _members;

    private JuryDecision() { }

    internal JuryDecision(DateOnly decidedOn, bool validated, string? minutesReference, int habilitationId, IEnumerable<JuryMember> members)
    {
        _members.AddRange(members);
        DecidedOn = decidedOn;
        Validated = validated;
        MinutesReference = string.IsNullOrWhiteSpace(minutesReference) ? null : minutesReference.Trim()[..Math.Min(minutesReference.Trim().Length, MinutesReferenceMaxLength)];
        HabilitationId = habilitationId;
    }
}

/// <summary>
/// A CléA certificate. Verifiable publicly by its number and the holder's last name (<see cref="LastNameHash"/>, kept
/// when the candidate's personal data is erased), revealing only the certification, the issue date and the organism.
/// </summary>
public sealed class Certificate
{
    public int Id { get; private set; }
    public int CandidateId { get; private set; }
    public int OrganismId { get; private set; }
    public CertificationCode Certification { get; private set; }
    public string Number { get; private set; } = null!;
    public DateOnly IssuedOn { get; private set; }
    /// <summary>
    /// The day of the holder's prior evaluation, copied here when the certificate is issued (it never changes): the
    /// dashboard's success rate and median time to certificate read the certificates alone, without joining evaluations.
    /// </summary>
    public DateOnly PriorEvaluatedOn { get; private set; }
    public CertificateDelivery Delivery { get; private set; }
    public string LastNameHash { get; private set; } = null!;
    /// <summary>Who issues, signs and sends it: the organism, or for CléA Socle the Transitions Pro of the candidate's region.</summary>
    public CertificateIssuerKind IssuerKind { get; private set; }
    /// <summary>The issuer's name as on the certificate.</summary>
    public string IssuerName { get; private set; } = null!;
    /// <summary>The region of a Transitions Pro issuer (INSEE code); null when the organism issues.</summary>
    public string? IssuerRegionCode { get; private set; }
    public int JuryDecisionId { get; private set; }
    public JuryDecision JuryDecision { get; private set; } = null!;

    private Certificate() { }

    public const int IssuerNameMaxLength = 200;

    internal Certificate(int organismId, CertificationCode certification, DateOnly issuedOn, CertificateDelivery delivery,
        string lastName, JuryDecision decision, DateOnly priorEvaluatedOn, (CertificateIssuerKind Kind, string Name, string? RegionCode) issuer)
    {
        (IssuerKind, IssuerName, IssuerRegionCode) = issuer;
        OrganismId = organismId;
        Certification = certification;
        Number = CertificateNumber.NewNumber();
        IssuedOn = issuedOn;
        PriorEvaluatedOn = priorEvaluatedOn;
        Delivery = delivery;
        LastNameHash = CertificateNumber.LastNameHash(Number, lastName);
        JuryDecision = decision;
    }

    /// <summary>True when <paramref name="lastName"/> is the holder's, ignoring case, accents and punctuation.</summary>
    public bool IsHeldBy(string lastName) => System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(
        System.Text.Encoding.ASCII.GetBytes(LastNameHash), System.Text.Encoding.ASCII.GetBytes(CertificateNumber.LastNameHash(Number, lastName)));
}

/// <summary>A candidate's request after the results: consult the jury's minutes or contest the results.</summary>
public sealed class CandidateAppeal
{
    public const int ReasonMaxLength = 2000;

    public int Id { get; private set; }
    public int CandidateId { get; private set; }
    public CandidateAppealKind Kind { get; private set; }
    public DateOnly FiledOn { get; private set; }
    public string? Reason { get; private set; }
    /// <summary>The decision whose results are consulted or contested.</summary>
    public int JuryDecisionId { get; private set; }
    public JuryDecision JuryDecision { get; private set; } = null!;

    private CandidateAppeal() { }

    internal CandidateAppeal(CandidateAppealKind kind, DateOnly filedOn, string? reason, JuryDecision decision)
    {
        Kind = kind;
        FiledOn = filedOn;
        Reason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        JuryDecision = decision;
    }
}
