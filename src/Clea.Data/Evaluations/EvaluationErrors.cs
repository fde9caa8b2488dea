namespace Clea.Data.Evaluations;

/// <summary>Stable error codes of the evaluation and certification rules (documented in the README).</summary>
public static class EvaluationErrors
{
    public const string InvalidCandidate = "INVALID_CANDIDATE";
    public const string CandidateNotFound = "CANDIDATE_NOT_FOUND";
    public const string OrganismNotHabilitated = "ORGANISM_NOT_HABILITATED";
    public const string ScopeExcludesEvaluation = "HABILITATION_SCOPE_EXCLUDES_EVALUATION";
    /// <summary>A step dated before the one it follows (registration, prior evaluation, training, last evaluation, results).</summary>
    public const string OutOfOrder = "EVALUATION_STEP_OUT_OF_ORDER";
    public const string DateInFuture = "DATE_IN_FUTURE";
    public const string PriorEvaluationAlreadyRecorded = "PRIOR_EVALUATION_ALREADY_RECORDED";
    public const string PriorEvaluationRequired = "PRIOR_EVALUATION_REQUIRED";
    public const string ResultsIncomplete = "RESULTS_INCOMPLETE";
    public const string UnknownSubCompetence = "UNKNOWN_SUB_COMPETENCE";
    public const string DuplicateResult = "DUPLICATE_RESULT";
    public const string CompetenceAlreadyAcquired = "COMPETENCE_ALREADY_ACQUIRED";
    public const string FinalEvaluationTooLate = "FINAL_EVALUATION_TOO_LATE";
    public const string TrainingPathRequired = "TRAINING_PATH_REQUIRED";
    public const string NothingToTrain = "NOTHING_TO_TRAIN";
    public const string TrainingPathAlreadyRecorded = "TRAINING_PATH_ALREADY_RECORDED";
    public const string TrainerCannotEvaluate = "TRAINER_CANNOT_EVALUATE";
    public const string NotAnEvaluator = "INTERVENANT_NOT_EVALUATOR";
    public const string NotATrainer = "INTERVENANT_NOT_TRAINER";
    public const string RemoteEvaluatorNotQualified = "REMOTE_EVALUATOR_NOT_QUALIFIED";
    public const string RemoteSafeguardsMissing = "REMOTE_SAFEGUARDS_MISSING";
    public const string IdentityNotChecked = "IDENTITY_NOT_CHECKED";
    public const string AttendanceNotSigned = "ATTENDANCE_NOT_SIGNED";
    public const string DomainsNotAllValidated = "DOMAINS_NOT_ALL_VALIDATED";
    public const string CertificateAlreadyIssued = "CERTIFICATE_ALREADY_ISSUED";
    public const string ResultsNotDecided = "RESULTS_NOT_DECIDED";
    public const string AppealDeadlinePassed = "CANDIDATE_APPEAL_DEADLINE_PASSED";
    public const string CandidateDataAlreadyErased = "CANDIDATE_DATA_ALREADY_ERASED";
    public const string ErasureWhileHabilitated = "ERASURE_WHILE_HABILITATED";
    public const string ErasureWhileCandidatesFollowed = "ERASURE_WHILE_CANDIDATES_FOLLOWED";
    public const string JuryMembersRequired = "JURY_MEMBERS_REQUIRED";
    public const string InvalidJuryMember = "INVALID_JURY_MEMBER";
    /// <summary>CléA Management: a member of the jury is the candidate's trainer.</summary>
    public const string JuryMemberIsTrainer = "JURY_MEMBER_IS_TRAINER";
    /// <summary>CléA Socle: the jury lacks an employer or an employee representative.</summary>
    public const string JuryNotJoint = "JURY_NOT_JOINT";
    /// <summary>CléA Socle: a member of the jury is linked to the organism.</summary>
    public const string JuryMemberLinkedToOrganism = "JURY_MEMBER_LINKED_TO_ORGANISM";
    public const string ClientKeyReused = "CLIENT_KEY_REUSED";
}
