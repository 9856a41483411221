using Microsoft.OpenApi;

namespace CollabAddin.Api.Http;

public static class OpenApiSetup
{
    /// <summary>OpenAPI at /openapi/v1.json, declaring the bearer scheme every /api route needs.</summary>
    public static IServiceCollection AddCollabOpenApi(this IServiceCollection services) =>
        services.AddOpenApi(o => o.AddDocumentTransformer((document, _, _) =>
        {
            document.Info = new OpenApiInfo { Title = "CollabAddin API", Version = "v1" };
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
            document.Components.SecuritySchemes["Bearer"] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                BearerFormat = "JWT",
                Description = "An Entra ID access token for the API's access_as_user scope (in Development: POST /dev/token).",
            };
            return Task.CompletedTask;
        }));
}
