using Clea.Auth.Policies;
using Clea.Data;
using Clea.Data.Common;
using Clea.Data.Intervenants;
using Clea.Graph.Common;
using Clea.Graph.Registry;
using Clea.Graph.Schema;
using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;

namespace Clea.Graph.Intervenants;

public sealed class DeclareIntervenantInput
{
    public string FirstName { get; set; } = "";
    public string LastName { get; set; } = "";
    public bool Evaluator { get; set; }
    public bool Trainer { get; set; }
    public List<string>? Qualifications { get; set; }
    public bool RemoteEvaluation { get; set; }
}

public sealed class DeclareIntervenantInputType : InputObjectGraphType<DeclareIntervenantInput>
{
    public DeclareIntervenantInputType()
    {
        Name = "DeclareIntervenantInput";
        Field(i => i.FirstName);
        Field(i => i.LastName);
        Field(i => i.Evaluator).Description("Evaluates candidates (may sit on the jury).");
        Field(i => i.Trainer).Description("Trains candidates (never that candidate's evaluator).");
        Field(i => i.Qualifications, nullable: true).Description("Diplomas, certifications, relevant experience.");
        Field(i => i.RemoteEvaluation).DefaultValue(false).Description("Competent for remote evaluation (evaluators only).");
    }
}

/// <summary>Organism staff declare and withdraw their evaluators and trainers.</summary>
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
                var organism = await OwnOrganism.LoadTrackedAsync(ctx);
                var intervenant = Intervenant.Declare(organism, input.FirstName, input.LastName, input.Evaluator, input.Trainer,
                    input.Qualifications ?? [], input.RemoteEvaluation, ctx.Today());
                ctx.RequestServices!.GetRequiredService<CleaDbContext>().Intervenants.Add(intervenant);
                await OrganismMutations.Save(ctx);
                return intervenant;
            });

        mutation.Field<NonNullGraphType<IntervenantType>>("withdrawIntervenant")
            .Description("An intervenant leaves your organism's team from a date (default today); the history stays.")
            .AuthorizeWithPolicy(CleaPolicies.OrganismStaff)
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .Argument<IsoDateGraphType>("on")
            .ResolveAsync(async ctx =>
            {
                var id = ctx.GetArgument<string>("id");
                if (!GlobalId.TryDecode(id, out var type, out var key) || type != "Intervenant" || !int.TryParse(key, out var intervenantId))
                    throw GraphErrors.Argument(GraphErrors.InvalidId, $"'{id}' is not an intervenant id issued by this API.");
                var organism = await OwnOrganism.LoadTrackedAsync(ctx);
                // Another organism's intervenant is indistinguishable from a missing one.
                var intervenant = await ctx.RequestServices!.GetRequiredService<CleaDbContext>().Intervenants
                    .SingleOrDefaultAsync(i => i.Id == intervenantId && i.OrganismId == organism.Id, ctx.CancellationToken)
                    ?? throw new DomainRuleException(IntervenantErrors.NotFound, "Your organism has no intervenant with this id.");
                intervenant.Withdraw(ctx.GetArgument<DateOnly?>("on") ?? ctx.Today());
                await OrganismMutations.Save(ctx);
                return intervenant;
            });
    }
}
