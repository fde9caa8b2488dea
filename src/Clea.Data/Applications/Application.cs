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
    public Appeal? Appeal { get; private set; }
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

    /// <summary>
    /// The Instance's decision at one of the campaign's meetings, notified on <paramref name="notifiedOn"/>. Accepting
    /// puts each candidate's habilitation in force for 3 years from the notification; refusing states the reasons per
    /// criterion and the appeal deadline. A notification later than 20 working days after a Certif Pro meeting is kept,
    /// with a warning.
    /// </summary>
    public Decision Decide(DateOnly meetingOn, bool accept, IReadOnlyList<CriterionVerdict> reasons, string? comment,
        DateOnly notifiedOn, DateOnly today)
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
        var checkedReasons = reasons.Count == 0 && accept ? [] : ApplicationRules.CheckVerdicts(reasons, Campaign.Instance.Kind, requireUnmetReason: !accept);
        string? warning = null;
        var notificationDue = Deadlines.DecisionNotification.After(meetingOn);
        if (Campaign.Instance.Kind == InstanceKind.CertifPro && notifiedOn > notificationDue)
            warning = $"Notified on {notifiedOn:yyyy-MM-dd}, later than {Deadlines.DecisionNotification} after the meeting of {meetingOn:yyyy-MM-dd} (due by {notificationDue:yyyy-MM-dd}).";
        foreach (var candidate in _candidates)
        {
            if (accept) candidate.Habilitation.Accept(meetingOn, notifiedOn);
            else candidate.Habilitation.Refuse(meetingOn);
        }
        Decision = new Decision(meetingOn, notifiedOn, accept ? DecisionOutcome.Accepted : DecisionOutcome.Refused, checkedReasons,
            comment is null ? null : Text(comment, "A comment"), warning, accept ? null : Deadlines.AppealFiling.After(notifiedOn));
        Status = accept ? ApplicationStatus.Accepted : ApplicationStatus.Refused;
        RaiseForCandidates(LifecycleEventKind.DecisionNotified, notifiedOn,
            $"{(accept ? "Acceptance" : "Refusal")} decided on {meetingOn:yyyy-MM-dd}, notified on {notifiedOn:yyyy-MM-dd}.", isPublic: true);
        return Decision;
    }

    /// <summary>An appeal against a refusal, within 30 working days of its notification.</summary>
    public Appeal FileAppeal(string grounds, DateOnly today)
    {
        if (Decision is not { Outcome: DecisionOutcome.Refused })
            throw new DomainRuleException(ApplicationErrors.AppealNotAllowed, "Only a notified refusal can be appealed.");
        if (Appeal is not null)
            throw new DomainRuleException(ApplicationErrors.AppealAlreadyFiled, $"An appeal was already filed on {Appeal.FiledOn:yyyy-MM-dd}; it re-examines the arguments once.");
        var lastDay = Deadlines.AppealFiling.After(Decision.NotifiedOn);
        if (today > lastDay)
            throw new DomainRuleException(ApplicationErrors.AppealDeadlinePassed,
                $"An appeal is filed within {Deadlines.AppealFiling} of the refusal's notification ({Decision.NotifiedOn:yyyy-MM-dd}), i.e. by {lastDay:yyyy-MM-dd}; today is {today:yyyy-MM-dd}.");
        Appeal = new Appeal(today, Text(grounds, "An appeal is a reasoned note"),
            Deadlines.AppealAcknowledgement.After(today), Deadlines.AppealExamination.After(today));
        RaiseForCandidates(LifecycleEventKind.AppealFiled, today, Appeal.Grounds);
        return Appeal;
    }

    public void AcknowledgeAppeal(DateOnly today)
    {
        var appeal = Appeal ?? throw new DomainRuleException(ApplicationErrors.NoAppeal, "No appeal was filed against this decision.");
        if (appeal.AcknowledgedOn is not null)
            throw new DomainRuleException(ApplicationErrors.AppealAlreadyAcknowledged, $"The appeal was already acknowledged on {appeal.AcknowledgedOn:yyyy-MM-dd}.");
        Appeal = appeal with { AcknowledgedOn = today };
        RaiseForCandidates(LifecycleEventKind.AppealAcknowledged, today,
            appeal.AcknowledgementOverdue(today) ? $"Acknowledged after its due date ({appeal.AcknowledgementDue:yyyy-MM-dd})." : null);
    }

    /// <summary>
    /// The appeal is decided at a meeting of the Instance after it was filed (one that is not the next is flagged,
    /// <see cref="Applications.Appeal.DecidedAtNextMeeting"/>): the refusal is upheld, or the
    /// habilitations are accepted (in force from the notification of this decision).
    /// </summary>
    public void DecideAppeal(DateOnly meetingOn, bool accept, string reason, DateOnly notifiedOn, IReadOnlyCollection<DateOnly> instanceMeetings, DateOnly today)
    {
        var appeal = Appeal ?? throw new DomainRuleException(ApplicationErrors.NoAppeal, "No appeal was filed against this decision.");
        if (appeal.Outcome != AppealOutcome.Pending)
            throw new DomainRuleException(ApplicationErrors.AppealAlreadyDecided, $"The appeal was already decided ({appeal.Outcome}) on {appeal.DecidedOn:yyyy-MM-dd}.");
        if (appeal.AcknowledgedOn is null)
            throw new DomainRuleException(ApplicationErrors.AppealNotAcknowledged, "An appeal is acknowledged before it is decided.");
        if (meetingOn <= appeal.FiledOn || !instanceMeetings.Contains(meetingOn))
            throw new DomainRuleException(ApplicationErrors.UnknownMeeting,
                $"An appeal is decided at a meeting of the Instance held after it was filed ({appeal.FiledOn:yyyy-MM-dd}); there is none on {meetingOn:yyyy-MM-dd}.");
        // N §III.8 asks for the appeal to be examined in time for the next meeting, not necessarily at it: a later
        // meeting is allowed (a meeting a few days after filing leaves no time) and flagged.
        var nextMeeting = instanceMeetings.Where(m => m > appeal.FiledOn).Min();
        EnsureHeldAndNotified(meetingOn, notifiedOn, today);
        var text = Text(reason, "An appeal decision states its reasons");
        if (accept)
        {
            foreach (var candidate in _candidates) candidate.Habilitation.AcceptOnAppeal(meetingOn, notifiedOn);
            Status = ApplicationStatus.Accepted;
        }
        Appeal = appeal with { Outcome = accept ? AppealOutcome.Accepted : AppealOutcome.Upheld, DecidedOn = meetingOn, NotifiedOn = notifiedOn, Reason = text, NextMeetingOn = nextMeeting };
        var late = meetingOn != nextMeeting ? $" (not the next meeting after filing, which was on {nextMeeting:yyyy-MM-dd})" : "";
        RaiseForCandidates(LifecycleEventKind.AppealDecided, notifiedOn,
            $"Appeal {(accept ? "accepted" : "rejected, refusal upheld")} on {meetingOn:yyyy-MM-dd}{late}: {text}", isPublic: true);
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
        foreach (var candidate in _candidates)
        {
            var raised = new LifecycleEvent(kind, effectiveOn, candidate.Habilitation, reason, ReceiptNumber, isPublic);
            raised.LinkTo(this);
            Raise(raised);
        }
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
