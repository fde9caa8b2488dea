namespace Clea.Data.Referentials;

/// <summary>A CléA certification and its référentiel (domains, sub-domains or competences, criteria).</summary>
public sealed class Certification
{
    private readonly List<ReferentialDomain> _domains = [];

    public int Id { get; private set; }
    public CertificationCode Code { get; private set; }
    /// <summary>France compétences' "répertoire spécifique" code, e.g. RS5616.</summary>
    public string RsCode { get; private set; } = null!;
    public string Name { get; private set; } = null!;
    /// <summary>Version of the référentiel data it was loaded from.</summary>
    public string ReferentialVersion { get; private set; } = null!;
    public IReadOnlyList<ReferentialDomain> Domains => _domains;

    private Certification() { }

    public Certification(CertificationCode code, string rsCode, string name, string referentialVersion)
    {
        Code = code;
        RsCode = rsCode;
        Name = name;
        ReferentialVersion = referentialVersion;
    }

    public ReferentialDomain AddDomain(string code, string title, bool transversal)
    {
        var domain = new ReferentialDomain(this, code, title, transversal, _domains.Count);
        _domains.Add(domain);
        return domain;
    }
}

/// <summary>A domain (Socle, Management) or competence (Numérique) of a référentiel.</summary>
public sealed class ReferentialDomain
{
    private readonly List<SubDomain> _subDomains = [];

    public int Id { get; private set; }
    public int CertificationId { get; private set; }
    public string Code { get; private set; } = null!;
    public string Title { get; private set; } = null!;
    public bool Transversal { get; private set; }
    public int Position { get; private set; }
    public IReadOnlyList<SubDomain> SubDomains => _subDomains;

    private ReferentialDomain() { }

    internal ReferentialDomain(Certification certification, string code, string title, bool transversal, int position)
    {
        CertificationId = certification.Id;
        Code = code;
        Title = title;
        Transversal = transversal;
        Position = position;
    }

    public SubDomain AddSubDomain(string code, string? title, bool transversal, IReadOnlyList<string> skills,
        string? evaluationModality, IReadOnlyList<string> criteria, string? certificationLead = null,
        IReadOnlyList<string>? certificationRequirements = null)
    {
        var sub = new SubDomain(code, title, transversal, skills, evaluationModality, criteria, certificationLead,
            certificationRequirements ?? [], _subDomains.Count);
        _subDomains.Add(sub);
        return sub;
    }
}

/// <summary>
/// A sub-domain (Socle), sub-competence (Numérique) or competence (Management). A null title is a gap the sources
/// could not fill: it stays visible, never invented.
/// </summary>
public sealed class SubDomain
{
    public int Id { get; private set; }
    public int DomainId { get; private set; }
    public string Code { get; private set; } = null!;
    public string? Title { get; private set; }
    public bool Transversal { get; private set; }
    public List<string> Skills { get; private set; } = [];
    public string? EvaluationModality { get; private set; }
    public List<string> Criteria { get; private set; } = [];
    /// <summary>CléA Management: the introductory phrase of the "référentiel de certification" cell.</summary>
    public string? CertificationLead { get; private set; }
    /// <summary>CléA Management: what the candidate must show ("référentiel de certification" items).</summary>
    public List<string> CertificationRequirements { get; private set; } = [];
    public int Position { get; private set; }

    private SubDomain() { }

    internal SubDomain(string code, string? title, bool transversal, IReadOnlyList<string> skills, string? evaluationModality,
        IReadOnlyList<string> criteria, string? certificationLead, IReadOnlyList<string> certificationRequirements, int position)
    {
        Code = code;
        Title = title;
        Transversal = transversal;
        Skills = [.. skills];
        EvaluationModality = evaluationModality;
        Criteria = [.. criteria];
        CertificationLead = certificationLead;
        CertificationRequirements = [.. certificationRequirements];
        Position = position;
    }
}
