using Clea.Data.Habilitations;
using GraphQL.Types;

namespace Clea.Graph.Habilitations;

/// <summary>One item to verify, as the caller typed it: exactly one of a SIREN (an organism) or a SIRET (one of its sites).</summary>
public sealed class VerificationRequestInput : InputObjectGraphType<VerificationRequest>
{
    public VerificationRequestInput()
    {
        Name = "VerificationRequest";
        Description = "One item of a bulk verification: give exactly one of siren or siret.";
        Field(r => r.Siren, nullable: true).Description("The organism's SIREN (9 digits).");
        Field(r => r.Siret, nullable: true).Description("The site's SIRET (14 digits).");
    }

    // Read directly rather than by GraphQL.NET's reflective mapping: a bulk verification parses 500 of these.
    public override object ParseDictionary(IDictionary<string, object?> value)
        => new VerificationRequest
        {
            Siren = value.TryGetValue("siren", out var siren) ? (string?)siren : null,
            Siret = value.TryGetValue("siret", out var siret) ? (string?)siret : null,
        };
}
