using Clea.Auth.Policies;
using Clea.Data.Dashboard;
using Clea.Data.Referentials;
using Clea.Data.Registry;
using Clea.Graph.Authorization;
using Clea.Graph.Common;
using Clea.Graph.Referentials;
using Clea.Graph.Registry;
using GraphQL;
using GraphQL.Types;

namespace Clea.Graph.Dashboard;

/// <summary>An organism's activity over a period: the figures of the renewal application form, and more.</summary>
public sealed class OrganismActivityType : ObjectGraphType<OrganismActivity>
{
    public OrganismActivityType()
    {
        Name = "OrganismActivity";
        this.AuthorizeWithPolicy(CleaPolicies.OrganismActivity);
        Description = "An organism's activity over a period (both days included), restricted to a certification and a site when asked: " +
            "the key figures of the renewal application form (files registered, prior evaluations, final evaluations, people certified), " +
            "the success rate, the median time to certificate, a monthly series and the fees not yet invoiced. Every figure counts facts dated in the period.";
        Field<NonNullGraphType<IsoDateGraphType>>("from").Resolve(ctx => ctx.Source.Filter.Period.From);
        Field<NonNullGraphType<IsoDateGraphType>>("to").Resolve(ctx => ctx.Source.Filter.Period.To);
        Field<CertificationCodeEnum>("certification").Description("The certification the figures are restricted to; null for all.")
            .Resolve(ctx => ctx.Source.Filter.Certification);
        Field(a => a.Registrations).Description("Files registered: candidates whose registration date is in the period.");
        Field(a => a.PriorEvaluations).Description("Prior evaluations held in the period (at most one per candidate).");
        Field(a => a.FinalEvaluations).Description("Final evaluation sessions held in the period (a candidate may need more than one).");
        Field(a => a.Certified).Description("People certified: certificates issued in the period (one per candidate at most).");
        Field(a => a.PriorEvaluatedAndCertified)
            .Description("Of the candidates whose prior evaluation was held in the period, those holding a certificate issued on or before `to`.");
        Field<FloatGraphType>("successRate")
            .Description("priorEvaluatedAndCertified / priorEvaluations, between 0 and 1: the share of the candidates prior-evaluated in the period " +
                "who were certified by the end of the period. Null when no prior evaluation was held in the period.")
            .Resolve(ctx => ctx.Source.SuccessRate);
        Field<FloatGraphType>("medianDaysToCertificate")
            .Description("Over the certificates issued in the period: the median number of calendar days from the holder's prior evaluation to the " +
                "certificate (the mean of the two middle values for an even count). Null when no certificate was issued in the period.")
            .Resolve(ctx => ctx.Source.MedianDaysToCertificate);
        Field<NonNullGraphType<DecimalGraphType>>("feesNotInvoiced")
            .Description("Euros: the organism's fee lines (Socle prior evaluations, certificates, sites, applications) accrued in the period and " +
                "not yet on an invoice. The certification filter applies; fees are not per site, so the site filter does not.")
            .Resolve(ctx => ctx.Source.FeesNotInvoiced);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<MonthlyActivityType>>>>("monthly")
            .Description("One entry per calendar month the period touches, months without activity included; a partial first or last month counts only the days in the period.")
            .Resolve(ctx => ctx.Source.Monthly);
    }
}

public sealed class MonthlyActivityType : ObjectGraphType<MonthlyActivity>
{
    public MonthlyActivityType()
    {
        Name = "MonthlyActivity";
        this.AuthorizeWithPolicy(CleaPolicies.OrganismActivity);
        Description = "The counts of one calendar month, defined as the period's totals.";
        Field<NonNullGraphType<StringGraphType>>("month").Description("The month, as YYYY-MM.")
            .Resolve(ctx => ctx.Source.Month.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture));
        Field(m => m.Registrations);
        Field(m => m.PriorEvaluations);
        Field(m => m.FinalEvaluations);
        Field(m => m.Certified);
    }
}

/// <summary>
/// Adds <c>Organism.activity</c>: the policy says who may ask (organism staff, instance staff, administrators),
/// <see cref="OrganismAccess"/> which organisms (its own; a CPNE's field; all for Certif Pro and administrators).
/// </summary>
internal static class OrganismActivityField
{
    public static void AddTo(OrganismType organism)
        => organism.Field<OrganismActivityType>("activity")
            .Description("The organism's activity dashboard over a period (see OrganismActivity): for the organism's staff, its Instances " +
                "(a CPNE within its field) and administrators. Null with an AUTH_NOT_AUTHORIZED error for an organism the caller may not see; " +
                "INVALID_PERIOD when `to` precedes `from` or the period spans more than 120 calendar months; SITE_NOT_LISTED for a SIRET " +
                "that is not one of the organism's sites.")
            .AuthorizeWithPolicy(CleaPolicies.OrganismActivity)
            .Argument<NonNullGraphType<IsoDateGraphType>>("from", "First day of the period.")
            .Argument<NonNullGraphType<IsoDateGraphType>>("to", "Last day of the period (included).")
            .Argument<CertificationCodeEnum>("certification", "Only this certification's candidates and fees.")
            .Argument<StringGraphType>("site", "SIRET of one of the organism's sites: only the candidates registered there.")
            .ResolveAsync(async ctx =>
            {
                var organism = ctx.Source;
                var period = ActivityPeriod.Create(ctx.GetArgument<DateOnly>("from"), ctx.GetArgument<DateOnly>("to"));
                var certification = ctx.GetArgument<CertificationCode?>("certification");
                var siret = ctx.GetArgument<string?>("site") is { } text ? Siret.Parse(text) : (Siret?)null;
                var services = ctx.RequestServices!;
                var access = await services.GetRequiredService<OrganismAccess>().CanSeeAsync(organism);
                return access.Then(allowed =>
                {
                    if (!allowed) throw OrganismAccess.Denied($"the activity of organism {organism.Siren}");
                    var sites = siret is null
                        ? DataLoaderResultExtensions.Completed<int?>(null)
                        : services.GetRequiredService<SitesByOrganismLoader>().Load(organism.Id).Then(all => (int?)(all.FirstOrDefault(s => s.Siret == siret)
                            ?? throw new Clea.Data.Common.DomainRuleException(RegistryErrors.SiteNotListed,
                                $"Site {siret} is not one of the sites of organism {organism.Siren}.")).Id);
                    return sites.Then(siteId => services.GetRequiredService<OrganismActivityLoader>()
                        .Load(new ActivityRequest(organism.Id, new ActivityFilter(period, certification, siteId))));
                });
            });
}
