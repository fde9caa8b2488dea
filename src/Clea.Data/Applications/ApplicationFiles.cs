using Clea.Data.Access;
using Clea.Data.Common;
using Microsoft.EntityFrameworkCore;

namespace Clea.Data.Applications;

/// <summary>
/// Which application files a caller may see and act on: an organism its own (filed by it or naming it as candidate),
/// instance staff those of their Instance's campaigns, administrators all. Filtered in SQL.
/// </summary>
public sealed class ApplicationFiles(CleaDbContext db)
{
    /// <summary>The files the caller may see, untracked.</summary>
    public async Task<IQueryable<Application>> VisibleAsync(ICurrentCaller caller, CancellationToken ct)
    {
        var files = db.Applications.AsNoTracking();
        switch (caller.Role)
        {
            case CallerRole.Administrator:
                return files;
            case CallerRole.InstanceStaff:
                var instanceId = (await caller.InstanceAsync(ct))?.Id ?? -1;
                return files.Where(a => a.InstanceId == instanceId);
            case CallerRole.OrganismStaff:
                var organismId = await CallerOrganism.IdAsync(db, caller, ct) ?? -1;
                return files.Where(a => a.FiledByOrganismId == organismId || a.Candidates.Any(c => c.OrganismId == organismId));
            default:
                return files.Where(a => false);
        }
    }

    /// <summary>One file as its page shows it, or null when it does not exist or the caller may not see it.</summary>
    public async Task<Application?> FindVisibleAsync(int id, ICurrentCaller caller, CancellationToken ct)
        => await (await VisibleAsync(caller, ct)).WithSummary().SingleOrDefaultAsync(a => a.Id == id, ct);

    /// <summary>Loads a file for a transition, tracked with everything its rules need.</summary>
    public async Task<Application> LoadTrackedAsync(int id, CancellationToken ct)
        => await db.Applications
               .Include(a => a.Campaign).ThenInclude(c => c.Instance)
               .Include(a => a.Candidates).ThenInclude(c => c.Habilitation).ThenInclude(h => h.Instance)
               .Include(a => a.Candidates).ThenInclude(c => c.Habilitation).ThenInclude(h => h.Organism)
               .Include(a => a.InformationRequests)
               .AsSplitQuery()
               .SingleOrDefaultAsync(a => a.Id == id, ct)
           ?? throw NotFound();

    /// <summary>Organism staff act on the files their organism filed; another organism's file is "not found".</summary>
    public async Task EnsureFiledByCallerAsync(ICurrentCaller caller, Application file, CancellationToken ct)
    {
        if ((await CallerOrganism.IdAsync(db, caller, ct) ?? -1) != file.FiledByOrganismId) throw NotFound();
    }

    public static DomainRuleException NotFound() => new(ApplicationErrors.ApplicationNotFound, "No application with this id is visible to you.");
}

public static class ApplicationQueryExtensions
{
    /// <summary>What a file's summary shows: its campaign, candidates and requests for information.</summary>
    public static IQueryable<Application> WithSummary(this IQueryable<Application> files)
        => files.Include(a => a.Campaign).Include(a => a.Candidates).Include(a => a.InformationRequests).AsSplitQuery();
}
