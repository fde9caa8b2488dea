namespace Clea.Data.Referentials;

/// <summary>One of the 18 French regions, identified by its INSEE code (e.g. "11" Île-de-France).</summary>
public sealed class Region
{
    private readonly List<Department> _departments = [];

    public string Code { get; private set; } = null!;
    public string Name { get; private set; } = null!;
    public IReadOnlyList<Department> Departments => _departments;

    private Region() { }

    public Region(string code, string name)
    {
        Code = code;
        Name = name;
    }

    public Department AddDepartment(string code, string name)
    {
        var department = new Department(code, name, this);
        _departments.Add(department);
        return department;
    }
}

/// <summary>A département, identified by its INSEE code ("01".."95", "2A", "2B", "971".."976").</summary>
public sealed class Department
{
    public string Code { get; private set; } = null!;
    public string Name { get; private set; } = null!;
    public string RegionCode { get; private set; } = null!;
    public Region Region { get; private set; } = null!;

    private Department() { }

    internal Department(string code, string name, Region region)
    {
        Code = code;
        Name = name;
        Region = region;
        RegionCode = region.Code;
    }
}
