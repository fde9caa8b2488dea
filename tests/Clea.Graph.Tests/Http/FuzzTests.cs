using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Clea.Data.Persistence;
using Clea.Graph.Tests.Support;

namespace Clea.Graph.Tests.Http;

/// <summary>
/// Issue 15: a bounded, seeded fuzz run (SQLite, anonymous). Generated and mutated documents and variables must never
/// answer 5xx, never carry an error without <c>extensions.code</c>, and never run past the execution timeout.
/// A failure prints the seed and the body sent, so it can be replayed.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class FuzzTests(ApiFixture fixture)
{
    private const int Seed = 20261205;
    private const int Requests = 300;

    private static readonly string[] Seeds =
    [
        "{ regions { code name departments { code name } } }",
        "query($s: String, $n: Int) { organisms(first: $n, where: { search: $s, anyStatus: true }) { totalCount pageInfo { hasNextPage endCursor } nodes { siren name sites { siret address { city postalCode } } habilitations { certification status periods { status from until } } } } }",
        "{ organism(siren: \"900000019\") { name qualiopi habilitations { status validUntil instance { code } } } }",
        "{ site(siret: \"90000001900019\") { name organism { siren } } }",
        "{ certifications { code rsCode domains { code title subDomains { code } } } }",
        "query($i: [HabilitationVerificationInput!]!) { verifyHabilitations(items: $i) { siren valid } }",
        "{ __schema { types { name fields { name type { name ofType { name } } } } } }",
        "{ a: organisms(first: 5) { nodes { ...O } } b: organisms(last: 5) { nodes { ...O } } } fragment O on Organism { siren name }",
        "mutation { __typename }",
        "{ node(id: \"T3JnYW5pc206MQ==\") { id ... on Organism { name } } }",
    ];

    private static readonly string[] Pieces =
    [
        "{", "}", "(", ")", "[", "]", "...", "$s", "$n", ":", "\"", "\"\"\"", "@skip(if: true)", "@include(if: $b)", "on", "fragment F on Query { __typename }",
        "...F", "organisms", "first: 100", "last: -1", "first: 2147483648", "nodes", "totalCount", "__typename", "__type(name: \"Query\") { name }",
        "query", "mutation", "subscription", "#", "\\u0000", "null", "true", "1e999", "-0", "é", "𝄞", "\n", ",", "=", "|", "&",
    ];

    [Fact]
    public async Task Generated_and_mutated_requests_never_fail_the_server()
    {
        var api = await fixture.For(DatabaseProvider.Sqlite);
        var random = new Random(Seed);
        var timeout = TimeSpan.FromSeconds(10) + TimeSpan.FromSeconds(2);
        for (var i = 0; i < Requests; i++)
        {
            var body = Body(random);
            var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = new StringContent(body, Encoding.UTF8) };
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse("application/json");
            request.Headers.TryAddWithoutValidation("Accept", random.Next(2) == 0 ? CleaApi.GraphQLMediaType : "application/json");
            var watch = Stopwatch.StartNew();
            var response = await api.SendAsync(request);
            var context = $"request {i} (seed {Seed}): {Truncate(body)} -> {(int)response.Status} {Truncate(response.Body)}";
            Assert.True(watch.Elapsed < timeout, $"{watch.Elapsed} for {context}");
            Assert.True((int)response.Status < 500, context);
            Assert.All(response.Errors, e => Assert.True(
                e.TryGetProperty("extensions", out var x) && x.TryGetProperty("code", out var code) && !string.IsNullOrEmpty(code.GetString()), context));
        }
    }

    private static string Body(Random random)
    {
        var document = Mutate(Seeds[random.Next(Seeds.Length)], random);
        var variables = random.Next(6) switch
        {
            0 => """{"s":"formation","n":3}""",
            1 => $$"""{"s":"{{string.Join(' ', Enumerable.Repeat("mot", random.Next(1, 400)))}}","n":{{random.Next(-5, 200)}}}""",
            2 => """{"n":1,"n":"x"}""",
            3 => """{"i":[{"siren":"900000019"},{"siret":"123"}],"s":null}""",
            4 => "[1,2,3]",
            _ => "null",
        };
        return random.Next(10) switch
        {
            0 => Mutate($$"""{"query":{{JsonSerializer.Serialize(document)}},"variables":{{variables}}}""", random), // broken JSON
            1 => $$"""{"query":{{JsonSerializer.Serialize(document)}},"variables":{{variables}},"operationName":"{{Pieces[random.Next(Pieces.Length)]}}"}""",
            _ => $$"""{"query":{{JsonSerializer.Serialize(document)}},"variables":{{variables}}}""",
        };
    }

    private static string Mutate(string text, Random random)
    {
        var builder = new StringBuilder(text);
        for (var m = random.Next(0, 6); m > 0 && builder.Length > 0; m--)
        {
            var at = random.Next(builder.Length);
            switch (random.Next(5))
            {
                case 0: builder.Remove(at, Math.Min(random.Next(1, 12), builder.Length - at)); break;
                case 1: builder.Insert(at, Pieces[random.Next(Pieces.Length)] + " "); break;
                case 2: builder.Insert(at, builder.ToString(at, Math.Min(random.Next(1, 80), builder.Length - at))); break;
                case 3: builder.Insert(at, string.Concat(Enumerable.Repeat("{ ", random.Next(1, 40)))); break;
                default: builder[at] = (char)random.Next(32, 127); break;
            }
        }
        return builder.ToString();
    }

    private static string Truncate(string text) => text.Length <= 400 ? text : text[..400] + "…";
}
