using Clea.Data.Referentials;
using Microsoft.EntityFrameworkCore;

namespace Clea.Data.Applications;

/// <summary>The public list of campaigns, newest first, filtered by Instance, certification or the campaigns open on a date.</summary>
public sealed class CampaignList(CleaDbContext db, IReferenceCatalog reference)
{
    public async Task<List<Campaign>> ListAsync(string? instanceCode, CertificationCode? certification, DateOnly? openOn, int max, CancellationToken ct)
        => await (await FilterAsync(instanceCode, certification, openOn, ct)).OrderByDescending(c => c.OpensOn).ThenByDescending(c => c.Id).Take(max).ToListAsync(ct);

    /// <summary>The campaigns matching the filters, unordered: the caller pages them.</summary>
    public async Task<IQueryable<Campaign>> FilterAsync(string? instanceCode, CertificationCode? certification, DateOnly? openOn, CancellationToken ct)
    {
        IQueryable<Campaign> campaigns = db.Campaigns.AsNoTracking();
        if (instanceCode is not null)
        {
            var instanceId = (await reference.RequireInstanceAsync(instanceCode, ct)).Id;
            campaigns = campaigns.Where(c => c.InstanceId == instanceId);
        }
        if (certification is { } code) campaigns = campaigns.Where(c => c.Certification == code);
        if (openOn is { } on) campaigns = campaigns.Where(c => c.OpensOn <= on && c.ClosesOn >= on);
        return campaigns;
    }
}
