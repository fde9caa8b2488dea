using Clea.Auth.Policies;
using Clea.Data;
using Clea.Data.Common;
using Clea.Data.Registry;
using Clea.Graph.Common;
using Clea.Graph.Schema;
using GraphQL;
using GraphQL.Types;

namespace Clea.Graph.Registry;

public sealed class ContactInput
{
    public string Name { get; set; } = "";
    public string Email { get; set; } = "";
    public string? Phone { get; set; }

    public Contact ToContact() => Contact.Create(Name, Email, Phone);
}

public sealed class ContactInputType : InputObjectGraphType<ContactInput>
{
    public ContactInputType()
    {
        Name = "ContactInput";
        Field(c => c.Name);
        Field(c => c.Email);
        Field(c => c.Phone, nullable: true);
    }
}

public sealed class AddSiteInput
{
    public string Siret { get; set; } = "";
    public string Name { get; set; } = "";
    public string? Street { get; set; }
    public string PostalCode { get; set; } = "";
    public string City { get; set; } = "";
    public string Department { get; set; } = "";
    public DateOnly? OpenedOn { get; set; }
}

public sealed class AddSiteInputType : InputObjectGraphType<AddSiteInput>
{
    public AddSiteInputType()
    {
        Name = "AddSiteInput";
        Field(s => s.Siret).Description("14 digits; its first 9 must be your organism's SIREN.");
        Field(s => s.Name);
        Field(s => s.Street, nullable: true);
        Field(s => s.PostalCode);
        Field(s => s.City);
        Field(s => s.Department).Description("INSEE code of the département (e.g. 69, 2A, 974).");
        Field(s => s.OpenedOn, type: typeof(IsoDateGraphType)).Description("Default today.");
    }
}

/// <summary>Organism staff keep their own organism's data current (convention §IV): contacts, turnover, sites.</summary>
public sealed class OrganismMutations : IMutationFields
{
    public void AddTo(ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<OrganismType>>("updateOrganismContacts")
            .Description("Your organism's main and billing contacts and headcount (to be kept current within 5 days of a change).")
            .AuthorizeWithPolicy(CleaPolicies.OrganismStaff)
            .Argument<NonNullGraphType<ContactInputType>>("mainContact")
            .Argument<ContactInputType>("billingContact")
            .Argument<IntGraphType>("headcount")
            .ResolveAsync(async ctx =>
            {
                var organism = await OwnOrganism.LoadTrackedAsync(ctx);
                organism.UpdateContacts(ctx.GetArgument<ContactInput>("mainContact").ToContact(),
                    ctx.GetArgument<ContactInput?>("billingContact")?.ToContact(), ctx.GetArgument<int?>("headcount"), ctx.Today());
                await Save(ctx);
                return organism;
            });

        mutation.Field<NonNullGraphType<OrganismType>>("declareTurnover")
            .Description("Declares (or corrects) your organism's turnover for a closed financial year.")
            .AuthorizeWithPolicy(CleaPolicies.OrganismStaff)
            .Argument<NonNullGraphType<IntGraphType>>("year")
            .Argument<NonNullGraphType<DecimalGraphType>>("amountEuros")
            .ResolveAsync(async ctx =>
            {
                var organism = await OwnOrganism.LoadTrackedAsync(ctx);
                organism.DeclareTurnover(ctx.GetArgument<int>("year"), ctx.GetArgument<decimal>("amountEuros"), ctx.Today());
                await Save(ctx);
                return organism;
            });

        mutation.Field<NonNullGraphType<SiteType>>("addSite")
            .Description("Lists a new site of your organism (same SIREN: no new application needed, but the list must be kept current).")
            .AuthorizeWithPolicy(CleaPolicies.OrganismStaff)
            .Argument<NonNullGraphType<AddSiteInputType>>("input")
            .ResolveAsync(async ctx =>
            {
                var input = ctx.GetArgument<AddSiteInput>("input");
                var reference = await ctx.RequestServices!.GetRequiredService<ReferenceData>().GetAsync();
                if (!reference.Departments.ContainsKey(input.Department))
                    throw GraphErrors.Argument(GraphErrors.UnknownDepartment, $"No département has INSEE code '{input.Department}'.");
                var organism = await OwnOrganism.LoadTrackedAsync(ctx);
                var site = organism.AddSite(Siret.Parse(input.Siret), input.Name,
                    Address.Create(input.Street, input.PostalCode, input.City, input.Department), input.OpenedOn ?? ctx.Today());
                await Save(ctx);
                return site;
            });

        mutation.Field<NonNullGraphType<SiteType>>("closeSite")
            .Description("Closes one of your sites from a date (default today): it leaves the public registry, its history stays.")
            .AuthorizeWithPolicy(CleaPolicies.OrganismStaff)
            .Argument<NonNullGraphType<StringGraphType>>("siret")
            .Argument<IsoDateGraphType>("closedOn")
            .ResolveAsync(async ctx =>
            {
                var siret = Siret.Parse(ctx.GetArgument<string>("siret"));
                var organism = await OwnOrganism.LoadTrackedAsync(ctx);
                var site = organism.CloseSite(siret, ctx.GetArgument<DateOnly?>("closedOn") ?? ctx.Today());
                await Save(ctx);
                return site;
            });
    }

    internal static Task Save(IResolveFieldContext ctx)
        => ctx.RequestServices!.GetRequiredService<CleaDbContext>().SaveChangesAsync(ctx.CancellationToken);
}
