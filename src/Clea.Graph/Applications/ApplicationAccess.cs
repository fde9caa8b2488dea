using System.Globalization;
using System.Security.Claims;
using Clea.Auth.Policies;
using Clea.Data;
using Clea.Data.Applications;
using Clea.Data.Registry;
using Clea.Graph.Authorization;
using Clea.Graph.Common;
using GraphQL;
using Microsoft.EntityFrameworkCore;
using ApplicationFile = Clea.Data.Applications.Application;

namespace Clea.Graph.Applications;

/// <summary>
/// Which application files a caller may see and act on: an organism its own (filed by it or naming it as candidate),
/// instance staff those of their Instance's campaigns, administrators all. Filtered in SQL.
/// </summary>
public static class ApplicationAccess
{
    public static async Task<IQueryable<ApplicationFile>> VisibleAsync(IResolveFieldContext ctx, IQueryable<ApplicationFile> files)
    {
        var user = ctx.User;
        switch (user?.FindFirstValue(CleaClaims.Role))
        {
            case CleaRoles.Administrator:
                return files;
            case CleaRoles.InstanceStaff:
                var instanceId = await OwnInstanceIdAsync(ctx);
                return files.Where(a => a.InstanceId == instanceId);
            case CleaRoles.OrganismStaff:
                var organismId = await OwnOrganismIdAsync(ctx);
                return files.Where(a => a.FiledByOrganismId == organismId || a.Candidates.Any(c => c.OrganismId == organismId));
            default:
                return files.Where(a => false);
        }
    }

    /// <summary>The caller's Instance id (instance staff), or -1 when the token names none.</summary>
    public static async Task<int> OwnInstanceIdAsync(IResolveFieldContext ctx) => (await CallerScope.InstanceOfAsync(ctx))?.Id ?? -1;

    public static async Task<int> OwnOrganismIdAsync(IResolveFieldContext ctx)
    {
        if (ctx.User?.FindFirstValue(CleaClaims.Siren) is not { } claim || !Siren.TryParse(claim, out var siren, out _)) return -1;
        var db = ctx.RequestServices!.GetRequiredService<CleaDbContext>();
        return await db.Organisms.Where(o => o.Siren == siren).Select(o => o.Id).SingleOrDefaultAsync(ctx.CancellationToken) is var id and > 0 ? id : -1;
    }

    public static int ParseId(string? id)
        => GlobalId.TryDecode(id, out var type, out var key) && type == "Application" && int.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw GraphErrors.Argument(GraphErrors.InvalidId, "This is not an application id this API issued.");

    /// <summary>Loads a file for a transition, tracked with everything its rules need.</summary>
    public static async Task<ApplicationFile> LoadTrackedAsync(IResolveFieldContext ctx, string argument = "id")
    {
        var id = ParseId(ctx.GetArgument<string>(argument));
        var db = ctx.RequestServices!.GetRequiredService<CleaDbContext>();
        return await db.Applications
                   .Include(a => a.Campaign).ThenInclude(c => c.Instance)
                   .Include(a => a.Candidates).ThenInclude(c => c.Habilitation).ThenInclude(h => h.Instance)
                   .Include(a => a.InformationRequests)
                   .AsSplitQuery()
                   .SingleOrDefaultAsync(a => a.Id == id, ctx.CancellationToken)
               ?? throw NotFound();
    }

    /// <summary>Instance staff act on their own Instance's files only (a CPNE never on Certif Pro's); administrators on all.</summary>
    public static async Task EnsureInstructsAsync(IResolveFieldContext ctx, int instanceId)
    {
        if (ctx.User?.FindFirstValue(CleaClaims.Role) == CleaRoles.Administrator) return;
        if (await OwnInstanceIdAsync(ctx) != instanceId)
            throw new ExecutionError("Only the staff of the campaign's Instance (or an administrator) may do this.") { Code = AuthorizationErrors.NotAuthorized };
    }

    /// <summary>Organism staff act on the files their organism filed; another organism's file is "not found".</summary>
    public static async Task EnsureFiledByCallerAsync(IResolveFieldContext ctx, ApplicationFile file)
    {
        if (await OwnOrganismIdAsync(ctx) != file.FiledByOrganismId) throw NotFound();
    }

    public static ExecutionError NotFound() => new("No application with this id is visible to you.") { Code = ApplicationErrors.ApplicationNotFound };
}
