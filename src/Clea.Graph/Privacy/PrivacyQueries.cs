using Clea.Auth.Policies;
using Clea.Data;
using Clea.Data.Privacy;
using Clea.Data.Registry;
using Clea.Graph.Authorization;
using Clea.Graph.Common;
using Clea.Graph.Schema;
using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;

namespace Clea.Graph.Privacy;

public sealed class PersonalDataAccessType : ObjectGraphType<PersonalDataAccess>
{
    public PersonalDataAccessType()
    {
        Name = "PersonalDataAccess";
        this.AuthorizeWithPolicy(CleaPolicies.InstanceStaff);
        Description = "One read of an organism's personal data: who, when, what.";
        Field<NonNullGraphType<DateTimeGraphType>>("at").Description("UTC instant of the read.").Resolve(ctx => DateTime.SpecifyKind(ctx.Source.At, DateTimeKind.Utc));
        Field(a => a.Subject).Description("The reader's user or client id.");
        Field(a => a.Role).Description("The reader's role.");
        Field(a => a.What).Description("What was read (schema path).");
        Field(a => a.Records).Description("How many records were returned.");
    }
}

public sealed class PersonalDataAccessConnectionType()
    : ConnectionGraphType<PersonalDataAccessType, PersonalDataAccessEdgeType, PersonalDataAccess>("PersonalDataAccess");

public sealed class PersonalDataAccessEdgeType() : EdgeGraphType<PersonalDataAccessType, PersonalDataAccess>("PersonalDataAccess");

/// <summary>The personal-data access log of an organism, newest first, for instance staff within their scope.</summary>
public sealed class PrivacyQueries : IQueryFields
{
    public void AddTo(ObjectGraphType query)
        => query.Field<NonNullGraphType<PersonalDataAccessConnectionType>>("personalDataAccesses")
            .Description("Who read an organism's personal data, when and what (newest first). Instance staff, within their scope.")
            .AuthorizeWithPolicy(CleaPolicies.InstanceStaff)
            .Argument<NonNullGraphType<StringGraphType>>("siren")
            .Argument<IntGraphType>("first")
            .Argument<StringGraphType>("after")
            .Argument<IntGraphType>("last")
            .Argument<StringGraphType>("before")
            .ResolveAsync(async ctx =>
            {
                var page = PageRequest.From(ctx);
                var siren = Siren.Parse(ctx.GetArgument<string>("siren"));
                var db = ctx.RequestServices!.GetRequiredService<CleaDbContext>();
                var organism = await db.Organisms.AsNoTracking().SingleOrDefaultAsync(o => o.Siren == siren, ctx.CancellationToken);
                var files = organism is null ? [] : await db.Habilitations.AsNoTracking().Where(h => h.OrganismId == organism.Id).ToListAsync(ctx.CancellationToken);
                if (organism is null || !(await ctx.ScopeAsync()).Sees(organism, files))
                    throw OrganismAccess.Denied($"the access log of organism {siren}");
                var rows = db.PersonalDataAccesses.AsNoTracking().Where(a => a.OrganismId == organism.Id);
                SortKey<PersonalDataAccess>[] keys = [new SortKey<PersonalDataAccess, long>(a => a.Id) { Descending = true }];
                var result = await KeysetPaging.PageAsync(rows, keys, "newest", page, ctx.CancellationToken);
                return new ConnectionPage<PersonalDataAccess>(result, ct => rows.CountAsync(ct));
            });
}
