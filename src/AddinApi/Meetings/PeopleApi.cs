using CollabAddin.Api.Auth;
using CollabAddin.Api.Graph;
using CollabAddin.Api.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CollabAddin.Api.Meetings;

/// <summary><c>GET /api/people?search=</c>: the directory, for the organizer's attendee picker (Graph acts as the caller).</summary>
public static class PeopleApi
{
    public static void MapPeople(this IEndpointRouteBuilder routes) =>
        routes.MapGet("/api/people", async Task<Results<Ok<IReadOnlyList<DirectoryPerson>>, ProblemHttpResult>> (IGraphGateway graph, HttpRequest request, CancellationToken ct, string? search = null) =>
        {
            if (string.IsNullOrWhiteSpace(search) || search.Trim().Length < 2 || search.Length > 100)
                return Problems.Invalid(new Dictionary<string, string[]> { ["search"] = [Http.Messages.Format("people.search", RequestLanguage.Of(request))] });
            return TypedResults.Ok(await graph.SearchPeopleAsync(search.Trim(), 10, ct));
        }).RequireAuthorization(AuthSetup.ApiUserPolicy).WithTags("Meetings").WithSummary("People in the directory whose name or email starts with the text.").Refuses(502);
}
