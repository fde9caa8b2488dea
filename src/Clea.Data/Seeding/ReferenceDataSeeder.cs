using System.Text.Json;
using Clea.Data.Fees;
using Clea.Data.Instances;
using Clea.Data.Referentials;
using Microsoft.EntityFrameworkCore;

namespace Clea.Data.Seeding;

/// <summary>What one run of <see cref="ReferenceDataSeeder"/> inserted (all zero once the database is complete).</summary>
public sealed record ReferenceSeedResult(int Certifications, int Regions, int Departments, int Instances, int FeeTariffs = 0)
{
    public bool InsertedAnything => Certifications + Regions + Departments + Instances + FeeTariffs > 0;
}

/// <summary>
/// Loads the reference data every database needs: the three certifications with their référentiels
/// (<c>Referentials/Data/referentiels.json</c>), the 18 regions and 101 départements (<c>regions.json</c>), the
/// Instances and the fee grid. Idempotent: it inserts only what is missing by natural key and never rewrites existing rows, so a
/// référentiel edited in production is not silently overwritten at the next start.
/// </summary>
public static class ReferenceDataSeeder
{
    /// <summary>Certif Pro and the CPNEs with delegation known to the demo and the tests.</summary>
    internal static IReadOnlyList<Instance> DefaultInstances() =>
    [
        new("CERTIF_PRO", "Certif Pro", InstanceKind.CertifPro, null),
        new("CPNE_METALLURGIE", "CPNE de la Métallurgie", InstanceKind.Cpne, "Métallurgie"),
        new("CPNE_PROPRETE", "CPNE des Entreprises de Propreté", InstanceKind.Cpne, "Propreté et services associés"),
    ];

    /// <summary>Inserts the missing certifications, regions, départements and instances; saves only when something is missing.</summary>
    public static async Task<ReferenceSeedResult> SeedAsync(CleaDbContext db, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);

        var knownCertifications = (await db.Certifications.Select(c => c.Code).ToListAsync(ct)).ToHashSet();
        var missingCertifications = ReferenceFiles.Certifications().Where(c => !knownCertifications.Contains(c.Code)).ToList();
        db.Certifications.AddRange(missingCertifications);

        var regions = await db.Regions.Include(r => r.Departments).ToDictionaryAsync(r => r.Code, ct);
        var knownDepartments = (await db.Departments.Select(d => d.Code).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        int regionsAdded = 0, departmentsAdded = 0;
        foreach (var file in ReferenceFiles.Regions())
        {
            if (!regions.TryGetValue(file.Code, out var region))
            {
                region = new Region(file.Code, file.Name);
                db.Regions.Add(region);
                regions.Add(region.Code, region);
                regionsAdded++;
            }
            foreach (var department in file.Departments.Where(d => knownDepartments.Add(d.Code)))
            {
                db.Departments.Add(region.AddDepartment(department.Code, department.Name));
                departmentsAdded++;
            }
        }

        var knownInstances = (await db.Instances.Select(i => i.Code).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        var missingInstances = DefaultInstances().Where(i => !knownInstances.Contains(i.Code)).ToList();
        db.Instances.AddRange(missingInstances);

        // The fee grid is seeded once; later board decisions add rows for their year, never rewrite this one.
        var tariffs = await db.FeeTariffs.AnyAsync(ct) ? [] : FeeTariff.Annexe2Grid().ToList();
        db.FeeTariffs.AddRange(tariffs);

        var result = new ReferenceSeedResult(missingCertifications.Count, regionsAdded, departmentsAdded, missingInstances.Count, tariffs.Count);
        if (result.InsertedAnything) await db.SaveChangesAsync(ct);
        return result;
    }
}

/// <summary>The embedded reference files, read into domain objects (not tracked by any context).</summary>
internal static class ReferenceFiles
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static IReadOnlyList<Certification> Certifications()
    {
        var file = Read<ReferentialFile>("referentiels.json");
        var version = file.Version.ToString();
        return [.. file.Certifications.Select(c => ToCertification(c, version))];
    }

    public static IReadOnlyList<RegionJson> Regions() => Read<RegionFile>("regions.json").Regions;

    /// <summary>The file's codes are the schema's enum names (CLEA_SOCLE…), spelt out here rather than guessed.</summary>
    public static CertificationCode ParseCode(string code) => code switch
    {
        "CLEA_SOCLE" => CertificationCode.CleaSocle,
        "CLEA_NUMERIQUE" => CertificationCode.CleaNumerique,
        "CLEA_MANAGEMENT" => CertificationCode.CleaManagement,
        _ => throw new InvalidDataException($"referentiels.json names an unknown certification '{code}'."),
    };

    private static Certification ToCertification(CertificationJson json, string version)
    {
        var certification = new Certification(ParseCode(json.Code), json.RsCode, json.Name, version);
        foreach (var d in json.Domains)
        {
            var domain = certification.AddDomain(d.Code, d.Title, d.Transversal);
            foreach (var s in d.SubDomains)
                domain.AddSubDomain(s.Code, s.Title, s.Transversal, s.Skills ?? [], s.EvaluationModality, s.Criteria ?? [],
                    s.CertificationLead, s.CertificationRequirements);
        }
        return certification;
    }

    private static T Read<T>(string file)
    {
        var name = $"Clea.Data.Referentials.{file}";
        using var stream = typeof(ReferenceFiles).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Embedded resource {name} is missing: check Clea.Data.csproj.");
        return JsonSerializer.Deserialize<T>(stream, Json) ?? throw new InvalidDataException($"{file} is empty.");
    }

    // The version is a JSON string today; accept a number too rather than fail a start-up on a cosmetic change.
    private sealed record ReferentialFile(JsonElement Version, List<CertificationJson> Certifications);

    private sealed record CertificationJson(string Code, string Name, string RsCode, List<DomainJson> Domains);

    private sealed record DomainJson(string Code, string Title, bool Transversal, List<SubDomainJson> SubDomains);

    private sealed record SubDomainJson(string Code, string? Title, bool Transversal, List<string>? Skills,
        string? EvaluationModality, List<string>? Criteria, string? CertificationLead, List<string>? CertificationRequirements);

    private sealed record RegionFile(List<RegionJson> Regions);

    internal sealed record RegionJson(string Code, string Name, List<DepartmentJson> Departments);

    internal sealed record DepartmentJson(string Code, string Name);
}
