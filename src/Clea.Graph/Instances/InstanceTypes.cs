using Clea.Data.Instances;
using Clea.Graph.Common;
using Clea.Graph.Schema;
using GraphQL;
using GraphQL.Types;

namespace Clea.Graph.Instances;

public sealed class InstanceKindEnum : EnumerationGraphType<InstanceKind>
{
    public InstanceKindEnum()
    {
        Name = "InstanceKind";
        Description = "Certif Pro (the certifier) or a CPNE with delegation inside its professional field.";
    }
}

public sealed class InstanceType : ObjectGraphType<Instance>
{
    public InstanceType()
    {
        Name = "Instance";
        Description = "An Instance that decides habilitations: Certif Pro or a delegated CPNE.";
        this.ImplementNode(NodeIds.Instance, i => i.Code);
        Field(i => i.Code).Description("Stable code, e.g. CERTIF_PRO.");
        Field(i => i.Name);
        Field(i => i.Kind, type: typeof(NonNullGraphType<InstanceKindEnum>));
        Field(i => i.ProfessionalField, nullable: true).Description("A CPNE's professional field; null for Certif Pro.");
    }
}

public sealed class InstanceQueries : IQueryFields
{
    public void AddTo(ObjectGraphType query)
        => query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<InstanceType>>>>("instances")
            .WithComplexityImpact(1, 3)
            .Description("Certif Pro and the CPNEs that decide habilitations.")
            .AllowAnonymous()
            .ResolveAsync(async ctx => (await ctx.Service<ReferenceData>().GetAsync()).Instances);
}
