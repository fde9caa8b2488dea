using Clea.Data.Persistence;
using Xunit;

namespace Clea.Testing;

/// <summary>Every database test runs on both providers: <c>[Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]</c>.</summary>
public static class Providers
{
    public static TheoryData<DatabaseProvider> Both => [DatabaseProvider.Sqlite, DatabaseProvider.Postgres];
}
