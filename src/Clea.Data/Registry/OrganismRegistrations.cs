using Clea.Data.Access;
using Clea.Data.Common;
using Clea.Data.Instances;
using Clea.Data.Referentials;
using Microsoft.EntityFrameworkCore;

namespace Clea.Data.Registry;

/// <summary>Which registrations: a status, registered since an instant, a SIREN or words of the name (each optional).</summary>
public sealed record RegistrationFilter(RegistrationStatus? Status, DateTime? RegisteredSince, string? Search);

/// <summary>What Certif Pro corrects in a registration (null: unchanged), and why.</summary>
public sealed record RegistrationCorrection(string? Name, string? NafCode, string? DeclarationNumber, bool? Qualiopi,
    string? Street, string? PostalCode, string? City, string? Reason,
    string? QualiopiCertificateNumber = null, DateOnly? QualiopiValidUntil = null);

/// <summary>
/// Certif Pro's oversight of registrations: the list, corrections, merging a duplicate, blocking a fraudulent record.
/// Certif Pro staff and administrators only: registering organisms on the platform is the certifier's (Certif Pro owns the
/// certifications and the platform, DOMAIN §2); a CPNE decides habilitations within its field, not who is registered.
/// Each operation saves once; its events carry who (the context stamps the caller) and why.
/// </summary>
public sealed class OrganismRegistrations(CleaDbContext db, IReferenceCatalog reference, TimeProvider time)
{
    /// <summary>Registrations, unpaged (the caller pages by id, newest first).</summary>
    public async Task<IQueryable<Organism>> ListAsync(RegistrationFilter filter, ICurrentCaller caller, CancellationToken ct)
    {
        await EnsureCertifProAsync(caller, ct);
        var rows = db.Organisms.AsNoTracking();
        if (filter.Status is { } status) rows = rows.Where(o => o.RegistrationStatus == status);
        if (filter.RegisteredSince is { } since)
        {
            var utc = DateTime.SpecifyKind(since, DateTimeKind.Utc);
            rows = rows.Where(o => o.RegisteredAt >= utc);
        }
        if (!string.IsNullOrWhiteSpace(filter.Search))
        {
            if (filter.Search.Length > OrganismSearch.MaxTextLength)
                throw new DomainRuleException(InputErrors.InvalidArguments, $"`search` takes at most {OrganismSearch.MaxTextLength} characters.");
            var digits = filter.Search.Replace(" ", string.Empty, StringComparison.Ordinal);
            // Digits only: a SIREN, in full (INVALID_SIREN otherwise); else words of the name.
            if (digits.All(char.IsAsciiDigit))
            {
                var siren = Siren.Parse(digits);
                rows = rows.Where(o => o.Siren == siren);
            }
            else
                foreach (var word in new OrganismSearch { Text = filter.Search }.Words)
                    rows = rows.Where(o => o.NameSearch.Contains(word));
        }
        return rows;
    }

    public async Task<Organism> CorrectAsync(string siren, RegistrationCorrection correction, ICurrentCaller caller, CancellationToken ct)
    {
        await EnsureCertifProAsync(caller, ct);
        var why = Organism.RequireReason(correction.Reason);
        Address? address = null;
        if (correction.PostalCode is not null || correction.City is not null || correction.Street is not null)
        {
            var department = PostalCodeDepartment.Of(correction.PostalCode);
            await reference.RequireDepartmentAsync(department, ct);
            address = Address.Create(correction.Street, correction.PostalCode!, correction.City ?? "", department);
        }
        var organism = await LoadTrackedAsync(siren, ct);
        var today = time.Today();
        var changed = organism.CorrectName(correction.Name, why, today)
            | organism.CorrectNafCode(correction.NafCode, why, today)
            | organism.CorrectDeclarationNumber(correction.DeclarationNumber, why, today)
            | organism.CorrectQualiopi(correction.Qualiopi, why, today)
            | organism.CorrectQualiopiCertificate(correction.QualiopiCertificateNumber, correction.QualiopiValidUntil, why, today)
            | organism.CorrectHeadOfficeAddress(address, why, today);
        if (!changed)
            throw new DomainRuleException(OrganismRegistrationErrors.NothingToCorrect, "Every value given is the one already recorded: nothing to correct.");
        await db.SaveChangesAsync(ct);
        return organism;
    }

    public async Task<Organism> BlockAsync(string siren, string? reason, ICurrentCaller caller, CancellationToken ct)
    {
        await EnsureCertifProAsync(caller, ct);
        var organism = await LoadTrackedAsync(siren, ct);
        organism.Block(reason, time.Today());
        await db.SaveChangesAsync(ct);
        return organism;
    }

    public async Task<Organism> UnblockAsync(string siren, string? reason, ICurrentCaller caller, CancellationToken ct)
    {
        await EnsureCertifProAsync(caller, ct);
        var organism = await LoadTrackedAsync(siren, ct);
        organism.Unblock(reason, time.Today());
        await db.SaveChangesAsync(ct);
        return organism;
    }

    /// <summary>
    /// Merges the <paramref name="duplicate"/> record (e.g. a mistyped SIREN) into <paramref name="keep"/>: its people's
    /// accounts move to the kept organism; it must hold no habilitation file, application or candidate (MERGE_CONFLICT).
    /// </summary>
    public async Task<(Organism Keep, Organism Duplicate)> MergeAsync(string keep, string duplicate, string? reason, ICurrentCaller caller, CancellationToken ct)
    {
        await EnsureCertifProAsync(caller, ct);
        var kept = await LoadTrackedAsync(keep, ct);
        var merged = await LoadTrackedAsync(duplicate, ct);
        await db.Entry(merged).Collection(o => o.Habilitations).LoadAsync(ct);
        var holdsFiles = await db.Applications.AnyAsync(a => a.FiledByOrganismId == merged.Id, ct)
            || await db.Candidates.AnyAsync(c => c.OrganismId == merged.Id, ct);
        merged.MergeInto(kept, holdsFiles, reason, time.Today());
        foreach (var user in await db.Users.Where(u => u.OrganismSiren == merged.Siren).ToListAsync(ct))
            user.MoveToOrganism(kept.Siren);
        await db.SaveChangesAsync(ct);
        return (kept, merged);
    }

    private async Task<Organism> LoadTrackedAsync(string siren, CancellationToken ct)
    {
        var parsed = Siren.Parse(siren);
        return await db.Organisms.Include(o => o.Sites).SingleOrDefaultAsync(o => o.Siren == parsed, ct)
            ?? throw new DomainRuleException(OrganismRegistrationErrors.OrganismNotFound, $"No organism with SIREN {parsed} is registered.");
    }

    private static async Task EnsureCertifProAsync(ICurrentCaller caller, CancellationToken ct)
    {
        if (caller.IsAuthenticated && caller.Role == CallerRole.Administrator) return;
        if (caller.IsAuthenticated && caller.Role == CallerRole.InstanceStaff && (await caller.InstanceAsync(ct))?.Kind == InstanceKind.CertifPro) return;
        throw new DomainRuleException(AccessErrors.NotAuthorized, "Registrations are overseen by Certif Pro: only its staff and administrators may do this.");
    }
}
