using Clea.Auth.Policies;
using Clea.Data.Intervenants;
using Clea.Graph.Common;
using GraphQL;
using GraphQL.Types;

namespace Clea.Graph.Intervenants;

public sealed class IntervenantType : ObjectGraphType<Intervenant>
{
    public IntervenantType()
    {
        Name = "Intervenant";
        this.AuthorizeWithPolicy(CleaPolicies.OrganismData);
        Description = "An evaluator and/or trainer of an organism (personal data).";
        this.ImplementNode(NodeIds.Intervenant, i => i.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Field(i => i.FirstName);
        Field(i => i.LastName);
        Field(i => i.Evaluator);
        Field(i => i.Trainer);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("qualifications").Resolve(ctx => ctx.Source.Qualifications);
        Field(i => i.RemoteEvaluation).Description("Able to run remote evaluations.");
        Field<NonNullGraphType<IsoDateGraphType>>("declaredOn").Resolve(ctx => ctx.Source.DeclaredOn);
        Field<IsoDateGraphType>("withdrawnOn").Resolve(ctx => ctx.Source.WithdrawnOn);
    }
}
