using Clea.Data.Applications;
using Clea.Data.Evaluations;
using Clea.Data.Fees;
using Clea.Data.Habilitations;
using Clea.Data.Registry;
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
        services.AddScoped<OrganismUpkeep>();
        // Applications
        services.AddScoped<ApplicationFiles>().AddScoped<FileApplication>().AddScoped<ApplicationInstruction>().AddScoped<CampaignList>();
        // Habilitations
        services.AddScoped<HabilitationDecisions>().AddScoped<HabilitationVerifier>();
        // Evaluations
        services.AddScoped<CandidateFiles>().AddScoped<CandidatePath>().AddScoped<BulkRecording>().AddScoped<CandidateDataErasures>();
        // Fees
        services.AddScoped<FeeLedger>();
        return services;
    }
}
