using Clea.Data.Calendar;
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
public sealed partial class Habilitation : EventSource
{
    /// <summary>An habilitation is granted for 3 years from its notification (convention §IV).</summary>
    public const int ValidityYears = 3;
    /// <summary>Renunciation takes effect after 3 months' notice.</summary>
    public const int RenunciationNoticeMonths = 3;

    private readonly List<Suspension> _suspensions = [];
    private readonly List<HabilitationChange> _changes = [];
    private readonly List<ActivityDeclaration> _activityDeclarations = [];
    private readonly List<HabilitationCorrection> _corrections = [];

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
    /// <summary>Which of the four cases of convention §V.3 a withdrawal falls under (null for older withdrawals).</summary>
    public WithdrawalCase? WithdrawalCase { get; private set; }
    /// <summary>The rule that fixed a withdrawal's effective date (on notification, on the notice's date…).</summary>
    public WithdrawalEffect? WithdrawalEffect { get; private set; }
    /// <summary>
    /// The withdrawal date of a formal notice still awaiting its justification (§V.2): from that day the habilitation
    /// is withdrawn unless the organism justified in time; a justification clears it. Status needs no write to apply it.
    /// </summary>
    public DateOnly? PendingWithdrawalOn { get; private set; }
    /// <summary>Last day the habilitation was used (an evaluation, a certificate or a declared activity).</summary>
    public DateOnly? LastUsedOn { get; private set; }
    /// <summary>The day the organism's written renunciation notice was received (its candidates registered by then may finish).</summary>
    public DateOnly? RenunciationNoticeOn { get; private set; }
    public IReadOnlyCollection<Suspension> Suspensions => _suspensions;
    /// <summary>The activity figures the organism declared under this habilitation.</summary>
    public IReadOnlyCollection<ActivityDeclaration> ActivityDeclarations => _activityDeclarations;
    /// <summary>The Instance's corrections of recorded facts, each a visible act (<see cref="Correct"/>).</summary>
    public IReadOnlyCollection<HabilitationCorrection> Corrections => _corrections;
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

    /// <summary>
    /// The organism declares its activity figures for a period (convention §IV, traceability). Any evaluation or
    /// certificate in them is a use of the habilitation, dated the last day of the period, which must be in force then.
    /// </summary>
    public ActivityDeclaration DeclareActivity(DateOnly declaredOn, DateOnly periodFrom, DateOnly periodTo, ActivityFigures figures)
    {
        if (periodFrom > periodTo || periodTo > declaredOn)
            throw new DomainRuleException(HabilitationErrors.InvalidActivityPeriod,
                $"Activity is declared for a past period whose start precedes its end; {periodFrom:yyyy-MM-dd}–{periodTo:yyyy-MM-dd} declared on {declaredOn:yyyy-MM-dd} is not one.");
        figures.Validate();
        var status = StatusOn(periodTo);
        if (status != HabilitationStatus.Active)
            throw new DomainRuleException(HabilitationErrors.NotActive,
                $"Activity is declared under an habilitation in force; on {periodTo:yyyy-MM-dd} (end of the period) it is {Words(status)}.");
        if (figures.CountsAsUse) RecordUse(periodTo);
        var declaration = new ActivityDeclaration(declaredOn, periodFrom, periodTo, figures);
        _activityDeclarations.Add(declaration);
        Raise(new LifecycleEvent(LifecycleEventKind.ActivityDeclared, declaredOn, this,
            $"{periodFrom:yyyy-MM-dd}–{periodTo:yyyy-MM-dd}: {figures}"));
        return declaration;
    }

    /// <summary>A suspension decided by the Instance (convention §V): all activity stops; it never extends the period.</summary>
    public void Suspend(DateOnly from, string? reason = null, DateOnly? recordedOn = null)
    {
        EnsureNotBackDated(from, recordedOn, "A suspension");
        EnsureNotWithdrawn("suspended");
        EnsureStatus(from, HabilitationStatus.Active, "be suspended");
        _suspensions.Add(new Suspension(from));
        Record(HabilitationChangeKind.Suspended, from, reason);
    }

    /// <summary>Ends the open suspension; <paramref name="resumedOn"/> is the first day back in force.</summary>
    public void LiftSuspension(DateOnly resumedOn, string? reason = null, DateOnly? recordedOn = null)
    {
        EnsureNotBackDated(resumedOn, recordedOn, "Lifting a suspension");
        EnsureNotWithdrawn("reinstated");
        var open = _suspensions.SingleOrDefault(s => s.Until is null)
            ?? throw new DomainRuleException(HabilitationErrors.NotSuspended, "This habilitation has no open suspension to lift.");
        if (resumedOn <= open.From)
            throw new DomainRuleException(HabilitationErrors.LiftBeforeSuspension,
                $"A suspension is lifted after it started ({open.From:yyyy-MM-dd}); {resumedOn:yyyy-MM-dd} was given as the first day back in force.");
        open.Lift(resumedOn.AddDays(-1));
        Record(HabilitationChangeKind.SuspensionLifted, resumedOn, reason);
    }

