using System.Text.Json;
using System.Text.RegularExpressions;

namespace CollabAddin.GraphEmulator.Tests;

/// <summary>
/// Checks a JSON body against Microsoft's OpenAPI description of Graph (../shared/graph). Stricter than the
/// description in one way on purpose: a property the schema does not declare is an error (OData annotations
/// such as @odata.context aside), so the emulator cannot invent shapes. Follows the description's README on its
/// quirks: a $ref-typed property may be null, success ranges are "2XX", action paths are namespace-qualified.
/// </summary>
public sealed class OpenApiShapes
{
    private readonly JsonElement _root;

    private OpenApiShapes(JsonElement root) => _root = root;

    public static OpenApiShapes Load()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var file = Path.Combine(dir.FullName, "shared", "graph", "graph-v1.0-subset.openapi.json");
            if (File.Exists(file))
                return new OpenApiShapes(JsonDocument.Parse(File.ReadAllText(file)).RootElement);
        }
        throw new FileNotFoundException("shared/graph/graph-v1.0-subset.openapi.json was not found beside the repository.");
    }

    /// <summary>The description's path and method for an emulator request path, e.g. /v1.0/users/a@b/events/AAM → /users/{user-id}/events/{event-id}.</summary>
    public static string? Operation(string method, string path)
    {
        var p = Regex.Replace(path, "^/v1.0", "");
        (string Pattern, string Template)[] routes =
        [
            (@"^/users/[^/]+/events$", "/users/{user-id}/events"),
            (@"^/users/[^/]+/events/[^/]+$", "/users/{user-id}/events/{event-id}"),
            (@"^/users/[^/]+/events/[^/]+/(microsoft\.graph\.)?cancel$", "/users/{user-id}/events/{event-id}/microsoft.graph.cancel"),
            (@"^/users/[^/]+/calendar/(microsoft\.graph\.)?getSchedule$", "/users/{user-id}/calendar/microsoft.graph.getSchedule"),
            (@"^/users/[^/]+/(microsoft\.graph\.)?findMeetingTimes$", "/users/{user-id}/microsoft.graph.findMeetingTimes"),
            (@"^/users/[^/]+/(microsoft\.graph\.)?sendMail$", "/users/{user-id}/microsoft.graph.sendMail"),
            (@"^/users/[^/]+/manager$", "/users/{user-id}/manager"),
        ];
        var template = routes.FirstOrDefault(r => Regex.IsMatch(p, r.Pattern)).Template;
        return template is null ? null : $"{method.ToLowerInvariant()} {template}";
    }

    /// <summary>Every way the body departs from the schema of that operation's response; empty when it conforms.</summary>
    public List<string> Check(string operation, int status, JsonElement body, bool allowUndeclaredAtRoot = false)
    {
        var (method, path) = (operation.Split(' ')[0], operation.Split(' ')[1]);
        var responses = _root.GetProperty("paths").GetProperty(path).GetProperty(method).GetProperty("responses");
        var response = status is >= 200 and < 300 ? responses.GetProperty("2XX") : responses.GetProperty("default");
        response = Resolve(response);
        var schema = response.GetProperty("content").GetProperty("application/json").GetProperty("schema");
        var errors = new List<string>();
        Validate(body, schema, "$", errors, allowUndeclaredAtRoot);
        return errors;
    }

    private JsonElement Resolve(JsonElement node)
    {
        while (node.ValueKind == JsonValueKind.Object && node.TryGetProperty("$ref", out var r))
        {
            node = _root;
            foreach (var part in r.GetString()!.TrimStart('#', '/').Split('/'))
                node = node.GetProperty(part);
        }
        return node;
    }

    private void Validate(JsonElement value, JsonElement schema, string at, List<string> errors, bool lenientRoot = false)
    {
        var isRef = schema.TryGetProperty("$ref", out _);
        schema = Resolve(schema);
        if (value.ValueKind == JsonValueKind.Null)
        {
            var nullable = isRef || (schema.TryGetProperty("nullable", out var n) && n.GetBoolean());
            if (!nullable) errors.Add($"{at}: null where the schema does not allow it");
            return;
        }
        if (schema.TryGetProperty("allOf", out var allOf))
        {
            var properties = new Dictionary<string, JsonElement>();
            foreach (var part in allOf.EnumerateArray())
                CollectProperties(Resolve(part), properties);
            ValidateObject(value, properties, at, errors, lenientRoot);
            return;
        }
        var type = schema.TryGetProperty("type", out var t) ? t.GetString() : null;
        if (schema.TryGetProperty("enum", out var values) && !values.EnumerateArray().Any(v => v.ValueKind == value.ValueKind && v.ToString() == value.ToString()))
            errors.Add($"{at}: '{value}' is not one of {values}");
        switch (type)
        {
            case "object" when schema.TryGetProperty("properties", out _):
                var props = new Dictionary<string, JsonElement>();
                CollectProperties(schema, props);
                ValidateObject(value, props, at, errors, lenientRoot);
                break;
            case "object":
                if (value.ValueKind != JsonValueKind.Object) errors.Add($"{at}: expected an object, got {value.ValueKind}");
                break;
            case "array":
                if (value.ValueKind != JsonValueKind.Array) { errors.Add($"{at}: expected an array, got {value.ValueKind}"); break; }
                var i = 0;
                foreach (var item in value.EnumerateArray())
                    Validate(item, schema.GetProperty("items"), $"{at}[{i++}]", errors);
                break;
            case "string":
                if (value.ValueKind != JsonValueKind.String) { errors.Add($"{at}: expected a string, got {value.ValueKind}"); break; }
                if (schema.TryGetProperty("pattern", out var pattern) && !Regex.IsMatch(value.GetString()!, pattern.GetString()!))
                    errors.Add($"{at}: '{value}' does not match {pattern}");
                break;
            case "number" or "integer":
                if (value.ValueKind != JsonValueKind.Number) errors.Add($"{at}: expected a number, got {value.ValueKind}");
                else if (type == "integer" && !value.TryGetInt64(out _)) errors.Add($"{at}: expected an integer, got {value}");
                break;
            case "boolean":
                if (value.ValueKind is not (JsonValueKind.True or JsonValueKind.False)) errors.Add($"{at}: expected a boolean, got {value.ValueKind}");
                break;
        }
    }

    private void CollectProperties(JsonElement schema, Dictionary<string, JsonElement> into)
    {
        schema = Resolve(schema);
        if (schema.TryGetProperty("allOf", out var allOf))
            foreach (var part in allOf.EnumerateArray()) CollectProperties(part, into);
        if (schema.TryGetProperty("properties", out var properties))
            foreach (var p in properties.EnumerateObject()) into[p.Name] = p.Value;
    }

    private void ValidateObject(JsonElement value, Dictionary<string, JsonElement> properties, string at, List<string> errors, bool lenient)
    {
        if (value.ValueKind != JsonValueKind.Object) { errors.Add($"{at}: expected an object, got {value.ValueKind}"); return; }
        foreach (var p in value.EnumerateObject())
        {
            if (p.Name.StartsWith("@odata.", StringComparison.Ordinal)) continue;
            if (properties.TryGetValue(p.Name, out var propertySchema)) Validate(p.Value, propertySchema, $"{at}.{p.Name}", errors);
            else if (!lenient) errors.Add($"{at}.{p.Name}: not a property of this type in Graph");
        }
    }
}
