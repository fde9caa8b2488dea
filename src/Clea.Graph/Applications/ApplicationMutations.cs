using Clea.Auth.Policies;
using Clea.Data.Applications;
using Clea.Graph.Common;
using Clea.Graph.Schema;
using GraphQL;
using GraphQL.Types;

namespace Clea.Graph.Applications;

/// <summary>Organism staff file applications, answer requests for information and appeal refusals (always as their own organism): <see cref="FileApplication"/>.</summary>
public sealed class ApplicationMutations : IMutationFields
{
    public void AddTo(ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<ApplicationGraphType>>("fileApplication")
            .Description("Files an application in an open campaign (accepting the convention): receipt numbered, a pending habilitation per candidate, and for Certif Pro 330 € per candidate organism. A refused candidate files again only from the next campaign (REAPPLY_FROM_NEXT_CAMPAIGN); Numérique and Management are filed to train and evaluate (SCOPE_NOT_ALLOWED).")
            .AuthorizeWithPolicy(CleaPolicies.OrganismStaff)
            .Argument<NonNullGraphType<FileApplicationInputType>>("input")
            .ResolveAsync(async ctx => await ctx.Service<FileApplication>().FileAsync(ctx.GetArgument<FileApplicationInput>("input"), ctx.Caller(), ctx.CancellationToken));

        mutation.Field<NonNullGraphType<ApplicationGraphType>>("answerInformationRequest")
            .Description("Answers the open request for information of your file. The administrative part is taken again from your registry profile (contacts, turnover, identity); sites and intervenants are replaced when given.")
            .AuthorizeWithPolicy(CleaPolicies.OrganismStaff)
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .Argument<NonNullGraphType<StringGraphType>>("answer")
            .Argument<TechnicalPartInputType>("technical")
            .Argument<ListGraphType<NonNullGraphType<CandidateInputType>>>("candidates", "Sites per candidate, replacing those filed.")
            .Argument<ListGraphType<NonNullGraphType<IntervenantSnapshotInputType>>>("intervenants")
            .ResolveAsync(async ctx => await ctx.Service<FileApplication>().AnswerInformationRequestAsync(
                NodeIds.Parse(NodeIds.Application, ctx.GetArgument<string>("id")), ctx.GetArgument<string>("answer"),
                ctx.GetArgument<TechnicalPartInput?>("technical"), ctx.GetArgument<List<CandidateInput>?>("candidates"),
                ctx.GetArgument<List<IntervenantSnapshotInput>?>("intervenants"), ctx.Caller(), ctx.CancellationToken));

        mutation.Field<NonNullGraphType<ApplicationGraphType>>("fileAppeal")
            .Description("Appeals a refusal of your file with a reasoned note, within 30 working days of its notification: for the candidate named by `siren` (a network file's candidates appeal one by one), by default for every refused candidate that has not appealed.")
            .AuthorizeWithPolicy(CleaPolicies.OrganismStaff)
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .Argument<NonNullGraphType<StringGraphType>>("grounds")
            .Argument<StringGraphType>("siren", "The refused candidate that appeals (default: every refused candidate without an appeal).")
            .ResolveAsync(async ctx => await ctx.Service<FileApplication>().FileAppealAsync(
                NodeIds.Parse(NodeIds.Application, ctx.GetArgument<string>("id")), ctx.GetArgument<string>("grounds"), ctx.GetArgument<string?>("siren"),
                ctx.Caller(), ctx.CancellationToken));
    }
}
