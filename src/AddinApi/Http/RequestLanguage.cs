using System.Globalization;
using Microsoft.Net.Http.Headers;

namespace CollabAddin.Api.Http;

/// <summary>The one rule for which of the two languages a request is answered in.</summary>
public static class RequestLanguage
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-US");
    private static readonly CultureInfo Chinese = CultureInfo.GetCultureInfo("zh-CN");

    /// <summary>The one answer to "is this Chinese?" for a language tag (zh, zh-CN, zh-Hans…); null or anything else is English.</summary>
    public static bool IsChinese(string? language) => language?.StartsWith("zh", StringComparison.OrdinalIgnoreCase) == true;

    /// <summary>zh-CN or en-US, from an explicit choice or else the best Accept-Language match.</summary>
    public static CultureInfo Of(HttpRequest request, string? explicitChoice = null)
    {
        if (explicitChoice is not null)
            return IsChinese(explicitChoice) ? Chinese : English;
        if (StringWithQualityHeaderValue.TryParseList(request.Headers.AcceptLanguage, out var languages))
            foreach (var language in languages.OrderByDescending(l => l.Quality ?? 1))
            {
                if (IsChinese(language.Value.Value)) return Chinese;
                if (language.Value.StartsWith("en", StringComparison.OrdinalIgnoreCase)) return English;
            }
        return English;
    }
}
