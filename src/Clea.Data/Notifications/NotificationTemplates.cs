using System.Globalization;
using System.Text;
using Clea.Data.Calendar;
using Clea.Data.Events;
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

    private sealed record Template(string Subject, string Opening, Func<LifecycleEvent, string?>? Deadline = null);

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
            "L'Instance a retiré votre habilitation CléA, pour les motifs ci-dessous."),
        [LifecycleEventKind.HabilitationCorrected] = new("Rectification de votre habilitation",
            "L'Instance a rectifié une date enregistrée de votre habilitation CléA, pour les motifs ci-dessous. La date d'effet est le premier jour dont la situation est modifiée."),
        [LifecycleEventKind.Renounced] = new("Prise en compte de votre renonciation",
            "Nous prenons acte de la renonciation de votre organisme à son habilitation CléA. Les candidats déjà inscrits doivent être menés au terme de leur parcours."),
        [LifecycleEventKind.InvoiceIssued] = new("Facture des redevances CléA",
            "Une facture de redevances a été émise à l'ordre de votre organisme.",
            e => $"Elle est payable sous {Deadlines.InvoicePayment.Length} jours, soit au plus tard le {Date(Deadlines.InvoicePayment.After(e.EffectiveOn))}."),
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
        if (@event.Reason is { Length: > 0 } reason) body.Append("\nMotifs et précisions :\n").Append(reason).Append('\n');
        if (template.Deadline?.Invoke(@event) is { } deadline) body.Append('\n').Append(deadline).Append('\n');
        body.Append("\nLes délais courent à compter de la présente notification : merci d'en accuser réception sur la plateforme CléA ")
            .Append("(mutation acknowledgeNotification).\n\nCertif Pro — certifications CléA\n");
        return new Notification(@event, organism.MainContact?.Email, $"CléA — {template.Subject}", body.ToString(), now);
    }

    internal static string Date(DateOnly date)
        => string.Create(CultureInfo.InvariantCulture, $"{(date.Day == 1 ? "1er" : date.Day.ToString(CultureInfo.InvariantCulture))} {Months[date.Month - 1]} {date.Year}");
}
