using Clea.Data.Habilitations;
using Clea.Data.Referentials;
using Clea.Graph.Common;
using Clea.Graph.Habilitations;
using Clea.Graph.Referentials;
using GraphQL.Types;

namespace Clea.Graph.Registry;

public sealed class OrganismFilter
{
    public string? Region { get; set; }
    public string? Department { get; set; }
    public CertificationCode? Certification { get; set; }
    public HabilitationStatus? Status { get; set; }
    public bool? AnyStatus { get; set; }
    public string? Instance { get; set; }
    public bool? Qualiopi { get; set; }
    public string? Search { get; set; }
    public string? PostalCode { get; set; }
    public DateOnly? On { get; set; }
}

public sealed class OrganismFilterInput : InputObjectGraphType<OrganismFilter>
{
    public OrganismFilterInput()
    {
        Name = "OrganismFilter";
        Description = "Public registry criteria; all given criteria must hold.";
        Field(f => f.Region, nullable: true).Description("Region INSEE code (e.g. 84): organisms with an open site in that region.");
        Field(f => f.Department, nullable: true).Description("Département INSEE code (e.g. 69, 2A, 974): organisms with an open site there.");
        Field(f => f.Certification, type: typeof(CertificationCodeEnum));
        Field(f => f.Status, type: typeof(HabilitationStatusEnum))
            .Description("Status of an habilitation on `on` (default ACTIVE: currently habilitated). Certification, instance and status apply to one and the same habilitation.");
        Field(f => f.AnyStatus, nullable: true).Description("True to list organisms whatever the status of their habilitations (`status` is then ignored).");
        Field(f => f.Instance, nullable: true).Description("Instance code, e.g. CERTIF_PRO or a CPNE code (see `instances`).");
        Field(f => f.Qualiopi, nullable: true);
        Field(f => f.Search, nullable: true).Description("Words that must each appear in the name or in the city of an open site; accents and case are ignored.");
        Field(f => f.PostalCode, nullable: true).Description("A postal code, or its beginning (\"69\").");
        Field(f => f.On, type: typeof(IsoDateGraphType)).Description("The date statuses and open sites are judged on (default today).");
    }
}

public enum OrganismOrderField
{
    Name,
    LastDecision,
}

public enum SortDirection
{
    Asc,
    Desc,
}

public sealed class OrganismOrder
{
    public OrganismOrderField Field { get; set; }
    public SortDirection Direction { get; set; } = SortDirection.Asc;
}

public sealed class OrganismOrderFieldEnum : EnumerationGraphType<OrganismOrderField>
{
    public OrganismOrderFieldEnum()
    {
        Name = "OrganismOrderField";
        Description = "NAME: alphabetical (accents ignored). LAST_DECISION: date of the most recent decision (organisms without one come last in DESC).";
    }
}

public sealed class SortDirectionEnum : EnumerationGraphType<SortDirection>
{
    public SortDirectionEnum() => Name = "SortDirection";
}

public sealed class OrganismOrderInput : InputObjectGraphType<OrganismOrder>
{
    public OrganismOrderInput()
    {
        Name = "OrganismOrder";
        Description = "One sort key; several keys sort lexicographically; a stable internal order breaks ties.";
        Field(o => o.Field, type: typeof(NonNullGraphType<OrganismOrderFieldEnum>));
        Field(o => o.Direction, type: typeof(SortDirectionEnum)).DefaultValue(SortDirection.Asc);
    }
}
