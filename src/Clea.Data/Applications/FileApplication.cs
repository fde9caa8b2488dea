using Clea.Data.Access;
using Clea.Data.Common;
using Clea.Data.Fees;
using Clea.Data.Referentials;
using Clea.Data.Registry;
using Microsoft.EntityFrameworkCore;

namespace Clea.Data.Applications;

/// <summary>
/// The organism's side of an application file (always as the caller's own organism): filing it, answering a request for
/// information, appealing a refusal. Each loads what the rules need, calls the domain and saves once.
/// </summary>
public sealed class FileApplication(CleaDbContext db, ApplicationFiles files, IReferenceCatalog reference, TimeProvider time)
{
    /// <summary>Files an application in an open campaign: receipt numbered, fee accrued, a pending habilitation per candidate.</summary>
    public async Task<Application> FileAsync(FileApplicationInput input, ICurrentCaller caller, CancellationToken ct)
    {
        var today = time.Today();
        // A blocked or merged registration files nothing, neither as filer (CallerOrganism refuses it) nor as a network's candidate (below).
        var filer = await CallerOrganism.LoadTrackedAsync(db, caller, ct);
        var campaign = await db.Campaigns.Include(c => c.Instance).SingleOrDefaultAsync(c => c.Code == input.Campaign, ct)
            ?? throw new DomainRuleException(ApplicationErrors.CampaignNotFound, $"No campaign has code '{input.Campaign}'.");
        var candidateInputs = input.Candidates ?? [new CandidateInput { Siren = filer.Siren.Value }];
        var organisms = await LoadCandidatesAsync(candidateInputs.Select(c => c.Siren), ct);
        foreach (var organism in organisms) organism.EnsureMayAct();
        foreach (var region in input.Regions ?? []) await reference.RequireRegionAsync(region, ct);
        var snapshots = await CandidateSnapshotsAsync(organisms, [.. candidateInputs.Select(c => c.Sites)], today, ct);
        var intervenants = input.Intervenants is { } given ? Intervenants(given) : await RegistryIntervenantsAsync(organisms, today, ct);
        var part = new AdministrativePart(snapshots, ApplicationSnapshots.Contact(filer.MainContact), ApplicationSnapshots.Contact(filer.BillingContact),
            input.Coverage, [.. (input.Regions ?? []).Distinct()], intervenants, Trimmed(input.GroupementName), Trimmed(input.MandateReference));
        // Two filings racing for the same number meet at the receipt's unique index (CONCURRENT_CHANGE): nothing is saved twice.
        var sequence = await db.Applications.CountAsync(a => a.CampaignId == campaign.Id, ct) + 1;
        var file = Application.File(campaign, filer, input.Kind, input.Type, input.Scope, organisms, part, input.Technical.ToPart(),
            (await reference.SubCompetencesAsync(campaign.Certification, ct)).ToHashSet(StringComparer.Ordinal),
            Application.NumberReceipt(campaign, sequence), today, await RefusalsAsync(campaign, organisms, ct));
        db.Applications.Add(file);
        db.FeeLines.AddRange(file.AccrueApplicationFees(organisms, campaign.Instance, await Billing.ScheduleAsync(db, ct)));
        await db.SaveChangesAsync(ct);
        return file;
    }

    /// <summary>The candidates' refused files at this campaign's Instance for its certification (re-application rule, N §III.5).</summary>
    private async Task<List<PreviousRefusal>> RefusalsAsync(Campaign campaign, IReadOnlyList<Organism> organisms, CancellationToken ct)
    {
        var ids = organisms.Select(o => o.Id).ToList();
        var files = await db.Applications.AsNoTracking().Include(a => a.Campaign).Include(a => a.Candidates).ThenInclude(c => c.Habilitation)
            .Where(a => a.InstanceId == campaign.InstanceId && a.Certification == campaign.Certification
                && a.Candidates.Any(c => ids.Contains(c.OrganismId) && c.Habilitation.Outcome == Habilitations.DecisionOutcome.Refused))
            .AsSplitQuery().ToListAsync(ct);
        return [.. from a in files
            from c in a.Candidates
            where ids.Contains(c.OrganismId) && c.Habilitation.Outcome == Habilitations.DecisionOutcome.Refused
            select new PreviousRefusal(organisms.First(o => o.Id == c.OrganismId).Siren.Value, campaign.InstanceId,
                campaign.Certification, a.CampaignId, a.Campaign.Code, a.Campaign.OpensOn)];
    }

