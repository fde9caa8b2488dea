using Clea.Data.Registry;
using Clea.Graph.Common;
using GraphQL.Types;

namespace Clea.Graph.Registry;

public sealed class ContactInput
{
    public string Name { get; set; } = "";
    public string Email { get; set; } = "";
    public string? Phone { get; set; }

    public Contact ToContact() => Contact.Create(Name, Email, Phone);
}

public sealed class ContactInputType : InputObjectGraphType<ContactInput>
{
    public ContactInputType()
    {
        Name = "ContactInput";
        Field(c => c.Name);
        Field(c => c.Email);
        Field(c => c.Phone, nullable: true);
    }
}

public sealed class AddSiteInputType : InputObjectGraphType<SiteInput>
{
    public AddSiteInputType()
    {
        Name = "AddSiteInput";
        this.DeclareSiteFields("14 digits; its first 9 must be your organism's SIREN.", "INSEE code of the département (e.g. 69, 2A, 974).");
        Field(s => s.OpenedOn, type: typeof(IsoDateGraphType)).Description("Default today.");
    }
}

/// <summary>The fields every site input shares (a new registry site, an application's candidate site).</summary>
public static class SiteInputFields
{
    public static void DeclareSiteFields(this InputObjectGraphType<SiteInput> type, string siretDescription, string departmentDescription)
    {
        type.Field(s => s.Siret).Description(siretDescription);
        type.Field(s => s.Name);
        type.Field(s => s.Street, nullable: true);
        type.Field(s => s.PostalCode);
        type.Field(s => s.City);
        type.Field(s => s.Department).Description(departmentDescription);
    }
}
