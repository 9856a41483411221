using CollabAddin.Api.Data;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Identity.Web;
using Microsoft.Identity.Web.TokenCacheProviders.Distributed;

namespace CollabAddin.Api.Auth;

public enum TokenCacheStore
{
    /// <summary>In this process: enough for one API instance.</summary>
    Memory,
    /// <summary>In the configured database, encrypted: for several instances behind a load balancer.</summary>
    Database,
}

public static class TokenCaches
{
    /// <summary>
    /// Where Identity.Web keeps the Graph tokens it acquired (<c>TokenCache:Store</c>). In the database, each entry is
    /// encrypted with ASP.NET Core data protection, whose key ring is kept in the same database so that every instance
    /// can read what another wrote.
    /// </summary>
    public static void AddTokenCaches(this MicrosoftIdentityAppCallsWebApiAuthenticationBuilder identity, WebApplicationBuilder builder)
    {
        if (builder.Configuration.GetValue("TokenCache:Store", TokenCacheStore.Memory) == TokenCacheStore.Memory)
        {
            identity.AddInMemoryTokenCaches();
            return;
        }
        builder.Services.AddDataProtection().SetApplicationName("CollabAddin").PersistKeysToDbContext<CollabDb>();
        builder.Services.AddSingleton<IDistributedCache, StoreTokenCache>();
        identity.AddDistributedTokenCaches();
        builder.Services.Configure<MsalDistributedTokenCacheAdapterOptions>(o => o.Encrypt = true);
    }
}
