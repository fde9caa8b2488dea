using Clea.Auth.Policies;
using Clea.Data;
using Clea.Data.Applications;
using Clea.Data.Fees;
using Clea.Data.Habilitations;
using Clea.Data.Referentials;
using Clea.Data.Registry;
using Clea.Graph.Common;
using Clea.Graph.Registry;
using Clea.Graph.Schema;
using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using ApplicationFile = Clea.Data.Applications.Application;

namespace Clea.Graph.Applications;

/// <summary>Organism staff file applications, answer requests for information and appeal refusals (always as their own organism).</summary>
public sealed class ApplicationMutations : IMutationFields
{
    public void AddTo(ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<ApplicationGraphType>>("fileApplication")
            .Description("Files an application in an open campaign (accepting the convention): receipt numbered, a pending habilitation per candidate, and for Certif Pro 330 € per candidate organism. A refused candidate files again only from the next campaign (REAPPLY_FROM_NEXT_CAMPAIGN); Numérique and Management are filed to train and evaluate (SCOPE_NOT_ALLOWED).")
            .AuthorizeWithPolicy(CleaPolicies.OrganismStaff)
            .Argument<NonNullGraphType<FileApplicationInputType>>("input")
            .ResolveAsync(async ctx =>
            {
                var input = ctx.GetArgument<FileApplicationInput>("input");
                var db = ctx.RequestServices!.GetRequiredService<CleaDbContext>();
                var today = ctx.Today();
                var filer = await OwnOrganism.LoadTrackedAsync(ctx);
                var campaign = await db.Campaigns.Include(c => c.Instance).SingleOrDefaultAsync(c => c.Code == input.Campaign, ctx.CancellationToken)
                    ?? throw GraphErrors.Argument(ApplicationErrors.CampaignNotFound, $"No campaign has code '{input.Campaign}'.");
                var candidateInputs = input.Candidates ?? [new CandidateInput { Siren = filer.Siren.Value }];
                var organisms = await LoadCandidatesAsync(ctx, candidateInputs.Select(c => c.Siren));
                var reference = await ctx.RequestServices!.GetRequiredService<ReferenceData>().GetAsync();
                foreach (var region in input.Regions ?? [])
                    if (!reference.RegionsByCode.ContainsKey(region))
                        throw GraphErrors.Argument(GraphErrors.UnknownRegion, $"No region has INSEE code '{region}'.");
                var snapshots = await CandidateSnapshotsAsync(ctx, organisms, candidateInputs.Select(c => c.Sites).ToList(), today);
                var intervenants = input.Intervenants is { } given ? Intervenants(given) : await RegistryIntervenantsAsync(ctx, organisms, today);
                var part = new AdministrativePart(snapshots, ApplicationSnapshots.Contact(filer.MainContact), ApplicationSnapshots.Contact(filer.BillingContact),
                    input.Coverage, [.. (input.Regions ?? []).Distinct()], intervenants, Trimmed(input.GroupementName), Trimmed(input.MandateReference));
                var sequence = await db.Applications.CountAsync(a => a.CampaignId == campaign.Id, ctx.CancellationToken) + 1;
                var file = ApplicationFile.File(campaign, filer, input.Kind, input.Type, input.Scope, organisms, part, input.Technical.ToPart(),
                    (await SubCompetencesAsync(ctx, campaign.Certification)).ToHashSet(StringComparer.Ordinal),
                    ApplicationFile.NumberReceipt(campaign, sequence), today, await RefusalsAsync(db, campaign, organisms, ctx.CancellationToken));
                db.Applications.Add(file);
                db.FeeLines.AddRange(file.AccrueApplicationFees(organisms, campaign.Instance, new FeeSchedule(await db.FeeTariffs.AsNoTracking().ToListAsync(ctx.CancellationToken))));
                await OrganismMutations.Save(ctx);
                return file;
            });

        mutation.Field<NonNullGraphType<ApplicationGraphType>>("answerInformationRequest")
            .Description("Answers the open request for information of your file. The administrative part is taken again from your registry profile (contacts, turnover, identity); sites and intervenants are replaced when given.")
            .AuthorizeWithPolicy(CleaPolicies.OrganismStaff)
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .Argument<NonNullGraphType<StringGraphType>>("answer")
            .Argument<TechnicalPartInputType>("technical")
            .Argument<ListGraphType<NonNullGraphType<CandidateInputType>>>("candidates", "Sites per candidate, replacing those filed.")
            .Argument<ListGraphType<NonNullGraphType<IntervenantSnapshotInputType>>>("intervenants")
            .ResolveAsync(async ctx =>
            {
                var file = await ApplicationAccess.LoadTrackedAsync(ctx);
                await ApplicationAccess.EnsureFiledByCallerAsync(ctx, file);
                var today = ctx.Today();
                var filer = await OwnOrganism.LoadTrackedAsync(ctx);
                var previous = file.Administrative;
                var organisms = await LoadCandidatesAsync(ctx, previous.Candidates.Select(c => c.Siren));
                var givenSites = ctx.GetArgument<List<CandidateInput>?>("candidates") ?? [];
                var sites = previous.Candidates.Select(c => givenSites.FirstOrDefault(g => g.Siren == c.Siren)?.Sites
                    ?? c.Sites.Select(s => new ApplicationSiteInput { Siret = s.Siret, Name = s.Name, Street = s.Street, PostalCode = s.PostalCode, City = s.City, Department = s.Department }).ToList()).ToList();
                var given = ctx.GetArgument<List<IntervenantSnapshotInput>?>("intervenants");
                var part = previous with
                {
                    Candidates = await CandidateSnapshotsAsync(ctx, organisms, sites!, file.FiledOn),
                    MainContact = ApplicationSnapshots.Contact(filer.MainContact),
                    BillingContact = ApplicationSnapshots.Contact(filer.BillingContact),
                    Intervenants = given is null ? previous.Intervenants : Intervenants(given),
                };
                file.AnswerInformationRequest(ctx.GetArgument<string>("answer"), part, ctx.GetArgument<TechnicalPartInput?>("technical")?.ToPart(),
                    (await SubCompetencesAsync(ctx, file.Certification)).ToHashSet(StringComparer.Ordinal), today);
                await OrganismMutations.Save(ctx);
                return file;
            });

        mutation.Field<NonNullGraphType<ApplicationGraphType>>("fileAppeal")
            .Description("Appeals the refusal of your file with a reasoned note, within 30 working days of its notification.")
            .AuthorizeWithPolicy(CleaPolicies.OrganismStaff)
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .Argument<NonNullGraphType<StringGraphType>>("grounds")
            .ResolveAsync(async ctx =>
            {
                var file = await ApplicationAccess.LoadTrackedAsync(ctx);
                await ApplicationAccess.EnsureFiledByCallerAsync(ctx, file);
                file.FileAppeal(ctx.GetArgument<string>("grounds"), ctx.Today());
                await OrganismMutations.Save(ctx);
                return file;
            });
    }

