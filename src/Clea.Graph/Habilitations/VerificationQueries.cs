using System.Collections;
using Clea.Auth.Policies;
using Clea.Data.Common;
using Clea.Data.Habilitations;
using Clea.Data.Referentials;
using Clea.Graph.Common;
using Clea.Graph.Referentials;
using Clea.Graph.Schema;
using GraphQL;
using GraphQL.Types;
using GraphQL.Validation.Complexity;

namespace Clea.Graph.Habilitations;

/// <summary>
/// <c>verifyHabilitation</c>: what CPF/EDOF integrators call before listing or funding a CléA offer; and
/// <c>verifyHabilitations</c>, the same for up to <see cref="MaxItems"/> identifiers at once.
/// </summary>
public sealed class VerificationQueries : IQueryFields
{
    /// <summary>Most requests one bulk verification may carry.</summary>
    public const int MaxItems = 500;

    public void AddTo(ObjectGraphType query)
    {
        query.Field<NonNullGraphType<HabilitationCheckType>>("verifyHabilitation")
            .Description("Is this organism (SIREN) or site (SIRET) habilitated for the certification on the date (default today)? " +
                "Give exactly one of siren or siret. A malformed identifier is an error (INVALID_SIREN, INVALID_SIRET), never 'not found'.")
            .AllowAnonymous()
            .Argument<StringGraphType>("siren")
            .Argument<StringGraphType>("siret")
            .Argument<NonNullGraphType<CertificationCodeEnum>>("certification")
            .Argument<IsoDateGraphType>("on")
            .ResolveAsync(async ctx => await VerifyOneAsync(ctx));

        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<HabilitationCheckType>>>>("verifyHabilitations")
            .Description($"verifyHabilitation for up to {MaxItems} organisms or sites at once (integrators): one answer per request, in the " +
                "order of the requests. A malformed request does not fail the batch: its answer is not habilitated and carries an " +
                $"`error` (INVALID_SIREN, INVALID_SIRET, INVALID_ARGUMENTS). More than {MaxItems} requests is an error (TOO_MANY_ITEMS).")
            .AuthorizeWithPolicy(CleaPolicies.Integrator)
            .Argument<NonNullGraphType<ListGraphType<NonNullGraphType<VerificationRequestInput>>>>("requests")
            .Argument<NonNullGraphType<CertificationCodeEnum>>("certification")
            .Argument<IsoDateGraphType>("on")
            // Each answer costs its selection: count the batch's actual size (capped, so that an oversized batch gets the
            // clearer TOO_MANY_ITEMS rather than a complexity error).
            .WithComplexityImpact(ctx => new FieldComplexityResult(1, Math.Min(RequestCount(ctx), MaxItems)))
            .ResolveAsync(async ctx => await VerifyManyAsync(ctx));
    }

    private static async Task<HabilitationCheck> VerifyOneAsync(IResolveFieldContext ctx)
    {
        var request = new VerificationRequest { Siren = ctx.GetArgument<string?>("siren"), Siret = ctx.GetArgument<string?>("siret") };
        var check = (await VerifyAsync(ctx, [request]))[0];
        // Alone, a malformed identifier is the caller's error, not an answer.
        return check.Error is { } error ? throw GraphErrors.Argument(error.Code, error.Message) : check;
    }

    private static async Task<IReadOnlyList<HabilitationCheck>> VerifyManyAsync(IResolveFieldContext ctx)
    {
        var requests = ctx.GetArgument<List<VerificationRequest>>("requests");
        if (requests.Count > MaxItems)
            throw GraphErrors.Argument(GraphErrors.TooManyItems, $"At most {MaxItems} requests per call; this one has {requests.Count}. Split the batch.");
        return await VerifyAsync(ctx, requests);
    }

    private static async Task<IReadOnlyList<HabilitationCheck>> VerifyAsync(IResolveFieldContext ctx, IReadOnlyList<VerificationRequest> requests)
    {
        var certification = ctx.GetArgument<CertificationCode>("certification");
        var on = ctx.GetArgument<DateOnly?>("on") ?? ctx.Today();
        // Undecided applications are confidential: to anyone else they answer as "holds no habilitation".
        // Organisms outside the public registry (no decided file yet) answer as unknown ones, unless the caller's scope covers them.
        var pending = ctx.Service<PendingApplications>();
        var seesAll = await pending.SeesAllAsync();
        return await ctx.Service<HabilitationVerifier>().VerifyAsync(requests, certification, on, ctx.CancellationToken,
            seesAll ? null : pending.FilterAsync,
            seesAll ? null : await ctx.Service<Clea.Data.Registry.PublicRegistry>().SeesUnlistedPredicateAsync(ctx.CancellationToken));
    }

    private static int RequestCount(FieldImpactContext ctx)
        => ctx.Arguments?.TryGetValue("requests", out var requests) == true && requests.Value is ICollection items ? items.Count : MaxItems;
}
