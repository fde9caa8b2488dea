namespace Clea.Graph.Http;

/// <summary>Error codes of requests refused before any GraphQL execution, or stopped by the host (documented in the README).</summary>
public static class HttpErrors
{
    public const string InvalidJson = "INVALID_JSON";
    public const string InvalidRequest = "INVALID_REQUEST";
    public const string UnsupportedMediaType = "UNSUPPORTED_MEDIA_TYPE";
    public const string RequestTooLarge = "REQUEST_TOO_LARGE";
    public const string MethodNotAllowed = "METHOD_NOT_ALLOWED";
    public const string DocumentTooLarge = "DOCUMENT_TOO_LARGE";
    public const string TooManyTokens = "TOO_MANY_TOKENS";
    public const string TooManyFields = "TOO_MANY_FIELDS";
    public const string TooManyAliases = "TOO_MANY_ALIASES";
    public const string QueryTooDeep = "QUERY_TOO_DEEP";
    public const string Complexity = "COMPLEXITY";
    public const string ExecutionTimeout = "EXECUTION_TIMEOUT";
    public const string ServiceUnavailable = "SERVICE_UNAVAILABLE";
    public const string InternalError = "INTERNAL_ERROR";
}
