using Clea.Data.Common;
using Clea.Data.Events;
using Clea.Data.Instances;
using Clea.Data.Referentials;
using Clea.Data.Registry;

namespace Clea.Data.Habilitations;

/// <summary>
/// An organism's habilitation for one certification, decided by one Instance. Its history is kept as dated facts
/// (filed, decided, in force from/until, renewed until, suspensions, ended on) so that its status can be answered
/// for any date exactly as it was: see <see cref="StatusOn"/> and, in SQL, <see cref="HabilitationStatusRules"/>.
/// </summary>
public sealed class Habilitation : EventSource
{
    /// <summary>An habilitation is granted for 3 years from its notification (convention §IV).</summary>
    public const int ValidityYears = 3;
    /// <summary>Renunciation takes effect after 3 months' notice.</summary>
    public const int RenunciationNoticeMonths = 3;

    private readonly List<Suspension> _suspensions = [];
    private readonly List<HabilitationChange> _changes = [];

    public int Id { get; private set; }
    public int OrganismId { get; private set; }
    public Organism Organism { get; private set; } = null!;
    public CertificationCode Certification { get; private set; }
    public int InstanceId { get; private set; }
    public Instance Instance { get; private set; } = null!;
    /// <summary>The professional field stated by a CPNE decision; null for Certif Pro.</summary>
    public string? ProfessionalField { get; private set; }
    public HabilitationScope Scope { get; private set; }
    public DecisionOutcome Outcome { get; private set; }
    public DateOnly FiledOn { get; private set; }
    /// <summary>Date of the Instance's decision meeting (decisions are public).</summary>
    public DateOnly? DecidedOn { get; private set; }
    /// <summary>Date of a refusal's meeting, kept when an appeal later accepts the application (history stays true).</summary>
    public DateOnly? RefusedOn { get; private set; }
    /// <summary>Notification date of an acceptance: the first day in force.</summary>
    public DateOnly? ValidFrom { get; private set; }
    /// <summary>Last day of the first 3-year period.</summary>
    public DateOnly? InitialUntil { get; private set; }
    /// <summary>Last day of the automatic 3-year renewal, when it happened.</summary>
    public DateOnly? RenewedUntil { get; private set; }
    /// <summary>First day no longer in force after a withdrawal or the end of a renunciation notice.</summary>
    public DateOnly? EndedOn { get; private set; }
    public EndKind? EndKind { get; private set; }
    /// <summary>Last day the habilitation was used (an evaluation, a certificate or a declared activity).</summary>
    public DateOnly? LastUsedOn { get; private set; }
    public IReadOnlyCollection<Suspension> Suspensions => _suspensions;
    /// <summary>Every recorded change, in order (the integrators' change feed).</summary>
    public IReadOnlyCollection<HabilitationChange> Changes => _changes;

    /// <summary>Last day in force, renewal included.</summary>
    public DateOnly? ValidUntil => RenewedUntil ?? InitialUntil;

    private Habilitation() { }

    public Habilitation(Organism organism, CertificationCode certification, Instance instance, HabilitationScope scope, DateOnly filedOn)
    {
        Organism = organism;
        Certification = certification;
        Instance = instance;
        Scope = scope;
        FiledOn = filedOn;
        Outcome = DecisionOutcome.Pending;
        Record(HabilitationChangeKind.Filed, filedOn);
    }

    /// <summary>Accepts the application; validity runs 3 years from the notification date.</summary>
    public void Accept(DateOnly decidedOn, DateOnly notifiedOn)
    {
        EnsurePending();
        EnsureDecidedAfterFiling(decidedOn);
        if (notifiedOn < decidedOn)
            throw new DomainRuleException(HabilitationErrors.NotificationBeforeDecision,
                $"A decision is notified on or after its meeting ({decidedOn:yyyy-MM-dd}), not on {notifiedOn:yyyy-MM-dd}.");
        Outcome = DecisionOutcome.Accepted;
        DecidedOn = decidedOn;
        ValidFrom = notifiedOn;
        InitialUntil = notifiedOn.AddYears(ValidityYears).AddDays(-1);
        ProfessionalField = Instance.ProfessionalField;
        Record(HabilitationChangeKind.Accepted, notifiedOn);
    }

