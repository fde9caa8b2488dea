using Clea.Data.Persistence;
using Clea.Graph.Http;
using Clea.Graph.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Clea.Graph.Tests.Http;

/// <summary>The second execution of a document reuses the parsed and validated one (variables differ, the text does not).</summary>
[Collection(ApiCollection.Name)]
public sealed class DocumentCacheCounterTests(ApiFixture fixture)
{
    [Fact]
    public async Task A_second_execution_of_a_document_skips_parsing_and_validation()
    {
        var api = await fixture.For(DatabaseProvider.Sqlite);
        var cache = api.Services.GetServices<GraphQL.DI.IConfigureExecution>().OfType<DocumentCache>().Single();
        var query = $"query Counted{Guid.NewGuid():N}($siren: String!) {{ organism(siren: $siren) {{ name }} }}";

        var (hits, misses) = (cache.Hits, cache.Misses);
        await api.QueryAsync(query, new { siren = "900000019" });
        Assert.Equal((hits, misses + 1), (cache.Hits, cache.Misses));
        await api.QueryAsync(query, new { siren = "900000027" });
        Assert.Equal((hits + 1, misses + 1), (cache.Hits, cache.Misses));
    }
}
