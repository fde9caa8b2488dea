using System.Globalization;
using Clea.Auth.Policies;
using Clea.Data.Onboarding;
using Clea.Graph.Common;
using Clea.Graph.Registry;
using Clea.Graph.Schema;
using GraphQL;
using GraphQL.Types;

namespace Clea.Graph.Onboarding;

/// <summary>
/// A registrant declares their organism (<see cref="OrganismDeclaration"/>); its administrators invite and revoke its
/// accounts (<see cref="OrganismAccounts"/>).
/// </summary>
public sealed class OnboardingMutations : IMutationFields
{
    public void AddTo(ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<OrganismType>>("declareOrganism")
            .Description("Declares the organism you act for (signed up and confirmed, no organism yet). It is not public until it holds an habilitation the registry shows; you become its administrator: refresh your token to act for it. A SIREN already registered is refused (ORGANISM_ALREADY_REGISTERED) and its administrators are told.")
            .AuthorizeWithPolicy(CleaPolicies.Registrant)
            .Argument<NonNullGraphType<DeclareOrganismInputType>>("input")
            .ResolveAsync(async ctx => await ctx.Service<OrganismDeclaration>().DeclareAsync(ctx.GetArgument<DeclareOrganismInput>("input").ToDeclaration(),
                ctx.Caller(), ctx.CancellationToken));

        mutation.Field<NonNullGraphType<OrganismInvitationType>>("inviteColleague")
            .Description("Invites a colleague to your organism by e-mail with a role; the single-use link expires (Onboarding:InvitationLifetime). Inviting the same address again replaces the pending invitation.")
            .AuthorizeWithPolicy(CleaPolicies.OrganismAdministrator)
            .Argument<NonNullGraphType<StringGraphType>>("email")
            .Argument<NonNullGraphType<OrganismAccountRoleEnum>>("role")
            .ResolveAsync(async ctx => await ctx.Service<OrganismAccounts>().InviteAsync(ctx.GetArgument<string>("email"),
                OrganismAccountRoleEnum.ToUserRole(ctx.GetArgument<OrganismAccountRole>("role")), ctx.Caller(), ctx.CancellationToken));

        mutation.Field<NonNullGraphType<OrganismAccountType>>("revokeOrganismAccount")
            .Description("Revokes an account of your organism: it can no longer sign in nor refresh a token (an access token already issued lasts until it expires). The last active administrator cannot be revoked (LAST_ORGANISM_ADMINISTRATOR).")
            .AuthorizeWithPolicy(CleaPolicies.OrganismAdministrator)
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .ResolveAsync(async ctx => await ctx.Service<OrganismAccounts>().RevokeAccountAsync(Key(ctx, OrganismAccountType.TypeName),
                ctx.Caller(), ctx.CancellationToken));

        mutation.Field<NonNullGraphType<OrganismInvitationType>>("revokeInvitation")
            .Description("Withdraws a pending invitation: its link stops working.")
            .AuthorizeWithPolicy(CleaPolicies.OrganismAdministrator)
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .ResolveAsync(async ctx => await ctx.Service<OrganismAccounts>().RevokeInvitationAsync(Key(ctx, OrganismInvitationType.TypeName),
                ctx.Caller(), ctx.CancellationToken));
    }

    private static int Key(IResolveFieldContext ctx, string typeName)
        => GlobalId.TryDecode(ctx.GetArgument<string>("id"), out var type, out var key) && type == typeName
            && int.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? id
            : throw GraphErrors.Argument(GraphErrors.InvalidId, $"This is not the id of an {typeName}.");
}
