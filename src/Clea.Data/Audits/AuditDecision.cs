using Clea.Data.Common;
using Clea.Data.Habilitations;

namespace Clea.Data.Audits;

/// <summary>
/// The Instance's decision on an audit report (§V.1–2), sovereign: it maintains the habilitation or finds failings. Failings
/// found within the 12-month watch of an earlier procedure (<see cref="ConformityProcedure.WatchCovers"/>) lead to a
/// withdrawal effective on the notification (case 2 of §V.3); otherwise they open an ordinary conformity procedure.
/// The failings count as found on the day the report was presented.
/// </summary>
public static class AuditDecision
{
    /// <summary>Decides; returns the procedure opened, if any (to be added to the context).</summary>
    public static ConformityProcedure? Decide(Audit audit, IReadOnlyCollection<ConformityProcedure> proceduresOfHabilitation,
        DateOnly meetingOn, DateOnly notifiedOn, bool failingsFound, FormalNoticeTerms? notice, bool suspend, string? reason)
    {
        if (!failingsFound)
        {
            audit.RecordDecision(meetingOn, notifiedOn, AuditOutcome.Maintained, reason);
            return null;
        }
        if (proceduresOfHabilitation.Any(p => p.StageOn(notifiedOn) is ProcedureStage.AwaitingJustification or ProcedureStage.AwaitingAnswer))
            throw new DomainRuleException(AuditErrors.ProcedureAlreadyOpen, "A conformity procedure is already running on this habilitation.");
        var foundOn = audit.ReportedOn ?? meetingOn;
        if (proceduresOfHabilitation.FirstOrDefault(p => p.WatchCovers(foundOn)) is { } watched)
        {
            audit.RecordDecision(meetingOn, notifiedOn, AuditOutcome.WithdrawnForNewFailings, reason);
            audit.Habilitation.Withdraw(notifiedOn, WithdrawalCase.NewFailingsWithinTwelveMonths, WithdrawalEffect.OnNotification,
                $"New failings found on {foundOn:yyyy-MM-dd}, within 12 months of {watched.Reference} (watch until {watched.WatchUntilAsOf(foundOn):yyyy-MM-dd}){(reason is null ? "" : ": " + reason)}");
            return null;
        }
        if (notice is null)
            throw new DomainRuleException(AuditErrors.InvalidFormalNotice, "Failings open a conformity procedure: give the formal notice's terms.");
        audit.RecordDecision(meetingOn, notifiedOn, AuditOutcome.ConformityProcedure, reason);
        return new ConformityProcedure(audit.Habilitation, audit, notifiedOn, notice, suspend);
    }
}
