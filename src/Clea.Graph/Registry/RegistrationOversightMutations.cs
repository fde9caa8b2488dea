using Clea.Auth.Policies;
using Clea.Data.Registry;
using Clea.Graph.Common;
using Clea.Graph.Schema;
using GraphQL;
using GraphQL.Types;

namespace Clea.Graph.Registry;

/// <summary>Certif Pro staff correct, merge, block and unblock registrations (<see cref="OrganismRegistrations"/>).</summary>
public sealed class RegistrationOversightMutations : IMutationFields
{
    public void AddTo(ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<OrganismRegistrationType>>("correctOrganismRegistration")
            .Description("Corrects a registration's legal name, NAF code, declaration number, Qualiopi or head-office address; each changed field is a REGISTRATION_CORRECTED event with who and why. Certif Pro staff and administrators.")
            .AuthorizeWithPolicy(CleaPolicies.Oversight)
            .Argument<NonNullGraphType<CorrectOrganismRegistrationInput>>("input")
            .ResolveAsync(async ctx =>
            {
                var input = ctx.GetArgument<RegistrationCorrectionInput>("input");
                return await ctx.Service<OrganismRegistrations>().CorrectAsync(input.Siren, input.ToCorrection(), ctx.Caller(), ctx.CancellationToken);
            });

        mutation.Field<NonNullGraphType<OrganismMergeType>>("mergeOrganisms")
            .Description("Merges a duplicate record (e.g. a mistyped SIREN) into the one to keep: its people's accounts move (and its contacts when the kept record has none), its open sites close (their SIRETs carry the wrong SIREN), it is marked MERGED; events on both. Refused with MERGE_CONFLICT when the duplicate holds habilitation files, applications or candidates. Certif Pro staff and administrators.")
            .AuthorizeWithPolicy(CleaPolicies.Oversight)
            .Argument<NonNullGraphType<StringGraphType>>("keep", "SIREN of the record to keep.")
            .Argument<NonNullGraphType<StringGraphType>>("duplicate", "SIREN of the duplicate record.")
            .Argument<NonNullGraphType<StringGraphType>>("reason")
            .ResolveAsync(async ctx => await ctx.Service<OrganismRegistrations>().MergeAsync(ctx.GetArgument<string>("keep"), ctx.GetArgument<string>("duplicate"),
                ctx.GetArgument<string>("reason"), ctx.Caller(), ctx.CancellationToken));

        mutation.Field<NonNullGraphType<OrganismRegistrationType>>("blockOrganismRegistration")
            .Description("Blocks a fraudulent registration: its people then get ORGANISM_BLOCKED for filing applications, registering candidates and recording evaluations. Certif Pro staff and administrators.")
            .AuthorizeWithPolicy(CleaPolicies.Oversight)
            .Argument<NonNullGraphType<StringGraphType>>("siren")
            .Argument<NonNullGraphType<StringGraphType>>("reason")
            .ResolveAsync(async ctx => await ctx.Service<OrganismRegistrations>().BlockAsync(ctx.GetArgument<string>("siren"), ctx.GetArgument<string>("reason"),
                ctx.Caller(), ctx.CancellationToken));

        mutation.Field<NonNullGraphType<OrganismRegistrationType>>("unblockOrganismRegistration")
            .Description("Lifts a block. Certif Pro staff and administrators.")
            .AuthorizeWithPolicy(CleaPolicies.Oversight)
            .Argument<NonNullGraphType<StringGraphType>>("siren")
            .Argument<NonNullGraphType<StringGraphType>>("reason")
            .ResolveAsync(async ctx => await ctx.Service<OrganismRegistrations>().UnblockAsync(ctx.GetArgument<string>("siren"), ctx.GetArgument<string>("reason"),
                ctx.Caller(), ctx.CancellationToken));
    }
}
