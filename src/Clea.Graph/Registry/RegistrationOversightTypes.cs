using Clea.Auth.Policies;
using Clea.Data.Registry;
using Clea.Graph.Common;
using GraphQL;
using GraphQL.Types;

namespace Clea.Graph.Registry;

public sealed class RegistrationStatusEnum : EnumerationGraphType<RegistrationStatus>
{
    public RegistrationStatusEnum()
    {
        Name = "RegistrationStatus";
        Description = "Where an organism's record stands: REGISTERED (acts normally; public once it holds a decided habilitation), BLOCKED (fraud: a coded refusal ORGANISM_BLOCKED for filing, registering candidates, recording evaluations), MERGED (a duplicate merged into another record).";
    }
}

public sealed class RegistrationSourceEnum : EnumerationGraphType<RegistrationSource>
{
    public RegistrationSourceEnum()
    {
        Name = "RegistrationSource";
        Description = "How the record came in: DECLARED by a person who signed up, or IMPORTED from the previous platform.";
    }
}

/// <summary>A registration as Certif Pro oversees it: the organism, its status, who brought it in and when.</summary>
public sealed class OrganismRegistrationType : ObjectGraphType<Organism>
{
    public OrganismRegistrationType()
    {
        Name = "OrganismRegistration";
        Description = "An organism's registration on the platform, as Certif Pro staff oversee it (Certif Pro staff and administrators).";
        this.AuthorizeWithPolicy(CleaPolicies.Oversight);
        Field<NonNullGraphType<OrganismType>>("organism").Resolve(ctx => ctx.Source);
        Field<NonNullGraphType<RegistrationStatusEnum>>("status").Resolve(ctx => ctx.Source.RegistrationStatus);
        Field<RegistrationSourceEnum>("source").Description("Null for records that predate registration records (demo data).")
            .Resolve(ctx => ctx.Source.RegistrationSource);
        Field<DateTimeGraphType>("registeredAt").Description("When it was declared or imported (UTC); null for older records.")
            .Resolve(ctx => ctx.Source.RegisteredAt is { } at ? DateTime.SpecifyKind(at, DateTimeKind.Utc) : null);
        Field<StringGraphType>("registeredBy").Description("Who declared it (the person's name) or imported it (the file).")
            .Resolve(ctx => ctx.Source.RegisteredBy);
        Field<NonNullGraphType<BooleanGraphType>>("public").Description("Shown by the public registry: it holds a decided habilitation file.")
            .Resolve(ctx => ctx.Service<HabilitationsByOrganismLoader>().Load(ctx.Source.Id)
                .Then(all => all.Any(h => h.Outcome != Clea.Data.Habilitations.DecisionOutcome.Pending)));
        Field<OrganismType>("mergedInto").Description("The record this duplicate was merged into.")
            .Resolve(ctx => ctx.Source.MergedIntoId is { } id ? ctx.Service<OrganismByIdLoader>().Load(id) : null);
    }
}

public sealed class OrganismRegistrationConnectionType()
    : ConnectionGraphType<OrganismRegistrationType, OrganismRegistrationEdgeType, Organism>("OrganismRegistration");

public sealed class OrganismRegistrationEdgeType() : EdgeGraphType<OrganismRegistrationType, Organism>("OrganismRegistration");

/// <summary>The filter of <c>organismRegistrations</c>.</summary>
public sealed class OrganismRegistrationFilterInput : InputObjectGraphType<OrganismRegistrationFilter>
{
    public OrganismRegistrationFilterInput()
    {
        Name = "OrganismRegistrationFilter";
        Field(f => f.Status, type: typeof(RegistrationStatusEnum)).Description("Only this status.");
        Field(f => f.RegisteredSince, type: typeof(DateTimeGraphType)).Description("Declared or imported at or after this instant.");
        Field(f => f.Search, nullable: true).Description("A SIREN (9 digits), or words of the name (accents and case ignored).");
    }
}

public sealed class OrganismRegistrationFilter
{
    public RegistrationStatus? Status { get; set; }
    public DateTime? RegisteredSince { get; set; }
    public string? Search { get; set; }
}

/// <summary>A correction of a registration by Certif Pro: only the fields given change; the reason is required.</summary>
public sealed class CorrectOrganismRegistrationInput : InputObjectGraphType<RegistrationCorrectionInput>
{
    public CorrectOrganismRegistrationInput()
    {
        Name = "CorrectOrganismRegistrationInput";
        Field(c => c.Siren);
        Field(c => c.Reason).Description("Why (recorded with each correction event).");
        Field(c => c.Name, nullable: true).Description("The legal name.");
        Field(c => c.NafCode, nullable: true).Description("NAF/APE code, e.g. 85.59A (INVALID_NAF_CODE otherwise).");
        Field(c => c.DeclarationNumber, nullable: true).Description("Training-body declaration number: 11 digits (INVALID_DECLARATION_NUMBER otherwise).");
        Field(c => c.Qualiopi, nullable: true);
        Field(c => c.QualiopiCertificateNumber, nullable: true).Description("The Qualiopi certificate's number (a certified organism only).");
        Field(c => c.QualiopiValidUntil, nullable: true).Description("The Qualiopi certificate's expiry date (not in the past).");
        Field(c => c.HeadOfficeStreet, nullable: true);
        Field(c => c.HeadOfficePostalCode, nullable: true).Description("With the city: the head office's corrected address (its département follows from the postal code).");
        Field(c => c.HeadOfficeCity, nullable: true);
    }
}

public sealed class RegistrationCorrectionInput
{
    public string Siren { get; set; } = "";
    public string Reason { get; set; } = "";
    public string? Name { get; set; }
    public string? NafCode { get; set; }
    public string? DeclarationNumber { get; set; }
    public bool? Qualiopi { get; set; }
    public string? QualiopiCertificateNumber { get; set; }
    public DateOnly? QualiopiValidUntil { get; set; }
    public string? HeadOfficeStreet { get; set; }
    public string? HeadOfficePostalCode { get; set; }
    public string? HeadOfficeCity { get; set; }

    public RegistrationCorrection ToCorrection()
        => new(Name, NafCode, DeclarationNumber, Qualiopi, HeadOfficeStreet, HeadOfficePostalCode, HeadOfficeCity, Reason,
            QualiopiCertificateNumber, QualiopiValidUntil);
}

/// <summary>The two records of a merge, after it.</summary>
public sealed class OrganismMergeType : ObjectGraphType<(Organism Keep, Organism Duplicate)>
{
    public OrganismMergeType()
    {
        Name = "OrganismMerge";
        Description = "The kept record and the merged duplicate.";
        this.AuthorizeWithPolicy(CleaPolicies.Oversight);
        Field<NonNullGraphType<OrganismRegistrationType>>("kept").Resolve(ctx => ctx.Source.Keep);
        Field<NonNullGraphType<OrganismRegistrationType>>("duplicate").Resolve(ctx => ctx.Source.Duplicate);
    }
}
