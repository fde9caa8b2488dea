using Clea.Data.Instances;
using Clea.Data.Habilitations;
using Clea.Graph.Common;
using Clea.Graph.Instances;
using Clea.Graph.Referentials;
using Clea.Graph.Registry;
using GraphQL.Types;

namespace Clea.Graph.Habilitations;

public sealed class HabilitationCheckType : ObjectGraphType<HabilitationCheck>
{
    public HabilitationCheckType()
    {
        Name = "HabilitationCheck";
        Description = "Whether an organism (SIREN) or site (SIRET) is habilitated for a certification on a date.";
        Field(c => c.Habilitated).Description("True when an habilitation is in force on that date (and, for a SIRET, the site is open).");
        Field<HabilitationStatusEnum>("status").Description("Status of the habilitation that answers; null when there is none.")
            .Resolve(ctx => ctx.Source.Status);
        Field(c => c.Certification, type: typeof(NonNullGraphType<CertificationCodeEnum>));
        Field<OrganismType>("organism").Resolve(ctx => ctx.Source.Organism);
        Field<SiteType>("site").Resolve(ctx => ctx.Source.Site);
        Field<HabilitationType>("habilitation").Description("The habilitation that answers (one in force first, else the latest): its record as it is today (use the fields of this answer for the state on checkedOn).")
            .Resolve(ctx => ctx.Source.Habilitation);
        Field<InstanceType>("instance")
            .Resolve(ReferenceData.Resolver<HabilitationCheck, Instance>((reference, c) => c.Habilitation is { } h ? reference.InstancesById[h.InstanceId] : null));
        // Every field answers as of checkedOn: a later acceptance, renewal or end never rewrites an answer about the past.
        Field<StringGraphType>("professionalField").Description("As stated by the acceptance in force on checkedOn.")
            .Resolve(ctx => ctx.Source.Habilitation?.ProfessionalFieldAsOf(ctx.Source.CheckedOn));
        Field<IsoDateGraphType>("validFrom").Description("First day in force, as known on checkedOn (null before the acceptance took effect).")
            .Resolve(ctx => ctx.Source.Habilitation?.ValidFromAsOf(ctx.Source.CheckedOn));
        Field<IsoDateGraphType>("validUntil").Description("Last day in force as known on checkedOn: the renewal counts from the day it took effect, a withdrawal or renunciation from the day it was recorded.")
            .Resolve(ctx => ctx.Source.Habilitation?.ValidUntilAsOf(ctx.Source.CheckedOn));
        Field<IsoDateGraphType>("correctedOn").Description("The day of the latest correction (correctHabilitation) that changed the answer for checkedOn; null when none did. An answer that differs from the one given on checkedOn is always explained by one.")
            .Resolve(ctx => ctx.Source.Habilitation?.CorrectedOnFor(ctx.Source.CheckedOn));
        Field<HabilitationScopeEnum>("scope").Resolve(ctx => ctx.Source.Habilitation?.Scope);
        Field<NonNullGraphType<BooleanGraphType>>("qualiopi").Resolve(ctx => ctx.Source.Organism?.HoldsQualiopiOn(ctx.Source.CheckedOn) ?? false);
        Field(c => c.EdofEligible)
            .Description("May list a CPF offer on EDOF: habilitated to train AND evaluate, and Qualiopi-certified.");
        Field(c => c.Reason, nullable: true).Description("Why not habilitated, in words; null when habilitated.");
        Field(c => c.EdofReason, nullable: true).Description("Why not EDOF-eligible, in words; null when eligible.");
        Field<NonNullGraphType<IsoDateGraphType>>("checkedOn").Resolve(ctx => ctx.Source.CheckedOn);
        Field<VerificationErrorType>("error")
            .Description("Why this item of verifyHabilitations could not be checked (it then answers not habilitated); null when it was, and always null for verifyHabilitation.")
            .Resolve(ctx => ctx.Source.Error);
    }
}

public sealed class VerificationErrorType : ObjectGraphType<VerificationError>
{
    public VerificationErrorType()
    {
        Name = "VerificationError";
        Description = "A per-item problem of a bulk verification.";
        Field(e => e.Code).Description("A stable error code: INVALID_SIREN, INVALID_SIRET or INVALID_ARGUMENTS.");
        Field(e => e.Message).Description("What is wrong, in words.");
    }
}
