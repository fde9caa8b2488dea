using System.Globalization;
using Clea.Data.Calendar;
using Clea.Data.Common;
using Clea.Data.Events;
using Clea.Data.Fees;
using Clea.Data.Habilitations;
using Clea.Data.Instances;
using Clea.Data.Referentials;
using Clea.Data.Registry;

namespace Clea.Data.Applications;

/// <summary>
/// An application file (convention §III): filed during a campaign by an organism (or a mandataire for a network),
/// checked for completeness, instructed (reasoned opinion, optional hearing), decided at a meeting, and possibly
/// appealed. Filing creates one pending <see cref="Habilitation"/> per candidate organism; the decision and the appeal
/// decide them. Every transition is guarded by a named rule and raises a lifecycle event.
/// </summary>
public sealed class Application : EventSource
{
    public const int ReceiptMaxLength = 80;
    public const int TextMaxLength = 4000;

    private readonly List<ApplicationCandidate> _candidates = [];
    private readonly List<InformationRequest> _informationRequests = [];

    public int Id { get; private set; }
    /// <summary>The receipt (récépissé) number sent on filing.</summary>
    public string ReceiptNumber { get; private set; } = null!;
    public int CampaignId { get; private set; }
    public Campaign Campaign { get; private set; } = null!;
    public int InstanceId { get; private set; }
    public CertificationCode Certification { get; private set; }
    public ApplicationKind Kind { get; private set; }
    public ApplicationType Type { get; private set; }
    public HabilitationScope Scope { get; private set; }
    /// <summary>The organism whose staff filed (the mandataire of a network).</summary>
    public int FiledByOrganismId { get; private set; }
    public DateOnly FiledOn { get; private set; }
    public ApplicationStatus Status { get; private set; }
    public AdministrativePart Administrative { get; private set; } = null!;
    public TechnicalPart Technical { get; private set; } = null!;
    public Opinion? Opinion { get; private set; }
    public DateOnly? HearingOn { get; private set; }
    public DateOnly? ConvocationSentOn { get; private set; }
    public Decision? Decision { get; private set; }
    public IReadOnlyCollection<ApplicationCandidate> Candidates => _candidates;
    public IReadOnlyCollection<InformationRequest> InformationRequests => _informationRequests;

    private Application() { }

