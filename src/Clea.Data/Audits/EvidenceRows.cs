using System.Globalization;
using Clea.Data.Applications;
using Clea.Data.Evaluations;
using Clea.Data.Intervenants;
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

/// <summary>An intervenant of the audited organism in the export, with their qualifications (personal data, logged).</summary>
public sealed record EvidenceIntervenant(int Id, string FirstName, string LastName, bool Evaluator, bool Trainer, bool RemoteEvaluation,
    string Qualifications, DateOnly DeclaredOn, DateOnly? WithdrawnOn)
{
    public static EvidenceIntervenant Of(Intervenant i) => new(i.Id, i.FirstName, i.LastName, i.Evaluator, i.Trainer, i.RemoteEvaluation,
        string.Join("; ", i.Qualifications), i.DeclaredOn, i.WithdrawnOn);
}

/// <summary>One line of the organism's file as filed, flattened for the CSV: what the form asks, and the answer.</summary>
public sealed record EvidenceFileEntry(string Field, string Value);

/// <summary>The whole export of a sample: its rows, the organism's intervenants and its file as filed.</summary>
public sealed record EvidenceExport(EvidencePage Read, IReadOnlyList<EvidenceRow> Rows, IReadOnlyList<EvidenceIntervenant> Intervenants,
    IReadOnlyList<EvidenceFileEntry> File);

/// <summary>Flattens the file as filed (administrative and technical parts) into field/value lines.</summary>
public static class EvidenceFile
{
    public static IReadOnlyList<EvidenceFileEntry> Flatten(Application? file)
    {
        if (file is null) return [];
        var lines = new List<EvidenceFileEntry>();
        void Add(string field, object? value)
        {
            if (value is null) return;
            lines.Add(new(field, value switch
            {
                DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                bool b => b ? "true" : "false",
                IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
                _ => value.ToString() ?? "",
            }));
        }
        Add("ReceiptNumber", file.ReceiptNumber);
        Add("Campaign", file.Campaign?.Code);
        Add("FiledOn", file.FiledOn);
        Add("Certification", file.Certification);
        Add("Kind", file.Kind);
        Add("Type", file.Type);
        Add("Scope", file.Scope);
        var a = file.Administrative;
        foreach (var c in a.Candidates)
        {
            Add("Organism", $"{c.Siren} {c.Name}");
            Add("NafCode", c.NafCode);
            Add("DeclarationNumber", c.DeclarationNumber);
            Add("Qualiopi", c.Qualiopi);
            foreach (var t in c.Turnover) Add($"Turnover {t.Year}", t.AmountEuros);
            foreach (var s in c.Sites) Add($"Site {s.Siret}", $"{s.Name}, {s.Street} {s.PostalCode} {s.City} ({s.Department})");
        }
        Add("MainContact", a.MainContact is { } contact ? $"{contact.Name} <{contact.Email}>" : null);
        Add("Coverage", a.Coverage);
        Add("Regions", a.Regions.Count == 0 ? null : string.Join(' ', a.Regions));
        Add("Groupement", a.GroupementName);
        Add("MandateReference", a.MandateReference);
        foreach (var i in a.Intervenants)
            Add($"Intervenant {i.FirstName} {i.LastName}",
                $"{(i.Evaluator ? "evaluator" : "")}{(i.Evaluator && i.Trainer ? ", " : "")}{(i.Trainer ? "trainer" : "")}{(i.RemoteEvaluation ? ", remote evaluation" : "")}; {string.Join("; ", i.Qualifications)}");
        var t2 = file.Technical;
        foreach (var m in t2.Modalities) Add($"Modality {m.SubCompetence}", m.Modality);
        Add("EvaluationProcess", t2.EvaluationProcess);
        Add("RemoteEvaluation", t2.RemoteEvaluation);
        Add("Training", t2.Training);
        Add("Quality", t2.Quality);
        Add("Activity", t2.Activity);
        return lines;
    }
}
