using Clea.Auth.Policies;
using Clea.Data.Access;
using Clea.Data.Common;
using Clea.Data.Registry;
using Clea.Graph.Common;
using Clea.Graph.Registry;
using Clea.Graph.Schema;
using GraphQL;
using GraphQL.Types;

namespace Clea.Graph.Identity;

/// <summary>The caller as the token describes it.</summary>
public sealed record Caller(string Subject, string? Name, string Role, string? Siren, string? Instance, IReadOnlyList<string> AuditedSirens)
{
    public static Caller? From(ICurrentCaller caller)
        => caller.IsAuthenticated
            ? new Caller(caller.Subject ?? "", caller.Name, caller.RoleName ?? "", caller.Siren?.Value, caller.InstanceCode,
                [.. caller.AuditedSirens.Select(s => s.Value)])
            : null;
}

public sealed class MeType : ObjectGraphType<Caller>
{
    public MeType()
    {
        Name = "Me";
        Description = "The signed-in caller: identity, role and scope, as its token states them.";
        Field(c => c.Subject).Description("Stable identifier of the user or client.");
        Field(c => c.Name, nullable: true);
        Field(c => c.Role).Description("integrator, organism, instance, auditor, admin or registrant (signed up, no organism yet).");
        Field(c => c.Siren, nullable: true).Description("Organism staff: the SIREN of their organism.");
        Field(c => c.Instance, nullable: true).Description("Instance staff: the code of their Instance.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("auditedSirens")
            .Description("Auditors: the SIRENs of the organisms under their open audits.").Resolve(ctx => ctx.Source.AuditedSirens);
        Field<OrganismType>("organism").Description("Organism staff: their organism.")
            .ResolveAsync(async ctx => ctx.Source.Siren is { } siren && Siren.TryParse(siren, out var parsed, out _)
                ? await ctx.Service<OrganismBySirenLoader>().Load(parsed).GetResultAsync()
                : null);
    }
}

/// <summary><c>me</c>: who am I for this API.</summary>
public sealed class MeQueries : IQueryFields
{
    public void AddTo(ObjectGraphType query)
        => query.Field<NonNullGraphType<MeType>>("me")
            .Description("The signed-in caller's identity, role and scope. Requires a token.")
            .AuthorizeWithPolicy(CleaPolicies.Authenticated)
            .Resolve(ctx => Caller.From(ctx.Caller()) ?? throw new DomainRuleException(AccessErrors.NotAuthenticated, "Sign in first."));
}
