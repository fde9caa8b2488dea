using Clea.Data.Access;
using Clea.Data.Instances;
using Microsoft.EntityFrameworkCore;

namespace Clea.Data.Habilitations;

/// <summary>
/// Confidentiality of applications (N/M §IV.5): a filed application that is not decided yet is not public. Its pending
/// habilitation is seen by the organism itself, by the Instance that instructs it (Certif Pro staff see all) and by
/// administrators; anonymous callers, integrators and auditors see nothing of it (registry, verification, change
/// feed). Decisions (accepted or refused) stay public. One per request: the caller is read once.
/// </summary>
public sealed class PendingApplications(ICurrentCaller caller, CleaDbContext db)
{
    private Task<Visibility>? _visibility;

    /// <summary>Whether the caller may see <paramref name="habilitation"/> (always, once decided).</summary>
    public async Task<bool> MaySeeAsync(Habilitation habilitation)
        => habilitation.Outcome != DecisionOutcome.Pending || (await VisibilityAsync()).Allows(habilitation);

    /// <summary>The habilitations of <paramref name="all"/> the caller may see.</summary>
    public async Task<IReadOnlyList<Habilitation>> FilterAsync(IEnumerable<Habilitation> all)
    {
        var visibility = await VisibilityAsync();
        return [.. all.Where(h => h.Outcome != DecisionOutcome.Pending || visibility.Allows(h))];
    }

    /// <summary>The test <see cref="FilterAsync"/> applies, for resolvers that filter a loader's result synchronously.</summary>
    public async Task<Func<Habilitation, bool>> PredicateAsync()
    {
        var visibility = await VisibilityAsync();
        return h => h.Outcome != DecisionOutcome.Pending || visibility.Allows(h);
    }

    /// <summary>True when the caller sees every undecided application (administrators, Certif Pro staff).</summary>
    public async Task<bool> SeesAllAsync() => (await VisibilityAsync()).All;

    private Task<Visibility> VisibilityAsync() => _visibility ??= ComputeAsync();

    private async Task<Visibility> ComputeAsync()
    {
        switch (caller.Role)
        {
            case CallerRole.Administrator:
                return new Visibility(true, null, null);
            case CallerRole.InstanceStaff when await caller.InstanceAsync() is { } instance:
                return new Visibility(instance.Kind == InstanceKind.CertifPro, instance.Id, null);
            case CallerRole.OrganismStaff when caller.Siren is { } siren:
                var id = await db.Organisms.AsNoTracking().Where(o => o.Siren == siren).Select(o => (int?)o.Id).SingleOrDefaultAsync();
                return new Visibility(false, null, id);
            default:
                return Visibility.None;
        }
    }

    private sealed record Visibility(bool All, int? InstanceId, int? OrganismId)
    {
        public static readonly Visibility None = new(false, null, null);

        public bool Allows(Habilitation h) => All || h.InstanceId == InstanceId || h.OrganismId == OrganismId;
    }
}