    public void Refuse(DateOnly decidedOn)
    {
        EnsurePending();
        EnsureDecidedAfterFiling(decidedOn);
        Outcome = DecisionOutcome.Refused;
        DecidedOn = decidedOn;
        RefusedOn = decidedOn;
        Record(HabilitationChangeKind.Refused, decidedOn);
    }

    /// <summary>
    /// An appeal against the refusal succeeds: the habilitation is accepted at the appeal's meeting and in force for
    /// 3 years from its notification. The refusal stays in the history (<see cref="RefusedOn"/>).
    /// </summary>
    public void AcceptOnAppeal(DateOnly decidedOn, DateOnly notifiedOn)
    {
        if (Outcome != DecisionOutcome.Refused)
            throw new DomainRuleException(HabilitationErrors.NotRefused, $"Only a refused application is accepted on appeal; this one is {Outcome.ToString().ToLowerInvariant()}.");
        if (decidedOn < DecidedOn)
            throw new DomainRuleException(HabilitationErrors.DecisionBeforeFiling, $"An appeal is decided after the refusal of {DecidedOn:yyyy-MM-dd}.");
        RefusedOn ??= DecidedOn;
        Outcome = DecisionOutcome.Pending;
        Accept(decidedOn, notifiedOn);
    }

    /// <summary>Records a use of the habilitation, the condition of the automatic renewal.</summary>
    public void RecordUse(DateOnly on)
    {
        EnsureStatus(on, HabilitationStatus.Active, "be used");
        if (LastUsedOn is null || on > LastUsedOn) LastUsedOn = on;
    }

    public void Suspend(DateOnly from)
    {
        EnsureStatus(from, HabilitationStatus.Active, "be suspended");
        _suspensions.Add(new Suspension(from));
        Record(HabilitationChangeKind.Suspended, from);
    }

    /// <summary>Ends the open suspension; <paramref name="resumedOn"/> is the first day back in force.</summary>
    public void LiftSuspension(DateOnly resumedOn)
    {
        var open = _suspensions.SingleOrDefault(s => s.Until is null)
            ?? throw new DomainRuleException(HabilitationErrors.NotSuspended, "This habilitation has no open suspension to lift.");
        open.Lift(resumedOn.AddDays(-1));
        Record(HabilitationChangeKind.SuspensionLifted, resumedOn);
    }

    public void Withdraw(DateOnly effectiveOn)
    {
        var status = StatusOn(effectiveOn);
        if (status is not (HabilitationStatus.Active or HabilitationStatus.Suspended))
            throw new DomainRuleException(HabilitationErrors.NotActive,
                $"Only an habilitation in force can be withdrawn; on {effectiveOn:yyyy-MM-dd} it is {status?.ToString() ?? "not filed"}.");
        CloseOpenSuspension(effectiveOn);
        EndKind = Habilitations.EndKind.Withdrawn;
        EndedOn = effectiveOn;
        Record(HabilitationChangeKind.Withdrawn, effectiveOn);
    }

    /// <summary>Renunciation by the organism: in force until the end of the 3-month notice.</summary>
    public void Renounce(DateOnly noticeGivenOn)
    {
        EnsureStatus(noticeGivenOn, HabilitationStatus.Active, "be renounced");
        EndKind = Habilitations.EndKind.Renounced;
        EndedOn = noticeGivenOn.AddMonths(RenunciationNoticeMonths);
        Record(HabilitationChangeKind.Renounced, EndedOn.Value);
    }

    /// <summary>
    /// The automatic renewal, once, for 3 more years: only when no suspension or withdrawal was decided and the
    /// habilitation was used at least once since its notification (convention §IV).
    /// </summary>
    public void RenewAutomatically()
    {
        if (Outcome != DecisionOutcome.Accepted || InitialUntil is null)
            throw new DomainRuleException(HabilitationErrors.RenewalNotAllowed, "Only an accepted habilitation can be renewed.");
        if (RenewedUntil is not null)
            throw new DomainRuleException(HabilitationErrors.RenewalNotAllowed, "An habilitation is renewed automatically once; after 6 years a new application is required.");
        if (EndKind is not null || _suspensions.Count > 0)
            throw new DomainRuleException(HabilitationErrors.RenewalNotAllowed, "A suspension or withdrawal was decided: no automatic renewal.");
        if (LastUsedOn is null)
            throw new DomainRuleException(HabilitationErrors.RenewalNotAllowed, "The habilitation was never used since its notification: no automatic renewal.");
        RenewedUntil = InitialUntil.Value.AddYears(ValidityYears);
        Record(HabilitationChangeKind.Renewed, InitialUntil.Value.AddDays(1));
    }

