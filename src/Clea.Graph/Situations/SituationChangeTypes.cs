using Clea.Data.Registry;
using Clea.Auth.Policies;
using Clea.Data;
using Clea.Data.Situations;
using Clea.Graph.Authorization;
using Clea.Graph.Common;
using Clea.Graph.Registry;
using Clea.Graph.Schema;
using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;

namespace Clea.Graph.Situations;

public sealed class SituationChangeKindEnum : EnumerationGraphType<SituationChangeKind>
{
    public SituationChangeKindEnum()
    {
        Name = "SituationChangeKind";
        Description = "A change of situation to declare within 30 days (convention §III.7). RECEIVERSHIP covers liquidation, receivership and safeguard proceedings.";
    }
}

public sealed class SituationChangeType : ObjectGraphType<SituationChange>
{
    public SituationChangeType()
    {
        Name = "SituationChange";
        Description = "A change of situation declared by an organism. Organism staff, instance staff (a CPNE within its field) and administrators.";
        this.AuthorizeWithPolicy(CleaPolicies.OrganismData);
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(ctx => NodeIds.Encode(NodeIds.SituationChange, ctx.Source.Id));
        Field(c => c.Kind, type: typeof(NonNullGraphType<SituationChangeKindEnum>));
        Field<NonNullGraphType<IsoDateGraphType>>("occurredOn").Resolve(ctx => ctx.Source.OccurredOn);
        Field<NonNullGraphType<IsoDateGraphType>>("declaredOn").Resolve(ctx => ctx.Source.DeclaredOn);
        Field<NonNullGraphType<IsoDateGraphType>>("declarationDueOn").Description("Last day to declare it in time (30 days after it occurred).")
            .Resolve(ctx => ctx.Source.DeclarationDueOn);
        Field(c => c.Late).Description("Declared after `declarationDueOn`.");
        Field(c => c.Description, nullable: true);
        Field<NonNullGraphType<OrganismType>>("organism")
            .Resolve(ctx => ctx.RequestServices!.GetRequiredService<OrganismByIdLoader>().Load(ctx.Source.OrganismId).Then(o => o!));
    }
}

public sealed class SituationChangeConnectionType()
    : ConnectionGraphType<SituationChangeType, SituationChangeEdgeType, SituationChange>("SituationChange");

public sealed class SituationChangeEdgeType() : EdgeGraphType<SituationChangeType, SituationChange>("SituationChange");

/// <summary>Organisms declare their changes of situation; Instance staff list them, late ones first to chase.</summary>
public sealed class SituationChangeFields : IMutationFields, IQueryFields
{
    void IMutationFields.AddTo(ObjectGraphType mutation)
        => mutation.Field<NonNullGraphType<SituationChangeType>>("declareSituationChange")
            .Description("Declares a change of your organism's situation (to be done within 30 days of it; today is the declaration date). A loss of Qualiopi ends EDOF eligibility from the day it occurred.")
            .AuthorizeWithPolicy(CleaPolicies.OrganismStaff)
            .Argument<NonNullGraphType<SituationChangeKindEnum>>("kind")
            .Argument<NonNullGraphType<IsoDateGraphType>>("occurredOn")
            .Argument<StringGraphType>("description")
            .ResolveAsync(async ctx => await ctx.Service<OrganismUpkeep>().DeclareSituationChangeAsync(ctx.GetArgument<SituationChangeKind>("kind"),
                ctx.GetArgument<DateOnly>("occurredOn"), ctx.GetArgument<string?>("description"), ctx.Caller(), ctx.CancellationToken));

    void IQueryFields.AddTo(ObjectGraphType query)
        => query.Field<NonNullGraphType<SituationChangeConnectionType>>("situationChanges")
            .Description("Declared changes of situation, newest first. Instance staff (a CPNE: organisms of its field) and administrators.")
            .AuthorizeWithPolicy(CleaPolicies.Oversight)
            .Argument<IntGraphType>("first").Argument<StringGraphType>("after")
            .Argument<BooleanGraphType>("late", "Only late (true) or only timely (false) declarations.")
            .Argument<StringGraphType>("siren", "Only this organism's.")
            .ResolveAsync(async ctx =>
            {
                var page = PageRequest.From(ctx);
                var db = ctx.RequestServices!.GetRequiredService<CleaDbContext>();
                var changes = db.SituationChanges.AsNoTracking();
                if ((await ctx.ScopeAsync()).VisibleOrganismIds(db) is { } visible) changes = changes.Where(c => visible.Contains(c.OrganismId));
                if (ctx.GetArgument<bool?>("late") is { } late) changes = changes.Where(c => c.Late == late);
                if (ctx.GetArgument<string?>("siren") is { } text)
                {
                    var siren = Clea.Data.Registry.Siren.Parse(text);
                    changes = changes.Where(c => c.Organism.Siren == siren);
                }
                SortKey<SituationChange>[] keys = [new SortKey<SituationChange, int>(c => c.Id) { Descending = true }];
                var result = await KeysetPaging.PageAsync(changes, keys, "newest", page, ctx.CancellationToken);
                return new ConnectionPage<SituationChange>(result, ct => changes.CountAsync(ct));
            });
}
