using System.Text.Json;
using System.Text.Json.Nodes;

namespace FakeEntra.Server.Graph;

/// <summary>Read-only <c>/v1.0/devices</c>, <c>/v1.0/applications</c> and <c>/v1.0/servicePrincipals</c>, with the OData options, over <see cref="DirectoryReads"/>.</summary>
public static class DirectoryReadEndpoints
{
    public static RouteGroupBuilder MapDirectoryReads(this RouteGroupBuilder graph)
    {
        Map(graph, "devices", (reads, caller) => reads.Devices(caller).Select(d => View(d, "device", d.Id, except: [])));
        // Graph never returns a secret's value; FakeEntra keeps only a hash, which is not Graph's to show either.
        Map(graph, "applications", (reads, caller) => reads.Applications(caller).Select(a => View(new
        {
            a.AppId,
            a.DisplayName,
            a.SignInAudience,
            a.IdentifierUris,
            a.IsFallbackPublicClient,
            a.PublicClient,
            a.Web,
            a.Spa,
            a.Api,
            a.AppRoles,
            a.Tags,
            PasswordCredentials = a.PasswordCredentials.Select(c => new { c.KeyId, c.DisplayName, c.Hint, c.StartDateTime, c.EndDateTime, SecretText = (string?)null }),
        }, "application", a.Id, except: [])));
        Map(graph, "servicePrincipals", (reads, caller) => reads.ServicePrincipals(caller).Select(sp => View(sp, "servicePrincipal", sp.Id, except: ["appRoleAssignments"])));
        return graph;
    }

    private static void Map(RouteGroupBuilder graph, string collection, Func<DirectoryReads, GraphCaller, IEnumerable<JsonObject>> items)
    {
        graph.MapGet($"/{collection}", (HttpContext http, GraphContext g, DirectoryReads reads) => ODataQuery.List(http, items(reads, g.Caller(http)), collection));
        graph.MapGet($"/{collection}/{{id}}", (string id, HttpContext http, GraphContext g, DirectoryReads reads) =>
        {
            var item = items(reads, g.Caller(http)).FirstOrDefault(i => string.Equals(i["id"]?.GetValue<string>(), id, StringComparison.OrdinalIgnoreCase))
                       ?? throw GraphException.NotFound($"Resource '{id}' does not exist or one of its queried reference-property objects are not present.");
            return Results.Text(GraphJson.WithContext(item, $"{collection}/$entity").ToJsonString(), "application/json; charset=utf-8");
        });
    }

    private static JsonObject View<T>(T value, string type, Guid id, string[] except)
    {
        var view = new JsonObject { ["@odata.type"] = $"#microsoft.graph.{type}" };
        foreach (var (key, node) in JsonSerializer.SerializeToNode(value, GraphJson.Output)!.AsObject().ToList())
            if (!except.Contains(key)) view[key] = node?.DeepClone();
        view["id"] = id.ToString("D");
        return view;
    }
}
