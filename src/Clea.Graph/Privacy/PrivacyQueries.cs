using Clea.Auth.Policies;
using Clea.Data.Privacy;
using Clea.Data.Registry;
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
            .Paging()
            .ResolveAsync(async ctx =>
            {
                var page = PageRequest.From(ctx);
                var siren = Siren.Parse(ctx.GetArgument<string>("siren"));
                var rows = await ctx.Service<PersonalDataAccessQuery>().OfAsync(siren, ctx.Caller(), ctx.CancellationToken);
                SortKey<PersonalDataAccess>[] keys = [new SortKey<PersonalDataAccess, long>(a => a.Id) { Descending = true }];
                var result = await KeysetPaging.PageAsync(rows, keys, "newest", page, ctx.CancellationToken);
                return new ConnectionPage<PersonalDataAccess>(result, ct => rows.CountAsync(ct));
            });
}
