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
public sealed class HabilitationVerifier(CleaDbContext db, RegistryVisibility visibility)
{
    // An unknown identifier and an organism the registry does not show yet (RegistryVisibility) answer alike, in words that
    // also fit an organism whose only file is undecided (confidential): "holds no habilitation".

    /// <summary>Identifiers per SQL statement: keeps parameter lists well under both providers' limits.</summary>
    public const int ChunkSize = 500;

    public async Task<IReadOnlyList<HabilitationCheck>> VerifyAsync(IReadOnlyList<VerificationRequest> requests,
        CertificationCode certification, DateOnly on, CancellationToken cancellationToken,
        Func<IEnumerable<Habilitation>, Task<IReadOnlyList<Habilitation>>>? visible = null)
    {
        var parsed = requests.Select(Parse).ToList();

        var organisms = new Dictionary<Siren, Organism>();
        foreach (var chunk in parsed.Where(p => p.Siren is not null).Select(p => p.Siren!.Value).Distinct().Chunk(ChunkSize))
            foreach (var organism in await (await visibility.ShownAsync(db.Organisms.AsNoTracking(), cancellationToken)).Where(o => chunk.Contains(o.Siren)).ToListAsync(cancellationToken))
                organisms[organism.Siren] = organism;

        var sites = new Dictionary<Siret, Site>();
        foreach (var chunk in parsed.Where(p => p.Siret is not null).Select(p => p.Siret!.Value).Distinct().Chunk(ChunkSize))
            foreach (var site in await (await visibility.ShownAsync(db.Sites.AsNoTracking(), cancellationToken)).Include(s => s.Organism).Where(s => chunk.Contains(s.Siret)).ToListAsync(cancellationToken))
                sites[site.Siret] = site;

        var habilitations = new List<Habilitation>();
        foreach (var chunk in organisms.Values.Select(o => o.Id).Concat(sites.Values.Select(s => s.OrganismId)).Distinct().Chunk(ChunkSize))
            habilitations.AddRange(await db.Habilitations.AsNoTracking().Include(h => h.Suspensions)
                .Where(h => chunk.Contains(h.OrganismId) && h.Certification == certification).ToListAsync(cancellationToken));
        var byOrganism = (visible is null ? habilitations : await visible(habilitations)).ToLookup(h => h.OrganismId);

        return [.. parsed.Select(p =>
        {
            if (p.Error is { } error) return HabilitationVerification.Rejected(certification, on, error);
            if (p.Siren is { } siren)
            {
                var organism = organisms.GetValueOrDefault(siren);
                return HabilitationVerification.Check(certification, on, organism, null, organism is null ? [] : byOrganism[organism.Id],
                    $"SIREN {siren} holds no habilitation known to the CléA registry.");
            }
            var siret = p.Siret!.Value;
            var site = sites.GetValueOrDefault(siret);
            return HabilitationVerification.Check(certification, on, site?.Organism, site, site is null ? [] : byOrganism[site.OrganismId],
                $"SIRET {siret} holds no habilitation known to the CléA registry.");
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
