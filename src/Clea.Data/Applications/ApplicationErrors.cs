namespace Clea.Data.Applications;

/// <summary>Stable error codes of the application flow (campaigns, filing, instruction, decision, appeal; README table).</summary>
public static class ApplicationErrors
{
    public const string CampaignNotFound = "CAMPAIGN_NOT_FOUND";
    public const string InvalidCampaign = "INVALID_CAMPAIGN";
    public const string CampaignCodeTaken = "CAMPAIGN_CODE_TAKEN";
    public const string CampaignClosed = "CAMPAIGN_CLOSED";
    public const string MeetingAlreadyScheduled = "MEETING_ALREADY_SCHEDULED";
    public const string MeetingInThePast = "MEETING_IN_THE_PAST";
    public const string UnknownMeeting = "UNKNOWN_MEETING";
    public const string MeetingNotHeld = "MEETING_NOT_HELD";

    public const string ApplicationNotFound = "APPLICATION_NOT_FOUND";
    public const string CandidateMustBeFiler = "CANDIDATE_MUST_BE_FILER";
    public const string NetworkNeedsSeveralCandidates = "NETWORK_NEEDS_SEVERAL_CANDIDATES";
    public const string MandateRequired = "MANDATE_REQUIRED";
    public const string OrganismNotRegistered = "ORGANISM_NOT_REGISTERED";
    public const string ApplicationAlreadyPending = "APPLICATION_ALREADY_PENDING";
    public const string UnknownSubCompetence = "UNKNOWN_SUB_COMPETENCE";
    public const string EmptyText = "TEXT_REQUIRED";

    public const string NotUnderReview = "APPLICATION_NOT_UNDER_REVIEW";
    public const string InformationRequestOpen = "INFORMATION_REQUEST_OPEN";
    public const string NoOpenInformationRequest = "NO_OPEN_INFORMATION_REQUEST";
    public const string Incomplete = "APPLICATION_INCOMPLETE";
    public const string NotComplete = "APPLICATION_NOT_COMPLETE";
    public const string OpinionTooLate = "OPINION_TOO_LATE";
    public const string OpinionCriteriaMissing = "OPINION_CRITERIA_MISSING";
    public const string ContextualisationCpneOnly = "CONTEXTUALISATION_CPNE_ONLY";
    public const string ConvocationTooLate = "CONVOCATION_TOO_LATE";
    public const string NotInstructed = "APPLICATION_NOT_INSTRUCTED";
    public const string AlreadyDecided = "APPLICATION_ALREADY_DECIDED";
    public const string NotificationInFuture = "NOTIFICATION_IN_FUTURE";
    public const string RefusalReasonsRequired = "REFUSAL_REASONS_REQUIRED";

    public const string AppealNotAllowed = "APPEAL_NOT_ALLOWED";
    public const string AppealDeadlinePassed = "APPEAL_DEADLINE_PASSED";
    public const string AppealAlreadyFiled = "APPEAL_ALREADY_FILED";
    public const string NoAppeal = "NO_APPEAL";
    public const string AppealAlreadyAcknowledged = "APPEAL_ALREADY_ACKNOWLEDGED";
    public const string AppealNotAcknowledged = "APPEAL_NOT_ACKNOWLEDGED";
    public const string AppealAlreadyDecided = "APPEAL_ALREADY_DECIDED";
    /// <summary>Numérique and Management habilitations are to train and evaluate (N/M §III.1).</summary>
    public const string ScopeNotAllowed = "SCOPE_NOT_ALLOWED";
    /// <summary>A refused candidate re-applies from the next campaign of that Instance and certification (N §III.5).</summary>
    public const string ReapplyFromNextCampaign = "REAPPLY_FROM_NEXT_CAMPAIGN";
    /// <summary>A decision on a file gives each of its candidates exactly one verdict (network files are decided candidate by candidate).</summary>
    public const string CandidateVerdictsMismatch = "CANDIDATE_VERDICTS_MISMATCH";
    /// <summary>An appeal act names a SIREN that is not a candidate of the file.</summary>
    public const string CandidateNotInFile = "CANDIDATE_NOT_IN_FILE";
}
