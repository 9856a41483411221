namespace CollabAddin.Api.Minutes;

public static class MinutesSetup
{
    public static void AddMinutes(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<MinutesOptions>(builder.Configuration.GetSection("Minutes"));
        builder.Services.Configure<PublishLimits>(builder.Configuration.GetSection("RateLimits"));
        builder.Services.AddSingleton<PublishGate>();
        builder.Services.AddScoped<MinutesPublisher>();
    }
}
