using Clea.Data.Referentials;
using Clea.Data.Registry;
using Clea.Graph.Common;
using Clea.Graph.Habilitations;
using Clea.Graph.Referentials;
using GraphQL;
using GraphQL.Types;

namespace Clea.Graph.Registry;

/// <summary>An organism as the public registry shows it: identity, quality label, open sites, habilitations.</summary>
public sealed class OrganismType : ObjectGraphType<Organism>
{
    public OrganismType()
    {
        Name = "Organism";
        Description = "A legal entity (SIREN) applying for or holding CléA habilitations.";
        this.ImplementNode(NodeIds.Organism, o => o.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Field<NonNullGraphType<StringGraphType>>("siren").Resolve(ctx => ctx.Source.Siren.Value);
        Field(o => o.Name);
        Field(o => o.Qualiopi).Description("Holds the Qualiopi quality certification (required for EDOF listings).");
        Field(o => o.NafCode, nullable: true).Description("NAF/APE code of the main activity.");
        Field<NonNullGraphType<BooleanGraphType>>("demo").Description("True for generated demonstration data.").Resolve(ctx => ctx.Source.IsDemo);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<SiteType>>>>("sites")
            .Description("Sites open on the given date (default today); closed sites leave the registry.")
            .Argument<IsoDateGraphType>("on")
            .Resolve(ctx =>
            {
                var on = ctx.GetArgument<DateOnly?>("on") ?? ctx.Today();
                return ctx.Service<SitesByOrganismLoader>().Load(ctx.Source.Id)
                    .Then(sites => sites.Where(s => s.IsOpenOn(on)).ToList());
            });
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<HabilitationType>>>>("habilitations")
            .Description("Every habilitation file of the organism (decisions are public), optionally for one certification. An application not decided yet is confidential: only the organism, its Instance and administrators see its PENDING habilitation.")
            .Argument<CertificationCodeEnum>("certification")
            .ResolveAsync(async ctx =>
            {
                var certification = ctx.GetArgument<Clea.Data.Referentials.CertificationCode?>("certification");
                var visible = await ctx.Service<Clea.Data.Habilitations.PendingApplications>().PredicateAsync();
                // An IDataLoaderResult returned from an async resolver is still batched with the other organisms'.
                return ctx.Service<HabilitationsByOrganismLoader>().Load(ctx.Source.Id)
                    .Then(all => all.Where(h => (certification is null || h.Certification == certification) && visible(h)).ToList());
            });
        Field<IsoDateGraphType>("lastDecisionOn").Description("Date of the most recent decision on one of its applications.")
            .Resolve(ctx => ctx.Service<HabilitationsByOrganismLoader>().Load(ctx.Source.Id)
                .Then(all => all.Max(h => h.DecidedOn)));
        OrganismProfileField.AddTo(this);
        Dashboard.OrganismActivityField.AddTo(this);
    }
}

public sealed class SiteType : ObjectGraphType<Site>
{
    public SiteType()
    {
        Name = "Site";
        Description = "An establishment of an organism, with its own SIRET.";
        this.ImplementNode(NodeIds.Site, s => s.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Field<NonNullGraphType<StringGraphType>>("siret").Resolve(ctx => ctx.Source.Siret.Value);
        Field(s => s.Name);
        Field(s => s.HeadOffice).Description("True for the head office (siège).");
        Field<NonNullGraphType<AddressType>>("address").Resolve(ctx => ctx.Source.Address);
        Field<NonNullGraphType<IsoDateGraphType>>("openedOn").Resolve(ctx => ctx.Source.OpenedOn);
        Field<IsoDateGraphType>("closedOn").Description("Set when the site was closed; it then leaves the registry.").Resolve(ctx => ctx.Source.ClosedOn);
        Field<NonNullGraphType<OrganismType>>("organism")
            .Resolve(ctx => ctx.Service<OrganismByIdLoader>().Load(ctx.Source.OrganismId)
                .Then(o => o ?? throw new InvalidOperationException($"Site {ctx.Source.Id} has no organism.")));
    }
}

public sealed class AddressType : ObjectGraphType<Address>
{
    public AddressType()
    {
        Name = "Address";
        Description = "A public postal address.";
        Field(a => a.Street, nullable: true);
        Field(a => a.PostalCode);
        Field(a => a.City);
        Field<NonNullGraphType<DepartmentType>>("department")
            .Resolve(ReferenceData.Resolver<Address, Department>((reference, a) => reference.Departments[a.DepartmentCode]));
        Field<NonNullGraphType<RegionType>>("region")
            .Resolve(ReferenceData.Resolver<Address, Region>((reference, a) => reference.RegionsByCode[reference.Departments[a.DepartmentCode].RegionCode]));
    }
}