    /// <summary>
    /// A withdrawal (convention §V.3): it shortens the period; all activity stops for good. It names which of the four
    /// cases applies and the rule that fixed <paramref name="effectiveOn"/>.
    /// </summary>
    public void Withdraw(DateOnly effectiveOn, WithdrawalCase withdrawalCase, WithdrawalEffect effect, string? reason = null, DateOnly? recordedOn = null)
    {
        EnsureNotBackDated(effectiveOn, recordedOn, "A withdrawal");
        EnsureNotWithdrawn("withdrawn again");
        var status = StatusAsOf(effectiveOn, ignorePendingWithdrawal: true);
        if (status is not (HabilitationStatus.Active or HabilitationStatus.Suspended))
            throw new DomainRuleException(HabilitationErrors.NotActive,
                $"Only an habilitation in force can be withdrawn; on {effectiveOn:yyyy-MM-dd} it is {Words(status)}.");
        CloseOpenSuspension(effectiveOn);
        PendingWithdrawalOn = null;
        EndKind = Habilitations.EndKind.Withdrawn;
        EndedOn = effectiveOn;
        WithdrawalCase = withdrawalCase;
        WithdrawalEffect = effect;
        Record(HabilitationChangeKind.Withdrawn, effectiveOn, reason, WithdrawalGrounds.Reference(withdrawalCase, effect));
    }

    /// <summary>A formal notice sets the date the habilitation is withdrawn on without a justification in time (§V.2).</summary>
    internal void ScheduleWithdrawal(DateOnly withdrawalOn)
    {
        EnsureNotWithdrawn("put on notice");
        PendingWithdrawalOn = withdrawalOn;
    }

    /// <summary>A justification in time cancels the notice's withdrawal date.</summary>
    internal void CancelScheduledWithdrawal() => PendingWithdrawalOn = null;

    /// <summary>
    /// The suspension of a conformity procedure ends by itself after <paramref name="lastDay"/> unless the Instance
    /// answers in time (deemed sufficient, §V.2); a later decision may reopen it (<see cref="ReopenSuspension"/>).
    /// </summary>
    internal void ScheduleSuspensionEnd(DateOnly lastDay)
    {
        var current = _suspensions.SingleOrDefault(s => s.Until is null || s.Until >= lastDay)
            ?? throw new DomainRuleException(HabilitationErrors.NotSuspended, "This habilitation has no suspension to end.");
        current.Lift(lastDay);
    }

    /// <summary>An additional compliance period keeps the procedure's suspension running.</summary>
    internal void ReopenSuspension(DateOnly on)
    {
        var current = _suspensions.Where(s => s.From <= on).OrderByDescending(s => s.From).FirstOrDefault()
            ?? throw new DomainRuleException(HabilitationErrors.NotSuspended, "This habilitation has no suspension to extend.");
        current.Reopen();
    }

    /// <summary>
    /// Renunciation by the organism (convention §III.6): written notice, in force until the end of the 3-month notice;
    /// candidates registered by the notice day may still finish (<see cref="AllowsFollowUpOf"/>).
    /// </summary>
    public void Renounce(DateOnly noticeGivenOn, string? reason = null)
    {
        if (EndKind == Habilitations.EndKind.Renounced)
            throw new DomainRuleException(HabilitationErrors.AlreadyRenounced,
                $"Notice of renunciation was already given on {RenunciationNoticeOn:yyyy-MM-dd}; the habilitation ends on {EndedOn ?? ValidUntil?.AddDays(1):yyyy-MM-dd}.");
        EnsureNotWithdrawn("renounced");
        EnsureStatus(noticeGivenOn, HabilitationStatus.Active, "be renounced");
        EndKind = Habilitations.EndKind.Renounced;
        RenunciationNoticeOn = noticeGivenOn;
        var noticeEnds = Deadlines.RenunciationNotice.After(noticeGivenOn);
        // Notice given in the last three months of validity: the habilitation expires before the notice ends, so it
        // never ends by renunciation (no EndedOn): StatusOn, Periods and the SQL rules then all say EXPIRED.
        EndedOn = noticeEnds <= ValidUntil!.Value.AddDays(1) ? noticeEnds : null;
        Record(HabilitationChangeKind.Renounced, EndedOn ?? ValidUntil.Value.AddDays(1), reason);
    }

    /// <summary>The automatic renewal applied on the last day of the initial period (see <see cref="RenewAutomatically(DateOnly)"/>).</summary>
    public void RenewAutomatically()
    {
        if (InitialUntil is null)
            throw new DomainRuleException(HabilitationErrors.RenewalNotAllowed, "Only an accepted habilitation can be renewed.");
        RenewAutomatically(InitialUntil.Value);
    }

    /// <summary>
    /// The automatic renewal, once, for 3 more years: only when no suspension or withdrawal was decided and the
    /// habilitation was used at least once since its notification (convention §III.6). It is due from the last day of
    /// the initial period (<paramref name="on"/> is the day it is applied) and recorded by the next day, when it takes
    /// effect (never back-dated: <c>EFFECTIVE_DATE_IN_PAST</c>); the renewed period follows the initial one.
    /// </summary>
    public void RenewAutomatically(DateOnly on)
    {
        var refusal = RenewalRefusal(on);
        if (refusal is { } r) throw new DomainRuleException(r.Code, r.Message);
        RenewedUntil = InitialUntil!.Value.AddYears(ValidityYears);
        Record(HabilitationChangeKind.Renewed, InitialUntil.Value.AddDays(1));
    }

