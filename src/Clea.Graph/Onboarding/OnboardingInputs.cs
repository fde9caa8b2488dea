using Clea.Data.Onboarding;
using Clea.Graph.Common;
using Clea.Graph.Registry;
using GraphQL.Types;

namespace Clea.Graph.Onboarding;

/// <summary>The arguments of <c>declareOrganism</c>, as bound from GraphQL (contacts become <c>Contact</c>s here).</summary>
public sealed class DeclareOrganismInput
{
    public string Siren { get; set; } = "";
    public string Name { get; set; } = "";
    public string NafCode { get; set; } = "";
    public string DeclarationNumber { get; set; } = "";
    public string HeadOfficeSiret { get; set; } = "";
    public string? Street { get; set; }
    public string PostalCode { get; set; } = "";
    public string City { get; set; } = "";
    public bool Qualiopi { get; set; }
    public string? QualiopiCertificateNumber { get; set; }
    public DateOnly? QualiopiValidUntil { get; set; }
    public ContactInput MainContact { get; set; } = new();
    public ContactInput? BillingContact { get; set; }

    public OrganismDeclarationInput ToDeclaration() => new()
    {
        Siren = Siren, Name = Name, NafCode = NafCode, DeclarationNumber = DeclarationNumber, HeadOfficeSiret = HeadOfficeSiret,
        Street = Street, PostalCode = PostalCode, City = City, Qualiopi = Qualiopi, QualiopiCertificateNumber = QualiopiCertificateNumber,
        QualiopiValidUntil = QualiopiValidUntil, MainContact = MainContact.ToContact(), BillingContact = BillingContact?.ToContact(),
    };
}

public sealed class DeclareOrganismInputType : InputObjectGraphType<DeclareOrganismInput>
{
    public DeclareOrganismInputType()
    {
        Name = "DeclareOrganismInput";
        Description = "The organism you act for, as on the application form's administrative part.";
        Field(i => i.Siren).Description("9 digits, Luhn-checked (INVALID_SIREN).");
        Field(i => i.Name).Description("Legal name.");
        Field(i => i.NafCode).Description("NAF/APE code, e.g. 85.59A (INVALID_NAF_CODE).");
        Field(i => i.DeclarationNumber).Description("Training-body declaration number: exactly 11 digits (INVALID_DECLARATION_NUMBER).");
        Field(i => i.HeadOfficeSiret).Description("The head office's SIRET (14 digits; its first 9 are the SIREN): the organism's first site.");
        Field(i => i.Street, nullable: true);
        Field(i => i.PostalCode).Description("Head office's postal code: gives the département and region (UNKNOWN_POSTAL_CODE).");
        Field(i => i.City);
        Field(i => i.Qualiopi).Description("Holds the Qualiopi certification.");
        Field(i => i.QualiopiCertificateNumber, nullable: true).Description("Required when qualiopi is true, refused otherwise.");
        Field(i => i.QualiopiValidUntil, type: typeof(IsoDateGraphType)).Description("The certificate's expiry date: required when qualiopi is true, not before today.");
        Field(i => i.MainContact, type: typeof(NonNullGraphType<ContactInputType>));
        Field(i => i.BillingContact, type: typeof(ContactInputType));
    }
}