    /// <summary>The codes of the sub-competences (sub-domains) of a certification's référentiel.</summary>
    internal static async Task<IReadOnlyList<string>> SubCompetencesAsync(IResolveFieldContext ctx, CertificationCode certification)
    {
        var reference = await ctx.RequestServices!.GetRequiredService<ReferenceData>().GetAsync();
        return [.. reference.Certifications.Where(c => c.Code == certification).SelectMany(c => c.Domains).SelectMany(d => d.SubDomains).Select(s => s.Code)];
    }

    /// <summary>The candidates' refused files at this campaign's Instance for its certification (re-application rule).</summary>
    private static async Task<List<PreviousRefusal>> RefusalsAsync(CleaDbContext db, Campaign campaign, IReadOnlyList<Organism> organisms, CancellationToken cancellationToken)
    {
        var ids = organisms.Select(o => o.Id).ToList();
        var files = await db.Applications.AsNoTracking().Include(a => a.Campaign).Include(a => a.Candidates).ThenInclude(c => c.Habilitation)
            .Where(a => a.InstanceId == campaign.InstanceId && a.Certification == campaign.Certification
                && a.Candidates.Any(c => ids.Contains(c.OrganismId) && c.Habilitation.Outcome == DecisionOutcome.Refused))
            .AsSplitQuery().ToListAsync(cancellationToken);
        return [.. from a in files
            from c in a.Candidates
            where ids.Contains(c.OrganismId) && c.Habilitation.Outcome == DecisionOutcome.Refused
            select new PreviousRefusal(organisms.First(o => o.Id == c.OrganismId).Siren.Value, campaign.InstanceId,
                campaign.Certification, a.CampaignId, a.Campaign.Code, a.Campaign.OpensOn)];
    }

