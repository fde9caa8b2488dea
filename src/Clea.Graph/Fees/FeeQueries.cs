using Clea.Auth.Policies;
using Clea.Data.Fees;
using Clea.Data.Registry;
using Clea.Graph.Common;
using Clea.Graph.Schema;
using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;

namespace Clea.Graph.Fees;

/// <summary>
/// The fee ledger's root fields (<see cref="FeeLedger"/>): the grid by year (public), fee lines and quarterly invoices
/// (the organism its own, Certif Pro staff and administrators all, a CPNE its field).
/// </summary>
public sealed class FeeQueries : IQueryFields
{
    public void AddTo(ObjectGraphType query)
    {
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<FeeTariffType>>>>("feeTariffs")
            .Description("The fee grid in force in a year (default: this year): for each fee, the newest row of that year or before.")
            .AllowAnonymous()
            .Argument<IntGraphType>("year")
            .ResolveAsync(async ctx => await ctx.Service<FeeLedger>().TariffsInForceAsync(ctx.GetArgument<int?>("year") ?? ctx.Today().Year, ctx.CancellationToken));

        query.Field<NonNullGraphType<InvoiceConnectionType>>("invoices")
            .Description("Invoices, newest first: organism staff their own; Certif Pro staff and administrators all; a CPNE its field.")
            .AuthorizeWithPolicy(CleaPolicies.OrganismData)
            .ForwardPaging()
            .Argument<StringGraphType>("siren", "Only this organism's.")
            .Argument<BooleanGraphType>("overdue", "Only unpaid invoices past their due date (true), or only the others (false).")
            .ResolveAsync(async ctx =>
            {
                var page = PageRequest.From(ctx);
                var invoices = await ctx.Service<FeeLedger>().InvoicesAsync(OptionalSiren(ctx), ctx.GetArgument<bool?>("overdue"), ctx.Caller(), ctx.CancellationToken);
                SortKey<Invoice>[] keys = [new SortKey<Invoice, int>(i => i.Id) { Descending = true }];
                var result = await KeysetPaging.PageAsync(invoices, keys, "newest", page, ctx.CancellationToken);
                return new ConnectionPage<Invoice>(result, ct => invoices.CountAsync(ct));
            });

        query.Field<NonNullGraphType<FeeLineConnectionType>>("feeLines")
            .Description("Fee lines, newest first: organism staff their own; Certif Pro staff and administrators all; a CPNE its field.")
            .AuthorizeWithPolicy(CleaPolicies.OrganismData)
            .ForwardPaging()
            .Argument<StringGraphType>("siren", "Only this organism's.")
            .Argument<BooleanGraphType>("invoiced", "Only invoiced lines (true) or only lines not invoiced yet (false).")
            .ResolveAsync(async ctx =>
            {
                var page = PageRequest.From(ctx);
                var lines = await ctx.Service<FeeLedger>().LinesAsync(OptionalSiren(ctx), ctx.GetArgument<bool?>("invoiced"), ctx.Caller(), ctx.CancellationToken);
                SortKey<FeeLine>[] keys = [new SortKey<FeeLine, long>(l => l.Id) { Descending = true }];
                var result = await KeysetPaging.PageAsync(lines, keys, "newest", page, ctx.CancellationToken);
                return new ConnectionPage<FeeLine>(result, ct => lines.CountAsync(ct));
            });
    }

    private static Siren? OptionalSiren(IResolveFieldContext ctx) => ctx.GetArgument<string?>("siren") is { } text ? Siren.Parse(text) : null;
}
