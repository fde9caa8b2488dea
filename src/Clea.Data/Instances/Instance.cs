namespace Clea.Data.Instances;

/// <summary>Who decides habilitations: Certif Pro, or a CPNE with delegation inside its professional field.</summary>
public enum InstanceKind
{
    CertifPro,
    Cpne,
}

/// <summary>An Instance (Certif Pro or a delegated CPNE) that runs campaigns, decides and audits.</summary>
public sealed class Instance
{
    public int Id { get; private set; }
    /// <summary>Stable code, e.g. CERTIF_PRO or CPNE_METALLURGIE.</summary>
    public string Code { get; private set; } = null!;
    public string Name { get; private set; } = null!;
    public InstanceKind Kind { get; private set; }
    /// <summary>The professional field of a CPNE; null for Certif Pro.</summary>
    public string? ProfessionalField { get; private set; }

    /// <summary>
    /// Whether Certif Pro bills the instruction fee (annexe 2: 330 € "par candidat" applying "auprès de Certif Pro") on
    /// files this Instance instructs. A CPNE's files are not billed by Certif Pro; a CPNE's own grid would be set here.
    /// </summary>
    public bool BillsApplicationFees => Kind == InstanceKind.CertifPro;

    private Instance() { }

    public Instance(string code, string name, InstanceKind kind, string? professionalField)
    {
        if (kind == InstanceKind.Cpne && string.IsNullOrWhiteSpace(professionalField))
            throw new ArgumentException("A CPNE decides inside a professional field: name it.", nameof(professionalField));
        Code = code;
        Name = name;
        Kind = kind;
        ProfessionalField = kind == InstanceKind.Cpne ? professionalField : null;
    }
}
