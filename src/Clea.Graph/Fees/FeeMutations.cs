using Clea.Auth.Policies;
using Clea.Data.Fees;
using Clea.Graph.Common;
using Clea.Graph.Schema;
using GraphQL;
using GraphQL.Types;

namespace Clea.Graph.Fees;

/// <summary>
/// Issuing a quarter and recording payments (Certif Pro staff and administrators), setting a year's grid
/// (administrators): <see cref="FeeLedger"/>.
/// </summary>
public sealed class FeeMutations : IMutationFields
{
    public void AddTo(ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<ListGraphType<NonNullGraphType<FeeTariffType>>>>("setFeeGrid")
            .Description("Sets amounts of the fee grid in force from a year (the board may change it every year). Fees already accrued keep their amount. Administrators.")
            .AuthorizeWithPolicy(CleaPolicies.Administrator)
            .Argument<NonNullGraphType<IntGraphType>>("year")
            .Argument<NonNullGraphType<ListGraphType<NonNullGraphType<FeeAmountInputType>>>>("amounts")
            .ResolveAsync(async ctx => await ctx.Service<FeeLedger>().SetGridAsync(ctx.GetArgument<int>("year"), ctx.GetArgument<List<FeeAmount>>("amounts"),
                ctx.CancellationToken));

        mutation.Field<NonNullGraphType<ListGraphType<NonNullGraphType<InvoiceType>>>>("issueInvoices")
            .Description("Issues a past quarter's invoices today: one per organism with fee lines not invoiced yet, unless it already has this quarter's invoice (running it again issues nothing). Certif Pro staff and administrators.")
            .AuthorizeWithPolicy(CleaPolicies.Oversight)
            .Argument<NonNullGraphType<IntGraphType>>("year")
            .Argument<NonNullGraphType<IntGraphType>>("quarter")
            .ResolveAsync(async ctx => await ctx.Service<FeeLedger>().IssueInvoicesAsync(ctx.GetArgument<int>("year"), ctx.GetArgument<int>("quarter"),
                ctx.Caller(), ctx.CancellationToken));

        mutation.Field<NonNullGraphType<InvoiceType>>("markInvoicePaid")
            .Description("Records the payment of an invoice (default today). Certif Pro staff and administrators.")
            .AuthorizeWithPolicy(CleaPolicies.Oversight)
            .Argument<NonNullGraphType<StringGraphType>>("number")
            .Argument<IsoDateGraphType>("paidOn")
            .ResolveAsync(async ctx => await ctx.Service<FeeLedger>().MarkPaidAsync(ctx.GetArgument<string>("number"), ctx.GetArgument<DateOnly?>("paidOn"),
                ctx.Caller(), ctx.CancellationToken));
    }
}
