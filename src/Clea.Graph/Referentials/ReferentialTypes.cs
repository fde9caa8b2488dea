using Clea.Data.Referentials;
using Clea.Graph.Common;
using GraphQL;
using GraphQL.Types;

namespace Clea.Graph.Referentials;

public sealed class CertificationCodeEnum : EnumerationGraphType<CertificationCode>
{
    public CertificationCodeEnum()
    {
        Name = "CertificationCode";
        Description = "The CléA certifications: CléA Socle (RS7003), CléA Numérique (RS5616), CléA Management (RS6269).";
    }
}

public sealed class CertificationType : ObjectGraphType<Certification>
{
    public CertificationType()
    {
        Name = "Certification";
        Description = "A CléA certification and its référentiel.";
        this.ImplementNode(NodeIds.Certification, c => c.Code.ToString());
        Field(c => c.Code, type: typeof(NonNullGraphType<CertificationCodeEnum>));
        Field(c => c.RsCode).Description("France compétences' répertoire spécifique code, e.g. RS5616.");
        Field(c => c.Name);
        Field(c => c.ReferentialVersion).Description("Version of the référentiel data.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<DomainType>>>>("domains")
            .WithComplexityImpact(1, 7)
            .Description("Domains (Socle, Management) or competences (Numérique), in the published order.")
            .Resolve(ctx => ctx.Source.Domains);
    }
}

public sealed class DomainType : ObjectGraphType<ReferentialDomain>
{
    public DomainType()
    {
        Name = "Domain";
        Description = "A domain (CléA Socle, CléA Management) or competence (CléA Numérique) of a référentiel.";
        Field(d => d.Code);
        Field(d => d.Title);
        Field(d => d.Transversal).Description("True for a transversal domain.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<SubDomainType>>>>("subDomains")
            .WithComplexityImpact(1, 7)
            .Description("Sub-domains (Socle), sub-competences (Numérique) or competences (Management).")
            .Resolve(ctx => ctx.Source.SubDomains);
    }
}

public sealed class SubDomainType : ObjectGraphType<SubDomain>
{
    public SubDomainType()
    {
        Name = "SubDomain";
        Description = "A sub-domain, sub-competence or competence with its skills, evaluation modality and criteria.";
        Field(s => s.Code);
        Field(s => s.Title, nullable: true)
            .Description("Null where no public source could confirm the wording (some CléA Socle sub-domains): a known gap, never invented.");
        Field(s => s.Transversal).Description("CléA Management: part of the transversal dimension 'Contribuer à l'amélioration continue'.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("skills")
            .WithComplexityImpact(1, 1).Resolve(ctx => ctx.Source.Skills);
        Field(s => s.EvaluationModality, nullable: true).Description("The référentiel's evaluation modality, when it states one.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("criteria")
            .WithComplexityImpact(1, 1)
            .Description("Evaluation criteria (\"critères associés\").")
            .Resolve(ctx => ctx.Source.Criteria);
        Field(s => s.CertificationLead, nullable: true)
            .Description("CléA Management: the introductory phrase of the certification requirements (e.g. \"Le candidat :\").");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("certificationRequirements")
            .WithComplexityImpact(1, 1)
            .Description("CléA Management: what the candidate must show (the \"référentiel de certification\"); empty elsewhere.")
            .Resolve(ctx => ctx.Source.CertificationRequirements);
    }
}

public sealed class RegionType : ObjectGraphType<Region>
{
    public RegionType()
    {
        Name = "Region";
        Description = "A French region (INSEE code).";
        this.ImplementNode(NodeIds.Region, r => r.Code);
        Field(r => r.Code).Description("INSEE code, e.g. 11 for Île-de-France.");
        Field(r => r.Name);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<DepartmentType>>>>("departments")
            .WithComplexityImpact(1, 13)
            .Resolve(ReferenceData.Resolver<Region, List<Department>>((reference, r)
                => reference.Departments.Values.Where(d => d.RegionCode == r.Code).OrderBy(d => d.Code, StringComparer.Ordinal).ToList()));
    }
}

public sealed class DepartmentType : ObjectGraphType<Department>
{
    public DepartmentType()
    {
        Name = "Department";
        Description = "A French département (INSEE code).";
        this.ImplementNode(NodeIds.Department, d => d.Code);
        Field(d => d.Code).Description("INSEE code: 01..95, 2A, 2B, 971..976.");
        Field(d => d.Name);
        Field<NonNullGraphType<RegionType>>("region")
            .Resolve(ReferenceData.Resolver<Department, Region>((reference, d) => reference.RegionsByCode[d.RegionCode]));
    }
}
