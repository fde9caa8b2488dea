using Clea.Data.Common;
using Clea.Data.Intervenants;
using Clea.Data.Referentials;

namespace Clea.Data.Evaluations;

/// <summary>The quality in which a member sits on a certification jury.</summary>
public enum JuryMemberQuality
{
    EmployerRepresentative,
    EmployeeRepresentative,
    Other,
}

/// <summary>Who issues, signs and sends a certificate.</summary>
public enum CertificateIssuerKind
{
    /// <summary>The habilitated organism (CléA Numérique, CléA Management: N/M annexe 3 art 5).</summary>
    Organism,
    /// <summary>The Transitions Pro of the candidate's region (CléA Socle: regional fact sheet, "Délivrance").</summary>
    TransitionsPro,
}

/// <summary>
/// A jury member as recorded: a name, a quality and the member's link to the organism if any — one of its declared
/// intervenants (<paramref name="IntervenantId"/>), or otherwise linked to it (staff, manager, contractor).
/// </summary>
public sealed record JuryMemberInput(string Name, JuryMemberQuality Quality, int? IntervenantId = null, bool LinkedToOrganism = false);

/// <summary>What a jury decision is recorded with: its members, the organism's intervenants, the candidate's region.</summary>
public sealed record JuryComposition(IReadOnlyList<JuryMemberInput> Members, IReadOnlyCollection<Intervenant> Intervenants, Region? CandidateRegion);

/// <summary>One member of the jury that decided on a candidate's file.</summary>
public sealed class JuryMember
{
    public const int NameMaxLength = 200;

    public int Id { get; private set; }
    public string Name { get; private set; } = null!;
    public JuryMemberQuality Quality { get; private set; }
    /// <summary>The organism's intervenant this member is, if any.</summary>
    public int? IntervenantId { get; private set; }
    /// <summary>True when the member is linked to the organism (one of its intervenants, staff or contractors).</summary>
    public bool LinkedToOrganism { get; private set; }

    private JuryMember() { }

    internal JuryMember(string name, JuryMemberQuality quality, int? intervenantId, bool linkedToOrganism)
    {
        Name = name;
        Quality = quality;
        IntervenantId = intervenantId;
        LinkedToOrganism = linkedToOrganism;
    }
}

/// <summary>
/// The composition rules of a certification jury. Every certification: the jury is the organism's as committed in its
/// file and the decision records its members (N/M annexe 3 art 5). CléA Management: the jury "se distingue
/// obligatoirement du formateur" (M, Définitions). CléA Socle: a joint (paritaire) jury of employers and employee
/// representatives "dont les membres ne sont pas liés aux prestataires" (regional fact sheet, "Délivrance").
/// </summary>
public static class JuryRules
{
    public static IReadOnlyList<JuryMember> Compose(CertificationCode certification, int organismId, JuryComposition jury, TrainingPath? path)
    {
        if (jury.Members.Count == 0)
            throw new DomainRuleException(EvaluationErrors.JuryMembersRequired, "A jury decision records its members (name, quality, link to the organism).");
        var members = new List<JuryMember>();
        foreach (var m in jury.Members)
        {
            var name = m.Name?.Trim();
            if (string.IsNullOrEmpty(name) || name.Length > JuryMember.NameMaxLength)
                throw new DomainRuleException(EvaluationErrors.InvalidJuryMember, $"A jury member has a name of 1 to {JuryMember.NameMaxLength} characters.");
            if (members.Any(x => SearchText.Normalize(x.Name) == SearchText.Normalize(name)))
                throw new DomainRuleException(EvaluationErrors.InvalidJuryMember, $"'{name}' is listed twice in the jury.");
            if (m.IntervenantId is { } id && !jury.Intervenants.Any(i => i.Id == id && i.OrganismId == organismId))
                throw new DomainRuleException(IntervenantErrors.NotFound, $"Intervenant {id} is not declared by the candidate's organism.");
            members.Add(new JuryMember(name, m.Quality, m.IntervenantId, m.IntervenantId is not null || m.LinkedToOrganism));
        }
        switch (certification)
        {
            case CertificationCode.CleaManagement:
                EnsureNoTrainer(members, jury.Intervenants, path);
                break;
            case CertificationCode.CleaSocle:
                EnsureJoint(members);
                break;
        }
        return members;
    }

    /// <summary>CléA Management: no member is one of the candidate's trainers (by intervenant, or by name).</summary>
    private static void EnsureNoTrainer(List<JuryMember> members, IReadOnlyCollection<Intervenant> intervenants, TrainingPath? path)
    {
        var trainers = intervenants.Where(i => path?.Trainers.Any(t => t.IntervenantId == i.Id) == true).ToList();
        foreach (var member in members)
        {
            var folded = SearchText.Normalize(member.Name);
            var trainer = trainers.FirstOrDefault(t => t.Id == member.IntervenantId
                || folded == SearchText.Normalize($"{t.FirstName} {t.LastName}") || folded == SearchText.Normalize($"{t.LastName} {t.FirstName}"));
            if (trainer is not null)
                throw new DomainRuleException(EvaluationErrors.JuryMemberIsTrainer,
                    $"{member.Name} trains this candidate (intervenant {trainer.Id}): a CléA Management jury is distinct from the candidate's trainer (convention Management, Définitions).");
        }
    }

    /// <summary>CléA Socle: at least one employer and one employee representative, none linked to the organism.</summary>
    private static void EnsureJoint(List<JuryMember> members)
    {
        var linked = members.FirstOrDefault(m => m.LinkedToOrganism);
        if (linked is not null)
            throw new DomainRuleException(EvaluationErrors.JuryMemberLinkedToOrganism,
                $"{linked.Name} is linked to the organism: the members of a CléA Socle jury are not linked to the providers.");
        if (!members.Any(m => m.Quality == JuryMemberQuality.EmployerRepresentative) || !members.Any(m => m.Quality == JuryMemberQuality.EmployeeRepresentative))
            throw new DomainRuleException(EvaluationErrors.JuryNotJoint,
                "A CléA Socle jury is joint (paritaire): at least one employer representative and one employee representative.");
    }

    /// <summary>
    /// Who issues the certificate: for CléA Socle the Transitions Pro of the candidate's region (the region of the site
    /// the candidate registered at), which signs and sends it; otherwise the organism itself.
    /// </summary>
    public static (CertificateIssuerKind Kind, string Name, string? RegionCode) IssuerFor(CertificationCode certification, string organismName, Region? candidateRegion)
    {
        if (certification != CertificationCode.CleaSocle) return (CertificateIssuerKind.Organism, organismName, null);
        var region = candidateRegion ?? throw new DomainRuleException(EvaluationErrors.InvalidCandidate,
            "A CléA Socle certificate is issued by the Transitions Pro of the candidate's region: the candidate's site has no known region.");
        return (CertificateIssuerKind.TransitionsPro, $"Transitions Pro {region.Name}", region.Code);
    }
}
