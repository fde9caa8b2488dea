using System.Collections.Frozen;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace Clea.Graph.Ide;

/// <summary>
/// Serves GraphiQL (bundled offline by <c>Ide/build.sh</c>, embedded in the assembly) to browsers: a GET of the GraphQL
/// path that accepts <c>text/html</c> and carries no <c>query</c> gets the page, and <c>{path}/ide/…</c> its assets.
/// Every other request goes on to the GraphQL endpoint untouched. <c>GraphQL:Ide=false</c> turns it off.
/// </summary>
public static class GraphQLIde
{
    public const string AssetFolder = "ide";

    // Only our own files: scripts, workers and fonts from this origin, requests to this origin. Monaco (the editor)
    // injects <style> elements at run time, hence 'unsafe-inline' for styles only; GraphiQL's stylesheet embeds its
    // fonts as data: URIs, hence data: for fonts only.
    public const string ContentSecurityPolicy = "default-src 'none'; script-src 'self'; worker-src 'self'; " +
        "style-src 'self' 'unsafe-inline'; font-src 'self' data:; img-src 'self' data:; connect-src 'self'; " +
        "base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    private static readonly FrozenDictionary<string, string> ContentTypes = new Dictionary<string, string>
    {
        [".js"] = "text/javascript; charset=utf-8",
        [".css"] = "text/css; charset=utf-8",
        [".ttf"] = "font/ttf",
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    public static IApplicationBuilder UseCleaGraphQLIde(this IApplicationBuilder app, string path = "/graphql")
    {
        var enabled = app.ApplicationServices.GetRequiredService<IConfiguration>().GetValue("GraphQL:Ide", defaultValue: true);
        if (!enabled) return app;
        var assetPrefix = new PathString(path).Add("/" + AssetFolder);
        var page = Page(assetPrefix);
        return app.Use(async (http, next) =>
        {
            var request = http.Request;
            if (!HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method))
            {
                await next(http);
                return;
            }
            if (request.Path.Equals(path, StringComparison.OrdinalIgnoreCase) && WantsPage(request))
            {
                await WriteAsync(http, "text/html; charset=utf-8", page, cache: "no-cache");
                return;
            }
            if (request.Path.StartsWithSegments(assetPrefix, StringComparison.OrdinalIgnoreCase, out var rest)
                && Asset(rest.Value) is { } asset)
            {
                await WriteAsync(http, asset.ContentType, asset.Bytes, cache: "public, max-age=86400");
                return;
            }
            await next(http);
        });
    }

    /// <summary>A browser navigating to the endpoint: no GraphQL <c>query</c> parameter and HTML acceptable.</summary>
    internal static bool WantsPage(HttpRequest request)
    {
        if (!StringValues.IsNullOrEmpty(request.Query["query"])) return false;
        return MediaTypeHeaderValue.TryParseList(request.Headers.Accept, out var types)
            && types.Any(t => t.MediaType.Equals("text/html", StringComparison.OrdinalIgnoreCase) && (t.Quality ?? 1) > 0);
    }

    private static (string ContentType, byte[] Bytes)? Asset(string? name)
    {
        // Flat folder: "/ide.js", never "/../…"; the embedded resource names are the only files there are.
        if (name is null || name.Length < 2 || name.IndexOf('/', 1) >= 0) return null;
        var file = name[1..];
        if (!ContentTypes.TryGetValue(Path.GetExtension(file), out var contentType)) return null;
        using var stream = typeof(GraphQLIde).Assembly.GetManifestResourceStream(AssetFolder + "/" + file);
        if (stream is null) return null;
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return (contentType, buffer.ToArray());
    }

    private static async Task WriteAsync(HttpContext http, string contentType, byte[] body, string cache)
    {
        http.Response.ContentType = contentType;
        http.Response.Headers.CacheControl = cache;
        http.Response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
        http.Response.Headers.XContentTypeOptions = "nosniff";
        http.Response.Headers["Referrer-Policy"] = "no-referrer";
        http.Response.ContentLength = body.Length;
        if (!HttpMethods.IsHead(http.Request.Method)) await http.Response.Body.WriteAsync(body, http.RequestAborted);
    }

    private static byte[] Page(PathString assets) => System.Text.Encoding.UTF8.GetBytes($$"""
        <!doctype html>
        <html lang="fr">
        <head>
          <meta charset="utf-8">
          <meta name="viewport" content="width=device-width, initial-scale=1">
          <meta name="clea-ide-assets" content="{{assets}}">
          <title>CleaGraph — GraphiQL</title>
          <link rel="icon" href="data:,">
          <link rel="stylesheet" href="{{assets}}/ide.css">
          <script type="module" src="{{assets}}/ide.js"></script>
        </head>
        <body><div id="graphiql">Chargement de GraphiQL…</div></body>
        </html>
        """);
}
