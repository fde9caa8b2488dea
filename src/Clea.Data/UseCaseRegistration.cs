using Clea.Data.Applications;
using Clea.Data.Evaluations;
using Clea.Data.Events;
using Clea.Data.Fees;
using Clea.Data.Habilitations;
using Clea.Data.Privacy;
using Clea.Data.Registry;
using Clea.Data.Situations;
using Microsoft.Extensions.DependencyInjection;

namespace Clea.Data;

/// <summary>
/// The use cases, one line per feature's classes: scoped (they share the request's DbContext). A host also registers an
/// <see cref="Access.ICurrentCaller"/>, an <see cref="Referentials.IReferenceCatalog"/> and a <see cref="TimeProvider"/>.
/// </summary>
public static class UseCaseRegistration
{
    public static IServiceCollection AddCleaUseCases(this IServiceCollection services)
    {
        // Registry
        services.AddScoped<OrganismUpkeep>().AddScoped<RegistryLookups>().AddSingleton<RegistryTotals>();
        services.AddScoped<PublicRegistry>().AddScoped<OrganismRegistrations>().AddScoped<OrganismImport>();
        // Onboarding
        services.AddScoped<Onboarding.OrganismDeclaration>().AddScoped<Onboarding.OrganismAccounts>();
        // Applications
        services.AddScoped<ApplicationFiles>().AddScoped<FileApplication>().AddScoped<ApplicationInstruction>().AddScoped<CampaignList>();
        // Habilitations
        services.AddScoped<HabilitationDecisions>().AddScoped<HabilitationVerifier>().AddScoped<HabilitationChangeFeed>();
        // Evaluations
        services.AddScoped<CandidateFiles>().AddScoped<CandidatePath>().AddScoped<BulkRecording>().AddScoped<CandidateDataErasures>()
            .AddScoped<CertificateRegister>();
        // Fees
        services.AddScoped<FeeLedger>();
        // Situations, events, privacy
        services.AddScoped<SituationChangeList>().AddScoped<EventLog>().AddScoped<PersonalDataAccessQuery>();
        services.AddScoped<Notifications.NotificationLog>().AddScoped<Notifications.NotificationOutbox>();
        // Audits
        services.AddScoped<Audits.AuditScheduling>().AddScoped<Audits.AuditConduct>().AddScoped<Audits.ConformityDecisions>()
            .AddScoped<Audits.AuditEvidence>().AddScoped<Audits.ConformityAgenda>().AddScoped<Audits.AuditRecords>().AddScoped<Audits.AuditorAccess>();
        return services;
    }
}
