using Clea.Auth.Policies;
using Clea.Data.Registry;
using Clea.Graph.Authorization;
using Clea.Graph.Common;
using Clea.Graph.Intervenants;
using Clea.Graph.Privacy;
using GraphQL;
using GraphQL.Types;

namespace Clea.Graph.Registry;

/// <summary>
/// An organism's non-public data (application form, identity sheet). Reached through <c>Organism.profile</c>, which only
/// the organism's staff, its Instances' staff, its auditors and administrators may read.
/// </summary>
public sealed class OrganismProfileType : ObjectGraphType<Organism>
{
    public OrganismProfileType()
    {
        Name = "OrganismProfile";
        this.AuthorizeWithPolicy(CleaPolicies.OrganismData);
        Description = "Non-public data of an organism: contacts, headcount, turnover, intervenants (personal data, reads are logged).";
        Field(o => o.DeclarationNumber, nullable: true).Description("Training-body declaration number (11 digits).");
        Field(o => o.Headcount, nullable: true);
        Field<IsoDateGraphType>("contactsUpdatedOn").Resolve(ctx => ctx.Source.ContactsUpdatedOn);
        Field<ContactType>("mainContact").Resolve(ctx => ctx.Source.MainContact);
        Field<ContactType>("billingContact").Resolve(ctx => ctx.Source.BillingContact);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<AnnualTurnoverType>>>>("turnover")
            .Description("Declared turnover per closed financial year, latest first.")
            .Resolve(ctx => ctx.Service<TurnoverByOrganismLoader>().Load(ctx.Source.Id));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<IntervenantType>>>>("intervenants")
            .Description("The organism's evaluators and trainers (personal data: every read is logged). Withdrawn ones only on request.")
            .Argument<BooleanGraphType>("includeWithdrawn", a => a.DefaultValue = false)
            .Resolve(ctx =>
            {
                var includeWithdrawn = ctx.GetArgument<bool>("includeWithdrawn");
                var today = ctx.Today();
                var log = ctx.Service<PersonalDataAccessLog>();
                var organism = ctx.Source;
                return ctx.Service<IntervenantsByOrganismLoader>().Load(organism.Id).Then(all =>
                {
                    var shown = all.Where(i => includeWithdrawn || i.IsActiveOn(today)).ToList();
                    log.Record(organism.Id, "OrganismProfile.intervenants", shown.Count);
                    return shown;
                });
            });
    }
}

public sealed class ContactType : ObjectGraphType<Contact>
{
    public ContactType()
    {
        Name = "Contact";
        this.AuthorizeWithPolicy(CleaPolicies.OrganismData);
        Description = "A person to reach at an organism (not public).";
        Field(c => c.Name);
        Field(c => c.Email);
        Field(c => c.Phone, nullable: true);
    }
}

public sealed class AnnualTurnoverType : ObjectGraphType<AnnualTurnover>
{
    public AnnualTurnoverType()
    {
        Name = "AnnualTurnover";
        this.AuthorizeWithPolicy(CleaPolicies.OrganismData);
        Field(t => t.Year);
        Field(t => t.AmountEuros).Description("Turnover in euros.");
    }
}

/// <summary>Adds <c>Organism.profile</c>: the policy says who may ask, <see cref="OrganismAccess"/> which organisms.</summary>
internal static class OrganismProfileField
{
    public static void AddTo(OrganismType organism)
        => organism.Field<OrganismProfileType>("profile")
            .Description("Non-public data: for the organism's staff, its Instances (a CPNE within its field), its auditors and administrators. " +
                "Null with an AUTH_NOT_AUTHORIZED error for an organism the caller may not see.")
            .AuthorizeWithPolicy(CleaPolicies.OrganismData)
            .ResolveAsync(async ctx =>
            {
                var organism = ctx.Source;
                var access = await ctx.Service<OrganismAccess>().CanSeeAsync(organism);
                return access.Then(allowed => allowed ? organism : throw OrganismAccess.Denied($"the private data of organism {organism.Siren}"));
            });
}
