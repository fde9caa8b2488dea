using Clea.Auth.Policies;
using Clea.Data.Habilitations;
using Clea.Graph.Common;
using Clea.Graph.Referentials;
using Clea.Graph.Registry;
using Clea.Graph.Schema;
using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;

namespace Clea.Graph.Habilitations;

public sealed class HabilitationChangeKindEnum : EnumerationGraphType<HabilitationChangeKind>
{
    public HabilitationChangeKindEnum() => Name = "HabilitationChangeKind";
}

public sealed class HabilitationChangeType : ObjectGraphType<HabilitationChange>
{
    public HabilitationChangeType()
    {
        Name = "HabilitationChange";
        Description = "A recorded change of an habilitation. Expiry is not recorded: it follows from `validUntil`.";
        Field<NonNullGraphType<StringGraphType>>("sequence").Description("Position in the feed (increasing).")
            .Resolve(ctx => ctx.Source.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Field(c => c.Kind, type: typeof(NonNullGraphType<HabilitationChangeKindEnum>));
        Field<NonNullGraphType<IsoDateGraphType>>("effectiveOn").Description("The legal date the change takes effect.").Resolve(ctx => ctx.Source.EffectiveOn);
        Field<NonNullGraphType<HabilitationType>>("habilitation").Description("The habilitation as it stands now.")
            .Resolve(ctx => ctx.Service<HabilitationByIdLoader>().Load(ctx.Source.HabilitationId)
                .Then(h => h ?? throw new InvalidOperationException($"Change {ctx.Source.Id} has no habilitation.")));
    }
}

public sealed class HabilitationChangeConnectionType()
    : ConnectionGraphType<HabilitationChangeType, HabilitationChangeEdgeType, HabilitationChange>("HabilitationChange");

public sealed class HabilitationChangeEdgeType() : EdgeGraphType<HabilitationChangeType, HabilitationChange>("HabilitationChange");

/// <summary>
/// The integrators' change feed: every recorded habilitation change after a cursor, oldest first. An integrator keeps
/// the last <c>endCursor</c> and asks again later for what changed since.
/// </summary>
public sealed class ChangeFeedQueries : IQueryFields
{
    public void AddTo(ObjectGraphType query)
        => query.Field<NonNullGraphType<HabilitationChangeConnectionType>>("habilitationChanges")
            .Description("Habilitation changes recorded after the `after` cursor, oldest first (at most 100 a page): decisions and what follows them (filings are confidential). Integrators.")
            .AuthorizeWithPolicy(CleaPolicies.Integrator)
            .ForwardPaging()
            .Argument<CertificationCodeEnum>("certification")
            .ResolveAsync(async ctx =>
            {
                var page = PageRequest.From(ctx);
                var certification = ctx.GetArgument<Clea.Data.Referentials.CertificationCode?>("certification");
                var changes = ctx.Service<HabilitationChangeFeed>().Changes(certification);
                SortKey<HabilitationChange>[] keys = [new SortKey<HabilitationChange, long>(c => c.Id)];
                var result = await KeysetPaging.PageAsync(changes, keys, "sequence", page, ctx.CancellationToken);
                return new ConnectionPage<HabilitationChange>(result, ct => changes.CountAsync(ct));
            });
}
