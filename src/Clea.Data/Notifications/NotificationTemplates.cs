using System.Globalization;
using System.Text;
using Clea.Data.Audits;
using Clea.Data.Calendar;
using Clea.Data.Events;
using Clea.Data.Habilitations;
using Clea.Data.Registry;

namespace Clea.Data.Notifications;

/// <summary>
/// The French e-mail of each act the conventions notify, with its facts (organism, reference, date, reasons) and the
/// deadline it opens. Kinds without a template (internal acts: opinions, declarations, the fee grid…) send nothing.
/// </summary>
public static class NotificationTemplates
{
    // The build is culture-invariant (no ICU): French month names are spelled here.
    private static readonly string[] Months = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
        "septembre", "octobre", "novembre", "décembre"];

    // Details: what the act states beyond its reasons (a withdrawal's case, a notice's suspension), in words.
    private sealed record Template(string Subject, string Opening, Func<LifecycleEvent, string?>? Deadline = null, Func<LifecycleEvent, string?>? Details = null);

    private static readonly Dictionary<LifecycleEventKind, Template> Templates = new()
    {
        [LifecycleEventKind.ApplicationFiled] = new("Accusé de réception de votre demande d'habilitation",
            "Nous accusons réception de votre demande d'habilitation CléA."),
        [LifecycleEventKind.InformationRequested] = new("Demande d'informations complémentaires sur votre dossier",
            "L'Instance instruisant votre demande d'habilitation vous demande des informations complémentaires."),
        [LifecycleEventKind.HearingScheduled] = new("Convocation à une audition",
            "Vous êtes convoqué(e) à une audition devant l'Instance, dans le cadre de l'instruction de votre demande."),
        [LifecycleEventKind.DecisionAccepted] = new("Décision : habilitation accordée",
            "L'Instance a accordé l'habilitation CléA à votre organisme. L'habilitation est valable 3 ans à compter de la présente notification."),
        [LifecycleEventKind.DecisionRefused] = new("Décision : habilitation refusée",
            "L'Instance a refusé l'habilitation CléA à votre organisme, pour les motifs ci-dessous.",
            e => $"Vous pouvez former un recours motivé dans un délai de {Deadlines.AppealFiling.Length} jours ouvrés à compter de la présente notification, soit au plus tard le {Date(Deadlines.AppealFiling.After(e.EffectiveOn))}."),
        [LifecycleEventKind.AppealAcknowledged] = new("Accusé de réception de votre recours",
            "Nous accusons réception de votre recours.",
            e => $"Il sera examiné dans un délai de {Deadlines.AppealExamination.Length} jours ouvrés, soit au plus tard le {Date(Deadlines.AppealExamination.After(e.EffectiveOn))}, et tranché lors de la prochaine réunion de l'Instance."),
        [LifecycleEventKind.AppealDecided] = new("Décision sur votre recours",
            "L'Instance a statué sur votre recours."),
        [LifecycleEventKind.Renewed] = new("Renouvellement de votre habilitation",
            "Votre habilitation CléA est renouvelée pour 3 ans."),
        [LifecycleEventKind.Suspended] = new("Suspension de votre habilitation",
            "L'Instance a suspendu votre habilitation CléA, pour les motifs ci-dessous. Pendant la suspension, aucun candidat ne peut être inscrit."),
        [LifecycleEventKind.SuspensionLifted] = new("Levée de la suspension de votre habilitation",
            "L'Instance a levé la suspension de votre habilitation CléA."),
        [LifecycleEventKind.Withdrawn] = new("Retrait de votre habilitation",
            "L'Instance a retiré votre habilitation CléA, pour les motifs ci-dessous. Toute activité au titre de l'habilitation doit cesser.",
            Details: WithdrawalWords),
        [LifecycleEventKind.HabilitationCorrected] = new("Rectification de votre habilitation",
            "L'Instance a rectifié une date enregistrée de votre habilitation CléA, pour les motifs ci-dessous. La date d'effet est le premier jour dont la situation est modifiée."),
        [LifecycleEventKind.Renounced] = new("Prise en compte de votre renonciation",
            "Nous prenons acte de la renonciation de votre organisme à son habilitation CléA. Les candidats déjà inscrits doivent être menés au terme de leur parcours."),
        [LifecycleEventKind.InvoiceIssued] = new("Facture des redevances CléA",
            "Une facture de redevances a été émise à l'ordre de votre organisme.",
            e => $"Elle est payable sous {Deadlines.InvoicePayment.Length} jours, soit au plus tard le {Date(Deadlines.InvoicePayment.After(e.EffectiveOn))}."),
        // Audits and the conformity procedure (§V): the acts the convention notifies to the organism; reading evidence is not one.
        [LifecycleEventKind.AuditScheduled] = new("Programmation d'un audit",
            "L'Instance a programmé un audit de votre organisme, dont la période, les dates et l'auditeur figurent ci-dessous."),
        [LifecycleEventKind.AuditReportFiled] = new("Rapport d'audit",
            "Le rapport de l'audit de votre organisme a été présenté à l'Instance ; son avis et ses anomalies figurent ci-dessous.",
            e => $"Vous pouvez adresser vos observations écrites dans un délai de {Deadlines.AuditObservations.Length} jours ouvrés, soit au plus tard le {Date(Deadlines.AuditObservations.After(e.EffectiveOn))}."),
        [LifecycleEventKind.AuditDecided] = new("Décision à l'issue de l'audit",
            "L'Instance a statué à l'issue de l'audit de votre organisme, pour les motifs ci-dessous."),
        [LifecycleEventKind.FormalNoticeNotified] = new("Mise en demeure",
            "L'Instance vous met en demeure de remédier aux manquements ci-dessous (convention, §V.2) ; le délai de mise en conformité et la date de retrait figurent ci-dessous.",
            JustificationDeadline, SuspensionWords),
        [LifecycleEventKind.AdditionalPeriodGranted] = new("Délai supplémentaire de mise en conformité",
            "L'Instance vous accorde un délai supplémentaire de mise en conformité, aux conditions ci-dessous.",
            JustificationDeadline, SuspensionWords),
        [LifecycleEventKind.CorrectiveMeasuresDeemedSufficient] = new("Mesures correctives réputées suffisantes",
            "L'Instance ne vous a notifié aucune décision dans le délai de 30 jours ouvrés suivant votre justification : vos mesures correctives sont réputées suffisantes et votre habilitation CléA est maintenue (convention, §V.2).",
            e => $"Tout nouveau manquement constaté dans les {Deadlines.NewFailingsWindow.Length} mois suivant la fin de la procédure, soit jusqu'au {Date(Deadlines.NewFailingsWindow.After(e.EffectiveOn))}, entraînerait le retrait de l'habilitation.",
            e => e.Reason?.Contains(ConformityProcedure.SuspensionEndsClause, StringComparison.Ordinal) == true
                ? $"La suspension de l'habilitation prononcée pour la durée de la procédure prend fin le {Date(e.EffectiveOn)}." : null),
        [LifecycleEventKind.EdofAlertRecorded] = new("Alerte EDOF",
            "Une alerte de la Caisse des Dépôts ou de France compétences sur votre offre EDOF a conduit l'Instance à la mesure ci-dessous."),
    };

    public static bool IsNotified(LifecycleEventKind kind) => Templates.ContainsKey(kind);

    /// <summary>The notification of <paramref name="event"/> to <paramref name="organism"/>, or null when the kind is not notified.</summary>
    public static Notification? For(LifecycleEvent @event, Organism? organism, DateTime now)
    {
        if (!Templates.TryGetValue(@event.Kind, out var template) || organism is null) return null;
        var body = new StringBuilder()
            .Append("Madame, Monsieur,\n\n")
            .Append(template.Opening).Append("\n\n")
            .Append("Organisme : ").Append(organism.Name).Append(" (SIREN ").Append(organism.Siren).Append(")\n")
            .Append("Date d'effet : ").Append(Date(@event.EffectiveOn)).Append('\n');
        if (@event.Reference is { Length: > 0 } reference) body.Append("Référence : ").Append(reference).Append('\n');
        if (template.Details?.Invoke(@event) is { } details) body.Append('\n').Append(details).Append('\n');
        if (@event.Reason is { Length: > 0 } reason) body.Append("\nMotifs et précisions :\n").Append(reason).Append('\n');
        if (template.Deadline?.Invoke(@event) is { } deadline) body.Append('\n').Append(deadline).Append('\n');
        body.Append("\nLes délais courent à compter de la présente notification : merci d'en accuser réception sur la plateforme CléA ")
            .Append("(mutation acknowledgeNotification).\n\nCertif Pro — certifications CléA\n");
        return new Notification(@event, organism.MainContact?.Email, $"CléA — {template.Subject}", body.ToString(), now);
    }

    private static string JustificationDeadline(LifecycleEvent e)
        => $"Vous devez justifier par écrit et de façon détaillée des mesures correctives dans un délai de {Deadlines.ConformityJustification.Length} jours ouvrés, soit au plus tard le {Date(Deadlines.ConformityJustification.After(e.EffectiveOn))} ; à défaut, l'habilitation est retirée à la date indiquée dans la mise en demeure.";

    /// <summary>A formal notice states whether the habilitation is suspended for the whole procedure (§V.2), in so many words.</summary>
    private static string SuspensionWords(LifecycleEvent e)
        => e.Reason?.Contains(ConformityProcedure.SuspensionClause, StringComparison.Ordinal) == true
            ? $"Manquement grave : votre habilitation est suspendue à compter du {Date(e.EffectiveOn)} et pendant toute la durée de la procédure de mise en conformité. Vous devez cesser toute activité au titre de l'habilitation : aucun candidat ne peut être inscrit ni évalué."
            : "Cette mise en demeure n'entraîne pas de suspension de votre habilitation.";

    /// <summary>The case of §V.3 and the day the withdrawal takes effect, from the event's reference (<see cref="WithdrawalGrounds"/>).</summary>
    private static string? WithdrawalWords(LifecycleEvent e)
    {
        if (!WithdrawalGrounds.TryParse(e.Reference, out var withdrawalCase, out var effect)) return null;
        var why = withdrawalCase switch
        {
            WithdrawalCase.ConformityProcedureEnd => "à l'issue d'une procédure de mise en conformité",
            WithdrawalCase.NewFailingsWithinTwelveMonths => "nouveaux manquements constatés dans les 12 mois suivant la fin d'une procédure de mise en conformité",
            WithdrawalCase.AuditRefusal => "refus de participer à un audit",
            _ => "alerte de la Caisse des Dépôts et Consignations ou de France compétences concernant un enregistrement non conforme sur la plateforme EDOF",
        };
        var when = effect switch
        {
            WithdrawalEffect.OnNotification => "au jour de la notification de la décision",
            WithdrawalEffect.OnNoticeDate => "au jour indiqué dans la mise en demeure, en l'absence de justification écrite dans le délai imparti",
            WithdrawalEffect.OnRefusalReceipt => "à la date de réception de votre refus écrit par l'Instance",
            _ => "à la date de constatation du refus par l'Instance",
        };
        return $"Cas de retrait (convention, §V.3) : {why}. Le retrait prend effet {when}, soit le {Date(e.EffectiveOn)}.";
    }

    internal static string Date(DateOnly date)
        => string.Create(CultureInfo.InvariantCulture, $"{(date.Day == 1 ? "1er" : date.Day.ToString(CultureInfo.InvariantCulture))} {Months[date.Month - 1]} {date.Year}");
}
