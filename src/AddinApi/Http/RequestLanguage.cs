using System.Globalization;
using Microsoft.Net.Http.Headers;

namespace CollabAddin.Api.Http;

/// <summary>The one rule for which of the two languages a request is answered in.</summary>
public static class RequestLanguage
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-US");
    private static readonly CultureInfo Chinese = CultureInfo.GetCultureInfo("zh-CN");

    /// <summary>zh-CN or en-US, from an explicit choice or else the best Accept-Language match.</summary>
    public static CultureInfo Of(HttpRequest request, string? explicitChoice = null)
    {
        if (explicitChoice is not null)
            return explicitChoice.StartsWith("zh", StringComparison.OrdinalIgnoreCase) ? Chinese : English;
        if (StringWithQualityHeaderValue.TryParseList(request.Headers.AcceptLanguage, out var languages))
            foreach (var language in languages.OrderByDescending(l => l.Quality ?? 1))
            {
                if (language.Value.StartsWith("zh", StringComparison.OrdinalIgnoreCase)) return Chinese;
                if (language.Value.StartsWith("en", StringComparison.OrdinalIgnoreCase)) return English;
            }
        return English;
    }
}
