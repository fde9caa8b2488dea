using Clea.Data.Referentials;
using Clea.Data.Registry;
using Microsoft.EntityFrameworkCore;

namespace Clea.Data.Evaluations;

/// <summary>What the public verification of a certificate compares and shows (never the holder's identity).</summary>
public sealed record IssuedCertificate(string Number, string LastNameHash, CertificationCode Certification, DateOnly IssuedOn, Siren Siren, string OrganismName,
    CertificateIssuerKind IssuerKind, string IssuerName, string? IssuerRegionCode);

/// <summary>Certificates by number, for their public verification.</summary>
public sealed class CertificateRegister(CleaDbContext db)
{
    public async Task<IssuedCertificate?> FindAsync(string number, CancellationToken ct)
        => await db.Certificates.AsNoTracking().Where(c => c.Number == number)
            .Join(db.Organisms, c => c.OrganismId, o => o.Id, (c, o) => new IssuedCertificate(c.Number, c.LastNameHash, c.Certification, c.IssuedOn, o.Siren, o.Name,
                c.IssuerKind, c.IssuerName, c.IssuerRegionCode))
            .SingleOrDefaultAsync(ct);
}
