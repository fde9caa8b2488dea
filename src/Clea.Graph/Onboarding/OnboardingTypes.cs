using Clea.Auth.Policies;
using Clea.Data.Onboarding;
using Clea.Data.Users;
using Clea.Graph.Common;
using GraphQL;
using GraphQL.Types;

namespace Clea.Graph.Onboarding;

/// <summary>The roles an organism's people have.</summary>
public enum OrganismAccountRole
{
    OrganismAdministrator,
    OrganismStaff,
}

public sealed class OrganismAccountRoleEnum : EnumerationGraphType<OrganismAccountRole>
{
    public OrganismAccountRoleEnum()
    {
        Name = "OrganismAccountRole";
        Description = "ORGANISM_ADMINISTRATOR: staff who also invite and revoke the organism's accounts; ORGANISM_STAFF: the organism's staff.";
    }

    public static UserRole ToUserRole(OrganismAccountRole role)
        => role == OrganismAccountRole.OrganismAdministrator ? UserRole.OrganismAdministrator : UserRole.OrganismStaff;

    public static OrganismAccountRole From(UserRole role)
        => role == UserRole.OrganismAdministrator ? OrganismAccountRole.OrganismAdministrator : OrganismAccountRole.OrganismStaff;
}

public sealed class InvitationStatusEnum : EnumerationGraphType<InvitationStatus>
{
    public InvitationStatusEnum() => Name = "InvitationStatus";
}

/// <summary>An account of the caller's organism, as its administrators see it.</summary>
public sealed class OrganismAccountType : ObjectGraphType<User>
{
    public const string TypeName = "OrganismAccount";

    public OrganismAccountType()
    {
        Name = TypeName;
        Description = "A person's account in your organism (organism administrators only).";
        this.AuthorizeWithPolicy(CleaPolicies.OrganismAdministrator);
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(ctx => GlobalId.Encode(TypeName, ctx.Source.Id));
        Field(u => u.Email);
        Field(u => u.DisplayName);
        Field<NonNullGraphType<OrganismAccountRoleEnum>>("role").Resolve(ctx => OrganismAccountRoleEnum.From(ctx.Source.Role));
        Field<DateTimeGraphType>("revokedAt").Description("Set once revoked: the account can no longer sign in nor refresh a token (UTC).").Resolve(ctx => ctx.Source.RevokedAt);
    }
}

public sealed class OrganismInvitationType : ObjectGraphType<Invitation>
{
    public const string TypeName = "OrganismInvitation";

    public OrganismInvitationType()
    {
        Name = TypeName;
        Description = "An invitation to join your organism, sent by e-mail with a single-use link (organism administrators only).";
        this.AuthorizeWithPolicy(CleaPolicies.OrganismAdministrator);
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(ctx => GlobalId.Encode(TypeName, ctx.Source.Id));
        Field(i => i.Email);
        Field<NonNullGraphType<OrganismAccountRoleEnum>>("role").Resolve(ctx => OrganismAccountRoleEnum.From(ctx.Source.Role));
        Field<NonNullGraphType<InvitationStatusEnum>>("status").Resolve(ctx => ctx.Source.StatusAt(ctx.RequestServices!.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime));
        Field(i => i.CreatedAt).Description("When it was sent (UTC).");
        Field(i => i.ExpiresAt).Description("The link works up to this instant included (UTC).");
        Field(i => i.AcceptedAt, nullable: true);
        Field(i => i.RevokedAt, nullable: true);
    }
}

public sealed class OrganismAccountConnectionType() : ConnectionGraphType<OrganismAccountType, OrganismAccountEdgeType, User>("OrganismAccount");

public sealed class OrganismAccountEdgeType() : EdgeGraphType<OrganismAccountType, User>("OrganismAccount");

public sealed class OrganismInvitationConnectionType() : ConnectionGraphType<OrganismInvitationType, OrganismInvitationEdgeType, Invitation>("OrganismInvitation");

public sealed class OrganismInvitationEdgeType() : EdgeGraphType<OrganismInvitationType, Invitation>("OrganismInvitation");
