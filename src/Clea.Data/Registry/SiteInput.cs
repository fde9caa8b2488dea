namespace Clea.Data.Registry;

/// <summary>A site as a caller declares it (a new site of the registry, or a candidate's site in an application file).</summary>
public sealed class SiteInput
{
    public string Siret { get; set; } = "";
    public string Name { get; set; } = "";
    public string? Street { get; set; }
    public string PostalCode { get; set; } = "";
    public string City { get; set; } = "";
    public string Department { get; set; } = "";
    /// <summary>A new site of the registry: its opening day (default today). Not part of an application's snapshot.</summary>
    public DateOnly? OpenedOn { get; set; }

    public Address ToAddress() => Address.Create(Street, PostalCode, City, Department);
}
