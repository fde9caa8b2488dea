using Clea.Auth.Policies;
using Clea.Data.Situations;
using Clea.Graph.Common;
using Clea.Graph.Registry;
using GraphQL;
using GraphQL.Types;

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
            .Resolve(ctx => ctx.Service<OrganismByIdLoader>().Load(ctx.Source.OrganismId).Then(o => o!));
    }
}

public sealed class SituationChangeConnectionType()
    : ConnectionGraphType<SituationChangeType, SituationChangeEdgeType, SituationChange>("SituationChange");

public sealed class SituationChangeEdgeType() : EdgeGraphType<SituationChangeType, SituationChange>("SituationChange");
