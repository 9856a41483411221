using System.Collections;
using System.Collections.Concurrent;
using System.Globalization;
using System.Reflection;
using System.Text.Json;
using CollabAddin.Minutes;

namespace CollabAddin.Api.Http;

/// <summary>
/// One gate for every JSON body the API reads: a string carrying a character nobody types (see <see cref="TypedText"/>),
/// a string past <see cref="MaxStringLength"/> or a list past <see cref="MaxListLength"/> is refused with 422 naming the
/// field by its JSON path ("agenda[3].topic"), in the caller's language, before any handler sees it. Feature rules
/// (a subject's 500 characters, five agenda items) stay with their features; these are the ceilings nothing may pass.
/// </summary>
public static class TypedInput
{
    public const int MaxStringLength = 10_000;
    public const int MaxListLength = 1_000;

    /// <summary>Endpoints below this group have their bodies checked.</summary>
    public static RouteGroupBuilder MapTypedApi(this IEndpointRouteBuilder routes) =>
        // Answers any endpoint of the API can give: unreadable input, no or a refused token, the store unavailable.
        routes.MapGroup("").Refuses(400, 401, 403, 503).AddEndpointFilterFactory((factory, next) =>
        {
            // The body is the parameter of one of our own types that is neither a service nor bound by BindAsync (Caller).
            var services = factory.ApplicationServices.GetRequiredService<IServiceProviderIsService>();
            var index = Array.FindIndex(factory.MethodInfo.GetParameters(), p => p.ParameterType.Assembly == typeof(TypedInput).Assembly
                && !services.IsService(p.ParameterType) && p.ParameterType.GetMethod("BindAsync", BindingFlags.Public | BindingFlags.Static) is null);
            if (index < 0) return next;
            return async context =>
            {
                var culture = RequestLanguage.Of(context.HttpContext.Request);
                var errors = new Dictionary<string, string[]>();
                Walk(context.Arguments[index], "", errors, culture, 0);
                if (errors.Count == 0) return await next(context);
                return Results.ValidationProblem(errors, statusCode: StatusCodes.Status422UnprocessableEntity,
                    title: Messages.Format("input.refused", culture));
            };
        });

    private static readonly ConcurrentDictionary<Type, (string Name, PropertyInfo Property)[]> Shapes = new();

    private static void Walk(object? value, string path, Dictionary<string, string[]> errors, CultureInfo culture, int depth)
    {
        switch (value)
        {
            case null or bool or Guid or Enum or DateTime or DateOnly or DateTimeOffset: return;
            case string text:
                if (text.Length > MaxStringLength) errors[path] = [Messages.Format("text.tooLong", culture, MaxStringLength)];
                else if (TypedText.FirstForbidden(text) is var at and >= 0) errors[path] = [Messages.Format("text.forbiddenCharacter", culture, at + 1, $"U+{(int)text[at]:X4}")];
                return;
            case IEnumerable list:
                var i = 0;
                foreach (var element in list)
                {
                    if (i == MaxListLength) { errors[path] = [Messages.Format("list.tooLong", culture, MaxListLength)]; return; }
                    Walk(element, $"{path}[{i++}]", errors, culture, depth + 1);
                }
                return;
        }
        var type = value.GetType();
        if (type.IsPrimitive || type.Assembly != typeof(TypedInput).Assembly || depth > 8) return;
        foreach (var (name, property) in Shapes.GetOrAdd(type, t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                     .Where(p => p.CanRead && p.GetIndexParameters().Length == 0 && p.Name != "EqualityContract")
                     .Select(p => (JsonNamingPolicy.CamelCase.ConvertName(p.Name), p)).ToArray()))
            Walk(property.GetValue(value), path.Length == 0 ? name : $"{path}.{name}", errors, culture, depth + 1);
    }
}
