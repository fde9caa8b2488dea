using System.Globalization;
using Clea.Data.Notifications;
using Clea.Data.Registry;
using Clea.Data.Users;

namespace Clea.Data.Onboarding;

/// <summary>The French texts of account e-mails; they join the outbox as <see cref="Notification.IsAccountMail"/> messages.</summary>
public static class AccountMails
{
    private const string Signature = "\nCertif Pro — certifications CléA\n";

    public static Notification Confirmation(string email, string displayName, string link, DateTime expiresAt, DateTime now)
        => Notification.ForAccount(email, "CléA — Confirmez votre adresse e-mail",
            $"Bonjour {displayName},\n\nPour activer votre compte CléA, confirmez votre adresse e-mail en suivant ce lien (utilisable une seule fois, "
            + $"jusqu'au {Instant(expiresAt)}) :\n\n{link}\n\nSi vous n'avez pas créé de compte, ignorez ce message.\n" + Signature, now);

    /// <summary>Sign-up with an address that already has an account: the owner is told, the page answers as for a new one.</summary>
    public static Notification AlreadyRegistered(string email, string signInLink, DateTime now)
        => Notification.ForAccount(email, "CléA — Vous avez déjà un compte",
            $"Bonjour,\n\nQuelqu'un (vous, peut-être) a demandé à créer un compte CléA avec cette adresse, qui en a déjà un. "
            + $"Pour vous connecter :\n\n{signInLink}\n\nSi ce n'était pas vous, aucune action n'est nécessaire.\n" + Signature, now);

    public static Notification Invitation(string email, Organism organism, string invitedBy, UserRole role, string link, DateTime expiresAt, DateTime now)
        => Notification.ForAccount(email, $"CléA — Invitation à rejoindre {organism.Name}",
            $"Bonjour,\n\n{invitedBy} vous invite à rejoindre l'organisme {organism.Name} (SIREN {organism.Siren}) sur la plateforme CléA, "
            + $"en tant que {(role == UserRole.OrganismAdministrator ? "administrateur de l'organisme" : "membre de l'équipe de l'organisme")}.\n\n"
            + $"Choisissez votre nom et votre mot de passe en suivant ce lien (utilisable une seule fois, jusqu'au {Instant(expiresAt)}) :\n\n{link}\n" + Signature,
            now, organism.Id);

    /// <summary>Someone else declared the organism's SIREN: its administrators are told (the declaration was refused).</summary>
    public static Notification SirenClaimed(string email, Organism organism, User claimant, DateTime now)
        => Notification.ForAccount(email, $"CléA — Une autre personne a déclaré votre organisme (SIREN {organism.Siren})",
            $"Bonjour,\n\n{claimant.DisplayName} ({claimant.Email}) a tenté le {Instant(now)} de déclarer l'organisme {organism.Name} "
            + $"(SIREN {organism.Siren}), déjà inscrit sur la plateforme CléA. La déclaration a été refusée et rien n'a changé.\n\n"
            + "S'il s'agit d'un collègue, invitez-le depuis la plateforme ; sinon, signalez-le à Certif Pro.\n" + Signature,
            now, organism.Id);

    private static string Instant(DateTime utc)
        => utc.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
}