    /// <summary>True when the automatic renewal may be applied on <paramref name="on"/> (what the sweep asks).</summary>
    public bool IsDueForRenewal(DateOnly on) => RenewalRefusal(on) is null;

    /// <summary>True when the renewal was due but its day has passed unrecorded: only a correction may apply it now.</summary>
    public bool IsRenewalOverdue(DateOnly on) => RenewalRefusal(on)?.Code == HabilitationErrors.BackDated;

    private (string Code, string Message)? RenewalRefusal(DateOnly on)
    {
        if (Outcome != DecisionOutcome.Accepted || InitialUntil is null)
            return (HabilitationErrors.RenewalNotAllowed, "Only an accepted habilitation can be renewed.");
        if (EndKind == Habilitations.EndKind.Withdrawn)
            return (HabilitationErrors.Withdrawn, $"This habilitation was withdrawn on {EndedOn:yyyy-MM-dd}: it can never be renewed; a new application is required.");
        if (RenewedUntil is not null)
            return (HabilitationErrors.RenewalNotAllowed, $"An habilitation is renewed automatically once (this one until {RenewedUntil:yyyy-MM-dd}); after 6 years a new application is required.");
        if (EndKind is not null)
            return (HabilitationErrors.RenewalNotAllowed, $"The organism renounced this habilitation (ending {EndedOn:yyyy-MM-dd}): no automatic renewal.");
        if (_suspensions.Count > 0)
            return (HabilitationErrors.RenewalNotAllowed, "A suspension was decided during the initial period: no automatic renewal.");
        if (LastUsedOn is null)
            return (HabilitationErrors.RenewalNotAllowed, "The habilitation was never used since its notification: no automatic renewal.");
        if (on < InitialUntil)
            return (HabilitationErrors.RenewalNotDue, $"The automatic renewal applies at the end of the initial period, on {InitialUntil:yyyy-MM-dd}; not on {on:yyyy-MM-dd}.");
        // Answers about the past never change: the renewal takes effect the day after the initial period, so it is
        // recorded by that day; later, those days were answered EXPIRED, and only a visible correction may renew it.
        if (on > InitialUntil.Value.AddDays(1))
            return (HabilitationErrors.BackDated, $"The automatic renewal takes effect on {InitialUntil.Value.AddDays(1):yyyy-MM-dd}, before today ({on:yyyy-MM-dd}): " +
                "the habilitation has been answered as expired since; only a correction (correctHabilitation, MISSED_RENEWAL) can renew it now, visibly.");
        return null;
    }

    /// <summary>Appends to the integrators' change feed and raises the matching event of the lifecycle log.</summary>
    private void Record(HabilitationChangeKind kind, DateOnly effectiveOn, string? reason = null, string? reference = null)
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
            HabilitationChangeKind.Corrected => LifecycleEventKind.HabilitationCorrected,
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
        };
        // Decisions are public (convention §III), and the public registry shows every status an habilitation goes
        // through: so are these events public. Their reasons and actors are shown to the public by no query.
        const bool isPublic = true;
        if (eventKind is { } k) Raise(new LifecycleEvent(k, effectiveOn, this, reason, reference, isPublic: isPublic));
    }

    /// <summary>
    /// Answers about the past never change (verifyHabilitation(on: D) keeps the answer it gave on D): a decision recorded
    /// on <paramref name="recordedOn"/> takes effect that day or later. Null when history is being loaded (seeding).
    /// </summary>
    private static void EnsureNotBackDated(DateOnly effectiveOn, DateOnly? recordedOn, string what)
    {
        if (recordedOn is { } today && effectiveOn < today)
            throw new DomainRuleException(HabilitationErrors.BackDated,
                $"{what} takes effect on or after the day it is recorded ({today:yyyy-MM-dd}), never before: {effectiveOn:yyyy-MM-dd} was given.");
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
                $"Only an {expected.ToString().ToLowerInvariant()} habilitation can {action}; on {on:yyyy-MM-dd} it is {Words(status)}.");
    }

    private void EnsureNotWithdrawn(string action)
    {
        if (EndKind == Habilitations.EndKind.Withdrawn)
            throw new DomainRuleException(HabilitationErrors.Withdrawn,
                $"This habilitation was withdrawn on {EndedOn:yyyy-MM-dd}: it cannot be {action}; a new application is required.");
    }

    private static string Words(HabilitationStatus? status) => status?.ToString().ToLowerInvariant() ?? "not filed";

    private void CloseOpenSuspension(DateOnly on)
    {
        // An open suspension, or one scheduled to end after the withdrawal, ends the day before.
        foreach (var running in _suspensions.Where(s => s.From < on && (s.Until is null || s.Until >= on)))
            running.Lift(on.AddDays(-1));
    }
}
