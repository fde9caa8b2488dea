using Clea.Data.Common;
using Clea.Data.Referentials;
using Clea.Data.Registry;
using Microsoft.EntityFrameworkCore;

namespace Clea.Data.Habilitations;

/// <summary>
/// Answers verification requests, one <see cref="HabilitationCheck"/> per request in the same order, by loading what
/// <see cref="HabilitationVerification.Check"/> needs for the whole batch at once: organisms by the set of SIRENs, sites
/// with their organism by the set of SIRETs, then habilitations with their suspensions by the set of organisms — three
/// statements per chunk of <see cref="ChunkSize"/> identifiers, whatever the batch size. A malformed request answers
/// <see cref="HabilitationVerification.Rejected"/> instead of failing the batch. The single <c>verifyHabilitation</c>
/// goes through here too, so that one and many answer alike.
/// </summary>
public sealed class HabilitationVerifier(CleaDbContext db)
{
    /// <summary>Identifiers per SQL statement: keeps parameter lists well under both providers' limits.</summary>
    public const int ChunkSize = 500;

    public async Task<IReadOnlyList<HabilitationCheck>> VerifyAsync(IReadOnlyList<VerificationRequest> requests,
        CertificationCode certification, DateOnly on, CancellationToken cancellationToken,
        Func<IEnumerable<Habilitation>, Task<IReadOnlyList<Habilitation>>>? visible = null,
        Func<Organism, IEnumerable<Habilitation>, bool>? seesUnlisted = null)
    {
        var parsed = requests.Select(Parse).ToList();

        // Whether each organism is in the public registry (Organism.Listed, inlined) comes in the same statement as the organism.
        var unlisted = new HashSet<int>();
        var organisms = new Dictionary<Siren, Organism>();
        foreach (var chunk in parsed.Where(p => p.Siren is not null).Select(p => p.Siren!.Value).Distinct().Chunk(ChunkSize))
            foreach (var row in await db.Organisms.AsNoTracking().Where(o => chunk.Contains(o.Siren))
                         .Select(o => new { Organism = o, Listed = o.Habilitations.Any(h => h.Outcome != DecisionOutcome.Pending) }).ToListAsync(cancellationToken))
            {
                organisms[row.Organism.Siren] = row.Organism;
                if (!row.Listed) unlisted.Add(row.Organism.Id);
            }

        var sites = new Dictionary<Siret, (Site Site, Organism Organism)>();
        foreach (var chunk in parsed.Where(p => p.Siret is not null).Select(p => p.Siret!.Value).Distinct().Chunk(ChunkSize))
            foreach (var row in await db.Sites.AsNoTracking().Where(s => chunk.Contains(s.Siret))
                         .Select(s => new { Site = s, s.Organism, Listed = s.Organism.Habilitations.Any(h => h.Outcome != DecisionOutcome.Pending) }).ToListAsync(cancellationToken))
            {
                sites[row.Site.Siret] = (row.Site, row.Organism);
                if (!row.Listed) unlisted.Add(row.Organism.Id);
            }

        var habilitations = new List<Habilitation>();
        foreach (var chunk in organisms.Values.Select(o => o.Id).Concat(sites.Values.Select(s => s.Organism.Id)).Distinct().Chunk(ChunkSize))
            habilitations.AddRange(await db.Habilitations.AsNoTracking().Include(h => h.Suspensions)
                .Where(h => chunk.Contains(h.OrganismId) && h.Certification == certification).ToListAsync(cancellationToken));
        var byOrganism = (visible is null ? habilitations : await visible(habilitations)).ToLookup(h => h.OrganismId);
        // Not public until habilitated: an organism outside the registry answers as an unknown one, unless the caller's scope covers it.
        bool Shown(Organism? organism) => organism is not null
            && (seesUnlisted is null || !unlisted.Contains(organism.Id) || seesUnlisted(organism, byOrganism[organism.Id]));

        return [.. parsed.Select(p =>
        {
            if (p.Error is { } error) return HabilitationVerification.Rejected(certification, on, error);
            if (p.Siren is { } siren)
            {
                var organism = organisms.GetValueOrDefault(siren);
                if (!Shown(organism)) organism = null;
                return HabilitationVerification.Check(certification, on, organism, null, organism is null ? [] : byOrganism[organism.Id],
                    $"SIREN {siren} holds no habilitation in the CléA registry.");
            }
            var siret = p.Siret!.Value;
            var (site, owner) = sites.GetValueOrDefault(siret);
            if (!Shown(owner)) (site, owner) = (null, null);
            return HabilitationVerification.Check(certification, on, owner, site, owner is null ? [] : byOrganism[owner.Id],
                $"SIRET {siret} holds no habilitation in the CléA registry.");
        })];
    }

    private static Parsed Parse(VerificationRequest request)
    {
        if ((request.Siren is null) == (request.Siret is null))
            return new(null, null, new VerificationError(InputErrors.InvalidArguments, "Give exactly one of 'siren' or 'siret'."));
        if (request.Siren is not null)
            return Siren.TryParse(request.Siren, out var siren, out var sirenError)
                ? new(siren, null, null)
                : new(null, null, new VerificationError(RegistryErrors.InvalidSiren, sirenError!));
        return Siret.TryParse(request.Siret, out var siret, out var siretError)
            ? new(null, siret, null)
            : new(null, null, new VerificationError(RegistryErrors.InvalidSiret, siretError!));
    }

    private readonly record struct Parsed(Siren? Siren, Siret? Siret, VerificationError? Error);
}