    /// <summary>
    /// Files an application in an open campaign: the candidates' identities are the snapshot given, each candidate gets a
    /// pending habilitation, and the receipt is numbered <paramref name="receiptNumber"/>.
    /// </summary>
    public static Application File(Campaign campaign, Organism filer, ApplicationKind kind, ApplicationType type, HabilitationScope scope,
        IReadOnlyList<Organism> candidates, AdministrativePart administrative, TechnicalPart technical,
        IReadOnlySet<string> subCompetences, string receiptNumber, DateOnly filedOn, IReadOnlyCollection<PreviousRefusal>? refusals = null)
    {
        campaign.EnsureOpenOn(filedOn);
        ApplicationRules.EnsureReapplicationAllowed(campaign, candidates, refusals ?? []);
        switch (kind)
        {
            case ApplicationKind.Network:
                if (candidates.Select(c => c.Siren).Distinct().Count() < 2 || candidates.Count != candidates.Select(c => c.Siren).Distinct().Count())
                    throw new DomainRuleException(ApplicationErrors.NetworkNeedsSeveralCandidates,
                        "A network application is filed by a mandataire for several candidates with different SIRENs, each listed once.");
                if (string.IsNullOrWhiteSpace(administrative.MandateReference))
                    throw new DomainRuleException(ApplicationErrors.MandateRequired, "A network application names the mandate letter of its candidates.");
                break;
            default:
                if (candidates.Count != 1 || candidates[0].Siren != filer.Siren)
                    throw new DomainRuleException(ApplicationErrors.CandidateMustBeFiler,
                        $"An {(kind == ApplicationKind.Individual ? "individual" : "groupement member's")} application is filed by the candidate itself ({filer.Siren}); a mandataire files a network application.");
                break;
        }
        ApplicationRules.EnsureScopeAllowed(campaign.Certification, scope);
        ApplicationRules.EnsureSitesBelongToTheirCandidates(administrative);
        ApplicationRules.EnsureKnownSubCompetences(technical, subCompetences);
        foreach (var organism in candidates)
        {
            if (organism.Habilitations.Any(h => h.Certification == campaign.Certification && h.Outcome == DecisionOutcome.Pending))
                throw new DomainRuleException(ApplicationErrors.ApplicationAlreadyPending,
                    $"Organism {organism.Siren} already has a pending {campaign.Certification} application: it is decided before another is filed.");
        }

        var application = new Application
        {
            ReceiptNumber = receiptNumber, Campaign = campaign, CampaignId = campaign.Id, InstanceId = campaign.InstanceId,
            Certification = campaign.Certification, Kind = kind, Type = type, Scope = scope, FiledByOrganismId = filer.Id,
            FiledOn = filedOn, Status = ApplicationStatus.Filed, Administrative = administrative, Technical = technical,
        };
        foreach (var organism in candidates)
        {
            var habilitation = organism.File(new Habilitation(organism, campaign.Certification, campaign.Instance, scope, filedOn));
            application._candidates.Add(new ApplicationCandidate(organism, habilitation));
        }
        application.RaiseForCandidates(LifecycleEventKind.ApplicationFiled, filedOn, $"Application filed in campaign {campaign.Code}.");
        return application;
    }

    /// <summary>
    /// The instruction fee (annexe 2: 330 € "par candidat … dû par tout candidat", first or renewal, due whether accepted
    /// or refused): one line per candidate organism, charged to that candidate on the filing date and keyed by the receipt
    /// and its SIREN so it is never charged twice; none when the Instance is not billed by Certif Pro (a CPNE).
    /// </summary>
    public IReadOnlyList<FeeLine> AccrueApplicationFees(IReadOnlyList<Organism> candidates, Instance instance, FeeSchedule schedule)
        => !instance.BillsApplicationFees ? [] :
            [.. candidates.Select(c => new FeeLine(c, FeeKind.Application, Certification, FiledOn, schedule, $"application:{ReceiptNumber}:{c.Siren}"))];

    /// <summary>What is missing for the file to be complete (empty when complete).</summary>
    public IReadOnlyList<string> CompletenessIssues(IReadOnlyList<string> subCompetences)
        => ApplicationRules.CompletenessIssues(this, subCompetences);

    /// <summary>The service compétent asks the organism for what is missing.</summary>
    public InformationRequest RequestInformation(string items, DateOnly today)
    {
        EnsureUnderReview();
        var request = new InformationRequest(today, Text(items, "The request says what information is missing"));
        _informationRequests.Add(request);
        Status = ApplicationStatus.InformationRequested;
        RaiseForCandidates(LifecycleEventKind.InformationRequested, today, request.Items);
        return request;
    }

    /// <summary>The organism answers the open request, optionally with corrected parts of its file.</summary>
    public void AnswerInformationRequest(string answer, AdministrativePart? administrative, TechnicalPart? technical,
        IReadOnlySet<string> subCompetences, DateOnly today)
    {
        var open = _informationRequests.SingleOrDefault(r => r.AnsweredOn is null);
        if (Status != ApplicationStatus.InformationRequested || open is null)
            throw new DomainRuleException(ApplicationErrors.NoOpenInformationRequest, "This file has no open request for information to answer.");
        var text = Text(answer, "An answer says what was provided");
        if (administrative is not null)
        {
            ApplicationRules.EnsureSitesBelongToTheirCandidates(administrative);
            Administrative = administrative;
        }
        if (technical is not null)
        {
            ApplicationRules.EnsureKnownSubCompetences(technical, subCompetences);
            Technical = technical;
        }
        open.Answered(today, text);
        Status = ApplicationStatus.Filed;
        RaiseForCandidates(LifecycleEventKind.InformationProvided, today, text);
    }

    /// <summary>Only a complete file is instructed: the completeness rules must all pass.</summary>
    public void MarkComplete(IReadOnlyList<string> subCompetences, DateOnly today)
    {
        EnsureUnderReview();
        var issues = CompletenessIssues(subCompetences);
        if (issues.Count > 0)
            throw new DomainRuleException(ApplicationErrors.Incomplete, "The file is incomplete: " + string.Join(" ", issues));
        Status = ApplicationStatus.Complete;
        RaiseForCandidates(LifecycleEventKind.ApplicationCompleted, today, null);
    }

    /// <summary>
    /// The reasoned opinion, a verdict per criterion of §II, settled at the latest 5 working days before the meeting it
    /// is for; it may be revised until then.
    /// </summary>
    public void GiveOpinion(DateOnly meetingOn, IReadOnlyList<CriterionVerdict> verdicts, string? comment, DateOnly today)
    {
        EnsureUndecided();
        if (Status is not (ApplicationStatus.Complete or ApplicationStatus.Instructed))
            throw new DomainRuleException(ApplicationErrors.NotComplete, $"Only a complete file is instructed; this one is {Describe(Status)}.");
        Campaign.EnsureMeeting(meetingOn);
        var lastDay = Deadlines.OpinionBeforeMeeting.Before(meetingOn);
        if (today > lastDay)
            throw new DomainRuleException(ApplicationErrors.OpinionTooLate,
                $"The opinion is settled at the latest {Deadlines.OpinionBeforeMeeting} before the meeting of {meetingOn:yyyy-MM-dd}, i.e. by {lastDay:yyyy-MM-dd}; today is {today:yyyy-MM-dd}.");
        var checkedVerdicts = ApplicationRules.CheckVerdicts(verdicts, Campaign.Instance.Kind, requireUnmetReason: false);
        Opinion = new Opinion(today, meetingOn, checkedVerdicts, comment is null ? null : Text(comment, "A comment"));
        Status = ApplicationStatus.Instructed;
        RaiseForCandidates(LifecycleEventKind.OpinionGiven, today,
            $"{(Opinion.Favourable ? "Favourable" : "Unfavourable")} opinion for the meeting of {meetingOn:yyyy-MM-dd}.");
    }

    /// <summary>An optional hearing, whose convocation (sent today) reaches the organism at least 8 working days before it.</summary>
    public void ScheduleHearing(DateOnly hearingOn, DateOnly today)
    {
        EnsureUndecided();
        if (Status is not (ApplicationStatus.Complete or ApplicationStatus.Instructed))
            throw new DomainRuleException(ApplicationErrors.NotComplete, $"A hearing is part of the instruction of a complete file; this one is {Describe(Status)}.");
        var lastDay = Deadlines.HearingConvocation.Before(hearingOn);
        if (today > lastDay)
            throw new DomainRuleException(ApplicationErrors.ConvocationTooLate,
                $"The convocation to a hearing is sent at the latest {Deadlines.HearingConvocation} before it: for {hearingOn:yyyy-MM-dd}, by {lastDay:yyyy-MM-dd}; today is {today:yyyy-MM-dd}.");
        HearingOn = hearingOn;
        ConvocationSentOn = today;
        RaiseForCandidates(LifecycleEventKind.HearingScheduled, today, $"Hearing on {hearingOn:yyyy-MM-dd}.");
    }

    /// <summary>The same decision for every candidate of the file (an individual file has one).</summary>
    public Decision Decide(DateOnly meetingOn, bool accept, IReadOnlyList<CriterionVerdict> reasons, string? comment,
        DateOnly notifiedOn, DateOnly today)
        => Decide(meetingOn, [.. _candidates.Select(c => new CandidateVerdict(c.Siren, accept, reasons))], comment, notifiedOn, today);

    /// <summary>
    /// The Instance's decision at one of the campaign's meetings, notified on <paramref name="notifiedOn"/>, candidate by
    /// candidate (each is habilitated individually, F §1): every candidate of the file gets exactly one verdict.
    /// Accepting puts that candidate's habilitation in force for 3 years from the notification; refusing states the
    /// reasons per criterion and the appeal deadline. A notification later than 20 working days after a Certif Pro
    /// meeting is kept, with a warning.
    /// </summary>
    public Decision Decide(DateOnly meetingOn, IReadOnlyList<CandidateVerdict> verdicts, string? comment, DateOnly notifiedOn, DateOnly today)
    {
        EnsureUndecided();
        if (Status != ApplicationStatus.Instructed || Opinion is null)
            throw new DomainRuleException(ApplicationErrors.NotInstructed,
                $"Only an instructed file (complete, with its reasoned opinion) is decided; this one is {Describe(Status)}.");
        Campaign.EnsureMeeting(meetingOn);
        if (Opinion.GivenOn > Deadlines.OpinionBeforeMeeting.Before(meetingOn))
            throw new DomainRuleException(ApplicationErrors.OpinionTooLate,
                $"The opinion of {Opinion.GivenOn:yyyy-MM-dd} was not settled {Deadlines.OpinionBeforeMeeting} before the meeting of {meetingOn:yyyy-MM-dd}.");
        EnsureHeldAndNotified(meetingOn, notifiedOn, today);
        var named = verdicts.Select(v => v.Siren?.Trim()).ToList();
        var missing = _candidates.Where(c => named.Count(n => n == c.Siren) != 1).Select(c => c.Siren).ToList();
        if (missing.Count > 0 || named.Count != _candidates.Count)
            throw new DomainRuleException(ApplicationErrors.CandidateVerdictsMismatch,
                $"A decision gives one verdict to each candidate of the file ({string.Join(", ", _candidates.Select(c => c.Siren))}), once; "
                + (missing.Count > 0 ? $"not so for {string.Join(", ", missing)}." : "a SIREN not in the file was named."));
        var checkedVerdicts = verdicts.Select(v => v with
        {
            Siren = v.Siren.Trim(),
            Reasons = v.Reasons.Count == 0 && v.Accept ? [] : ApplicationRules.CheckVerdicts(v.Reasons, Campaign.Instance.Kind, requireUnmetReason: !v.Accept),
        }).ToList();
        string? warning = null;
        var notificationDue = Deadlines.DecisionNotification.After(meetingOn);
        if (Campaign.Instance.Kind == InstanceKind.CertifPro && notifiedOn > notificationDue)
            warning = $"Notified on {notifiedOn:yyyy-MM-dd}, later than {Deadlines.DecisionNotification} after the meeting of {meetingOn:yyyy-MM-dd} (due by {notificationDue:yyyy-MM-dd}).";
        var appealUntil = checkedVerdicts.Any(v => !v.Accept) ? Deadlines.AppealFiling.After(notifiedOn) : (DateOnly?)null;
        foreach (var candidate in _candidates)
        {
            var verdict = checkedVerdicts.Single(v => v.Siren == candidate.Siren);
            if (verdict.Accept) candidate.Habilitation.Accept(meetingOn, notifiedOn);
            else candidate.Habilitation.Refuse(meetingOn);
            candidate.Decided(new CandidateDecision(verdict.Accept ? DecisionOutcome.Accepted : DecisionOutcome.Refused, verdict.Reasons,
                verdict.Accept ? null : appealUntil));
            RaiseFor(candidate, LifecycleEventKind.DecisionNotified, notifiedOn,
                $"{(verdict.Accept ? "Acceptance" : "Refusal")} decided on {meetingOn:yyyy-MM-dd}, notified on {notifiedOn:yyyy-MM-dd}.", isPublic: true);
        }
        var outcome = checkedVerdicts.All(v => v.Accept) ? DecisionOutcome.Accepted
            : checkedVerdicts.All(v => !v.Accept) ? DecisionOutcome.Refused : DecisionOutcome.PartlyAccepted;
        // The file's reasons are the candidates' when they share them (an individual file); otherwise see each candidate.
        var shared = checkedVerdicts.All(v => v.Reasons.SequenceEqual(checkedVerdicts[0].Reasons)) ? checkedVerdicts[0].Reasons : [];
        Decision = new Decision(meetingOn, notifiedOn, outcome, shared, comment is null ? null : Text(comment, "A comment"), warning, appealUntil);
        Status = StatusOf(outcome);
        return Decision;
    }

    /// <summary>
    /// The appeal of the file: the one appeal of an individual file (a network file's are each candidate's, see
    /// <see cref="ApplicationCandidate.Appeal"/>).
    /// </summary>
    public Appeal? Appeal => _candidates.Select(c => c.Appeal).FirstOrDefault(a => a is not null);

    /// <summary>
    /// An appeal against a refusal, within 30 working days of its notification, by the candidate named by
    /// <paramref name="siren"/> (default: every refused candidate that has not appealed yet).
    /// </summary>
    public Appeal FileAppeal(string grounds, DateOnly today, string? siren = null)
    {
        if (Decision is null || !_candidates.Any(c => c.Decision?.Outcome == DecisionOutcome.Refused))
            throw new DomainRuleException(ApplicationErrors.AppealNotAllowed, "Only a notified refusal can be appealed.");
        var targets = Targets(siren, c => c.Decision?.Outcome == DecisionOutcome.Refused && c.Appeal is null,
            c => c.Decision?.Outcome != DecisionOutcome.Refused
                ? new DomainRuleException(ApplicationErrors.AppealNotAllowed, $"Candidate {c.Siren} was not refused: only a refusal can be appealed.")
                : new DomainRuleException(ApplicationErrors.AppealAlreadyFiled, $"Candidate {c.Siren} already appealed on {c.Appeal!.FiledOn:yyyy-MM-dd}; an appeal re-examines the arguments once."),
            () => new DomainRuleException(ApplicationErrors.AppealAlreadyFiled, "Every refused candidate of this file already appealed; an appeal re-examines the arguments once."));
        var lastDay = Deadlines.AppealFiling.After(Decision.NotifiedOn);
        if (today > lastDay)
            throw new DomainRuleException(ApplicationErrors.AppealDeadlinePassed,
                $"An appeal is filed within {Deadlines.AppealFiling} of the refusal's notification ({Decision.NotifiedOn:yyyy-MM-dd}), i.e. by {lastDay:yyyy-MM-dd}; today is {today:yyyy-MM-dd}.");
        var appeal = new Appeal(today, Text(grounds, "An appeal is a reasoned note"),
            Deadlines.AppealAcknowledgement.After(today), Deadlines.AppealExamination.After(today));
        foreach (var candidate in targets)
        {
            candidate.Appealed(appeal);
            RaiseFor(candidate, LifecycleEventKind.AppealFiled, today, appeal.Grounds);
        }
        return appeal;
    }

    /// <summary>Acknowledges the appeal of the candidate named (default: every appeal not acknowledged yet).</summary>
    public void AcknowledgeAppeal(DateOnly today, string? siren = null)
    {
        EnsureSomeAppeal();
        var targets = Targets(siren, c => c.Appeal is { AcknowledgedOn: null },
            c => c.Appeal is null
                ? new DomainRuleException(ApplicationErrors.NoAppeal, $"Candidate {c.Siren} filed no appeal.")
                : new DomainRuleException(ApplicationErrors.AppealAlreadyAcknowledged, $"The appeal of candidate {c.Siren} was already acknowledged on {c.Appeal.AcknowledgedOn:yyyy-MM-dd}."),
            () => new DomainRuleException(ApplicationErrors.AppealAlreadyAcknowledged, "Every appeal of this file was already acknowledged."));
        foreach (var candidate in targets)
        {
            var appeal = candidate.Appeal!;
            candidate.Appealed(appeal with { AcknowledgedOn = today });
            RaiseFor(candidate, LifecycleEventKind.AppealAcknowledged, today,
                appeal.AcknowledgementOverdue(today) ? $"Acknowledged after its due date ({appeal.AcknowledgementDue:yyyy-MM-dd})." : null);
        }
    }

    /// <summary>
    /// The appeal of the candidate named (default: every pending appeal) is decided at a meeting of the Instance after
    /// it was filed (one that is not the next is flagged, <see cref="Applications.Appeal.DecidedAtNextMeeting"/>): the
    /// refusal is upheld, or the candidate's habilitation is accepted (in force from the notification of this decision).
    /// </summary>
    public void DecideAppeal(DateOnly meetingOn, bool accept, string reason, DateOnly notifiedOn, IReadOnlyCollection<DateOnly> instanceMeetings,
        DateOnly today, string? siren = null)
    {
        EnsureSomeAppeal();
        var targets = Targets(siren, c => c.Appeal is { Outcome: AppealOutcome.Pending },
            c => c.Appeal is null
                ? new DomainRuleException(ApplicationErrors.NoAppeal, $"Candidate {c.Siren} filed no appeal.")
                : new DomainRuleException(ApplicationErrors.AppealAlreadyDecided, $"The appeal of candidate {c.Siren} was already decided ({c.Appeal.Outcome}) on {c.Appeal.DecidedOn:yyyy-MM-dd}."),
            () => new DomainRuleException(ApplicationErrors.AppealAlreadyDecided, "Every appeal of this file was already decided."));
        if (targets.Any(c => c.Appeal!.AcknowledgedOn is null))
            throw new DomainRuleException(ApplicationErrors.AppealNotAcknowledged, "An appeal is acknowledged before it is decided.");
        var filedOn = targets.Max(c => c.Appeal!.FiledOn);
        if (meetingOn <= filedOn || !instanceMeetings.Contains(meetingOn))
            throw new DomainRuleException(ApplicationErrors.UnknownMeeting,
                $"An appeal is decided at a meeting of the Instance held after it was filed ({filedOn:yyyy-MM-dd}); there is none on {meetingOn:yyyy-MM-dd}.");
        EnsureHeldAndNotified(meetingOn, notifiedOn, today);
        var text = Text(reason, "An appeal decision states its reasons");
        foreach (var candidate in targets)
        {
            var appeal = candidate.Appeal!;
            // N §III.8 asks for the appeal to be examined in time for the next meeting, not necessarily at it: a later
            // meeting is allowed (a meeting a few days after filing leaves no time) and flagged.
            var nextMeeting = instanceMeetings.Where(m => m > appeal.FiledOn).Min();
            if (accept) candidate.Habilitation.AcceptOnAppeal(meetingOn, notifiedOn);
            candidate.Appealed(appeal with { Outcome = accept ? AppealOutcome.Accepted : AppealOutcome.Upheld, DecidedOn = meetingOn, NotifiedOn = notifiedOn, Reason = text, NextMeetingOn = nextMeeting });
            var late = meetingOn != nextMeeting ? $" (not the next meeting after filing, which was on {nextMeeting:yyyy-MM-dd})" : "";
            RaiseFor(candidate, LifecycleEventKind.AppealDecided, notifiedOn,
                $"Appeal {(accept ? "accepted" : "rejected, refusal upheld")} on {meetingOn:yyyy-MM-dd}{late}: {text}", isPublic: true);
        }
        var accepted = _candidates.Count(c => c.Habilitation.Outcome == DecisionOutcome.Accepted);
        Status = StatusOf(accepted == _candidates.Count ? DecisionOutcome.Accepted : accepted == 0 ? DecisionOutcome.Refused : DecisionOutcome.PartlyAccepted);
    }

    private static ApplicationStatus StatusOf(DecisionOutcome outcome) => outcome switch
    {
        DecisionOutcome.Accepted => ApplicationStatus.Accepted,
        DecisionOutcome.Refused => ApplicationStatus.Refused,
        _ => ApplicationStatus.PartlyAccepted,
    };

    private void EnsureSomeAppeal()
    {
        if (_candidates.All(c => c.Appeal is null))
            throw new DomainRuleException(ApplicationErrors.NoAppeal, "No appeal was filed against this decision.");
    }

    /// <summary>The candidate named by <paramref name="siren"/> (refused by <paramref name="refusal"/> unless it <paramref name="applies"/>), or every candidate it applies to.</summary>
    private List<ApplicationCandidate> Targets(string? siren, Func<ApplicationCandidate, bool> applies,
        Func<ApplicationCandidate, DomainRuleException> refusal, Func<DomainRuleException> none)
    {
        if (siren is not null)
        {
            var candidate = _candidates.SingleOrDefault(c => c.Siren == siren.Trim())
                ?? throw new DomainRuleException(ApplicationErrors.CandidateNotInFile, $"SIREN {siren} is not a candidate of this file.");
            return applies(candidate) ? [candidate] : throw refusal(candidate);
        }
        var all = _candidates.Where(applies).ToList();
        return all.Count > 0 ? all : throw none();
    }

    private void EnsureHeldAndNotified(DateOnly meetingOn, DateOnly notifiedOn, DateOnly today)
    {
        if (meetingOn > today)
            throw new DomainRuleException(ApplicationErrors.MeetingNotHeld, $"The meeting of {meetingOn:yyyy-MM-dd} has not been held yet (today is {today:yyyy-MM-dd}).");
        if (notifiedOn < meetingOn)
            throw new DomainRuleException(HabilitationErrors.NotificationBeforeDecision,
                $"A decision is notified on or after its meeting ({meetingOn:yyyy-MM-dd}), not on {notifiedOn:yyyy-MM-dd}.");
        if (notifiedOn > today)
            throw new DomainRuleException(ApplicationErrors.NotificationInFuture, $"A notification is recorded once sent: {notifiedOn:yyyy-MM-dd} is after today ({today:yyyy-MM-dd}).");
    }

    private void EnsureUnderReview()
    {
        EnsureUndecided();
        if (Status == ApplicationStatus.InformationRequested)
            throw new DomainRuleException(ApplicationErrors.InformationRequestOpen, "A request for information is open: the organism answers it first.");
        if (Status != ApplicationStatus.Filed)
            throw new DomainRuleException(ApplicationErrors.NotUnderReview, $"The completeness of this file was already established ({Describe(Status)}).");
    }

    private void EnsureUndecided()
    {
        if (Decision is not null)
            throw new DomainRuleException(ApplicationErrors.AlreadyDecided,
                $"This application was already decided ({Decision.Outcome.ToString().ToLowerInvariant()}) at the meeting of {Decision.MeetingOn:yyyy-MM-dd}.");
    }

    private void RaiseForCandidates(LifecycleEventKind kind, DateOnly effectiveOn, string? reason, bool isPublic = false)
    {
        foreach (var candidate in _candidates) RaiseFor(candidate, kind, effectiveOn, reason, isPublic);
    }

    private void RaiseFor(ApplicationCandidate candidate, LifecycleEventKind kind, DateOnly effectiveOn, string? reason, bool isPublic = false)
    {
        var raised = new LifecycleEvent(kind, effectiveOn, candidate.Habilitation, reason, ReceiptNumber, isPublic);
        raised.LinkTo(this);
        Raise(raised);
    }

    private static string Describe(ApplicationStatus status) => status switch
    {
        ApplicationStatus.Filed => "filed, its completeness not yet established",
        ApplicationStatus.InformationRequested => "awaiting the organism's answer to a request for information",
        ApplicationStatus.Complete => "complete, without an opinion",
        ApplicationStatus.Instructed => "instructed",
        _ => "decided",
    };

    internal static string Text(string? text, string what)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Trim().Length > TextMaxLength)
            throw new DomainRuleException(ApplicationErrors.EmptyText, $"{what}: give a text of 1 to {TextMaxLength} characters.");
        return text.Trim();
    }

    /// <summary>
    /// Narrows an untracked copy (never a tracked file) to one candidate organism's identity sheet, for audit evidence:
    /// the other candidates of a network file are not under that audit.
    /// </summary>
    internal Application KeepingOnlyCandidate(string siren)
    {
        Administrative = Administrative with { Candidates = [.. Administrative.Candidates.Where(c => c.Siren == siren)] };
        return this;
    }

    /// <summary>The receipt number of the <paramref name="sequence"/>-th application of a campaign.</summary>
    public static string NumberReceipt(Campaign campaign, int sequence)
        => $"{campaign.Code}-{sequence.ToString("D4", CultureInfo.InvariantCulture)}";
}
