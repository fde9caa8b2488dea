using Clea.Data.Referentials;
using Clea.Graph.Common;
using Clea.Graph.Schema;
using GraphQL;
using GraphQL.Types;

namespace Clea.Graph.Referentials;

/// <summary>Public reference data: the certifications with their référentiels, the regions and départements.</summary>
public sealed class ReferentialQueries : IQueryFields
{
    public void AddTo(ObjectGraphType query)
    {
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<CertificationType>>>>("certifications")
            .WithComplexityImpact(1, 3)
            .Description("The three CléA certifications with their référentiels.")
            .AllowAnonymous()
            .ResolveAsync(async ctx => (await Reference(ctx)).Certifications);

        query.Field<CertificationType>("certification")
            .Description("One certification by code.")
            .AllowAnonymous()
            .Argument<NonNullGraphType<CertificationCodeEnum>>("code")
            .ResolveAsync(async ctx => (await Reference(ctx)).Certifications.SingleOrDefault(c => c.Code == ctx.GetArgument<CertificationCode>("code")));

        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<RegionType>>>>("regions")
            .WithComplexityImpact(1, 18)
            .Description("The 18 French regions with their départements.")
            .AllowAnonymous()
            .ResolveAsync(async ctx => (await Reference(ctx)).Regions);
    }

    private static Task<ReferenceData.Snapshot> Reference(IResolveFieldContext ctx)
        => ctx.Service<ReferenceData>().GetAsync();
}
