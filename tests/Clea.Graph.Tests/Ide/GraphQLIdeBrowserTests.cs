using Clea.Data.Persistence;
using Clea.Graph.Tests.Support;
using Microsoft.Playwright;

namespace Clea.Graph.Tests.Ide;

/// <summary>
/// GraphiQL in a real browser: Debian's <c>chromium</c> (installed by <c>.ci/run</c>; <c>CHROMIUM_PATH</c> overrides it)
/// driven by Playwright against the host on a real socket. One test, on SQLite: the page and its assets do not depend on
/// the database. The screenshot is kept in the test output folder (<c>artifacts/graphiql.png</c>).
/// </summary>
public sealed class GraphQLIdeBrowserTests
{
    private static string Chromium => Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium";

    [Fact]
    public async Task The_IDE_opens_on_the_region_query_and_runs_it_to_show_organisms()
    {
        Assert.True(File.Exists(Chromium), $"{Chromium} not found: install it with `apt-get install -y chromium` (.ci/run does).");
        await using var api = await CleaApi.StartAsync(DatabaseProvider.Sqlite, kestrel: true);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
        });
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1400, Height = 900 } });
        var problems = new List<string>();
        page.Console += (_, message) => { if (message.Type == "error") problems.Add(message.Text); };
        page.PageError += (_, error) => problems.Add(error);

        await page.GotoAsync(new Uri(api.ServerAddress!, "/graphql").ToString());
        var editor = page.Locator(".graphiql-query-editor");
        await Assertions.Expect(editor).ToContainTextAsync("organisms(where", new() { Timeout = 30_000 });
        await page.Locator(".graphiql-execute-button").ClickAsync();

        var result = page.Locator(".result-window");
        await Assertions.Expect(result).ToContainTextAsync("\"totalCount\"", new() { Timeout = 30_000 });
        await Assertions.Expect(result).ToContainTextAsync("\"siren\": \"9");
        await Assertions.Expect(result).Not.ToContainTextAsync("\"errors\"");

        var artefacts = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "artifacts"));
        await page.ScreenshotAsync(new() { Path = Path.Combine(artefacts.FullName, "graphiql.png") });
        // Nothing refused by the Content-Security-Policy, no script error.
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }
}
