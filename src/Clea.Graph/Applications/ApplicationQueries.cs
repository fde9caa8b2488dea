using Clea.Auth.Policies;
using Clea.Data.Applications;
using Clea.Data.Referentials;
using Clea.Graph.Common;
using Clea.Graph.Referentials;
using Clea.Graph.Schema;
using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using ApplicationFile = Clea.Data.Applications.Application;

namespace Clea.Graph.Applications;

/// <summary><c>campaigns</c> (public), <c>applications</c> and <c>application(id:)</c> (the organism, its Instance, administrators).</summary>
public sealed class ApplicationQueries : IQueryFields
{
    public void AddTo(ObjectGraphType query)
    {
        query.Field<NonNullGraphType<CampaignConnectionType>>("campaigns")
            .Description("Application campaigns, newest first (public information), paged. Filter by Instance, certification, or the campaigns open on a date.")
            .Argument<StringGraphType>("instance")
            .Argument<CertificationCodeEnum>("certification")
            .Argument<IsoDateGraphType>("openOn")
            .Argument<IntGraphType>("first")
            .Argument<StringGraphType>("after")
            .Argument<IntGraphType>("last")
            .Argument<StringGraphType>("before")
            .ResolveAsync(async ctx =>
            {
                var page = PageRequest.From(ctx);
                var campaigns = await ctx.Service<CampaignList>().FilterAsync(ctx.GetArgument<string?>("instance"),
                    ctx.GetArgument<CertificationCode?>("certification"), ctx.GetArgument<DateOnly?>("openOn"), ctx.CancellationToken);
                SortKey<Campaign>[] keys = [new SortKey<Campaign, DateOnly>(c => c.OpensOn) { Descending = true }, new SortKey<Campaign, int>(c => c.Id) { Descending = true }];
                var result = await KeysetPaging.PageAsync(campaigns, keys, "newest", page, ctx.CancellationToken);
                return new ConnectionPage<Campaign>(result, ct => campaigns.CountAsync(ct));
            });

        query.Field<NonNullGraphType<ApplicationConnectionType>>("applications")
            .Description("Application files, newest first: an organism's own, its Instance's for instance staff, all for administrators.")
            .AuthorizeWithPolicy(CleaPolicies.ApplicationReader)
            .Argument<ApplicationStatusEnum>("status")
            .Argument<StringGraphType>("campaign")
            .Paging()
            .ResolveAsync(async ctx =>
            {
                var page = PageRequest.From(ctx);
                var files = await ctx.Service<ApplicationFiles>().VisibleAsync(ctx.Caller(), ctx.CancellationToken);
                if (ctx.GetArgument<ApplicationStatus?>("status") is { } status) files = files.Where(a => a.Status == status);
                if (ctx.GetArgument<string?>("campaign") is { } campaign) files = files.Where(a => a.Campaign.Code == campaign);
                SortKey<ApplicationFile>[] keys = [new SortKey<ApplicationFile, int>(a => a.Id) { Descending = true }];
                var rows = files.WithSummary();
                var result = await KeysetPaging.PageAsync(rows, keys, "newest", page, ctx.CancellationToken);
                return new ConnectionPage<ApplicationFile>(result, ct => files.CountAsync(ct));
            });

        query.Field<ApplicationGraphType>("application")
            .Description("One application file, when visible to you.")
            .AuthorizeWithPolicy(CleaPolicies.ApplicationReader)
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .ResolveAsync(async ctx =>
            {
                var id = NodeIds.Parse(NodeIds.Application, ctx.GetArgument<string>("id"));
                return await ctx.Service<ApplicationFiles>().FindVisibleAsync(id, ctx.Caller(), ctx.CancellationToken) ?? throw ApplicationFiles.NotFound();
            });
    }
}
