using Clea.Data.Access;
using Clea.Data.Applications;
using Clea.Data.Common;
using Clea.Data.Evaluations;
using Clea.Data.Intervenants;
using Clea.Data.Registry;
using Microsoft.EntityFrameworkCore;

namespace Clea.Data.Audits;

/// <summary>
/// One drawn page of an audit's evidence sample, with what every page carries: the organism's file as filed for the
/// audited habilitation (null when it predates the platform) and its intervenants with their qualifications.
/// </summary>
public sealed record EvidencePage(Audit Audit, IReadOnlyList<int> DrawnCandidateIds, int Offset, IReadOnlyList<Candidate> Candidates,
    Application? FiledApplication, IReadOnlyList<Intervenant> Intervenants);

/// <summary>
/// Use case: the auditor of an open audit reads a reproducible random sample of the candidate files of the audited scope
/// (habilitation, sites, period): the same seed draws the same files, so the organism and the Instance can see what was
/// drawn. Every read is logged as an <c>AUDIT_EVIDENCE_READ</c> event naming the channel and the files' references.
/// </summary>
public sealed class AuditEvidence(CleaDbContext db, TimeProvider time)
{
    public const int MaxSample = 500;

    /// <summary>The ids of the candidate files in scope, in id order.</summary>
    public static async Task<List<int>> ScopeAsync(CleaDbContext db, Audit audit, CancellationToken ct)
    {
        var candidates = db.Candidates.Where(c => c.HabilitationId == audit.HabilitationId
            && c.RegisteredOn >= audit.PeriodFrom && c.RegisteredOn <= audit.PeriodTo);
        if (audit.Sites is { } sites)
        {
            var sirets = sites.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(s => Siret.TryParse(s, out var v, out _) ? v : (Siret?)null).OfType<Siret>().ToList();
            var siteIds = db.Sites.Where(s => sirets.Contains(s.Siret)).Select(s => s.Id);
            candidates = candidates.Where(c => siteIds.Contains(c.SiteId));
        }
        return await candidates.OrderBy(c => c.Id).Select(c => c.Id).ToListAsync(ct);
    }

    /// <summary>Draws <paramref name="size"/> ids reproducibly: a Fisher–Yates shuffle seeded by <paramref name="seed"/>, the first ones kept.</summary>
    public static IReadOnlyList<int> Draw(IReadOnlyList<int> scope, int size, int seed)
    {
        var ids = scope.ToArray();
        var random = new Random(seed);
        var kept = Math.Min(size, ids.Length);
        for (var i = 0; i < kept; i++)
        {
            var j = random.Next(i, ids.Length);
            (ids[i], ids[j]) = (ids[j], ids[i]);
        }
        return ids[..kept];
    }

    /// <summary>Reads one page (<paramref name="offset"/>, <paramref name="count"/>) of the sample, and logs it under <paramref name="channel"/>.</summary>
    public async Task<EvidencePage> ReadAsync(int auditId, int size, int seed, int offset, int count, string channel, ICurrentCaller caller, CancellationToken ct)
    {
        var today = time.Today();
        if (size is < 1 or > MaxSample || offset < 0 || count < 0)
            throw new DomainRuleException(AuditErrors.InvalidSample, $"A sample holds 1 to {MaxSample} files.");
        var audit = await AuditLoading.AuditAsync(db, auditId, ct);
        if (AuditAccess.AuditorUserId(caller) != audit.AuditorUserId || !audit.IsOpenOn(today))
            throw new DomainRuleException(AuditErrors.AuditNotOpenForCaller,
                "Evidence is read only by the auditor assigned to the audit, from its opening until the report is final.");
        var drawn = Draw(await ScopeAsync(db, audit, ct), size, seed);
        var pageIds = drawn.Skip(offset).Take(count).ToList();
        var files = await db.Candidates.AsNoTracking()
            .Include(c => c.Evaluations).ThenInclude(e => e.Results)
            .Include(c => c.TrainingPath).ThenInclude(p => p!.Trainers)
            .Include(c => c.JuryDecisions).Include(c => c.Certificate).Include(c => c.Appeals)
            .AsSplitQuery()
            .Where(c => pageIds.Contains(c.Id)).ToListAsync(ct);
        var inDrawOrder = pageIds.Select(id => files.Single(f => f.Id == id)).ToList();
        var filed = await FiledApplicationAsync(audit, ct);
        // Every intervenant the organism declared, withdrawn ones too: the evaluators and trainers of past files.
        var intervenants = await db.Intervenants.AsNoTracking().Where(i => i.OrganismId == audit.OrganismId)
            .OrderBy(i => i.LastName).ThenBy(i => i.FirstName).ThenBy(i => i.Id).ToListAsync(ct);
        audit.LogEvidenceRead(today, channel,
            $"sample {size} seed {seed}, files {offset + 1}–{offset + inDrawOrder.Count} of {drawn.Count}: {string.Join(' ', inDrawOrder.Select(c => c.Reference))}; "
            + $"application file {filed?.ReceiptNumber ?? "none"}; {intervenants.Count} intervenants");
        await db.SaveChangesAsync(ct);
        return new EvidencePage(audit, drawn, offset, inDrawOrder, filed, intervenants);
    }

    /// <summary>
    /// The application file through which the audited habilitation was granted, as filed; a network file keeps only the
    /// audited organism's identity sheet (the other candidates are not under this audit).
    /// </summary>
    private async Task<Application?> FiledApplicationAsync(Audit audit, CancellationToken ct)
    {
        var habilitationId = audit.HabilitationId;
        var file = await db.Applications.AsNoTracking().Include(a => a.Campaign)
            .Where(a => a.Candidates.Any(c => c.HabilitationId == habilitationId)).SingleOrDefaultAsync(ct);
        if (file is null) return null;
        var siren = await db.Organisms.Where(o => o.Id == audit.OrganismId).Select(o => o.Siren).SingleAsync(ct);
        return file.KeepingOnlyCandidate(siren.Value);
    }

    /// <summary>
    /// The export of a whole sample (<c>evidence.csv</c>/<c>.json</c>): the page read and logged, flattened into rows, with
    /// the organism's intervenants and its file as filed.
    /// </summary>
    public async Task<EvidenceExport> ExportAsync(int auditId, int size, int seed, string format, ICurrentCaller caller, CancellationToken ct)
    {
        var read = await ReadAsync(auditId, size, seed, 0, MaxSample, format.ToUpperInvariant(), caller, ct);
        return new EvidenceExport(read, await EvidenceRows.FlattenAsync(db, read.Candidates, ct),
            [.. read.Intervenants.Select(EvidenceIntervenant.Of)], EvidenceFile.Flatten(read.FiledApplication));
    }
}
