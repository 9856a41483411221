using System.Text.Json.Serialization;
using CollabAddin.Api.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CollabAddin.Api.Auth;

/// <param name="Roles">App roles to include, e.g. "CollabAddin.Admin" to act as a tenant admin.</param>
/// <param name="ObjectId">The account's object id (a GUID); by default one derived from tenant and email. Give another to
/// play a second account with the same email, or the same account after its email changed.</param>
public sealed record DevTokenRequest(string? Email, string? Name, string? Tenant, string[]? Roles = null, string? ObjectId = null);

public sealed record DevTokenResponse(
    [property: JsonPropertyName("access_token")] string AccessToken,
    [property: JsonPropertyName("token_type")] string TokenType,
    [property: JsonPropertyName("expires_in")] int ExpiresIn);

/// <summary><c>POST /dev/token</c>: sign in as anyone, in Development only. Elsewhere the route is never mapped.</summary>
public static class DevTokenApi
{
    public static void MapDevToken(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/dev/token", Results<Ok<DevTokenResponse>, ProblemHttpResult> (DevTokenRequest request, DevTokenIssuer issuer, HttpRequest http) =>
        {
            var culture = RequestLanguage.Of(http);
            var errors = new Dictionary<string, string[]>();
            if (!Emails.IsValid(request.Email))
                errors["email"] = [Messages.Format("dev.email", culture)];
            if (string.IsNullOrWhiteSpace(request.Tenant) || request.Tenant.Length > Data.CollabModel.TenantLength)
                errors["tenant"] = [Messages.Format("dev.tenant", culture)];
            if (request.ObjectId is not null && !Guid.TryParse(request.ObjectId, out _))
                errors["objectId"] = [Messages.Format("dev.objectId", culture)];
            if (request.Name is { Length: > Data.CollabModel.NameLength })
                errors["name"] = [Messages.Format("dev.name", culture, Data.CollabModel.NameLength)];
            if (errors.Count > 0)
                return Problems.Invalid(errors, title: Messages.Format("dev.incomplete", culture));

            var email = request.Email!.Trim();
            var name = string.IsNullOrWhiteSpace(request.Name) ? email : request.Name.Trim();
            var token = issuer.Mint(email, name, request.Tenant!.Trim(), roles: request.Roles, objectId: request.ObjectId);
            return TypedResults.Ok(new DevTokenResponse(token, "Bearer", (int)DevTokenIssuer.DefaultLifetime.TotalSeconds));
        })
        .AllowAnonymous()
        .Refuses(400)
        .WithTags("Development")
        .WithSummary("Development sign-in: returns a bearer token for any email and tenant.");
    }
}
