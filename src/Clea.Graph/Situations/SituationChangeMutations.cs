using Clea.Auth.Policies;
using Clea.Data.Registry;
using Clea.Data.Situations;
using Clea.Graph.Common;
using Clea.Graph.Schema;
using GraphQL;
using GraphQL.Types;

namespace Clea.Graph.Situations;

/// <summary>Organisms declare their changes of situation (<see cref="OrganismUpkeep"/>).</summary>
public sealed class SituationChangeMutations : IMutationFields
{
    public void AddTo(ObjectGraphType mutation)
        => mutation.Field<NonNullGraphType<SituationChangeType>>("declareSituationChange")
            .Description("Declares a change of your organism's situation (to be done within 30 days of it; today is the declaration date). A loss of Qualiopi ends EDOF eligibility from the day it occurred.")
            .AuthorizeWithPolicy(CleaPolicies.OrganismStaff)
            .Argument<NonNullGraphType<SituationChangeKindEnum>>("kind")
            .Argument<NonNullGraphType<IsoDateGraphType>>("occurredOn")
            .Argument<StringGraphType>("description")
            .ResolveAsync(async ctx => await ctx.Service<OrganismUpkeep>().DeclareSituationChangeAsync(ctx.GetArgument<SituationChangeKind>("kind"),
                ctx.GetArgument<DateOnly>("occurredOn"), ctx.GetArgument<string?>("description"), ctx.Caller(), ctx.CancellationToken));
}
