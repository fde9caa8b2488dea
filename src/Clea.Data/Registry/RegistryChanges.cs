using System.Globalization;
using Clea.Data.Habilitations;
using Microsoft.EntityFrameworkCore;

namespace Clea.Data.Registry;

/// <summary>
/// What a save changes in the public registry, applied inside the save's transaction after the rows are written: a new
/// <see cref="RegistryStamp"/> version (the search totals cached at the old one are no longer read), and the organisms'
/// <see cref="Organism.FirstFiledOn"/> / <see cref="Organism.FirstDecidedFiledOn"/> recomputed from their habilitations
/// (recomputed, not adjusted: they equal the facts whatever the change was).
/// </summary>
internal sealed class RegistryChanges
{
    private readonly List<Habilitation> _habilitations = [];
    private readonly HashSet<int> _organisms = [];

    /// <summary>The registry changes of <paramref name="db"/>'s tracker, or null when the save touches none; call before saving.</summary>
    public static RegistryChanges? Collect(CleaDbContext db)
    {
        RegistryChanges? changes = null;
        foreach (var entry in db.ChangeTracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted)) continue;
            if (!RegistryStamp.SearchedTables.Contains(entry.Metadata.GetTableName() ?? "")) continue;
            changes ??= new RegistryChanges();
            if (entry.Entity is not Habilitation habilitation) continue;
            changes._habilitations.Add(habilitation);
            // The organism it leaves, when moved or deleted (its id is known before the save).
            if (entry.State is not EntityState.Added) changes._organisms.Add((int)entry.OriginalValues[nameof(Habilitation.OrganismId)]!);
        }
        return changes;
    }

    /// <summary>Applies the changes; call after the rows are saved, inside the save's transaction.</summary>
    public async Task ApplyAsync(CleaDbContext db, CancellationToken ct)
    {
        // First: the stamp's row lock orders concurrent registry saves, so the recount below (a later statement, a later
        // snapshot under READ COMMITTED) sees every habilitation committed before this one.
        await db.Database.ExecuteSqlRawAsync(RegistryStamp.BumpSql, [RegistryStamp.NewVersion()], ct);
        // From the entry, not the entity: before the changes are accepted, a generated key reaches the entry's values only.
        _organisms.UnionWith(_habilitations.Select(h => (int)db.Entry(h).Property(nameof(Habilitation.OrganismId)).CurrentValue!));
        foreach (var chunk in _organisms.Where(id => id > 0).Chunk(500))
        {
            var placeholders = string.Join(", ", chunk.Select((_, i) => "{" + i.ToString(CultureInfo.InvariantCulture) + "}"));
            var sql = Organism.FirstFilingsSql + " WHERE \"Id\" IN (" + placeholders + ")"; // placeholders only: the ids are parameters
            await db.Database.ExecuteSqlRawAsync(sql, chunk.Cast<object>(), ct);
        }
    }
}
