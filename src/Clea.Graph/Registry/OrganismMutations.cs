using Clea.Auth.Policies;
using Clea.Data.Registry;
using Clea.Graph.Common;
using Clea.Graph.Schema;
using GraphQL;
using GraphQL.Types;

namespace Clea.Graph.Registry;

/// <summary>Organism staff keep their own organism's data current (convention §IV): contacts, turnover, sites (<see cref="OrganismUpkeep"/>).</summary>
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
            .ResolveAsync(async ctx => await ctx.Service<OrganismUpkeep>().UpdateContactsAsync(ctx.GetArgument<ContactInput>("mainContact").ToContact(),
                ctx.GetArgument<ContactInput?>("billingContact")?.ToContact(), ctx.GetArgument<int?>("headcount"), ctx.Caller(), ctx.CancellationToken));

        mutation.Field<NonNullGraphType<OrganismType>>("declareTurnover")
            .Description("Declares (or corrects) your organism's turnover for a closed financial year.")
            .AuthorizeWithPolicy(CleaPolicies.OrganismStaff)
            .Argument<NonNullGraphType<IntGraphType>>("year")
            .Argument<NonNullGraphType<DecimalGraphType>>("amountEuros")
            .ResolveAsync(async ctx => await ctx.Service<OrganismUpkeep>().DeclareTurnoverAsync(ctx.GetArgument<int>("year"), ctx.GetArgument<decimal>("amountEuros"),
                ctx.Caller(), ctx.CancellationToken));

        mutation.Field<NonNullGraphType<SiteType>>("addSite")
            .Description("Lists a new site of your organism (same SIREN: no new application needed, but the list must be kept current).")
            .AuthorizeWithPolicy(CleaPolicies.OrganismStaff)
            .Argument<NonNullGraphType<AddSiteInputType>>("input")
            .ResolveAsync(async ctx => await ctx.Service<OrganismUpkeep>().AddSiteAsync(ctx.GetArgument<SiteInput>("input"), ctx.Caller(), ctx.CancellationToken));

        mutation.Field<NonNullGraphType<SiteType>>("closeSite")
            .Description("Closes one of your sites from a date (default today): it leaves the public registry, its history stays.")
            .AuthorizeWithPolicy(CleaPolicies.OrganismStaff)
            .Argument<NonNullGraphType<StringGraphType>>("siret")
            .Argument<IsoDateGraphType>("closedOn")
            .ResolveAsync(async ctx => await ctx.Service<OrganismUpkeep>().CloseSiteAsync(ctx.GetArgument<string>("siret"), ctx.GetArgument<DateOnly?>("closedOn"),
                ctx.Caller(), ctx.CancellationToken));
    }
}
