using System.Text.Json;
using Clea.Graph.Authorization;
using Clea.Graph.Privacy;
using Clea.Graph.Schema;
using GraphQL;
using GraphQL.Transport;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace Clea.Graph.Http;

/// <summary>
/// The GraphQL-over-HTTP endpoint (draft specification): POST <c>application/json</c> for everything, GET for queries
/// only; answers <c>application/graphql-response+json</c> or legacy <c>application/json</c> as the Accept header asks.
/// Status codes with the GraphQL media type: 400 for a malformed request, an unparsable document or a validation error,
/// 401/403 when the authorization rule refuses a field (nothing executed), 405 for a mutation over GET, 413 past the size limit, 415 for another content type, 503 (with Retry-After) while the database is unreachable, 504 past the execution
/// timeout, 200 once execution started
/// (field errors included). With legacy <c>application/json</c> every well-formed request gets 200.
/// </summary>
public static class GraphQLHttpEndpoint
{
    public const string GraphQLResponseMediaType = "application/graphql-response+json";
    public const string JsonMediaType = "application/json";

    public static IEndpointConventionBuilder MapCleaGraphQL(this IEndpointRouteBuilder endpoints, string pattern = "/graphql")
        => endpoints.Map(pattern, HandleAsync).WithDisplayName("GraphQL");

    internal static async Task HandleAsync(HttpContext http)
    {
        var graphQLMediaType = PrefersGraphQLResponse(http.Request.Headers.Accept);
        var isGet = HttpMethods.IsGet(http.Request.Method);
        if (!isGet && !HttpMethods.IsPost(http.Request.Method))
        {
            http.Response.Headers.Allow = "GET, POST";
            await WriteErrorAsync(http, graphQLMediaType, StatusCodes.Status405MethodNotAllowed, HttpErrors.MethodNotAllowed,
                $"{http.Request.Method} is not supported: send queries with GET or POST, mutations with POST.");
            return;
        }

        var (request, error) = isGet ? ReadGet(http) : await ReadPostAsync(http);
        if (error is not null)
        {
            await WriteErrorAsync(http, graphQLMediaType, error.Value.Status, error.Value.Code, error.Value.Message);
            return;
        }

        var limits = http.RequestServices.GetRequiredService<IOptions<GraphQLHttpOptions>>().Value;
        // The timeout cancels parsing, validation, resolvers and their SQL commands; the client leaving cancels too.
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted);
        timeout.CancelAfter(limits.ExecutionTimeout);
        var executer = http.RequestServices.GetRequiredService<IDocumentExecuter<CleaSchema>>();
        var options = new ExecutionOptions
        {
            Query = request!.Query,
            OperationName = request.OperationName,
            Variables = request.Variables,
            Extensions = request.Extensions,
            RequestServices = http.RequestServices,
            User = http.User,
            CancellationToken = timeout.Token,
        };
        if (isGet) options.UserContext[QueriesOnlyOverGetRule.GetRequestKey] = true;
        ExecutionResult result;
        try
        {
            result = await executer.ExecuteAsync(options);
            if (result.Errors?.Any(e => e.Code == HttpErrors.ServiceUnavailable) != true)
            {
                // Personal-data reads are logged before the data leaves: if the log cannot be written, nothing leaves.
                await http.RequestServices.GetRequiredService<PersonalDataAccessLog>().FlushAsync(timeout.Token);
            }
        }
        catch (OperationCanceledException) when (http.RequestAborted.IsCancellationRequested)
        {
            return; // the client left: nobody to answer
        }
        catch (Exception e)
        {
            // One classification with the outermost middleware: 504 past the timeout, 503 while the database is away,
            // 500 for a bug — never a stack trace: the log has it, the caller gets a code.
            var failure = HostFailure.Classify(e, timeout.IsCancellationRequested, limits.ExecutionTimeout);
            failure.Log(http, e);
            if (failure.Code == HttpErrors.ServiceUnavailable) TransientFailures.SetRetryAfter(http.Response);
            await WriteErrorAsync(http, graphQLMediaType, failure.Status, failure.Code, failure.Message);
            return;
        }

