using Clea.Data;
using Clea.Data.Common;
using Clea.Data.Habilitations;
using Clea.Data.Referentials;
using Clea.Data.Registry;
using Clea.Graph.Common;
using Clea.Graph.Referentials;
using Clea.Graph.Schema;
using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;

namespace Clea.Graph.Habilitations;

/// <summary><c>verifyHabilitation</c>: what CPF/EDOF integrators call before listing or funding a CléA offer.</summary>
public sealed class VerificationQueries : IQueryFields
{
    public void AddTo(ObjectGraphType query)
        => query.Field<NonNullGraphType<HabilitationCheckType>>("verifyHabilitation")
            .Description("Is this organism (SIREN) or site (SIRET) habilitated for the certification on the date (default today)? " +
                "Give exactly one of siren or siret. A malformed identifier is an error (INVALID_SIREN, INVALID_SIRET), never 'not found'.")
            .AllowAnonymous()
            .Argument<StringGraphType>("siren")
            .Argument<StringGraphType>("siret")
            .Argument<NonNullGraphType<CertificationCodeEnum>>("certification")
            .Argument<IsoDateGraphType>("on")
            .ResolveAsync(async ctx => await VerifyAsync(ctx));

    private static async Task<HabilitationCheck> VerifyAsync(IResolveFieldContext ctx)
    {
        var sirenText = ctx.GetArgument<string?>("siren");
        var siretText = ctx.GetArgument<string?>("siret");
        if ((sirenText is null) == (siretText is null))
            throw GraphErrors.Argument(GraphErrors.InvalidArguments, "Give exactly one of 'siren' or 'siret'.");
        var certification = ctx.GetArgument<CertificationCode>("certification");
        var on = ctx.GetArgument<DateOnly?>("on") ?? ctx.RequestServices!.GetRequiredService<TimeProvider>().Today();
        var db = ctx.RequestServices!.GetRequiredService<CleaDbContext>();

        Organism? organism;
        Site? site = null;
        string unknown;
        if (sirenText is not null)
        {
            var siren = Siren.Parse(sirenText);
            organism = await db.Organisms.AsNoTracking().SingleOrDefaultAsync(o => o.Siren == siren, ctx.CancellationToken);
            unknown = $"No organism with SIREN {siren} is known to the CléA registry.";
        }
        else
        {
            var siret = Siret.Parse(siretText);
            site = await db.Sites.AsNoTracking().Include(s => s.Organism).SingleOrDefaultAsync(s => s.Siret == siret, ctx.CancellationToken);
            organism = site?.Organism;
            unknown = $"No site with SIRET {siret} is known to the CléA registry.";
        }

        var habilitations = organism is null
            ? []
            : await db.Habilitations.AsNoTracking().Include(h => h.Suspensions)
                .Where(h => h.OrganismId == organism.Id && h.Certification == certification).ToListAsync(ctx.CancellationToken);
        return HabilitationVerification.Check(certification, on, organism, site, habilitations, unknown);
    }
}
