namespace Clea.Data.Habilitations;

/// <summary>What happened to an habilitation, as integrators follow it in the change feed.</summary>
public enum HabilitationChangeKind
{
    Filed,
    Accepted,
    Refused,
    Suspended,
    SuspensionLifted,
    Withdrawn,
    /// <summary>Notice of renunciation given; the habilitation ends on the change's effective date.</summary>
    Renounced,
    Renewed,
    /// <summary>A correction of recorded facts: answers from the change's effective date may differ from what they were.</summary>
    Corrected,
}

/// <summary>
/// One recorded change of an habilitation, appended by its transitions and never updated. Its id orders the feed.
/// Expiry at the end of the validity period is not a recorded change: it follows from <c>validUntil</c>, which every
/// acceptance and renewal carries.
/// </summary>
public sealed class HabilitationChange
{
    public long Id { get; private set; }
    public int HabilitationId { get; private set; }
    public HabilitationChangeKind Kind { get; private set; }
    /// <summary>The legal date the change takes effect (a withdrawal's date, the end of a renunciation notice…).</summary>
    public DateOnly EffectiveOn { get; private set; }

    private HabilitationChange() { }

    internal HabilitationChange(HabilitationChangeKind kind, DateOnly effectiveOn)
    {
        Kind = kind;
        EffectiveOn = effectiveOn;
    }
}