        var status = StatusCodes.Status200OK;
        if (result.Errors?.Any(e => e.Code == HttpErrors.ServiceUnavailable) == true)
        {
            // Whatever ran, the answer is incomplete because the database was away: retry, and nothing leaves.
            TransientFailures.SetRetryAfter(http.Response);
            result = new ExecutionResult { Errors = [TransientFailures.Error()], Executed = result.Executed };
            status = StatusCodes.Status503ServiceUnavailable;
        }
        else if (result.Executed is false)
        {
            if (result.Errors?.Any(e => e.Code == HttpErrors.MethodNotAllowed) == true)
            {
                http.Response.Headers.Allow = "POST";
                status = StatusCodes.Status405MethodNotAllowed;
            }
            else if (graphQLMediaType)
            {
                status = result.Errors?.Any(e => e.Code == AuthorizationErrors.NotAuthenticated) == true ? StatusCodes.Status401Unauthorized
                    : result.Errors?.Any(e => e.Code == AuthorizationErrors.NotAuthorized) == true ? StatusCodes.Status403Forbidden
                    : StatusCodes.Status400BadRequest;
            }
        }
        result.Extensions ??= [];
        result.Extensions["cost"] = Cost(options.UserContext.TryGetValue(DocumentCache.CostKey, out var cost) ? cost : null);
        http.Response.StatusCode = status;
        http.Response.ContentType = ContentType(graphQLMediaType);
        var serializer = http.RequestServices.GetRequiredService<IGraphQLSerializer>();
        await serializer.WriteAsync(http.Response.Body, result, http.RequestAborted);
    }

    /// <summary><c>extensions.cost</c>: the computed cost (null when the document was refused before it was computed) and the limit.</summary>
    private static Dictionary<string, object?> Cost(object? requested)
        => new() { ["requested"] = requested is double d ? (object)(long)Math.Ceiling(d) : null, ["limit"] = CostModel.MaxCost };

    private readonly record struct RequestError(int Status, string Code, string Message);

    private static (GraphQLRequest?, RequestError?) ReadGet(HttpContext http)
    {
        var query = http.Request.Query;
        if (StringValues.IsNullOrEmpty(query["query"]))
            return (null, new(400, HttpErrors.InvalidRequest, "A GET request carries its document in the 'query' parameter."));
        if (query.Any(p => p.Value.Count > 1))
            return (null, new(400, HttpErrors.InvalidRequest, "Each GraphQL request parameter may appear once."));
        var serializer = http.RequestServices.GetRequiredService<IGraphQLTextSerializer>();
        try
        {
            return (new GraphQLRequest
            {
                Query = query["query"],
                OperationName = StringValues.IsNullOrEmpty(query["operationName"]) ? null : query["operationName"].ToString(),
                Variables = StringValues.IsNullOrEmpty(query["variables"]) ? null : serializer.Deserialize<Inputs>(query["variables"]),
                Extensions = StringValues.IsNullOrEmpty(query["extensions"]) ? null : serializer.Deserialize<Inputs>(query["extensions"]),
            }, null);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException or NotSupportedException or ArgumentException)
        {
            return (null, new(400, HttpErrors.InvalidJson, "The 'variables' and 'extensions' parameters must be JSON objects."));
        }
    }

    private static async Task<(GraphQLRequest?, RequestError?)> ReadPostAsync(HttpContext http)
    {
        if (!MediaTypeHeaderValue.TryParse(http.Request.ContentType, out var contentType)
            || !contentType.MediaType.Equals(JsonMediaType, StringComparison.OrdinalIgnoreCase)
            || (contentType.Charset.HasValue && !contentType.Charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase)))
        {
            return (null, new(415, HttpErrors.UnsupportedMediaType,
                $"Send the request as 'Content-Type: {JsonMediaType}' (UTF-8); '{http.Request.ContentType}' is not supported."));
        }

        var limit = http.RequestServices.GetRequiredService<IOptions<GraphQLHttpOptions>>().Value.MaxRequestBytes;
        if (http.Request.ContentLength > limit) return (null, TooLarge(limit));
        var body = await ReadBodyAsync(http.Request.Body, limit, http.RequestAborted);
        if (body is null) return (null, TooLarge(limit));

        GraphQLRequest? request;
        try
        {
            // A batch (JSON array) is not supported: the document is read as one object or refused.
            request = http.RequestServices.GetRequiredService<IGraphQLSerializer>().ReadNode<GraphQLRequest>(ParseObject(body));
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException or NotSupportedException or ArgumentException)
        {
            return (null, new(400, HttpErrors.InvalidJson, "The body is not a JSON object of the form {\"query\": \"…\", \"variables\": {…}}."));
        }
        if (string.IsNullOrWhiteSpace(request?.Query))
            return (null, new(400, HttpErrors.InvalidRequest, "The request has no 'query': send the GraphQL document as a string."));
        return (request, null);
    }

    private static JsonElement ParseObject(byte[] body)
    {
        using var document = JsonDocument.Parse(body);
        if (document.RootElement.ValueKind != JsonValueKind.Object) throw new JsonException("not an object");
        return document.RootElement.Clone();
    }

    private static RequestError TooLarge(int limit)
        => new(413, HttpErrors.RequestTooLarge, $"The request body exceeds {limit} bytes: send smaller batches.");

    /// <summary>Reads at most <paramref name="limit"/> bytes; null when the body is longer (chunked bodies have no length).</summary>
    private static async Task<byte[]?> ReadBodyAsync(Stream body, int limit, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > limit) return null;
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    /// <summary>
    /// True when the answer should be <c>application/graphql-response+json</c>: unless the client explicitly prefers
    /// <c>application/json</c>. No Accept header means legacy JSON, as the specification asks; an Accept header naming
    /// neither (or only wildcards) gets the GraphQL media type rather than a 406.
    /// </summary>
    internal static bool PrefersGraphQLResponse(StringValues accept)
    {
        if (StringValues.IsNullOrEmpty(accept)) return false;
        if (!MediaTypeHeaderValue.TryParseList(accept, out var types)) return true;
        double Quality(string mediaType)
            => types.Where(t => t.MediaType.Equals(mediaType, StringComparison.OrdinalIgnoreCase)).Select(t => t.Quality ?? 1.0).DefaultIfEmpty(-1).Max();
        var json = Quality(JsonMediaType);
        return !(json > 0 && json > Quality(GraphQLResponseMediaType));
    }

    private static string ContentType(bool graphQLMediaType)
        => (graphQLMediaType ? GraphQLResponseMediaType : JsonMediaType) + "; charset=utf-8";

    private static async Task WriteErrorAsync(HttpContext http, bool graphQLMediaType, int status, string code, string message)
    {
        // Legacy clients get the same status: the request never reached GraphQL, so it is not "well-formed".
        http.Response.StatusCode = status;
        http.Response.ContentType = ContentType(graphQLMediaType);
        var result = new ExecutionResult { Errors = [new ExecutionError(message) { Code = code }] };
        result.Extensions = new() { ["cost"] = Cost(null) };
        await http.RequestServices.GetRequiredService<IGraphQLSerializer>().WriteAsync(http.Response.Body, result, http.RequestAborted);
    }
}
