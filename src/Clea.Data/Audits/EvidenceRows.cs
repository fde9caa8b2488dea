using Clea.Data.Evaluations;
using Microsoft.EntityFrameworkCore;

namespace Clea.Data.Audits;

/// <summary>One line of the evidence export: a result of one sub-competence in one evaluation of a drawn file (or the file alone).</summary>
public sealed record EvidenceRow(
    int Draw, string CandidateReference, string? LastName, string? FirstName, DateOnly RegisteredOn, string Funding,
    string? EvaluationKind, DateOnly? HeldOn, string? Modality, bool? IdentityChecked, bool? AttendanceSigned,
    bool? FeasibilityChecked, bool? ReinforcedSupport, bool? SynchronousPhases, string? EvaluationOutcome,
    string? SubCompetence, bool? Acquired, string? Evaluator, string? Qualifications,
    DateOnly? TrainingStartedOn, string? Trainers, bool? JuryValidated, string? CertificateNumber);

/// <summary>Flattens drawn candidate files into export rows, naming evaluators and trainers with their qualifications (two extra queries).</summary>
public static class EvidenceRows
{
    public static async Task<IReadOnlyList<EvidenceRow>> FlattenAsync(CleaDbContext db, IReadOnlyList<Candidate> files, CancellationToken ct)
    {
        var organismIds = files.Select(f => f.OrganismId).Distinct().ToList();
        var people = await db.Intervenants.AsNoTracking().Where(i => organismIds.Contains(i.OrganismId))
            .ToDictionaryAsync(i => i.Id, i => (Name: $"{i.FirstName} {i.LastName}", Qualifications: string.Join("; ", i.Qualifications)), ct);
        var subCompetences = await db.SubDomains.AsNoTracking().ToDictionaryAsync(s => s.Id, s => s.Code, ct);
        string Name(int id) => people.TryGetValue(id, out var p) ? p.Name : $"#{id}";
        var rows = new List<EvidenceRow>();
        for (var i = 0; i < files.Count; i++)
        {
            var c = files[i];
            var trainers = c.TrainingPath is { } path ? string.Join("; ", path.Trainers.Select(t => Name(t.IntervenantId))) : null;
            var jury = c.JuryDecisions.OrderBy(d => d.DecidedOn).LastOrDefault();
            EvidenceRow Row(Evaluation? e, EvaluationResult? r) => new(i + 1, c.Reference.ToString(), c.LastName, c.FirstName, c.RegisteredOn, c.Funding.ToString(),
                e?.Kind.ToString(), e?.HeldOn, e?.Modality.ToString(), e?.IdentityChecked, e?.AttendanceSigned, e?.FeasibilityChecked, e?.ReinforcedSupport,
                e?.SynchronousPhases, e?.Outcome.ToString(), r is null ? null : subCompetences.GetValueOrDefault(r.SubDomainId),
                r?.Acquired, r is null ? null : Name(r.EvaluatorId),
                r is null ? null : people.GetValueOrDefault(r.EvaluatorId).Qualifications,
                c.TrainingPath?.StartedOn, trainers, jury?.Validated, c.Certificate?.Number);
            var before = rows.Count;
            foreach (var e in c.Evaluations.OrderBy(e => e.HeldOn))
            {
                if (e.Results.Count == 0) rows.Add(Row(e, null));
                foreach (var r in e.Results) rows.Add(Row(e, r));
            }
            if (rows.Count == before) rows.Add(Row(null, null));
        }
        return rows;
    }
}