    /// <summary>
    /// Answers the open request for information: the administrative part is taken again from the registry profile; sites
    /// (per candidate) and intervenants are replaced when given.
    /// </summary>
    public async Task<Application> AnswerInformationRequestAsync(int id, string answer, TechnicalPartInput? technical,
        IReadOnlyList<CandidateInput>? candidates, IReadOnlyList<IntervenantSnapshotInput>? intervenants, ICurrentCaller caller, CancellationToken ct)
    {
        var file = await files.LoadTrackedAsync(id, ct);
        await files.EnsureFiledByCallerAsync(caller, file, ct);
        var today = time.Today();
        var filer = await CallerOrganism.LoadTrackedAsync(db, caller, ct);
        var previous = file.Administrative;
        var organisms = await LoadCandidatesAsync(previous.Candidates.Select(c => c.Siren), ct);
        var givenSites = candidates ?? [];
        var sites = previous.Candidates.Select(c => givenSites.FirstOrDefault(g => g.Siren == c.Siren)?.Sites
            ?? [.. c.Sites.Select(s => new SiteInput { Siret = s.Siret, Name = s.Name, Street = s.Street, PostalCode = s.PostalCode, City = s.City, Department = s.Department })]).ToList();
        var part = previous with
        {
            Candidates = await CandidateSnapshotsAsync(organisms, sites!, file.FiledOn, ct),
            MainContact = ApplicationSnapshots.Contact(filer.MainContact),
            BillingContact = ApplicationSnapshots.Contact(filer.BillingContact),
            Intervenants = intervenants is null ? previous.Intervenants : Intervenants(intervenants),
        };
        file.AnswerInformationRequest(answer, part, technical?.ToPart(),
            (await reference.SubCompetencesAsync(file.Certification, ct)).ToHashSet(StringComparer.Ordinal), today);
        await db.SaveChangesAsync(ct);
        return file;
    }

    /// <summary>Appeals a refusal of the caller's file with a reasoned note, for one candidate (default: every refused one).</summary>
    public async Task<Application> FileAppealAsync(int id, string grounds, string? siren, ICurrentCaller caller, CancellationToken ct)
    {
        var file = await files.LoadTrackedAsync(id, ct);
        await files.EnsureFiledByCallerAsync(caller, file, ct);
        await CallerOrganism.LoadTrackedAsync(db, caller, ct); // a blocked registration appeals no more than it files
        file.FileAppeal(grounds, time.Today(), siren);
        await db.SaveChangesAsync(ct);
        return file;
    }

    private async Task<List<Organism>> LoadCandidatesAsync(IEnumerable<string> sirenTexts, CancellationToken ct)
    {
        var sirens = sirenTexts.Select(Siren.Parse).ToList();
        var found = await db.Organisms.Include(o => o.Sites).Include(o => o.Turnover).Include(o => o.Habilitations)
            .AsSplitQuery().Where(o => sirens.Contains(o.Siren)).ToListAsync(ct);
        return [.. sirens.Select(s => found.SingleOrDefault(o => o.Siren == s)
            ?? throw new DomainRuleException(ApplicationErrors.OrganismNotRegistered, $"Organism {s} is not in the registry: it registers before applying."))];
    }

    private async Task<IReadOnlyList<CandidateSnapshot>> CandidateSnapshotsAsync(IReadOnlyList<Organism> organisms,
        IReadOnlyList<List<SiteInput>?> sites, DateOnly on, CancellationToken ct)
    {
        var snapshots = new List<CandidateSnapshot>(organisms.Count);
        for (var i = 0; i < organisms.Count; i++)
        {
            List<SiteSnapshot>? given = null;
            if (i < sites.Count && sites[i] is { } declared)
            {
                given = [];
                foreach (var s in declared)
                {
                    await reference.RequireDepartmentAsync(s.Department, ct);
                    var address = s.ToAddress();
                    var name = Site.RequireName(s.Name);
                    given.Add(new SiteSnapshot(Siret.Parse(s.Siret).Value, name, address.Street, address.PostalCode, address.City, address.DepartmentCode));
                }
            }
            snapshots.Add(ApplicationSnapshots.Candidate(organisms[i], on, given));
        }
        return snapshots;
    }

    private async Task<IReadOnlyList<IntervenantSnapshot>> RegistryIntervenantsAsync(IReadOnlyList<Organism> organisms, DateOnly on, CancellationToken ct)
    {
        var ids = organisms.Select(o => o.Id).ToList();
        var declared = await db.Intervenants.AsNoTracking().Where(i => ids.Contains(i.OrganismId))
            .OrderBy(i => i.LastName).ThenBy(i => i.FirstName).ThenBy(i => i.Id).ToListAsync(ct);
        return [.. declared.Where(i => i.IsActiveOn(on)).Select(ApplicationSnapshots.Intervenant)];
    }

    private static IReadOnlyList<IntervenantSnapshot> Intervenants(IEnumerable<IntervenantSnapshotInput> given)
        => [.. given.Select(i => new IntervenantSnapshot(i.FirstName.Trim(), i.LastName.Trim(), i.Evaluator, i.Trainer, i.RemoteEvaluation, [.. i.Qualifications ?? []]))];

    private static string? Trimmed(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