    private static async Task<List<Organism>> LoadCandidatesAsync(IResolveFieldContext ctx, IEnumerable<string> sirenTexts)
    {
        var sirens = sirenTexts.Select(Siren.Parse).ToList();
        var db = ctx.RequestServices!.GetRequiredService<CleaDbContext>();
        var found = await db.Organisms.Include(o => o.Sites).Include(o => o.Turnover).Include(o => o.Habilitations)
            .AsSplitQuery().Where(o => sirens.Contains(o.Siren)).ToListAsync(ctx.CancellationToken);
        return [.. sirens.Select(s => found.SingleOrDefault(o => o.Siren == s)
            ?? throw GraphErrors.Argument(ApplicationErrors.OrganismNotRegistered, $"Organism {s} is not in the registry: it registers before applying."))];
    }

    private static async Task<IReadOnlyList<CandidateSnapshot>> CandidateSnapshotsAsync(IResolveFieldContext ctx, IReadOnlyList<Organism> organisms,
        IReadOnlyList<List<ApplicationSiteInput>?> sites, DateOnly on)
    {
        var reference = await ctx.RequestServices!.GetRequiredService<ReferenceData>().GetAsync();
        return [.. organisms.Select((organism, i) => ApplicationSnapshots.Candidate(organism, on, i < sites.Count && sites[i] is { } given
            ? [.. given.Select(s =>
            {
                if (!reference.Departments.ContainsKey(s.Department))
                    throw GraphErrors.Argument(GraphErrors.UnknownDepartment, $"No département has INSEE code '{s.Department}'.");
                var address = Address.Create(s.Street, s.PostalCode, s.City, s.Department);
                if (string.IsNullOrWhiteSpace(s.Name))
                    throw GraphErrors.Argument(RegistryErrors.NameRequired, "A site needs a name.");
                return new SiteSnapshot(Siret.Parse(s.Siret).Value, s.Name.Trim(), address.Street, address.PostalCode, address.City, address.DepartmentCode);
            })]
            : null))];
    }

    private static async Task<IReadOnlyList<IntervenantSnapshot>> RegistryIntervenantsAsync(IResolveFieldContext ctx, IReadOnlyList<Organism> organisms, DateOnly on)
    {
        var ids = organisms.Select(o => o.Id).ToList();
        var db = ctx.RequestServices!.GetRequiredService<CleaDbContext>();
        var declared = await db.Intervenants.AsNoTracking().Where(i => ids.Contains(i.OrganismId))
            .OrderBy(i => i.LastName).ThenBy(i => i.FirstName).ThenBy(i => i.Id).ToListAsync(ctx.CancellationToken);
        return [.. declared.Where(i => i.IsActiveOn(on)).Select(ApplicationSnapshots.Intervenant)];
    }

    private static IReadOnlyList<IntervenantSnapshot> Intervenants(IEnumerable<IntervenantSnapshotInput> given)
        => [.. given.Select(i => new IntervenantSnapshot(i.FirstName.Trim(), i.LastName.Trim(), i.Evaluator, i.Trainer, i.RemoteEvaluation, [.. i.Qualifications ?? []]))];

    private static string? Trimmed(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
