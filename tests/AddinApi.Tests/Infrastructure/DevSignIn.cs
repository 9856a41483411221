using System.Net.Http.Json;
using CollabAddin.Api.Auth;

namespace CollabAddin.Api.Tests.Infrastructure;

/// <summary>Signs a test person in through the API's Development token endpoint, in-process or over a real socket.</summary>
internal static class DevSignIn
{
    public static async Task<string> TokenAsync(HttpClient anonymous, string email, string tenant = TestData.Tenant)
    {
        var response = await anonymous.PostAsJsonAsync("/dev/token", new { email, name = TestData.NameOf(email), tenant });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<DevTokenResponse>())!.AccessToken;
    }
}