    /// <summary>The status on <paramref name="date"/>; null when nothing had been filed yet.</summary>
    public HabilitationStatus? StatusOn(DateOnly date)
    {
        if (date < FiledOn) return null;
        if (Outcome == DecisionOutcome.Refused && DecidedOn <= date) return HabilitationStatus.Refused;
        if (Outcome != DecisionOutcome.Accepted || ValidFrom > date) return RefusedOn <= date ? HabilitationStatus.Refused : HabilitationStatus.Pending;
        if (EndedOn <= date) return EndKind == Habilitations.EndKind.Withdrawn ? HabilitationStatus.Withdrawn : HabilitationStatus.Renounced;
        if (ValidUntil < date) return HabilitationStatus.Expired;
        return _suspensions.Any(s => s.Covers(date)) ? HabilitationStatus.Suspended : HabilitationStatus.Active;
    }

    /// <summary>True when the automatic renewal was in force on <paramref name="date"/>.</summary>
    public bool RenewedOn(DateOnly date) => RenewedUntil is not null && date > InitialUntil;

    /// <summary>Appends to the integrators' change feed and raises the matching event of the lifecycle log.</summary>
    private void Record(HabilitationChangeKind kind, DateOnly effectiveOn, string? reason = null)
    {
        _changes.Add(new HabilitationChange(kind, effectiveOn));
        LifecycleEventKind? eventKind = kind switch
        {
            // Filing is the application's event; the habilitation only mirrors it in the change feed.
            HabilitationChangeKind.Filed => null,
            HabilitationChangeKind.Accepted => LifecycleEventKind.DecisionAccepted,
            HabilitationChangeKind.Refused => LifecycleEventKind.DecisionRefused,
            HabilitationChangeKind.Suspended => LifecycleEventKind.Suspended,
            HabilitationChangeKind.SuspensionLifted => LifecycleEventKind.SuspensionLifted,
            HabilitationChangeKind.Withdrawn => LifecycleEventKind.Withdrawn,
            HabilitationChangeKind.Renounced => LifecycleEventKind.Renounced,
            HabilitationChangeKind.Renewed => LifecycleEventKind.Renewed,
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
        };
        // Decisions are public (convention §III): so is their event.
        var isPublic = kind is HabilitationChangeKind.Accepted or HabilitationChangeKind.Refused;
        if (eventKind is { } k) Raise(new LifecycleEvent(k, effectiveOn, this, reason, isPublic: isPublic));
    }

    private void EnsurePending()
    {
        if (Outcome != DecisionOutcome.Pending)
            throw new DomainRuleException(HabilitationErrors.AlreadyDecided, $"This application was already decided ({Outcome}) on {DecidedOn:yyyy-MM-dd}.");
    }

    /// <summary>A decision examines a filed application: it cannot predate the filing.</summary>
    private void EnsureDecidedAfterFiling(DateOnly decidedOn)
    {
        if (decidedOn < FiledOn)
            throw new DomainRuleException(HabilitationErrors.DecisionBeforeFiling,
                $"A decision cannot precede the filing of the application ({FiledOn:yyyy-MM-dd}); {decidedOn:yyyy-MM-dd} was given.");
    }

    private void EnsureStatus(DateOnly on, HabilitationStatus expected, string action)
    {
        var status = StatusOn(on);
        if (status != expected)
            throw new DomainRuleException(HabilitationErrors.NotActive,
                $"Only an {expected.ToString().ToLowerInvariant()} habilitation can {action}; on {on:yyyy-MM-dd} it is {status?.ToString().ToLowerInvariant() ?? "not filed"}.");
    }

    private void CloseOpenSuspension(DateOnly on)
    {
        var open = _suspensions.SingleOrDefault(s => s.Until is null);
        open?.Lift(on.AddDays(-1));
    }
}
