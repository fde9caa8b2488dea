using Clea.Data.Persistence;
using Clea.Data.Seeding;
using Clea.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace Clea.Data.Tests.Seeding;

/// <summary>
/// One database per provider, initialized once with the default demo on <see cref="FixedClock.Default"/> and shared
/// by the read-only demo tests (seeding each test would cost seconds on PostgreSQL).
/// </summary>
public sealed class SeededDatabases : IAsyncLifetime
{
    public static readonly SeedOptions Options = new() { Demo = true };

    private readonly Dictionary<DatabaseProvider, Task<TestDatabase>> _databases = [];
    private readonly Lock _lock = new();

    public static DateOnly Today => Clea.Data.Common.LegalClock.Today(new FixedClock());

    public Task<TestDatabase> For(DatabaseProvider provider)
    {
        lock (_lock)
        {
            if (!_databases.TryGetValue(provider, out var database))
                _databases[provider] = database = CreateAsync(provider);
            return database;
        }
    }

    private static async Task<TestDatabase> CreateAsync(DatabaseProvider provider)
    {
        var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.NewContext();
        await DatabaseInitializer.InitializeAsync(db, Options, new FixedClock(), NullLogger.Instance);
        return database;
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var database in _databases.Values) await (await database).DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class SeededDatabaseCollection : ICollectionFixture<SeededDatabases>
{
    public const string Name = "Seeded databases";
}
