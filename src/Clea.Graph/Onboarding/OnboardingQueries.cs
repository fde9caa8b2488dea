using Clea.Auth.Policies;
using Clea.Data.Onboarding;
using Clea.Data.Users;
using Clea.Graph.Common;
using Clea.Graph.Schema;
using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;

namespace Clea.Graph.Onboarding;

/// <summary><c>organismAccounts</c> and <c>organismInvitations</c>: your organism's people, for its administrators (paged).</summary>
public sealed class OnboardingQueries : IQueryFields
{
    public void AddTo(ObjectGraphType query)
    {
        query.Field<NonNullGraphType<OrganismAccountConnectionType>>("organismAccounts")
            .Description("The accounts of your organism (revoked ones too, with revokedAt), by e-mail. Organism administrators only.")
            .AuthorizeWithPolicy(CleaPolicies.OrganismAdministrator)
            .ForwardPaging()
            .ResolveAsync(async ctx =>
            {
                var rows = await ctx.Service<OrganismAccounts>().AccountsAsync(ctx.Caller(), ctx.CancellationToken);
                SortKey<User>[] keys = [new SortKey<User, string>(u => u.Email), new SortKey<User, int>(u => u.Id)];
                var page = await KeysetPaging.PageAsync(rows, keys, "email", PageRequest.From(ctx), ctx.CancellationToken);
                return new ConnectionPage<User>(page, ct => rows.CountAsync(ct));
            });

        query.Field<NonNullGraphType<OrganismInvitationConnectionType>>("organismInvitations")
            .Description("The invitations of your organism, newest first, whatever their status. Organism administrators only.")
            .AuthorizeWithPolicy(CleaPolicies.OrganismAdministrator)
            .ForwardPaging()
            .ResolveAsync(async ctx =>
            {
                var rows = await ctx.Service<OrganismAccounts>().InvitationsAsync(ctx.Caller(), ctx.CancellationToken);
                SortKey<Invitation>[] keys = [new SortKey<Invitation, int>(i => i.Id) { Descending = true }];
                var page = await KeysetPaging.PageAsync(rows, keys, "newest", PageRequest.From(ctx), ctx.CancellationToken);
                return new ConnectionPage<Invitation>(page, ct => rows.CountAsync(ct));
            });
    }
}
