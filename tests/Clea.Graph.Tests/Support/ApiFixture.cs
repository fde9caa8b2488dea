using Clea.Data.Persistence;

namespace Clea.Graph.Tests.Support;

/// <summary>
/// One demo-seeded API per provider, with the demo's candidates and evaluations, shared by the read-only tests of the "api" collection (seeding once per provider
/// keeps the suite fast). Tests that change data start their own <see cref="CleaApi"/>.
/// </summary>
public sealed class ApiFixture : IAsyncLifetime
{
    private readonly Dictionary<DatabaseProvider, Task<CleaApi>> _apis = [];

    public Task<CleaApi> For(DatabaseProvider provider)
    {
        lock (_apis)
        {
            if (!_apis.TryGetValue(provider, out var api))
                _apis[provider] = api = CleaApi.StartAsync(provider, settings: new Dictionary<string, string?> { ["Seed:DemoActivity"] = "true" });
            return api;
        }
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var api in _apis.Values) await (await api).DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class ApiCollection : ICollectionFixture<ApiFixture>
{
    public const string Name = "api";
}
