using Clea.Auth.Policies;
using Clea.Data.Registry;
using Clea.Graph.Common;
using Clea.Graph.Schema;
using GraphQL;
using GraphQL.Types;

namespace Clea.Graph.Intervenants;

/// <summary>Organism staff declare and withdraw their evaluators and trainers (<see cref="OrganismUpkeep"/>).</summary>
public sealed class IntervenantMutations : IMutationFields
{
    public void AddTo(ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<IntervenantType>>("declareIntervenant")
            .Description("Declares an evaluator and/or trainer of your organism.")
            .AuthorizeWithPolicy(CleaPolicies.OrganismStaff)
            .Argument<NonNullGraphType<DeclareIntervenantInputType>>("input")
            .ResolveAsync(async ctx =>
            {
                var input = ctx.GetArgument<DeclareIntervenantInput>("input");
                return await ctx.Service<OrganismUpkeep>().DeclareIntervenantAsync(input.FirstName, input.LastName, input.Evaluator, input.Trainer,
                    input.Qualifications ?? [], input.RemoteEvaluation, ctx.Caller(), ctx.CancellationToken);
            });

        mutation.Field<NonNullGraphType<IntervenantType>>("withdrawIntervenant")
            .Description("An intervenant leaves your organism's team from a date (default today); the history stays.")
            .AuthorizeWithPolicy(CleaPolicies.OrganismStaff)
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .Argument<IsoDateGraphType>("on")
            .ResolveAsync(async ctx => await ctx.Service<OrganismUpkeep>().WithdrawIntervenantAsync(NodeIds.Parse(NodeIds.Intervenant, ctx.GetArgument<string>("id")),
                ctx.GetArgument<DateOnly?>("on"), ctx.Caller(), ctx.CancellationToken));
    }
}
